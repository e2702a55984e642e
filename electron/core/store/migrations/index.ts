import { auditLog } from './001-audit-log';
import { programData } from './002-program-data';
import { documentReview } from './003-document-review';
import { anonymousRespondents } from './004-anonymous-respondents';
import { rosterListing } from './005-roster-listing';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration, in order. A new one goes at the end with the next version number. */
export const migrations: readonly Migration[] = [
  auditLog,
  programData,
  documentReview,
  anonymousRespondents,
  rosterListing,
];

export const APP_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
