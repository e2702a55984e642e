import { finding, type Detector, type PiiEntity, type PiiFinding } from '../finding';
import { nameLexicon, type NameLexicon } from '../names/nameLexicon';
import {
  DEPARTMENT_BEFORE,
  DEPARTMENTS,
  PERSON_AFTER,
  PERSON_AFTER_TWO,
  PERSON_BEFORE,
  PERSON_BEFORE_TWO,
  WEAK_PERSON_AFTER,
} from '../names/personCues';
import { capitalisedRuns, HONORIFICS, type CapitalisedRun, type CapitalisedWord } from '../names/wordRuns';

/**
 * Names of people, places and organisations that are not on the roster. English capitalises them, so the
 * detector reads only runs of capitalised words and the words around them, and decides with word lists
 * (see nameLexicon) and the cues an interview gives: a title ("Dr."), a role before ("my mentor"), a verb
 * of speech after ("said"), a preposition of place before ("moved to"). compromise's full parser is far too
 * slow for transcripts (20 kB/s here), so its lexicon is used instead of its tagger.
 */

// "to" and "from" alone are as often about people ("spoke to", "an e-mail from") as about places.
const PLACE_BEFORE = new Set([
  'in',
  'near',
  'around',
  'across',
  'outside',
  'inside',
  'visited',
  'visit',
  'towards',
  'via',
]);
const PLACE_BEFORE_TWO =
  /(?:moved|relocated|travelled|traveled|went|flew|based|lives|live|living|born|grew|back|trip|holiday|move|came|come|comes|is|am|are|was|were|originally|commute|commuted|drive|drove) (?:to|in|up|from)$/;
const ORG_BEFORE_TWO =
  /(?:work|works|worked|working|job|role|placement|internship|secondment|apprenticeship|interview|volunteer|volunteering|volunteered|employed) (?:at|for|by|with)$|^\w+ joined$/;
/** Names of places that are also people's names: a place after "in", "to", "from"; a person otherwise. */
const PLACES_THAT_ARE_NAMES = new Set([
  'jordan',
  'chad',
  'georgia',
  'victoria',
  'florence',
  'sydney',
  'austin',
  'charlotte',
  'paris',
  'lincoln',
  'chelsea',
  'kingston',
  'orlando',
  'phoenix',
  'india',
  'israel',
  'kent',
  'york',
  'derby',
  'preston',
  'lancaster',
  'warwick',
  'jackson',
  'houston',
  'dallas',
  'denver',
  'aurora',
  'savannah',
  'chester',
  'camden',
  'madison',
  'regina',
  'adelaide',
  'darwin',
  'hamilton',
  'wellington',
  'nelson',
  'douglas',
  'mercedes',
  'lourdes',
]);
/** Place and organisation words that end a name even after a first name ("Rose Garden", "Grace Academy"). */
const STRONG_PLACE_HEADS = new Set([
  'garden',
  'gardens',
  'park',
  'road',
  'street',
  'avenue',
  'lane',
  'square',
  'crescent',
  'terrace',
  'drive',
  'estate',
  'centre',
  'center',
  'station',
  'airport',
  'river',
  'lake',
  'bridge',
  'quay',
  'wharf',
  'boulevard',
]);
const STRONG_ORG_HEADS = new Set([
  'ltd',
  'limited',
  'inc',
  'plc',
  'llp',
  'llc',
  'gmbh',
  'university',
  'college',
  'school',
  'academy',
  'council',
  'trust',
  'foundation',
  'hospital',
  'bank',
  'charity',
  'institute',
  'ministry',
  'corporation',
  'corp',
]);
const NOT_NAMES = new Set(['i', "i'm", "i've", "i'd", "i'll", 'ok', 'okay', 'mr', 'mrs', 'ms', 'dr', 'prof']);

interface Span {
  first: number;
  last: number;
  entity: PiiEntity;
  score: number;
  reason: string;
}

