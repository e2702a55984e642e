import { finding, type PiiFinding } from './finding';
import { nameLexicon } from './names/nameLexicon';
import { forEachWord } from './names/wordRuns';
import { PERSON_AFTER, PERSON_BEFORE, WEAK_PERSON_AFTER } from './names/personCues';
import { keyedDigest, normaliseIdentifier } from './pseudonym';

/**
 * The project's own roster as a name detector, without keeping the roster's names in the clear: each name
 * token (given names, family names, nicknames the evaluator adds) is stored as a keyed hash of its
 * normalised form. Free text is checked word by word against those hashes, so "Priya", "priya's",
 * "PRIYA" and "Priya Raman" are all found, first name alone included, whatever their capitals.
 */

export type RosterNamePart = 'given' | 'family' | 'nickname';

export interface RosterPerson {
  givenNames: string;
  familyNames?: string;
  nicknames?: readonly string[];
}

/** What the project keeps: hashes only. Serialisable as it is. */
export interface RosterNameIndex {
  version: 1;
  tokens: Array<{ hash: string; part: RosterNamePart }>;
}

const DOMAIN = 'roster.name-token';
const TOKEN = /[\p{L}\p{M}]{1,40}(?:['’-][\p{L}\p{M}]{1,40}){0,3}/gu;

export function nameTokens(name: string): string[] {
  const out = new Set<string>();
  for (const match of name.matchAll(TOKEN)) {
    const token = normaliseIdentifier(match[0], 'name').replace(/'s$/, '');
    if (token.length < 2) continue;
    out.add(token);
    // "Mary-Jane" may be written "Mary" or "Jane" too.
    if (token.includes('-')) for (const part of token.split('-')) if (part.length >= 2) out.add(part);
  }
  return [...out];
}

function tokenHash(key: Uint8Array, token: string): string {
  return keyedDigest(key, DOMAIN, token).subarray(0, 16).toString('base64url');
}

export function buildRosterNameIndex(key: Uint8Array, people: readonly RosterPerson[]): RosterNameIndex {
  const parts = new Map<string, RosterNamePart>();
  const add = (name: string | undefined, part: RosterNamePart) => {
    if (!name) return;
    for (const token of nameTokens(name)) {
      const hash = tokenHash(key, token);
      if (!parts.has(hash) || part === 'given') parts.set(hash, part);
    }
  };
  for (const person of people) {
    add(person.givenNames, 'given');
    add(person.familyNames, 'family');
    for (const nickname of person.nicknames ?? []) add(nickname, 'nickname');
  }
  return {
    version: 1,
    tokens: [...parts].map(([hash, part]) => ({ hash, part })).sort((a, b) => (a.hash < b.hash ? -1 : 1)),
  };
}

interface Hit {
  start: number;
  end: number;
  part: RosterNamePart;
  capitalised: boolean;
  ordinaryWord: boolean;
  /** A word around it says a person is meant ("my mentor grace", "grace said", "grace and i"). */
  cued: boolean;
}

const WORD_BEFORE = /([\p{L}']{1,20})[ \t,]{1,3}$/u;
const WORD_AFTER = /^(?:['’]s)?[ \t,]{1,3}([\p{L}']{1,20})/u;

function isCued(text: string, start: number, end: number): boolean {
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 24), start))?.[1]?.toLowerCase() ?? '';
  const after = WORD_AFTER.exec(text.slice(end, end + 24))?.[1]?.toLowerCase() ?? '';
  return PERSON_BEFORE.has(before) || PERSON_AFTER.has(after) || WEAK_PERSON_AFTER.has(after);
}

export interface RosterMatcher {
  find(text: string): PiiFinding[];
}

/**
 * A matcher bound to a key and an index. Each distinct word is hashed once per matcher (a transcript's
 * vocabulary is small), so scanning costs a map look-up per word.
 */
export function createRosterMatcher(key: Uint8Array, index: RosterNameIndex): RosterMatcher {
  const parts = new Map(index.tokens.map((t) => [t.hash, t.part] as const));
  const cache = new Map<string, RosterNamePart | null>();
  // Words already known not to be on the roster, by a 52-bit hash of their letters: a collision with a roster
  // token (odds about one in 10^11 per word) is the only way this skips a name.
  const absent = new Set<number>();
  const lex = nameLexicon();
  const lookup = (word: string): RosterNamePart | null => {
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const token = normaliseIdentifier(word, 'name');
    const part = token.length >= 2 ? (parts.get(tokenHash(key, token)) ?? null) : null;
    if (cache.size < 200_000) cache.set(word, part);
    return part;
  };
  return {
    find(text: string): PiiFinding[] {
      if (parts.size === 0) return [];
      const hits: Hit[] = [];
      forEachWord(text, (start, end, hash) => {
        if (end - start < 2 || absent.has(hash)) return;
        const last = text.charCodeAt(end - 1);
        const apostrophe = text.charCodeAt(end - 2);
        const wordEnd =
          (last === 115 || last === 83) && (apostrophe === 39 || apostrophe === 0x2019) ? end - 2 : end;
        const word = text.slice(start, wordEnd);
        let part = lookup(word);
        const hyphen = word.indexOf('-');
        if (part === null && hyphen > 0) part = lookup(word.slice(0, hyphen));
        if (part === null) {
          if (absent.size < 500_000) absent.add(hash);
          return;
        }
        const lower = word.toLowerCase();
        const first = word[0]!;
        const hit: Hit = {
          start,
          end: wordEnd,
          part,
          capitalised: first !== first.toLowerCase(),
          ordinaryWord: lex.commonWords.has(lower) || lex.ambiguousNames.has(lower),
          cued: false,
        };
        if (hit.ordinaryWord && !hit.capitalised) hit.cued = isCued(text, hit.start, hit.end);
        hits.push(hit);
      });
      return mergeHits(text, hits);
    },
  };
}

/** Adjacent roster words make one name ("Priya Raman"); a lone lower-case ordinary word ("will") is not a name. */
function mergeHits(text: string, hits: Hit[]): PiiFinding[] {
  const found: PiiFinding[] = [];
  let i = 0;
  while (i < hits.length) {
    let j = i;
    while (j + 1 < hits.length && /^ {1,2}$/.test(text.slice(hits[j]!.end, hits[j + 1]!.start))) j += 1;
    const group = hits.slice(i, j + 1);
    i = j + 1;
    if (group.length === 1) {
      const hit = group[0]!;
      if (hit.ordinaryWord && !hit.capitalised && !hit.cued) continue;
      const score = hit.ordinaryWord ? (hit.capitalised ? 0.6 : 0.55) : hit.capitalised ? 0.95 : 0.85;
      found.push(finding(hit.start, hit.end, 'PERSON', score, `${hit.part} name on the project roster`));
      continue;
    }
    found.push(
      finding(
        group[0]!.start,
        group[group.length - 1]!.end,
        'PERSON',
        0.98,
        'full name on the project roster',
      ),
    );
  }
  return found;
}

/**
 * Roster CSV as the CLI takes it: a header row, then one person a row. Recognised columns (any case):
 * given/first name, family/last name/surname, full name/name, nickname(s)/known as (several split by ; or |).
 */
export function parseRosterCsv(csv: string): RosterPerson[] {
  const rows = parseCsvRows(csv.replace(/^\uFEFF/, ''));
  const header = (rows.shift() ?? []).map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, ' '),
  );
  const column = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const given = column('given name', 'given names', 'first name', 'firstname', 'forename', 'first');
  const family = column('family name', 'family names', 'last name', 'lastname', 'surname', 'last');
  const full = column('full name', 'name', 'participant', 'mentor', 'mentee');
  const nick = column('nickname', 'nicknames', 'known as', 'preferred name', 'alias', 'aliases');
  const people: RosterPerson[] = [];
  for (const row of rows) {
    const cell = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
    const nicknames = cell(nick)
      .split(/[;|]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (given >= 0 || family >= 0) {
      if (!cell(given) && !cell(family)) continue;
      people.push({ givenNames: cell(given), familyNames: cell(family), nicknames });
    } else if (full >= 0 || header.length === 1) {
      const name = cell(full >= 0 ? full : 0);
      if (!name) continue;
      const words = name.split(/\s+/);
      people.push({ givenNames: words[0] ?? '', familyNames: words.slice(1).join(' '), nicknames });
    }
  }
  return people;
}

/** RFC 4180 rows: quoted fields, doubled quotes, CRLF or LF. Linear. */
export function parseCsvRows(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i += 1;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}
