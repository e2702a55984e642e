import { finding, type PiiEntity, type PiiFinding } from '../finding';
import { nameModel } from '../names/nameModel';
import { PERSON_BEFORE } from '../names/personCues';
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

export function detectModelNames(text: string): PiiFinding[] {
  const { spans, tokens } = tagNames(text, nameModel());
  const kept = spans.filter((span) => !lonelyAcronym(span, tokens));
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

/** Below this score a rule's person the model does not see is only possibly a name. */
const FIRM_RULE = 0.7;

/**
 * The word-list rules' and the model's names together, the model deciding the kind: where both found
 * something, the model's span and kind stand; a rule's place or organisation the model missed stands; a rule's
 * person the model missed stands as a person when the rule was sure of it (a title, a first name and a
 * surname, a cue), and otherwise as a possible name: still masked, reviewed after the people.
 * The anonymize README compares this with the rules alone, the model alone and their plain union.
 */
export function combineNames(rules: readonly PiiFinding[], model: readonly PiiFinding[]): PiiFinding[] {
  const out = [...model];
  for (const f of rules) {
    if (model.some((m) => m.start < f.end && f.start < m.end)) continue;
    if (f.entity === 'PERSON' && f.score < FIRM_RULE)
      out.push({
        ...f,
        entity: 'POSSIBLE_NAME',
        reason: `${f.reason}; the name model does not think it is a name`,
      });
    else out.push(f);
  }
  return out;
}
