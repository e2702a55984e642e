import { useEffect, useState } from 'react';
import {
  applyTheme,
  loadThemeChoice,
  resolveTheme,
  saveThemeChoice,
  systemPrefersDark,
  type Theme,
  type ThemeChoice,
} from '../theme';

/** The evaluator's theme choice, the theme it resolves to now, and a way to change it. */
export function useTheme(): { choice: ThemeChoice; theme: Theme; choose: (choice: ThemeChoice) => void } {
  const [choice, setChoice] = useState<ThemeChoice>(loadThemeChoice);
  const [systemDark, setSystemDark] = useState(systemPrefersDark);

  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const listener = (event: MediaQueryListEvent) => setSystemDark(event.matches);
    query.addEventListener('change', listener);
    return () => query.removeEventListener('change', listener);
  }, []);

  const theme = resolveTheme(choice, systemDark);
  useEffect(() => applyTheme(theme), [theme]);

  return {
    choice,
    theme,
    choose: (next) => {
      saveThemeChoice(next);
      setChoice(next);
    },
  };
}
