import type { ProjectStatus } from '../shared/project';
import type { AreaId } from './areas';

/** An unlocked project, as project.status reports it. */
export type OpenProject = Extract<ProjectStatus, { state: 'open' }>;

/** Which screen the window shows. */
export type View =
  | { screen: 'loading' }
  | { screen: 'start' }
  | { screen: 'create'; path: string }
  | {
      screen: 'unlock';
      path: string;
      name: string;
      lockedItself?: boolean;
      /** The area the evaluator was in when the project locked: unlocking goes back to it. */
      returnTo?: AreaId | 'overview';
    }
  | { screen: 'home'; project: OpenProject; area: AreaId | 'overview' };

/** The area of `from` to come back to in the project at `path`, if `from` was in that project. */
function areaOf(from: View | undefined, path: string): AreaId | 'overview' | undefined {
  if (from?.screen === 'home' && from.project.path === path) return from.area;
  if (from?.screen === 'unlock' && from.path === path) return from.returnTo;
  return undefined;
}

/**
 * The screen that matches the engine's state: nothing open → start, locked → unlock it, open → its home. `from`
 * is the screen shown before: a project that locks while an area is open comes back to that area when it is
 * unlocked again, as the evaluator left it; any other project opens on its overview.
 */
export function viewForStatus(
  status: ProjectStatus,
  options: { lockedItself?: boolean; from?: View } = {},
): View {
  switch (status.state) {
    case 'none':
      return { screen: 'start' };
    case 'locked': {
      const returnTo = areaOf(options.from, status.path);
      return {
        screen: 'unlock',
        path: status.path,
        name: status.name,
        lockedItself: options.lockedItself,
        ...(returnTo ? { returnTo } : {}),
      };
    }
    case 'open':
      return { screen: 'home', project: status, area: areaOf(options.from, status.path) ?? 'overview' };
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
