/**
 * Capitalised words and the runs they form ("Richard M. Nixon", "Leeds City Council"), found with one
 * linear regex. Names, places and organisations are written with capitals in English, so only these words
 * and the word on either side of a run need looking at: the rest of the text is skipped at regex speed.
 */

export interface CapitalisedWord {
  start: number;
  /** End of the name part: "Priya's" ends before the apostrophe. */
  end: number;
  text: string;
  lower: string;
  /** First word of a sentence, a line, or a speaker turn: capitalised by grammar, not by being a name. */
  sentenceStart: boolean;
  possessive: boolean;
  allCaps: boolean;
  /** A single capital followed by a full stop: a middle initial. */
  initial: boolean;
}

export interface CapitalisedRun {
  words: CapitalisedWord[];
  /** The lower-case word just before the run in the same sentence, if any ("mentor", "in"). */
  before: string;
  /** The two lower-case words before the run ("moved to", "works at"). */
  beforeTwo: string;
  /** The lower-case word just after the run, if any ("said"). */
  after: string;
  /** The two words after the run, lower case ("in legal", "from finance"); `after` alone if there is one. */
  afterTwo: string;
  /** The role in an apposition right after the run: "Ngozi, my buddy, ..." gives "buddy". */
  apposition: string;
}

const MAX_RUN = 6;
export const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lady',
  'lord',
  'rev',
  'madam',
  'madame',
  'mme',
  'herr',
  'frau',
  'señor',
  'señora',
  'auntie',
  'aunty',
  'aunt',
  'uncle',
  'imam',
  'pastor',
  'rabbi',
  'sheikh',
  'cllr',
  'councillor',
]);
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'da',
  'di',
  'del',
  'der',
  'den',
  'la',
  'le',
  'bin',
  'binti',
  'al',
  'el',
  'ibn',
  'dos',
  'du',
]);
const SENTENCE_END = new Set([
  '.',
  '!',
  '?',
  '\n',
  '\r',
  ':',
  ';',
  '•',
  '|',
  '"',
  '“',
  '—',
  '–',
  '(',
  '[',
  '*',
  '>',
]);
const SKIP_BEFORE = new Set([' ', '\t', '"', '“', '‘', "'", '(', '[', '*', '_', '-']);

function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && SKIP_BEFORE.has(text[i]!)) {
    // An opening quote or bracket right before the word also starts a sentence.
    if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '-') return true;
    i -= 1;
  }
  if (i < 0) return true;
  const ch = text[i]!;
  if (ch === '.' && i >= 1) {
    // "Mr. Smith", "Dr. Okafor", "M. Nixon": a full stop after a title or initial does not end a sentence.
    const before = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Rev|Sr|Jr|[A-Z])$/u.test(
      text.slice(Math.max(0, i - 6), i),
    );
    return !before;
  }
  return SENTENCE_END.has(ch);
}

const LETTER = /\p{L}/u;

function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 39;
  return LETTER.test(text[i]!);
}

/** The one or two words before `start` (lower case), read backwards by hand: no regex tried at every offset. */
function neighbourWordBefore(text: string, start: number): { one: string; two: string } {
  const floor = Math.max(0, start - 48);
  let i = start - 1;
  let gap = 0;
  while (i >= floor && (text[i] === ' ' || text[i] === '\t' || text[i] === ',') && gap < 3) {
    i -= 1;
    gap += 1;
  }
  if (gap === 0) return { one: '', two: '' };
  const oneEnd = i + 1;
  while (i >= floor && oneEnd - i <= 20 && isLetterAt(text, i)) i -= 1;
  const one = text.slice(i + 1, oneEnd).toLowerCase();
  if (one === '') return { one: '', two: '' };
  let j = i;
  let gap2 = 0;
  while (j >= floor && (text[j] === ' ' || text[j] === '\t') && gap2 < 3) {
    j -= 1;
    gap2 += 1;
  }
  if (gap2 === 0) return { one, two: one };
  const twoEnd = j + 1;
  while (j >= floor && twoEnd - j <= 20 && isLetterAt(text, j)) j -= 1;
  const previous = text.slice(j + 1, twoEnd).toLowerCase();
  return { one, two: previous ? `${previous} ${one}` : one };
}