type WordKind =
  'first' | 'ambiguous' | 'surname' | 'place' | 'organisation' | 'common' | 'unknown' | 'initial' | 'title';

/** O'Neill, D'Souza: an apostrophe after O or D and a capital is a surname's shape, not an English word's. */
const NAME_SHAPED = /^[OD]['’]\p{Lu}\p{Ll}{2,}$/u;

const NAME_LETTERS: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i' };

/** "björn" -> "bjorn", "søren" -> "soren": the word lists spell most names without accents. */
export function withoutAccents(lower: string): string {
  let ascii = true;
  for (let i = 0; i < lower.length && ascii; i += 1) ascii = lower.charCodeAt(i) < 128;
  if (ascii) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øłđæœßı]/g, (c) => NAME_LETTERS[c] ?? c);
}

function kindOf(word: CapitalisedWord, lex: NameLexicon): WordKind {
  const kind = kindOfSpelling(word, word.lower, lex);
  if (kind !== 'unknown') return kind;
  const folded = withoutAccents(word.lower);
  return folded === word.lower ? kind : kindOfSpelling(word, folded, lex);
}

function kindOfSpelling(word: CapitalisedWord, w: string, lex: NameLexicon): WordKind {
  if (word.initial) return 'initial';
  if (HONORIFICS.has(w)) return 'title';
  if (NOT_NAMES.has(w) || word.text.length === 1 || word.allCaps) return 'common';
  if (lex.places.has(w) && !lex.firstNames.has(w)) return 'place';
  if (lex.organisations.has(w)) return 'organisation';
  // Capitals inside a word (WhatsApp, LinkedIn) mark a brand, except in Mc/Mac/De/La/Di/Le/O' names.
  if (
    /^\p{Lu}\p{Ll}+\p{Lu}/u.test(word.text) &&
    !/^(?:Mc|Mac|De|La|Di|Le|Van|Von|Fitz)\p{Lu}/u.test(word.text)
  )
    return 'common';
  // "Welsh-language", "Anglo-Saxon": judged by the first part when the rest is lower case.
  const hyphen = w.indexOf('-');
  // ... but not two short syllables, the shape of Korean given names ("Hyun-woo", "Seo-yeon").
  const syllables = hyphen > 0 && hyphen <= 4 && w.length - hyphen - 1 >= 2 && w.length - hyphen - 1 <= 4;
  if (hyphen > 0 && !syllables && /^[\p{Ll}-]+$/u.test(word.text.slice(hyphen))) {
    const head = w.slice(0, hyphen);
    if (lex.commonWords.has(head) || lex.places.has(head)) return 'common';
  }
  if (lex.ambiguousNames.has(w)) return 'ambiguous';
  if (lex.firstNames.has(w)) return 'first';
  // Irish and similar surnames: O'Neill, O'Sullivan, D'Souza.
  if (NAME_SHAPED.test(word.text)) return 'surname';
  // Double-barrelled names: "Mary-Kate", "Jean-Luc" are first names when each part is one and not every part
  // is also an ordinary word ("jean"); "Adebayo-Smith" is a surname when each part is a name.
  if (hyphen > 0 && /^\p{Lu}[\p{Ll}]+(?:-\p{Lu}[\p{Ll}]+)+$/u.test(word.text)) {
    const parts = w.split('-');
    if (parts.every((p) => lex.firstNames.has(p)) && parts.some((p) => !lex.commonWords.has(p)))
      return 'first';
    if (parts.every((p) => lex.surnames.has(p) || lex.firstNames.has(p))) return 'surname';
  }
  if (lex.commonWords.has(w)) return 'common';
  if (lex.places.has(w)) return 'place';
  // "Sessions", "Activities": the plural of an ordinary word. Opening a sentence even a surname of that shape
  // (Sessions, Banks) is taken for the plural; inside one the surname stands.
  const plural = pluralOfOrdinaryWord(w, lex);
  if (lex.surnames.has(w)) return plural && word.sentenceStart ? 'common' : 'surname';
  return plural ? 'common' : 'unknown';
}

