import { quoteValue } from './problems';
import type { Parsed } from './values';

/**
 * Answer scales: the ordered labels of a rating question ("Strongly disagree" .. "Strongly agree") and the
 * points they score (1 .. k). Survey tools export either the labels or their own codes; we score both the same.
 */
export interface AnswerScale {
  id: string;
  /** What the evaluator sees: "5-point agreement". */
  name: string;
  /** Labels in order; the first scores 1. */
  labels: string[];
  /** Other wordings of a label, normalised, mapped to the label's canonical (normalised) form. */
  aliases?: Record<string, string>;
}

const NEUTRAL_AGREE = {
  neutral: 'neither agree nor disagree',
  neither: 'neither agree nor disagree',
  undecided: 'neither agree nor disagree',
  'neither disagree nor agree': 'neither agree nor disagree',
  'neither agree or disagree': 'neither agree nor disagree',
};
const NEUTRAL_SATISFIED = {
  neutral: 'neither satisfied nor dissatisfied',
  neither: 'neither satisfied nor dissatisfied',
  'neither dissatisfied nor satisfied': 'neither satisfied nor dissatisfied',
};

/**
 * The scales we recognise. Order matters when observed answers fit several (a column that never used the
 * middle answer fits both the 5- and the 4-point agreement scale): the first listed wins, and the evaluator can
 * choose another.
 */
export const answerScales: readonly AnswerScale[] = [
  {
    id: 'agreement-5',
    name: '5-point agreement',
    labels: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
    aliases: { ...NEUTRAL_AGREE, 'somewhat disagree': 'disagree', 'somewhat agree': 'agree' },
  },
  {
    // Six points, no middle answer (before the 7-point scale: a column using "Slightly" without a neutral
    // answer is far more often this one).
    id: 'agreement-6',
    name: '6-point agreement',
    labels: [
      'Strongly disagree',
      'Disagree',
      'Slightly disagree',
      'Slightly agree',
      'Agree',
      'Strongly agree',
    ],
    // "Somewhat agree" is Qualtrics' 7-point wording, so it is not an alias here.
    aliases: {
      'mildly disagree': 'slightly disagree',
      'mildly agree': 'slightly agree',
    },
  },
  {
    id: 'agreement-7',
    name: '7-point agreement',
    labels: [
      'Strongly disagree',
      'Disagree',
      'Somewhat disagree',
      'Neither agree nor disagree',
      'Somewhat agree',
      'Agree',
      'Strongly agree',
    ],
    aliases: {
      ...NEUTRAL_AGREE,
      'slightly disagree': 'somewhat disagree',
      'slightly agree': 'somewhat agree',
    },
  },
  {
    id: 'agreement-4',
    name: '4-point agreement',
    labels: ['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree'],
  },
  {
    id: 'satisfaction-5',
    name: '5-point satisfaction',
    labels: [
      'Very dissatisfied',
      'Dissatisfied',
      'Neither satisfied nor dissatisfied',
      'Satisfied',
      'Very satisfied',
    ],
    aliases: {
      ...NEUTRAL_SATISFIED,
      'extremely dissatisfied': 'very dissatisfied',
      'somewhat dissatisfied': 'dissatisfied',
      'somewhat satisfied': 'satisfied',
      'extremely satisfied': 'very satisfied',
    },
  },
  {
    id: 'satisfaction-7',
    name: '7-point satisfaction',
    labels: [
      'Extremely dissatisfied',
      'Moderately dissatisfied',
      'Slightly dissatisfied',
      'Neither satisfied nor dissatisfied',
      'Slightly satisfied',
      'Moderately satisfied',
      'Extremely satisfied',
    ],
    aliases: NEUTRAL_SATISFIED,
  },
  {
    id: 'frequency-5',
    name: '5-point frequency',
    labels: ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'],
    aliases: { seldom: 'rarely', occasionally: 'sometimes', 'very often': 'often', usually: 'often' },
  },
  {
    id: 'extent-5',
    name: '5-point extent',
    labels: [
      'Not at all',
      'To a small extent',
      'To a moderate extent',
      'To a large extent',
      'To a very large extent',
    ],
    aliases: { 'to some extent': 'to a moderate extent', 'to a great extent': 'to a large extent' },
  },
  {
    id: 'importance-5',
    name: '5-point importance',
    labels: [
      'Not at all important',
      'Slightly important',
      'Moderately important',
      'Very important',
      'Extremely important',
    ],
  },
  {
    id: 'quality-5',
    name: '5-point quality',
    labels: ['Poor', 'Fair', 'Good', 'Very good', 'Excellent'],
  },
  {
    id: 'rating-10',
    name: '10-point rating',
    labels: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
  },
];