function appositionAfter(text: string, end: number): string {
  const m = /^(?:'s|’s)?,[ \t]{1,3}(?:my|our|her|his|their|the)[ \t]{1,3}([\p{L}]{1,20})/u.exec(
    text.slice(end, end + 40),
  );
  return m ? (m[1] ?? '').toLowerCase() : '';
}

function neighbourWordsAfter(text: string, end: number): { one: string; two: string } {
  const m = /^(?:'s|’s)?[ \t]{1,3}([\p{L}']{1,20})(?:[ \t]{1,3}([\p{L}']{1,20}))?/u.exec(
    text.slice(end, end + 50),
  );
  if (!m) return { one: '', two: '' };
  const one = (m[1] ?? '').toLowerCase();
  return { one, two: m[2] ? `${one} ${m[2].toLowerCase()}` : one };
}

const UPPER = /\p{Lu}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const JOINERS = new Set([39, 0x2019, 45]); // ' ’ -

export function letterOrMark(code: number, text: string, i: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_MARK.test(text[i]!);
}

/** The character before a word's first letter must not be part of a word (letters, digits, ' ’ _ -). */
function wordContinuesBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const code = text.charCodeAt(i - 1);
  if (code < 128)
    return (code >= 48 && code <= 57) || letterOrMark(code, text, i - 1) || code === 95 || JOINERS.has(code);
  return JOINERS.has(code) || /[\p{L}\p{M}\p{N}]/u.test(text[i - 1]!);
}

/**
 * A 52-bit hash of text[start, end) with ASCII letters folded to lower case (two 26-bit FNV-1a lanes): lets a
 * caller remember words it has already seen without cutting a string out of the text for each one.
 */
export function wordHash(text: string, start: number, end: number): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let k = start; k < end; k += 1) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c |= 32;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return (a >>> 6) * 0x4000000 + (b >>> 6);
}

/**
 * Calls `visit(start, end, hash)` for every word (letters and marks, joined by ' ’ - inside), in one pass by hand:
 * no regex match object per word, which is what made scanning a transcript spend its time collecting garbage.
 */
export function forEachWord(text: string, visit: (start: number, end: number, hash: number) => void): void {
  const n = text.length;
  let i = 0;
  // ASCII letters are tested inline; other characters go through the Unicode-aware helper.
  const isLetter = (k: number) => {
    const c = text.charCodeAt(k);
    return c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : letterOrMark(c, text, k);
  };
  while (i < n) {
    if (!isLetter(i)) {
      i += 1;
      continue;
    }
    const start = i;
    i += 1;
    while (i < n && isLetter(i)) i += 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (!(c === 39 || c === 45 || c === 0x2019) || i + 1 >= n || !isLetter(i + 1)) break;
      i += 2;
      while (i < n && isLetter(i)) i += 1;
    }
    visit(start, i, wordHash(text, start, i));
  }
}

/**
 * Every capitalised word, found by a hand-written scanner: lower-case words are skipped at the cost of a
 * comparison per character, and no match object is made for them (a transcript is 90% lower case).
 */
