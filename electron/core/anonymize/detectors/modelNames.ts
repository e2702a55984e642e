import { finding, type PiiEntity, type PiiFinding } from '../finding';
import { nameModel } from '../names/nameModel';
import { nameLexicon } from '../names/nameLexicon';
import { PERSON_BEFORE } from '../names/personCues';
import { HONORIFICS } from '../names/wordRuns';
import { tagNames, type NameKind, type TaggedSpan, type Tokens } from '../names/sequenceTagger';

/**
 * People, places and organisations as the name model finds them (see names/sequenceTagger.ts): names in lower
 * case, in capitals, from any language, after a question ("What's your last name? Lindqvist"), surnames in a
 * list. Each finding's score is the model's calibrated confidence, and its reason says what a reviewer can
 * check: the cue before it, the list it is in, or how sure the model is.
 */

const ENTITY: Record<NameKind, PiiEntity> = { PER: 'PERSON', LOC: 'LOCATION', ORG: 'ORGANIZATION' };
const NOUN: Record<NameKind, string> = { PER: 'a person', LOC: 'a place', ORG: 'an organisation' };

/** Cues of two or three words before a name, as a reviewer would read them. */
const CUE_PHRASES = [
  'my name is',
  'name is',
  'i am',
  "i'm",
  'this is',
  'called',
  'named',
  'last name',
  'first name',
  'surname',
  'maiden name',
  'full name',
  'name:',
  'thanks',
  'thank you',
  'dr',
  'mr',
  'mrs',
  'ms',
  'professor',
];

function cueBefore(tokens: Tokens, first: number): string | undefined {
  const words: string[] = [];
  for (let i = first - 1; i >= Math.max(0, first - 4); i -= 1) {
    const t = tokens.word(i).toLowerCase();
    if (t === '?' || t === '.' || t === ',') {
      if (words.length === 0) continue; // "Name? Lindqvist", "Thanks, Ana"
      break;
    }
    words.unshift(t);
    const phrase = words.join(' ').replace(' :', ':');
    if (CUE_PHRASES.includes(phrase)) return phrase;
    if (words.length === 1 && PERSON_BEFORE.has(t)) return t;
  }
  return undefined;
}

/** How many other people the span is listed with, joined by commas, "and", "&". */
function listedWith(spans: readonly TaggedSpan[], index: number, tokens: Tokens): number {
  const joined = (a: TaggedSpan, b: TaggedSpan) => {
    const between: string[] = [];
    for (let i = a.last + 1; i < b.first; i += 1) between.push(tokens.word(i).toLowerCase());
    return between.length === 1 && (between[0] === ',' || between[0] === 'and' || between[0] === '&')
      ? true
      : between.length === 2 && between[0] === ',' && between[1] === 'and';
  };
  let count = 0;
  for (let i = index - 1; i >= 0 && spans[i]!.kind === 'PER' && joined(spans[i]!, spans[i + 1]!); i -= 1)
    count += 1;
  for (
    let i = index + 1;
    i < spans.length && spans[i]!.kind === 'PER' && joined(spans[i - 1]!, spans[i]!);
    i += 1
  )
    count += 1;
  return count;
}

function reasonFor(span: TaggedSpan, spans: readonly TaggedSpan[], index: number, tokens: Tokens) {
  const sure = `the name model is ${Math.round(span.confidence * 100)} % sure this is ${NOUN[span.kind]}`;
  const cue = cueBefore(tokens, span.first);
  if (cue) return `follows '${cue}'; ${sure}`;
  if (span.kind === 'PER') {
    const others = listedWith(spans, index, tokens);
    if (others > 0)
      return `in a list with ${others === 1 ? 'another name' : `${others} other names`}; ${sure}`;
  }
  return sure;
}

/** A possessive's "'s" is not part of the name: "Zsófia's" gives "Zsófia". */
function withoutPossessive(text: string, start: number, end: number): number {
  const tail = text.slice(end - 2, end);
  return end - start > 3 && (tail === "'s" || tail === '’s') ? end - 2 : end;
}

/**
 * A short acronym alone (HR, CV, VPN, NHS) is a department, a document or a service far more often than an
 * organisation that identifies anyone; the word-list rules still find the acronyms they know.
 */
function lonelyAcronym(span: TaggedSpan, tokens: Tokens): boolean {
  if (span.kind === 'PER' || span.first !== span.last) return false;
  const word = tokens.word(span.first);
  return word.length <= 4 && word === word.toUpperCase();
}

/** "Aunty Folake", "Dr. Malik": a title or a role before a person is not part of the name. */
function withoutTitle(span: TaggedSpan, tokens: Tokens): TaggedSpan {
  if (span.kind !== 'PER') return span;
  let first = span.first;
  while (first < span.last) {
    const word = tokens.word(first).toLowerCase();
    if (!HONORIFICS.has(word) && !PERSON_BEFORE.has(word) && word !== '.') break;
    first += 1;
  }
  return first === span.first ? span : { ...span, first, start: tokens.start(first) };
}

