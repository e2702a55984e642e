import { statSync } from 'node:fs';
import type { ProjectInfo } from '../../../shared/project';
import type { Project } from './projectFile';
import { schemaVersion } from './migrate';
import { APP_SCHEMA_VERSION } from './migrations';

export function tableCounts(project: Project): Record<string, number> {
  const tables = project.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [
      table,
      project.db
        .prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}

export function projectInfo(project: Project): ProjectInfo {
  const pragma = (name: string) => project.db.pragma(name, { simple: true });
  return {
    path: project.path,
    schemaVersion: schemaVersion(project.db),
    appSchemaVersion: APP_SCHEMA_VERSION,
    encryption: {
      cipher: String(pragma('cipher')),
      legacy: Number(pragma('legacy')),
      kdfIterations: Number(pragma('kdf_iter')),
      pageSize: Number(pragma('page_size')),
    },
    tableCounts: tableCounts(project),
    sizeBytes: statSync(project.path).size,
  };
}
