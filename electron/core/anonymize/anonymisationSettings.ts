import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import {
  anonymisationSettingsSchema,
  DEFAULT_ANONYMISATION_SETTINGS,
  type AnonymisationSettings,
} from '../../../shared/anonymize';
import { appendAudit } from '../store/audit';
import { projectRosterMatcher } from './rosterNameStore';
import type { ScanOptions } from './scan';

const KEY = 'anonymisation';

/** The project's anonymisation settings; the defaults until the evaluator saves their own. */
export function readAnonymisationSettings(db: Connection): AnonymisationSettings {
  const stored = db.prepare('SELECT value FROM project_setting WHERE key = ?').pluck().get(KEY) as
    string | undefined;
  if (stored === undefined) return DEFAULT_ANONYMISATION_SETTINGS;
  const parsed = anonymisationSettingsSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : DEFAULT_ANONYMISATION_SETTINGS;
}

/** Saves the settings and records in the audit log what changed (names of the settings, never values of ids). */
export function saveAnonymisationSettings(
  db: Connection,
  settings: AnonymisationSettings,
  actor: string,
): AnonymisationSettings {
  const before = readAnonymisationSettings(db);
  const changed = (Object.keys(settings) as (keyof AnonymisationSettings)[]).filter(
    (name) => JSON.stringify(before[name]) !== JSON.stringify(settings[name]),
  );
  db.transaction(() => {
    db.prepare(
      'INSERT INTO project_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(KEY, JSON.stringify(settings));
    appendAudit(db, {
      actor,
      action: 'anonymize.saveSettings',
      objectType: 'project',
      detail: {
        changed: changed.join(', '),
        countries: settings.countries.join(', '),
        identifierMasks: settings.identifierMasks.length,
        minimumCountCell: settings.minimumCellSize.counts,
        minimumQuoteCell: settings.minimumCellSize.quotes,
      },
    });
  })();
  return settings;
}

/** What the PII scan of this project's free text uses: its countries, its id masks and its roster's names. */
export function projectScanOptions(db: Connection): ScanOptions {
  const settings = readAnonymisationSettings(db);
  return {
    countries: settings.countries,
    identifierMasks: settings.identifierMasks,
    roster: projectRosterMatcher(db),
  };
}