export function detectModelNames(text: string): PiiFinding[] {
  const { spans, tokens } = tagNames(text, nameModel());
  const kept = spans.filter((span) => !lonelyAcronym(span, tokens)).map((span) => withoutTitle(span, tokens));
  return kept.map((span, i) =>
    finding(
      span.start,
      withoutPossessive(text, span.start, span.end),
      ENTITY[span.kind],
      span.confidence,
      reasonFor(span, kept, i, tokens),
    ),
  );
}

/** From this score a rule's person is sure (a title, a cue, a first name and a surname). */
const FIRM_RULE = 0.7;

/** A single word the lists call ordinary or a brand ("Asana", "Teams"), and no first name. */
function ordinaryWord(text: string, f: PiiFinding): boolean {
  const word = text.slice(f.start, f.end).toLowerCase();
  const lex = nameLexicon();
  return !word.includes(' ') && lex.commonWords.has(word) && !lex.firstNames.has(word);
}

/** Below this confidence a single word only the model calls a person is a possible name. */
const SURE_MODEL = 0.8;

function unsure(text: string, f: PiiFinding): boolean {
  return f.score < SURE_MODEL && !text.slice(f.start, f.end).includes(' ');
}

/**
 * The word-list rules' and the model's names together, the model deciding the kind:
 * - where both found something, the model's span and kind stand, unless the rules were sure of a person the
 *   model calls a place or an organisation ("Ms Adebayo-Smith", "India told me");
 * - a rule's place or organisation the model missed stands;
 * - a rule's person the model missed stands when the rule was sure, and is otherwise only a possible name:
 *   still masked, reviewed after the people; so is a lone ordinary word the model alone calls a person;
 * - a possible name joined to people by commas, "and" or "&" is a person in a list ("Kwame, Kofi and Leon").
 * The anonymize README compares this with the rules alone and the model alone.
 */
export function combineNames(
  text: string,
  rules: readonly PiiFinding[],
  model: readonly PiiFinding[],
): PiiFinding[] {
  const overlaps = (a: PiiFinding, b: PiiFinding) => a.start < b.end && b.start < a.end;
  const firm = (f: PiiFinding) => f.entity === 'PERSON' && f.score >= FIRM_RULE;
  // A title or a personal cue says "person" more surely than the model's guess of a place.
  const cued = (f: PiiFinding) => firm(f) && /title|personal cue/.test(f.reason);
  const out: PiiFinding[] = [];
  for (const m of model) {
    const sureRule = rules.find((f) => cued(f) && overlaps(f, m));
    if (sureRule && m.entity !== 'PERSON') continue;
    const confirmed = rules.some((f) => f.entity === 'PERSON' && overlaps(f, m));
    if (m.entity === 'PERSON' && !confirmed && (ordinaryWord(text, m) || unsure(text, m)))
      out.push({ ...m, entity: 'POSSIBLE_NAME', reason: `${m.reason}, but it is also an ordinary word` });
    else out.push(m);
  }
  for (const f of rules) {
    const seen = model.filter((m) => overlaps(f, m));
    if (seen.length > 0 && !(cued(f) && seen.every((m) => m.entity !== 'PERSON'))) continue;
    if (f.entity === 'PERSON' && !firm(f))
      out.push({
        ...f,
        entity: 'POSSIBLE_NAME',
        reason: `${f.reason}; the name model does not think it is a name`,
      });
    else out.push(f);
  }
  return promoteListed(text, out);
}

const LIST_JOINS = new Set([', ', ' and ', ' & ', ', and ']);

/** Possible names in a list with people are people: "Kwame, Kofi and Leon". */
function promoteListed(text: string, findings: PiiFinding[]): PiiFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  const named = (f: PiiFinding) => f.entity === 'PERSON' || f.entity === 'POSSIBLE_NAME';
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (
      j + 1 < sorted.length &&
      named(sorted[j]!) &&
      named(sorted[j + 1]!) &&
      LIST_JOINS.has(text.slice(sorted[j]!.end, sorted[j + 1]!.start))
    )
      j += 1;
    const run = sorted.slice(i, j + 1);
    if (run.length > 1 && run.some((f) => f.entity === 'PERSON')) {
      for (let k = i; k <= j; k += 1) {
        const f = sorted[k]!;
        if (f.entity !== 'POSSIBLE_NAME') continue;
        const others = run.length - 1;
        sorted[k] = {
          ...f,
          entity: 'PERSON',
          score: Math.max(f.score, 0.7),
          reason: `in a list with ${others === 1 ? 'another name' : `${others} other names`}`,
        };
      }
    }
    i = j + 1;
  }
  return sorted;
}