function pluralOfOrdinaryWord(w: string, lex: NameLexicon): boolean {
  if (w.length <= 4 || !w.endsWith('s')) return false;
  // A rarer word that is also a surname ("barclay", "jenkin") is not ordinary enough: Jenkins stays a name.
  const ordinary = (stem: string) =>
    !lex.firstNames.has(stem) &&
    (lex.commonWords.has(stem) || (lex.rareWords.has(stem) && !lex.surnames.has(stem)));
  if (ordinary(w.slice(0, -1))) return true;
  if (w.endsWith('es') && ordinary(w.slice(0, -2))) return true;
  return w.endsWith('ies') && ordinary(`${w.slice(0, -3)}y`);
}

function phraseAt(run: CapitalisedRun, from: number, set: Set<string>, longest: number): number {
  for (let n = Math.min(longest, run.words.length - from); n >= 2; n -= 1) {
    const phrase = run.words
      .slice(from, from + n)
      .map((w) => w.lower)
      .join(' ');
    if (set.has(phrase)) return n;
  }
  return 0;
}

/** Splits a run into person, place and organisation spans. */
function classifyRun(run: CapitalisedRun, lex: NameLexicon): Span[] {
  const spans: Span[] = [];
  const words = run.words;
  const kinds = words.map((w) => kindOf(w, lex));
  let i = 0;
  // A sentence's first word is capitalised by grammar: drop it unless it reads as a name; it is then the
  // word before the rest of the run ("Ask Sunny", "Thank Ngozi").
  if (words[0]!.sentenceStart && (kinds[0] === 'common' || kinds[0] === 'organisation') && words.length > 1) {
    const rest = { ...run, before: words[0]!.lower, beforeTwo: words[0]!.lower, words: words.slice(1) };
    return classifyRun(rest, lex).map((s) => ({ ...s, first: s.first + 1, last: s.last + 1 }));
  }
  const lastWord = words[words.length - 1]!;
  const lastKind = kinds[kinds.length - 1];
  // "Leeds City Council", "Barclays Bank": a run ending with an organisation word names an organisation.
  const opensWithName = kinds[i] === 'first' || kinds[i] === 'ambiguous';
  const orgHead =
    STRONG_ORG_HEADS.has(lastWord.lower) || (!opensWithName && lex.organisationHeads.has(lastWord.lower));
  const placeHead =
    STRONG_PLACE_HEADS.has(lastWord.lower) || (!opensWithName && lex.placeHeads.has(lastWord.lower));
  if (words.length - i >= 2 && orgHead && lastKind !== 'first') {
    return [
      {
        first: i,
        last: words.length - 1,
        entity: 'ORGANIZATION',
        score: 0.8,
        reason: 'name ending in an organisation word',
      },
    ];
  }
  if (words.length - i >= 2 && placeHead && lastKind !== 'first') {
    return [
      {
        first: i,
        last: words.length - 1,
        entity: 'LOCATION',
        score: 0.7,
        reason: 'name ending in a place word',
      },
    ];
  }
  while (i < words.length) {
    const kind = kinds[i]!;
    const word = words[i]!;
    const placeLen = phraseAt(run, i, lex.places, lex.longestPhrase);
    if (placeLen > 0) {
      spans.push({
        first: i,
        last: i + placeLen - 1,
        entity: 'LOCATION',
        score: 0.85,
        reason: 'known place name',
      });
      i += placeLen;
      continue;
    }
    const orgLen = phraseAt(run, i, lex.organisations, lex.longestPhrase);
    if (orgLen > 0) {
      spans.push({
        first: i,
        last: i + orgLen - 1,
        entity: 'ORGANIZATION',
        score: 0.85,
        reason: 'known organisation',
      });
      i += orgLen;
      continue;
    }
    if (kind === 'title') {
      let j = i + 1;
      while (j < words.length && kinds[j] !== 'place' && kinds[j] !== 'organisation') j += 1;
      if (j > i + 1)
        spans.push({ first: i + 1, last: j - 1, entity: 'PERSON', score: 0.9, reason: 'name after a title' });
      i = j;
      continue;
    }
    if (
      kind === 'first' ||
      kind === 'ambiguous' ||
      kind === 'surname' ||
      kind === 'unknown' ||
      kind === 'initial'
    ) {
      // Extend over the rest of the name: surnames, unknown words, initials, even ordinary words ("Dan Bar").
      let j = i + 1;
      while (j < words.length && kinds[j] !== 'place' && kinds[j] !== 'organisation' && kinds[j] !== 'title')
        j += 1;
      const span = personSpan(run, kinds, i, j - 1, word.sentenceStart && i === 0, lex);
      if (span) spans.push(span);
      i = j;
      continue;
    }
    if (kind === 'place') {
      spans.push(placeOrPerson(run, i, lex));
      i += 1;
      continue;
    }
    if (kind === 'organisation') {
      spans.push({ first: i, last: i, entity: 'ORGANIZATION', score: 0.8, reason: 'known organisation' });
    }
    i += 1;
  }
  return spans;
}

