import type { ProjectStatus } from '../shared/project';
import type { AreaId } from './areas';

/** An unlocked project, as project.status reports it. */
export type OpenProject = Extract<ProjectStatus, { state: 'open' }>;

/** Which screen the window shows. */
export type View =
  | { screen: 'loading' }
  | { screen: 'start' }
  | { screen: 'create'; path: string }
  | { screen: 'unlock'; path: string; name: string; lockedItself?: boolean }
  | { screen: 'home'; project: OpenProject; area: AreaId | 'overview' };

/** The screen that matches the engine's state: nothing open → start, locked → unlock it, open → its home. */
export function viewForStatus(status: ProjectStatus, options: { lockedItself?: boolean } = {}): View {
  switch (status.state) {
    case 'none':
      return { screen: 'start' };
    case 'locked':
      return { screen: 'unlock', path: status.path, name: status.name, lockedItself: options.lockedItself };
    case 'open':
      return { screen: 'home', project: status, area: 'overview' };
  }
}

/** The file's name without folders, for the unlock screen before the engine has named the project. */
export function projectNameFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.confidant$/i, '') || base;
}

/** After several wrong passphrases the engine waits before each attempt; the evaluator is told why. */
export function unlockHint(failures: number): string | null {
  if (failures < 3) return null;
  return 'After several wrong passphrases, each attempt waits a little longer before it is checked.';
}