export function capitalisedWords(
  text: string,
  isPlainWord: (lower: string) => boolean = () => false,
): CapitalisedWord[] {
  const words: CapitalisedWord[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const upper = code < 128 ? code >= 65 && code <= 90 : UPPER.test(text[i]!);
    if (!upper) {
      i += 1;
      if (letterOrMark(code, text, i - 1)) while (i < n && letterOrMark(text.charCodeAt(i), text, i)) i += 1;
      continue;
    }
    const start = i;
    const glued = wordContinuesBefore(text, start);
    i += 1;
    let length = 1;
    while (i < n && length < 41 && letterOrMark(text.charCodeAt(i), text, i)) {
      i += 1;
      length += 1;
    }
    for (let groups = 0; groups < 3 && i + 1 < n && JOINERS.has(text.charCodeAt(i)); groups += 1) {
      if (!letterOrMark(text.charCodeAt(i + 1), text, i + 1)) break;
      i += 1;
      let part = 0;
      while (i < n && part < 40 && letterOrMark(text.charCodeAt(i), text, i)) {
        i += 1;
        part += 1;
      }
    }
    if (glued) continue;
    let end = i;
    let possessive = false;
    const last = text.charCodeAt(end - 1);
    const apostrophe = text.charCodeAt(end - 2);
    if (end - start > 2 && (last === 115 || last === 83) && (apostrophe === 39 || apostrophe === 0x2019)) {
      end -= 2;
      possessive = true;
    }
    // "I", "I'm", "I've": the commonest capitalised word in an interview, never part of a name.
    if (code === 73 && (end - start === 1 || JOINERS.has(text.charCodeAt(start + 1)))) continue;
    const word = text.slice(start, end);
    const lower = word.toLowerCase();
    const sentenceStart = isSentenceStart(text, start);
    // An ordinary word opening a sentence ("So", "Yeah", "Interviewer") is capitalised by grammar: it is not
    // kept, so the next capitalised word starts a run and reads it as the word before (see classifyRun).
    if (sentenceStart && !possessive && isPlainWord(lower)) continue;
    words.push({
      start,
      end,
      text: word,
      lower,
      sentenceStart,
      possessive,
      allCaps: word.length > 1 && word === word.toUpperCase(),
      initial: word.length === 1 && text[end] === '.',
    });
  }
  return words;
}

/** Two capitalised words belong to one run when only a space, an initial's full stop or particles part them. */
const POSSESSIVE_INSTITUTIONS = new Set([
  'trust',
  'college',
  'hospital',
  'school',
  'fund',
  'church',
  'academy',
  'foundation',
  'society',
  'centre',
  'park',
  'cathedral',
  'university',
  'ambulance',
]);

function joined(text: string, left: CapitalisedWord, right: CapitalisedWord): boolean {
  if (right.sentenceStart) return false;
  // "Prince's Trust", "King's College": a possessive inside an institution's name.
  if (left.possessive)
    return text.slice(left.end + 2, right.start) === ' ' && POSSESSIVE_INSTITUTIONS.has(right.lower);
  const between = text.slice(left.end, right.start);
  if (between === ' ') return true;
  if (between === '. ' && (left.initial || HONORIFICS.has(left.lower))) return true;
  // One particle or two ("van der Berg", "de la Cruz", "van den Heuvel").
  const particle = /^ ([a-z]{2,5})(?: ([a-z]{2,5}))? $/.exec(between);
  return (
    particle !== null &&
    PARTICLES.has(particle[1]!) &&
    (particle[2] === undefined || PARTICLES.has(particle[2]))
  );
}

/**
 * `isPlainWord(lower)` says a word is an ordinary word: a run of one such word at the start of a sentence
 * ("So", "Yeah", "Interviewer") is dropped before its neighbours are read, which is most runs in a transcript.
 */
export function capitalisedRuns(
  text: string,
  isPlainWord: (lower: string) => boolean = () => false,
): CapitalisedRun[] {
  const words = capitalisedWords(text, isPlainWord);
  const runs: CapitalisedRun[] = [];
  let current: CapitalisedWord[] = [];
  const close = () => {
    if (current.length === 0) return;
    const first = current[0]!;
    const last = current[current.length - 1]!;
    if (current.length === 1 && first.sentenceStart && !first.possessive && isPlainWord(first.lower)) {
      current = [];
      return;
    }
    const before = first.sentenceStart ? { one: '', two: '' } : neighbourWordBefore(text, first.start);
    const after = neighbourWordsAfter(text, last.end);
    runs.push({
      words: current,
      before: before.one,
      beforeTwo: before.two,
      after: after.one,
      afterTwo: after.two,
      apposition: appositionAfter(text, last.end),
    });
    current = [];
  };
  for (const word of words) {
    const previous = current[current.length - 1];
    // No name has more than six words; a longer run is a title or shouting, judged six words at a time.
    if (previous && (!joined(text, previous, word) || current.length >= MAX_RUN)) close();
    current.push(word);
  }
  close();
  return runs;
}