function placeBefore(run: CapitalisedRun): boolean {
  return PLACE_BEFORE.has(run.before) || PLACE_BEFORE_TWO.test(run.beforeTwo);
}

/**
 * A verb only a person does, a role in apposition ("Bill, the receptionist,"), or a team ("Siân in legal");
 * the team only when no preposition of place comes before ("I worked in Jordan in finance").
 */
function personalAfter(run: CapitalisedRun, toPlace: boolean): boolean {
  if (PERSON_AFTER.has(run.after) || PERSON_BEFORE.has(run.apposition) || PERSON_AFTER_TWO.has(run.afterTwo))
    return true;
  if (toPlace) return false;
  const space = run.afterTwo.indexOf(' ');
  return (
    space > 0 &&
    DEPARTMENT_BEFORE.has(run.afterTwo.slice(0, space)) &&
    DEPARTMENTS.has(run.afterTwo.slice(space + 1))
  );
}

/**
 * Endings of English derived words ("leadership", "wellbeing", "confidence", "creativity"), which a name
 * opening a sentence does not have unless a list knows it as a name (Florence, Constance are first names).
 */
const DERIVED_ENDINGS = [
  'tion',
  'tions',
  'sion',
  'ness',
  'ment',
  'ments',
  'ship',
  'ity',
  'ism',
  'ance',
  'ence',
  'ology',
  'ful',
  'less',
  'able',
  'ible',
  'ous',
  'ive',
  'ise',
  'ize',
  'ised',
  'ized',
];

export function looksDerived(lower: string, lex: NameLexicon): boolean {
  if (lower.length < 6) return false;
  // -ing only on an English stem or a doubled consonant ("upskilling"): Xiaoming and Jianping are names.
  if (lower.endsWith('ing') || lower.endsWith('ings')) {
    const word = lower.endsWith('s') ? lower.slice(0, -1) : lower;
    return isGerund(word, lex) || word[word.length - 4] === word[word.length - 5];
  }
  return DERIVED_ENDINGS.some((ending) => lower.endsWith(ending));
}

/** "glassdoor", "postcode": two English words of three letters or more, a brand's or a compound's shape. */
export function isTwoWords(lower: string, lex: NameLexicon): boolean {
  for (let cut = 3; cut <= lower.length - 3; cut += 1)
    if (lex.commonWords.has(lower.slice(0, cut)) && lex.commonWords.has(lower.slice(cut))) return true;
  return false;
}

/**
 * "Shadowing Leon", "Coaching Amara": a word opening a sentence that is an English verb plus -ing is a
 * gerund, not the first part of a name. Surnames of that shape (Manning, Harding) are left to the lists.
 */
