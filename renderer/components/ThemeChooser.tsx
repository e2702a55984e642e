import { useId } from 'react';
import { themeChoices, type ThemeChoice } from '../theme';

/** Light, dark, or the same as the system; available on every screen. */
export function ThemeChooser({
  choice,
  onChoose,
}: {
  choice: ThemeChoice;
  onChoose: (c: ThemeChoice) => void;
}) {
  const id = useId();
  return (
    <div className="theme-chooser">
      <label htmlFor={id}>Theme</label>
      <select id={id} value={choice} onChange={(event) => onChoose(event.target.value as ThemeChoice)}>
        {themeChoices.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
