import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RecentProject } from '../../shared/project';
import { projectName } from './store/projectFile';

const MAX_RECENT = 10;

/**
 * The start screen's list of recent projects: paths and when they were opened, kept in the app's own settings
 * folder (never inside a project, never anything from inside one).
 */
export class RecentProjects {
  private readonly file: string;
  constructor(settingsDir: string) {
    this.file = path.join(settingsDir, 'recent-projects.json');
  }

  list(): RecentProject[] {
    if (!existsSync(this.file)) return [];
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      if (!Array.isArray(parsed)) return [];
      return parsed
        .filter(
          (entry): entry is RecentProject =>
            typeof entry?.path === 'string' && typeof entry?.lastOpened === 'string',
        )
        .filter((entry) => existsSync(entry.path))
        .map((entry) => ({ path: entry.path, name: projectName(entry.path), lastOpened: entry.lastOpened }));
    } catch {
      return [];
    }
  }

  remember(file: string, at: Date = new Date()): void {
    const entries = [
      { path: file, name: projectName(file), lastOpened: at.toISOString() },
      ...this.list().filter((entry) => entry.path !== file),
    ].slice(0, MAX_RECENT);
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(entries, null, 2));
    renameSync(temporary, this.file);
  }
}