const AGREEMENT_WORDING = /\b(agree|disagree|agreement)\b/i;
/** "(1 = Strongly disagree, 6 = Strongly agree)": the numbers a question's anchors give. */
const ANCHOR = /\b(\d{1,2})\s*[=:-]\s*\p{L}/gu;

/**
 * The scale of a rating answered with numbers (Google Forms' linear scale, a Forms rating, SurveyMonkey's
 * numbered agreement): whole numbers from 1 to at most 10, under a question about agreeing or with numbered
 * anchors. Its length is the anchors' largest number, or the smallest usual length that holds the answers.
 * Ordinal points of a scale, not bare numbers.
 */
export function numberedRatingScale(question: string, values: readonly string[]): AnswerScale | null {
  if (values.length === 0 || !values.every((v) => /^\d{1,2}$/.test(v.trim()))) return null;
  const points = values.map(Number);
  if (Math.min(...points) < 1 || Math.max(...points) > 10) return null;
  const anchors = [...question.matchAll(ANCHOR)].map((m) => Number(m[1]));
  const agreement = AGREEMENT_WORDING.test(question);
  if (!agreement && anchors.length < 2) return null;
  const largest = Math.max(...points, ...anchors);
  const length = [4, 5, 6, 7, 10].find((k) => k >= largest)!;
  const id = agreement && length <= 7 ? `agreement-${length}` : length === 10 ? 'rating-10' : null;
  return answerScales.find((scale) => scale.id === id) ?? null;
}

