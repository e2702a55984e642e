import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { ProjectStatus } from '../shared/project';
import { api, call } from './api';
import { ErrorMessage } from './components/ErrorMessage';
import { SkipLink } from './components/SkipLink';
import { ThemeChooser } from './components/ThemeChooser';
import { viewForStatus, type View } from './navigation';
import { CreateProjectScreen } from './screens/CreateProjectScreen';
import { ProjectHome } from './screens/ProjectHome';
import { StartScreen } from './screens/StartScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { useTheme } from './hooks/useTheme';

/** The window: which screen shows, the theme, and going back to the unlock screen whenever the project locks. */
export function App() {
  const [view, setView] = useState<View>({ screen: 'loading' });
  const [startupError, setStartupError] = useState<unknown>(null);
  const theme = useTheme();
  const queryClient = useQueryClient();

  const showStatus = useCallback(
    (status: ProjectStatus, lockedItself = false) => {
      // Nothing read from a project outlives its unlocking: the cache goes when the project locks.
      if (status.state !== 'open') queryClient.clear();
      setView((from) => viewForStatus(status, { lockedItself, from }));
    },
    [queryClient],
  );

  useEffect(() => {
    call('project.status', {}).then(
      (status) => showStatus(status),
      (error: unknown) => {
        setStartupError(error);
        setView({ screen: 'start' });
      },
    );
  }, [showStatus]);

  useEffect(
    () =>
      api.onLocked(() => {
        call('project.status', {}).then(
          (status) => showStatus(status, true),
          () => setView({ screen: 'start' }),
        );
      }),
    [showStatus],
  );

  const themeChooser = <ThemeChooser choice={theme.choice} onChoose={theme.choose} />;
  const toStart = () => {
    queryClient.clear();
    setView({ screen: 'start' });
  };

  return (
    <div className="app" data-screen={view.screen}>
      <SkipLink />
      {view.screen === 'home' ? (
        // Keyed by the file: what a project's home keeps (the import wizards) can never show in another.
        <ProjectHome
          key={view.project.path}
          project={view.project}
          area={view.area}
          onArea={(area) => setView({ ...view, area })}
          onStatus={(status) =>
            status.state === 'open' ? setView({ ...view, project: status }) : showStatus(status)
          }
          themeChooser={themeChooser}
          theme={theme.theme}
        />
      ) : (
        <div className="entry-layout">
          <header className="entry-bar">
            <span className="brand">Confidant</span>
            {themeChooser}
          </header>
          <main id="main" tabIndex={-1} className="entry-main">
            <ErrorMessage error={startupError} />
            {view.screen === 'loading' && <p role="status">Starting…</p>}
            {view.screen === 'start' && (
              <StartScreen
                onCreate={(path) => setView({ screen: 'create', path })}
                onUnlock={(path, name) => setView({ screen: 'unlock', path, name })}
              />
            )}
            {view.screen === 'create' && (
              <CreateProjectScreen path={view.path} onCreated={showStatus} onCancel={toStart} />
            )}
            {view.screen === 'unlock' && (
              <UnlockScreen
                key={view.path}
                path={view.path}
                name={view.name}
                lockedItself={view.lockedItself ?? false}
                onUnlocked={showStatus}
                onBack={toStart}
              />
            )}
          </main>
        </div>
      )}
    </div>
  );
}