export function isGerund(lower: string, lex: NameLexicon): boolean {
  if (lower.length < 6 || !lower.endsWith('ing') || lex.firstNames.has(lower) || lex.surnames.has(lower))
    return false;
  const stem = lower.slice(0, -3);
  const known = (w: string) => lex.commonWords.has(w) || (lex.rareWords.has(w) && !lex.surnames.has(w));
  const doubled = stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2];
  return known(stem) || known(`${stem}e`) || (doubled && known(stem.slice(0, -1)));
}

function placeOrPerson(run: CapitalisedRun, index: number, lex: NameLexicon): Span {
  const word = run.words[index]!;
  const nameLike = lex.firstNames.has(word.lower) || PLACES_THAT_ARE_NAMES.has(word.lower);
  const personal = nameLike && (PERSON_BEFORE.has(run.before) || personalAfter(run, placeBefore(run)));
  if (personal)
    return {
      first: index,
      last: index,
      entity: 'PERSON',
      score: 0.7,
      reason: 'first name with a personal cue',
    };
  return { first: index, last: index, entity: 'LOCATION', score: 0.8, reason: 'known place name' };
}

function personSpan(
  run: CapitalisedRun,
  kinds: WordKind[],
  first: number,
  last: number,
  atSentenceStart: boolean,
  lex: NameLexicon,
): Span | null {
  const length = last - first + 1;
  const head = kinds[first]!;
  const cuedBefore = first === 0 && (PERSON_BEFORE.has(run.before) || PERSON_BEFORE_TWO.has(run.beforeTwo));
  const atEnd = last === run.words.length - 1;
  const toPlace = first === 0 && placeBefore(run);
  const cuedAfter = atEnd && personalAfter(run, toPlace);
  const possessive = atEnd && run.words[last]!.possessive;
  const weakAfter = last === run.words.length - 1 && WEAK_PERSON_AFTER.has(run.after);
  const toOrg = first === 0 && ORG_BEFORE_TWO.test(run.beforeTwo);
  const span = (score: number, reason: string, entity: PiiEntity = 'PERSON'): Span => ({
    first,
    last,
    entity,
    score,
    reason,
  });
  if (length >= 2) {
    const named = kinds
      .slice(first, last + 1)
      .some((k) => k === 'first' || k === 'surname' || k === 'ambiguous');
    if (head === 'first' || head === 'ambiguous') return span(0.85, 'first name followed by a surname');
    if (named || cuedBefore || cuedAfter) return span(0.75, 'capitalised name with a known name part');
    if (possessive) return span(0.7, 'possessive of a capitalised name');
    if (toOrg) return span(0.6, 'capitalised name after a workplace cue', 'ORGANIZATION');
    if (toPlace) return span(0.55, 'capitalised name after a place cue', 'LOCATION');
    return atSentenceStart ? null : span(0.55, 'run of capitalised words not in the dictionary');
  }
  if (head === 'initial') return null;
  const word = run.words[first]!;
  const placeName = lex.places.has(word.lower) || PLACES_THAT_ARE_NAMES.has(word.lower);
  if ((head === 'first' || head === 'ambiguous') && placeName && toPlace && !cuedAfter) {
    return span(0.7, 'place name after a place cue', 'LOCATION');
  }
  if (word.possessive && (head === 'unknown' || head === 'surname' || head === 'first')) {
    return span(0.75, 'possessive of a capitalised name');
  }
  if (head === 'first') {
    if (toPlace && !cuedAfter) return span(0.6, 'first name after a place cue');
    return span(atSentenceStart && !cuedAfter && !weakAfter ? 0.7 : 0.85, 'known first name');
  }
  if (head === 'ambiguous') {
    if (cuedBefore || cuedAfter) return span(0.7, 'name that is also a word, with a personal cue');
    return null;
  }
  // A word opening a sentence is capitalised by grammar, so it needs a cue, and an ordinary word's shape
  // ("Leadership helped", "Mentoring taught me") overrules a cue.
  const derived = atSentenceStart && head === 'unknown' && looksDerived(word.lower, lex);
  if ((cuedBefore || cuedAfter) && !derived) return span(0.7, 'capitalised word with a personal cue');
  if (atSentenceStart) {
    if (NAME_SHAPED.test(word.text)) return span(0.6, "O'/D' surname opening a sentence");
    // A word no list knows ("Olamide is thinking of leaving"), or only as a surname ("Okafor was"), before
    // "is", "has", "would": not English.
    // zxcvbn's film-subtitle list holds rarer English words ("handbook", "cohort"), so it is asked too, and a
    // word made of two English words ("Glassdoor") is taken for a brand. "And" is left to listedWithPerson
    // ("Asana and Trello" are not people, "Thandiwe and Bongani" are).
    if (
      (head === 'unknown' || head === 'surname') &&
      weakAfter &&
      run.after !== 'and' &&
      !derived &&
      !lex.rareWords.has(withoutAccents(word.lower)) &&
      !isTwoWords(word.lower, lex)
    )
      return span(0.55, 'word no list knows opening a sentence, before a verb');
    return null;
  }
  if (toOrg) return span(0.55, 'capitalised word after a workplace cue', 'ORGANIZATION');
  if (toPlace) return span(0.5, 'capitalised word after a place cue', 'LOCATION');
  if (head === 'surname') return span(weakAfter ? 0.6 : 0.5, 'known surname');
  return span(weakAfter ? 0.6 : 0.5, 'capitalised word not in the dictionary');
}