/** Lower case, single spaces, no numbering ("5 - Strongly agree", "Strongly agree (5)", "1. Never"). */
export function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2019']/g, '')
    .replace(/^\s*\(?\d+\)?\s*[-–=:.)]\s*/, '')
    .replace(/\s*[([]\d+[)\]]\s*$/, '')
    .replace(/\s*[-–=:]\s*\d+\s*$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The answers each scale has scored so far, by their text as written: a column of a million answers holds a
 * handful of different ones, and normalising each costs five regular expressions. Bounded, so a column of free
 * text scored by mistake cannot grow it without end.
 */
const scoredAnswers = new WeakMap<AnswerScale, Map<string, number | null>>();
const REMEMBERED_ANSWERS = 256;

function scorePoint(scale: AnswerScale, text: string): number | null {
  const norm = normaliseLabel(text);
  const canonical = scale.aliases?.[norm] ?? norm;
  const index = scale.labels.findIndex((l) => normaliseLabel(l) === canonical);
  return index < 0 ? null : index + 1;
}

/** The point (1..k) a label scores on a scale, or null when the scale does not have it. */
export function labelPoint(scale: AnswerScale, text: string): number | null {
  let scored = scoredAnswers.get(scale);
  if (!scored) scoredAnswers.set(scale, (scored = new Map()));
  const known = scored.get(text);
  if (known !== undefined) return known;
  const point = scorePoint(scale, text);
  if (scored.size < REMEMBERED_ANSWERS) scored.set(text, point);
  return point;
}

/**
 * The scale a column's labels belong to, or null when they are not one of our scales. Numbers (already-scored
 * answers) and blanks are ignored. A few stray answers ("Sometimes" in an agreement column) do not hide the
 * scale: at least `minShare` of the answers must be on it, and validation reports the others.
 */
export function recogniseAnswerScale(values: Iterable<string>, minShare = 0.75): AnswerScale | null {
  const counts = new Map<string, number>();
  let total = 0;
  for (const v of values) {
    if (!v.trim() || /^\s*-?\d+([.,]\d+)?\s*$/.test(v)) continue;
    const label = normaliseLabel(v);
    counts.set(label, (counts.get(label) ?? 0) + 1);
    total++;
  }
  if (total === 0) return null;
  let best: { scale: AnswerScale; share: number } | null = null;
  for (const scale of answerScales) {
    let fitting = 0;
    const points = new Set<number>();
    let distinct = 0;
    for (const [label, count] of counts) {
      const point = labelPoint(scale, label);
      if (point === null) continue;
      fitting += count;
      distinct++;
      points.add(point);
    }
    // Different labels must be different points ("Agree" and "Somewhat agree" are one point of a 5-point
    // scale in Qualtrics' wording, so together they mean 7 points).
    if (points.size !== distinct) continue;
    const share = fitting / total;
    if (share >= minShare && (!best || share > best.share)) best = { scale, share };
  }
  return best?.scale ?? null;
}

/**
 * Scores one answer on a column's scale: its label, or a number already on the scale. A number outside the
 * scale ("7" on a 5-point scale, or Qualtrics' raw code 14) is an error, never silently kept.
 */
export function scoreAnswer(raw: string, scale: AnswerScale): Parsed<number> {
  const k = scale.labels.length;
  const expected = `a ${scale.name} answer (${scale.labels[0]} .. ${scale.labels[k - 1]}, or 1 to ${k})`;
  const text = raw.trim();
  if (!text) return { ok: false, expected, message: 'The cell is empty; an answer was expected.' };
  const point = labelPoint(scale, text);
  if (point !== null) return { ok: true, value: point };
  if (/^-?\d+([.,]\d+)?$/.test(text)) {
    const n = Number(text.replace(',', '.'));
    if (Number.isInteger(n) && n >= 1 && n <= k) return { ok: true, value: n };
    return {
      ok: false,
      expected,
      message: `${quoteValue(raw)} is outside the ${scale.name} scale; expected a whole number from 1 to ${k}.`,
    };
  }
  return {
    ok: false,
    expected,
    message: `${quoteValue(raw)} is not an answer on the ${scale.name} scale; expected one of: ${scale.labels.join(', ')}.`,
  };
}

/** A coded answer with its label, as SPSS value labels give them (code 11 = "Strongly disagree"). */
export interface CodedLabel {
  code: number;
  label: string;
}

/** Codes an SPSS/Qualtrics value-label set maps onto scale points, and the codes that are not on the scale. */
export interface CodeScoring {
  scale: AnswerScale | null;
  /** code -> point 1..k. */
  points: Map<number, number>;
  /** Codes with labels that are not answers on the scale ("Don't know", "Prefer not to say"). */
  notOnScale: CodedLabel[];
}

/**
 * Scores coded answers by their labels, never by the codes: Qualtrics may code a 5-point item 11..15 or
 * 1, 2, 3, 4, 6. When the labels are a known scale, each label gives the point; otherwise the codes with labels
 * are ranked in order (lowest code = 1), with the labels that are not answers left out.
 */
export function scoreCodes(labels: readonly CodedLabel[]): CodeScoring {
  const scale = recogniseAnswerScale(labels.map((l) => l.label).filter((l) => !isNonAnswer(l)));
  const points = new Map<number, number>();
  const notOnScale: CodedLabel[] = [];
  if (scale) {
    for (const l of labels) {
      const point = labelPoint(scale, l.label);
      if (point === null) notOnScale.push(l);
      else points.set(l.code, point);
    }
    return { scale, points, notOnScale };
  }
  const ranked = [...labels].sort((a, b) => a.code - b.code);
  let point = 0;
  for (const l of ranked) {
    if (isNonAnswer(l.label)) notOnScale.push(l);
    else points.set(l.code, ++point);
  }
  return { scale: null, points, notOnScale };
}

const NON_ANSWERS =
  /^(dont know|do not know|not applicable|n a|na|prefer not to (say|answer)|no answer|refused|not sure|unsure|missing)$/;

export function isNonAnswer(label: string): boolean {
  return NON_ANSWERS.test(normaliseLabel(label));
}
