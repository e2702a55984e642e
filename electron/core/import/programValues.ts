import { quoteValue } from './problems';
import type { Parsed } from './values';

/**
 * The values of pairing lists, HR progression records and activity logs, as people write them, turned into the
 * data model's words: "Promoted" is a promotion, "1h 30m" is 90 minutes, "85%" is a match score of 0.85,
 * "On hold" is a paused pairing. Each parser says what it expected when a value is not one of them.
 */

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(expected: string, message: string): Parsed<T> => ({ ok: false, expected, message });

/** Lower case, punctuation and underscores as spaces, single spaces: "Role-change." -> "role change". */
function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[_\-./,;:()!]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// ------------------------------------------------------------------------------------ progression events

export type ProgressionEventKind =
  'promotion' | 'role_change' | 'expanded_responsibilities' | 'lateral_move' | 'exit';

const EVENT_WORDS: [RegExp, ProgressionEventKind][] = [
  [/^(promotion|promoted|promote|promoted to .+|grade increase|step up)$/, 'promotion'],
  [
    /^(role change|changed role|role changed|change of role|new role|new position|job change|changed jobs?)$/,
    'role_change',
  ],
  [
    /^(expanded|increased|extra|additional|added|more|broader|new) (responsibilities|responsibility|scope)$|^(responsibilities expanded|scope expanded|expanded scope|stretch assignment|acting up)$/,
    'expanded_responsibilities',
  ],
  [
    /^(lateral move|lateral|lateral transfer|sideways move|transfer|transferred|moved teams?|team move|secondment|seconded)$/,
    'lateral_move',
  ],
  [
    /^(exit|exited|left|leaver|left the (company|organisation|organization|firm|business)|resigned|resignation|retired|retirement|terminated|termination|dismissed|redundancy|made redundant|end of contract)$/,
    'exit',
  ],
];

const EVENT_EXPECTED = 'promotion, role change, expanded responsibilities, lateral move or exit';

export function parseEventKind(raw: string): Parsed<ProgressionEventKind> {
  const text = words(raw);
  const found = EVENT_WORDS.find(([pattern]) => pattern.test(text));
  return found
    ? ok(found[1])
    : fail(
        EVENT_EXPECTED,
        `${quoteValue(raw)} is not a kind of progression event; expected Promotion, Role change, Expanded responsibilities, Lateral move or Exit (Left the company).`,
      );
}

// -------------------------------------------------------------------------------------------- durations

/** A meeting no longer than a day: a longer one is a typing slip (minutes in the hours column, say). */
export const LONGEST_MEETING_MINUTES = 24 * 60;

const DURATION_EXPECTED = 'a duration such as 45, 45 min, 1h 30m, 1.5 hours or 1:30';

/**
 * Parses how long a meeting lasted, in minutes: "45" and "45 min" (a bare number is minutes), "1h 30m",
 * "1 hr 30 mins", "1.5 hours", "1:30" (hours and minutes), "PT1H30M" (ISO 8601).
 */
export function parseDuration(raw: string): Parsed<number> {
  const text = raw.trim().toLowerCase().replace(',', '.');
  const bad = () =>
    fail<number>(DURATION_EXPECTED, `${quoteValue(raw)} is not a duration; expected ${DURATION_EXPECTED}.`);
  let minutes: number | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d+(?:\.\d+)?)\s*(m|min|mins|minute|minutes)?$/.exec(text))) minutes = Number(m[1]);
  else if ((m = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/.exec(text)))
    minutes = Number(m[1]) * 60 + Number(m[2]) + Number(m[3] ?? 0) / 60;
  else if (
    (m =
      /^(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours)\s*(?:(?:and\s*)?(\d+(?:\.\d+)?)\s*(?:m|min|mins|minute|minutes)?)?$/.exec(
        text,
      ))
  )
    minutes = Number(m[1]) * 60 + Number(m[2] ?? 0);
  else if ((m = /^pt(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?$/.exec(text)) && (m[1] || m[2]))
    minutes = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  if (minutes === undefined || !Number.isFinite(minutes)) return bad();
  if (minutes > LONGEST_MEETING_MINUTES)
    return fail(
      'a meeting of at most 24 hours',
      `${quoteValue(raw)} is ${Math.round(minutes)} minutes, longer than a day; a bare number is read as minutes.`,
    );
  return ok(Math.round(minutes * 100) / 100);
}

// ---------------------------------------------------------------------------------------- match scores

const SCORE_EXPECTED = 'a match score from 0 to 1, or from 0 to 100 (a percentage)';

/**
 * A match score as the matching tool wrote it, stored from 0 to 1: "0.85" stays, "85" and "85%" become 0.85.
 * A number above 1 is read as a percentage, so a perfect score is "1" or "100".
 */
export function parseMatchScore(raw: string): Parsed<number> {
  const text = raw.trim();
  const percent = text.endsWith('%');
  const number = text.replace(/%$/, '').trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(number))
    return fail(SCORE_EXPECTED, `${quoteValue(raw)} is not a match score; expected ${SCORE_EXPECTED}.`);
  const value = Number(number);
  if (value > 100)
    return fail(SCORE_EXPECTED, `${quoteValue(raw)} is above 100; expected ${SCORE_EXPECTED}.`);
  return ok(percent || value > 1 ? Math.round(value * 100) / 10_000 : value);
}

// ---------------------------------------------------------------------------------------- pairing status

export type PairingStatus = 'proposed' | 'active' | 'completed' | 'ended_early' | 'paused';

const STATUS_WORDS: [RegExp, PairingStatus][] = [
  [/^(proposed|pending|suggested|awaiting (approval|confirmation)|not started|planned)$/, 'proposed'],
  [/^(active|ongoing|on going|in progress|live|matched|current|open|started|running)$/, 'active'],
  [/^(completed|complete|finished|closed|done|graduated|concluded|ended)$/, 'completed'],
  [
    /^(ended early|terminated|withdrawn|withdrew|dissolved|cancelled|canceled|stopped|dropped out|rematched|broken off)$/,
    'ended_early',
  ],
  [/^(paused|on hold|suspended|inactive|on break)$/, 'paused'],
];

export function parsePairingStatus(raw: string): Parsed<PairingStatus> {
  const text = words(raw);
  const found = STATUS_WORDS.find(([pattern]) => pattern.test(text));
  return found
    ? ok(found[1])
    : fail(
        'proposed, active, completed, ended early or paused',
        `${quoteValue(raw)} is not a pairing status; expected Proposed, Active, Completed, Ended early or Paused.`,
      );
}