export const detectProperNames: Detector = (text) => {
  const lex = nameLexicon();
  const found: PiiFinding[] = [];
  const plain = (lower: string) =>
    lex.commonWords.has(lower) &&
    !HONORIFICS.has(lower) &&
    !lex.firstNames.has(lower) &&
    !lex.places.has(lower) &&
    !lex.organisations.has(lower) &&
    !PLACES_THAT_ARE_NAMES.has(lower);
  const plainOrGerund = (lower: string) => plain(lower) || isGerund(lower, lex);
  const runs = capitalisedRuns(text, plainOrGerund);
  const spans = runs.map((run) => (run.words.every((w) => w.allCaps) ? [] : classifyRun(run, lex)));
  // Right to left, so a list passes the person along: "Kwame, Kofi and Leon".
  for (let r = runs.length - 2; r >= 0; r -= 1) {
    if (spans[r]!.length === 0 && listedWithPerson(text, runs[r]!, runs[r + 1]!, spans[r + 1]!, lex))
      spans[r] = [{ first: 0, last: 0, entity: 'PERSON', score: 0.55, reason: 'word listed with a name' }];
  }
  runs.forEach((run, r) => {
    for (const span of spans[r]!) {
      const first = run.words[span.first]!;
      const last = run.words[span.last]!;
      found.push(finding(first.start, last.end, span.entity, span.score, span.reason));
    }
  });
  return found;
};

/**
 * A lone capitalised word the rules left ("Kwame" opening a sentence, "Will" without a cue) is a person when
 * "and", "&" or a comma joins it to a person right after it: "Kwame and Leon ran it", "with Will and Sarah".
 * Ordinary words are not lone runs (they are dropped or never capitalised), and derived words stay out.
 */
function listedWithPerson(
  text: string,
  run: CapitalisedRun,
  next: CapitalisedRun,
  nextSpans: readonly Span[],
  lex: NameLexicon,
): boolean {
  if (run.words.length !== 1 || !nextSpans.some((s) => s.entity === 'PERSON' && s.first === 0)) return false;
  const word = run.words[0]!;
  if (word.possessive) return false;
  const between = text.slice(word.end, next.words[0]!.start);
  const kind = kindOf(word, lex);
  if (between === ', ') {
    if (kind !== 'unknown' && kind !== 'surname') return false;
  } else if (between !== ' and ' && between !== ' & ') return false;
  if (kind === 'unknown') return !looksDerived(word.lower, lex);
  return kind === 'surname' || kind === 'ambiguous';
}
