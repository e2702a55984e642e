import { withoutAccents } from './accents';
import { nameLexicon, type NameLexicon } from './nameLexicon';
import { HONORIFICS } from './wordRuns';

/**
 * The name model: a sequence tagger (structured averaged perceptron over hashed features, Viterbi over BIO
 * tags) that marks people, places and organisations in text of any case and origin. Trained by
 * scripts/train-name-tagger.ts on public annotated text and interview-shaped template sentences; the weights
 * ship in nameTagger.weights.json (Int16, deflated, base64) and are decoded once, on first use.
 *
 * Only tokens that could be part of a name are scored: a word in capitals, a word no English list knows, a
 * known name, and their neighbours. Runs of ordinary lower-case words are outside every name, so most of a
 * transcript costs one Set lookup a word.
 */

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'] as const;
export type TaggerLabel = (typeof LABELS)[number];
export const LABEL_COUNT = LABELS.length;
export type NameKind = 'PER' | 'LOC' | 'ORG';

/** A text's tokens as offsets (no string a token: a transcript has millions of them). */
export class Tokens {
  length = 0;
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);

  constructor(readonly text: string) {}

  push(start: number, end: number): void {
    if (this.length === this.starts.length) {
      const starts = new Int32Array(this.length * 2);
      const ends = new Int32Array(this.length * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length += 1;
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  end(i: number): number {
    return this.ends[i]!;
  }

  word(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const HANDLE_CHAR = /[\p{L}\p{N}_]/u;

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (Number.isNaN(c)) return false;
  return WORD_CHAR.test(text.charAt(i)) || ((c & 0xfc00) === 0xd800 && WORD_CHAR.test(text.slice(i, i + 2)));
}

function wordCodeLength(text: string, i: number): number {
  return (text.charCodeAt(i) & 0xfc00) === 0xd800 ? 2 : 1;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** A possessive's "'s" at `i`: an apostrophe, s, and no letter after. */
function possessiveAt(text: string, i: number): boolean {
  const s = text.charCodeAt(i + 1);
  return isApostrophe(text.charCodeAt(i)) && (s === 115 || s === 83) && !isWordCode(text, i + 2);
}

/**
 * Words (with inner apostrophes, hyphens, dots), a possessive's "'s" on its own as the annotated sets write it,
 * @handles, and every other non-space character alone. A hand-written scanner: a regex with Unicode classes
 * costs several times more on a transcript.
 */
export function tokenize(text: string): Tokens {
  const out = new Tokens(text);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x85) {
      i += 1;
      continue;
    }
    const start = i;
    if (c === 64 && i + 1 < n && HANDLE_CHAR.test(text.charAt(i + 1))) {
      i += 1;
      let length = 0;
      while (i < n && length < 30 && (HANDLE_CHAR.test(text.charAt(i)) || text.charCodeAt(i) === 95)) {
        i += 1;
        length += 1;
      }
    } else if (isWordCode(text, i)) {
      i += wordCodeLength(text, i);
      for (;;) {
        while (i < n && isWordCode(text, i)) i += wordCodeLength(text, i);
        const d = text.charCodeAt(i);
        if (
          (d === 46 || d === 45 || (isApostrophe(d) && !possessiveAt(text, i))) &&
          isWordCode(text, i + 1)
        ) {
          i += 1;
          continue;
        }
        break;
      }
    } else if (possessiveAt(text, i)) {
      i += 2;
    } else {
      i += wordCodeLength(text, i);
    }
    out.push(start, i);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- features

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

/** "Zsófia" -> "Xx", "O'Neill" -> "X'Xx", "@dan_k" -> "@x_x", "1990" -> "d". */
export function wordShape(text: string): string {
  let out = '';
  let last = '';
  for (const c of text) {
    let k: string;
    if (c >= '0' && c <= '9') k = 'd';
    else if (c.toLowerCase() !== c) k = 'X';
    else if (c.toUpperCase() !== c) k = 'x';
    else k = c;
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

const FLAG = {
  first: 1,
  surname: 2,
  ambiguous: 4,
  common: 8,
  place: 16,
  organisation: 32,
  rare: 64,
  title: 128,
  placeHead: 256,
  organisationHead: 512,
} as const;

function lexiconFlags(lower: string, lex: NameLexicon): number {
  const w = withoutAccents(lower.endsWith("'s") || lower.endsWith('’s') ? lower.slice(0, -2) : lower);
  let f = 0;
  if (lex.firstNames.has(w)) f |= FLAG.first;
  if (lex.surnames.has(w)) f |= FLAG.surname;
  if (lex.ambiguousNames.has(w)) f |= FLAG.ambiguous;
  if (lex.commonWords.has(w)) f |= FLAG.common;
  if (lex.places.has(w)) f |= FLAG.place;
  if (lex.organisations.has(w)) f |= FLAG.organisation;
  if (lex.rareWords.has(w)) f |= FLAG.rare;
  if (HONORIFICS.has(w)) f |= FLAG.title;
  if (lex.placeHeads.has(w)) f |= FLAG.placeHead;
  if (lex.organisationHeads.has(w)) f |= FLAG.organisationHead;
  return f;
}

/** How a stretch of text is written: 0 mixed, 1 all lower case (speech, chat), 2 all capitals. */
function writingOf(casing: Uint8Array, from: number, to: number): number {
  let letters = 0;
  let lowerStart = 0;
  let upper = 0;
  for (let i = from; i < to; i += 1) {
    const c = casing[i]!;
    if (c === NO_LETTER) continue;
    letters += 1;
    if (c === LOWER) lowerStart += 1;
    else if (c === CAPITALS) upper += 1;
  }
  if (letters < 3) return 0;
  if (lowerStart === letters) return 1;
  if (upper >= letters * 0.8) return 2;
  return 0;
}

const NO_LETTER = 0;
const LOWER = 1;
const CAPITAL = 2;
const CAPITALS = 3;

/** What the features need of one spelling of a word, computed once and kept (transcripts repeat words). */
interface WordInfo {
  text: string;
  lower: number;
  shape: number;
  pre3: number;
  suf2: number;
  suf3: number;
  suf4: number;
  flags: number;
  length: number;
  casing: number;
  /** Could be part of a name (see `candidate`), apart from where it stands. */
  nameish: boolean;
  /** An ordinary English word ("Yeah", "The"): capitalised only by grammar when it opens a sentence. */
  ordinary: boolean;
}

const NAME_FLAGS = FLAG.first | FLAG.place | FLAG.organisation;
const PRONOUN_I = /^i(?:['’](?:m|ve|d|ll))?$/;
const caches = new WeakMap<NameLexicon, Map<number, WordInfo>>();

function casingOf(text: string): number {
  const first = text.charAt(0);
  const lower = first.toLowerCase();
  if (lower === first.toUpperCase()) return NO_LETTER;
  if (first === lower) return LOWER;
  return text.length > 1 && text === text.toUpperCase() ? CAPITALS : CAPITAL;
}

/** "sessions", "activities": the plural of a word the lists know as English. */
function englishPlural(lower: string, lex: NameLexicon): boolean {
  if (lower.length < 4 || !lower.endsWith('s')) return false;
  const english = (w: string) => lex.commonWords.has(w) || lex.rareWords.has(w);
  return (
    english(lower.slice(0, -1)) ||
    (lower.endsWith('es') && english(lower.slice(0, -2))) ||
    (lower.endsWith('ies') && english(`${lower.slice(0, -3)}y`))
  );
}

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The word at `start..end` of `source`, looked up by its hash and checked letter for letter. */
function infoOf(source: string, start: number, end: number, lex: NameLexicon): WordInfo {
  let cache = caches.get(lex);
  if (!cache) caches.set(lex, (cache = new Map()));
  const key = hashRange(source, start, end);
  const known = cache.get(key);
  if (known && known.text.length === end - start && source.startsWith(known.text, start)) return known;
  if (cache.size > 200_000) cache.clear();
  const text = source.slice(start, end);
  const lower = text.toLowerCase();
  const flags = lexiconFlags(lower, lex);
  const casing = casingOf(text);
  const common = (flags & FLAG.common) !== 0;
  const english = (flags & (FLAG.common | FLAG.rare)) !== 0;
  // Many English words are also surnames ("sessions", "speaker"): only first names and places count here.
  const named = (flags & NAME_FLAGS) !== 0;
  let nameish: boolean;
  if (casing === NO_LETTER || text.charCodeAt(0) === 64 || PRONOUN_I.test(lower)) nameish = false;
  else if (casing === LOWER) nameish = named ? !common : !english && !englishPlural(lower, lex);
  else nameish = true;
  const info: WordInfo = {
    text,
    lower: hashString(lower),
    shape: hashString(wordShape(text)),
    pre3: hashString(lower.slice(0, 3)),
    suf2: hashString(lower.slice(-2)),
    suf3: hashString(lower.slice(-3)),
    suf4: hashString(lower.slice(-4)),
    flags,
    length: Math.min(lower.length, 12),
    casing,
    nameish,
    ordinary: (common && !named) || englishPlural(lower, lex),
  };
  cache.set(key, info);
  return info;
}

const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '"', '“', '”', '(', '-', '–', '—', '*', '•']);

/** Per-token values the feature templates combine. */
export interface TokenView {
  lower: Uint32Array;
  shape: Uint32Array;
  pre3: Uint32Array;
  suf2: Uint32Array;
  suf3: Uint32Array;
  suf4: Uint32Array;
  flags: Uint32Array;
  opens: Uint8Array;
  writing: Uint8Array;
  length: Uint8Array;
  casing: Uint8Array;
  /** Whether the model reads this token (see `candidate`). */
  candidate: Uint8Array;
}

const PAD = 0x5bd1e995;

function newLineBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (text.charCodeAt(i) === 10) return true;
  return false;
}

export function viewOf(text: string, tokens: Tokens, lex: NameLexicon): TokenView {
  const n = tokens.length;
  const view: TokenView = {
    lower: new Uint32Array(n),
    shape: new Uint32Array(n),
    pre3: new Uint32Array(n),
    suf2: new Uint32Array(n),
    suf3: new Uint32Array(n),
    suf4: new Uint32Array(n),
    flags: new Uint32Array(n),
    opens: new Uint8Array(n),
    writing: new Uint8Array(n),
    length: new Uint8Array(n),
    casing: new Uint8Array(n),
    candidate: new Uint8Array(n),
  };
  let sentenceFrom = 0;
  const closeSentence = (to: number) => {
    view.writing.fill(writingOf(view.casing, sentenceFrom, to), sentenceFrom, to);
    sentenceFrom = to;
  };
  for (let i = 0; i < n; i += 1) {
    const start = tokens.starts[i]!;
    const info = infoOf(text, start, tokens.ends[i]!, lex);
    view.lower[i] = info.lower;
    view.shape[i] = info.shape;
    view.pre3[i] = info.pre3;
    view.suf2[i] = info.suf2;
    view.suf3[i] = info.suf3;
    view.suf4[i] = info.suf4;
    view.flags[i] = info.flags;
    view.length[i] = info.length;
    view.casing[i] = info.casing;
    const newLine = i > 0 && newLineBetween(text, tokens.ends[i - 1]!, start);
    if (newLine) closeSentence(i);
    const opens =
      i === 0 ||
      newLine ||
      (tokens.ends[i - 1]! - tokens.starts[i - 1]! === 1 &&
        SENTENCE_END.has(text.charAt(tokens.starts[i - 1]!)));
    view.opens[i] = opens ? 1 : 0;
    // A capitalised ordinary word opening a sentence ("Yeah", "So") is capitalised by grammar.
    view.candidate[i] = info.nameish && !(opens && info.ordinary && info.casing === CAPITAL) ? 1 : 0;
  }
  closeSentence(n);
  return view;
}

export const FEATURES_PER_TOKEN = 30;

/** The hashed feature ids of token `i` (before masking to the table's size), written into `out`. */
export function featuresOf(v: TokenView, i: number, n: number, out: Uint32Array): void {
  const at = (a: Uint32Array, j: number) => (j < 0 || j >= n ? PAD + j - i : a[j]!);
  const lower = v.lower[i]!;
  const shape = v.shape[i]!;
  const flags = v.flags[i]!;
  const writing = v.writing[i]!;
  const opens = v.opens[i]!;
  const lp = at(v.lower, i - 1);
  const ln = at(v.lower, i + 1);
  const sp = at(v.shape, i - 1);
  const sn = at(v.shape, i + 1);
  let k = 0;
  out[k++] = mix(1, 0);
  out[k++] = mix(2, lower);
  out[k++] = mix(3, shape);
  out[k++] = mix(4, v.pre3[i]!);
  out[k++] = mix(5, v.suf2[i]!);
  out[k++] = mix(6, v.suf3[i]!);
  out[k++] = mix(7, v.suf4[i]!);
  out[k++] = mix(8, lp);
  out[k++] = mix(9, ln);
  out[k++] = mix(10, at(v.lower, i - 2));
  out[k++] = mix(11, at(v.lower, i + 2));
  out[k++] = mix(12, sp);
  out[k++] = mix(13, sn);
  out[k++] = mix(14, at(v.shape, i - 2));
  out[k++] = mix(15, at(v.shape, i + 2));
  out[k++] = mix(16, flags);
  out[k++] = mix(17, at(v.flags, i - 1));
  out[k++] = mix(18, at(v.flags, i + 1));
  out[k++] = mix(19, mix(mix(sp, shape), sn));
  out[k++] = mix(20, mix(shape, opens));
  out[k++] = mix(21, mix(at(v.lower, i - 2), lp));
  out[k++] = mix(22, mix(ln, at(v.lower, i + 2)));
  out[k++] = mix(23, mix(flags, shape));
  out[k++] = mix(24, mix(v.length[i]!, shape));
  out[k++] = mix(25, mix(writing, shape));
  out[k++] = mix(26, mix(writing, flags));
  out[k++] = mix(27, mix(lp, shape));
  out[k++] = mix(28, mix(shape, ln));
  out[k++] = mix(29, mix(mix(flags, opens), writing));
  out[k++] = mix(30, mix(at(v.flags, i - 1), flags));
}

// ---------------------------------------------------------------------------------------------- decoding

/** Transitions that BIO forbids: I-X only after B-X or I-X. */
export function allowed(from: number, to: number): boolean {
  if (to === 0 || to % 2 === 1) return true;
  return from === to || from === to - 1;
}

export interface TaggerWeights {
  bits: number;
  /** LABEL_COUNT weights a feature bucket, in units of `unit` (Int16 as shipped, Float32 in training). */
  emission: Float32Array | Int16Array;
  unit: number;
  /** (LABEL_COUNT + 1) x LABEL_COUNT: row LABEL_COUNT is the start. */
  transition: Float32Array;
  /** Confidence of a span: sigmoid(slope * mean margin + intercept). */
  slope: number;
  intercept: number;
}

/** Emission scores of tokens `from..to` into `scores` (row per token). */
export function emissions(
  weights: TaggerWeights,
  view: TokenView,
  from: number,
  to: number,
  n: number,
  scores: Float32Array,
  scratch: Uint32Array,
): void {
  const mask = (1 << weights.bits) - 1;
  const w = weights.emission;
  for (let i = from; i < to; i += 1) {
    featuresOf(view, i, n, scratch);
    const row = (i - from) * LABEL_COUNT;
    for (let l = 0; l < LABEL_COUNT; l += 1) scores[row + l] = 0;
    for (let f = 0; f < FEATURES_PER_TOKEN; f += 1) {
      const base = (scratch[f]! & mask) * LABEL_COUNT;
      for (let l = 0; l < LABEL_COUNT; l += 1) scores[row + l] = scores[row + l]! + w[base + l]!;
    }
    if (weights.unit !== 1)
      for (let l = 0; l < LABEL_COUNT; l += 1) scores[row + l] = scores[row + l]! * weights.unit;
  }
}

let viterbiBest = new Float32Array(256 * LABEL_COUNT);
let viterbiBack = new Uint8Array(256 * LABEL_COUNT);

/** Best label sequence for `count` tokens whose emission rows are in `scores`. */
export function viterbi(
  scores: Float32Array,
  count: number,
  transition: Float32Array,
  out: Uint8Array,
): void {
  if (count === 0) return;
  const L = LABEL_COUNT;
  if (viterbiBest.length < count * L) {
    viterbiBest = new Float32Array(count * L * 2);
    viterbiBack = new Uint8Array(count * L * 2);
  }
  const best = viterbiBest;
  const back = viterbiBack;
  for (let l = 0; l < L; l += 1)
    best[l] = allowed(0, l) ? scores[l]! + transition[L * L + l]! : Number.NEGATIVE_INFINITY;
  for (let i = 1; i < count; i += 1) {
    for (let l = 0; l < L; l += 1) {
      let top = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let p = 0; p < L; p += 1) {
        if (!allowed(p, l)) continue;
        const s = best[(i - 1) * L + p]! + transition[p * L + l]!;
        if (s > top) {
          top = s;
          arg = p;
        }
      }
      best[i * L + l] = top + scores[i * L + l]!;
      back[i * L + l] = arg;
    }
  }
  let top = Number.NEGATIVE_INFINITY;
  let arg = 0;
  for (let l = 0; l < L; l += 1) {
    if (best[(count - 1) * L + l]! > top) {
      top = best[(count - 1) * L + l]!;
      arg = l;
    }
  }
  for (let i = count - 1; i >= 0; i -= 1) {
    out[i] = arg;
    arg = back[i * L + arg]!;
  }
}

// ---------------------------------------------------------------------------------------------- tagging

export interface TaggedSpan {
  start: number;
  end: number;
  kind: NameKind;
  /** 0..1: the model's calibrated confidence. */
  confidence: number;
  /** Mean, over the span's tokens, of the best label's score minus the next best's. */
  margin: number;
  /** Indexes of the span's first and last tokens. */
  first: number;
  last: number;
}

/**
 * Tokens the model labels: candidates (a capital not owed to grammar, a known name, a word no list knows) and
 * one token either side; every other token is outside names.
 */
const CONTEXT = 1;

/** The stretches the model reads: each candidate with CONTEXT tokens either side, overlapping ones joined. */
export function windowsOf(tokens: Tokens, view: TokenView): Array<[number, number]> {
  const n = tokens.length;
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < n) {
    if (view.candidate[i] === 0) {
      i += 1;
      continue;
    }
    const from = Math.max(i - CONTEXT, out.length > 0 ? out[out.length - 1]![1] : 0);
    // Candidates whose context windows touch are read as one stretch ("Kofi and Hiroshi").
    let last = i;
    for (let j = i + 1; j < n && j <= last + 2 * CONTEXT + 1; j += 1) if (view.candidate[j] === 1) last = j;
    const to = Math.min(n, last + CONTEXT + 1);
    out.push([from, to]);
    i = to;
  }
  return out;
}

/** Spans the model finds in `text`, with its tokens (for the reasons the caller words). */
export function tagNames(
  text: string,
  weights: TaggerWeights,
  lex: NameLexicon = nameLexicon(),
): { spans: TaggedSpan[]; tokens: Tokens } {
  const tokens = tokenize(text);
  const n = tokens.length;
  if (n === 0) return { spans: [], tokens };
  const view = viewOf(text, tokens, lex);
  const spans: TaggedSpan[] = [];
  const scratch = new Uint32Array(FEATURES_PER_TOKEN);
  let scores = new Float32Array(64 * LABEL_COUNT);
  let labels = new Uint8Array(64);
  for (const [from, to] of windowsOf(tokens, view)) {
    const count = to - from;
    if (count > labels.length) {
      labels = new Uint8Array(count * 2);
      scores = new Float32Array(count * 2 * LABEL_COUNT);
    }
    emissions(weights, view, from, to, n, scores, scratch);
    viterbi(scores, count, weights.transition, labels);
    collectSpans(tokens, from, count, labels, scores, weights, spans);
  }
  return { spans, tokens };
}

function collectSpans(
  tokens: Tokens,
  from: number,
  count: number,
  labels: Uint8Array,
  scores: Float32Array,
  weights: TaggerWeights,
  out: TaggedSpan[],
): void {
  let k = 0;
  while (k < count) {
    const label = labels[k]!;
    if (label === 0) {
      k += 1;
      continue;
    }
    const b = label % 2 === 1 ? label : label - 1;
    let end = k + 1;
    while (end < count && labels[end] === b + 1) end += 1;
    let margin = 0;
    for (let t = k; t < end; t += 1) {
      const row = t * LABEL_COUNT;
      const own = scores[row + labels[t]!]!;
      let other = Number.NEGATIVE_INFINITY;
      for (let l = 0; l < LABEL_COUNT; l += 1) if (l !== labels[t]) other = Math.max(other, scores[row + l]!);
      margin += own - other;
    }
    margin /= end - k;
    const confidence = 1 / (1 + Math.exp(-(weights.slope * margin + weights.intercept)));
    const kind: NameKind = b === 1 ? 'PER' : b === 3 ? 'LOC' : 'ORG';
    out.push({
      start: tokens.start(from + k),
      end: tokens.end(from + end - 1),
      kind,
      confidence,
      margin,
      first: from + k,
      last: from + end - 1,
    });
    k = end;
  }
}
