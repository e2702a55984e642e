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
  /** The role in an apposition right after the run: "Ngozi, my buddy, ..." gives "buddy". */
  apposition: string;
}

const CAPITALISED = /(?<![\p{L}\p{M}\p{N}'’_-])\p{Lu}[\p{L}\p{M}]{0,40}(?:['’-][\p{L}\p{M}]{1,40}){0,3}/gu;
const MAX_RUN = 6;
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lady', 'lord', 'rev', 'madam', 'madame', 'mme', 'herr', 'frau', 'señor', 'señora', 'auntie', 'uncle']);
const PARTICLES = new Set(['van', 'von', 'de', 'da', 'di', 'del', 'der', 'den', 'la', 'le', 'bin', 'binti', 'al', 'el', 'ibn', 'dos', 'du']);
const SENTENCE_END = new Set(['.', '!', '?', '\n', '\r', ':', ';', '•', '|', '"', '“', '—', '–', '(', '[', '*', '>']);
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
    const before = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Rev|Sr|Jr|[A-Z])$/u.test(text.slice(Math.max(0, i - 6), i));
    return !before;
  }
  return SENTENCE_END.has(ch);
}

function neighbourWordBefore(text: string, start: number): { one: string; two: string } {
  const slice = text.slice(Math.max(0, start - 40), start);
  const m = /(?:([\p{L}']{1,20})[ \t]{1,3})?([\p{L}']{1,20})[ \t,]{1,3}$/u.exec(slice);
  if (!m) return { one: '', two: '' };
  const one = (m[2] ?? '').toLowerCase();
  return { one, two: m[1] ? `${m[1].toLowerCase()} ${one}` : one };
}

function appositionAfter(text: string, end: number): string {
  const m = /^(?:'s|’s)?,[ \t]{1,3}(?:my|our|her|his|their|the)[ \t]{1,3}([\p{L}]{1,20})/u.exec(text.slice(end, end + 40));
  return m ? (m[1] ?? '').toLowerCase() : '';
}

function neighbourWordAfter(text: string, end: number): string {
  const m = /^(?:'s|’s)?[ \t]{1,3}([\p{L}']{1,20})/u.exec(text.slice(end, end + 30));
  return m ? (m[1] ?? '').toLowerCase() : '';
}

export function capitalisedWords(text: string): CapitalisedWord[] {
  const words: CapitalisedWord[] = [];
  CAPITALISED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAPITALISED.exec(text)) !== null) {
    let word = m[0];
    let possessive = false;
    if (/['’]s$/.test(word)) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (/['’]$/.test(word)) word = word.slice(0, -1);
    const start = m.index;
    const end = start + word.length;
    const initial = word.length === 1 && text[end] === '.';
    words.push({
      start,
      end,
      text: word,
      lower: word.toLowerCase(),
      sentenceStart: isSentenceStart(text, start),
      possessive,
      allCaps: word.length > 1 && word === word.toUpperCase(),
      initial,
    });
  }
  return words;
}

/** Two capitalised words belong to one run when only a space, an initial's full stop or a particle parts them. */
const POSSESSIVE_INSTITUTIONS = new Set(['trust', 'college', 'hospital', 'school', 'fund', 'church', 'academy', 'foundation', 'society', 'centre', 'park', 'cathedral', 'university', 'ambulance']);

function joined(text: string, left: CapitalisedWord, right: CapitalisedWord): boolean {
  if (right.sentenceStart) return false;
  // "Prince's Trust", "King's College": a possessive inside an institution's name.
  if (left.possessive) return text.slice(left.end + 2, right.start) === ' ' && POSSESSIVE_INSTITUTIONS.has(right.lower);
  const between = text.slice(left.end, right.start);
  if (between === ' ') return true;
  if (between === '. ' && (left.initial || HONORIFICS.has(left.lower))) return true;
  const particle = /^ ([a-z]{2,5}) $/.exec(between);
  return particle !== null && PARTICLES.has(particle[1]!);
}

export function capitalisedRuns(text: string): CapitalisedRun[] {
  const words = capitalisedWords(text);
  const runs: CapitalisedRun[] = [];
  let current: CapitalisedWord[] = [];
  const close = () => {
    if (current.length === 0) return;
    const first = current[0]!;
    const last = current[current.length - 1]!;
    const before = first.sentenceStart ? { one: '', two: '' } : neighbourWordBefore(text, first.start);
    runs.push({
      words: current,
      before: before.one,
      beforeTwo: before.two,
      after: neighbourWordAfter(text, last.end),
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
