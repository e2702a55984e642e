import { finding, type Detector, type PiiFinding } from '../finding';
import { matchesOf } from './characters';

/**
 * A person's age, stated: "I'm 37", "I turn 37 next month", "aged 52", "Age: 41", "a 29-year-old", "my son is
 * 12 now". Ages narrow a quote down to a few people in a small program. A number is an age only with one of
 * these cues, and only from 1 to 110; "I'm 5 minutes away" and "the score is 12" are not ages.
 * The finding covers the number (and "years old" when it follows), so a tag reads "[AGE-1] next month".
 */
const NUMBER = '(1[01]\\d|[1-9]\\d?)';
const YEARS = '(?:[ -]years?[ -]old|[ -]year-old|[ -]yrs?[ -]old|[ -]?y/?o\\b|[ -]years? of age)';
const AFTER_AGE =
  '(?=\\s*(?:$|[.,;:!?)]|(?:and|but|now|next|last|this|in|on|at|soon|today|yesterday|tomorrow|so|when|with|the|i|we|years)\\b|-|—|–))';

const PATTERNS: Array<{ regex: RegExp; reason: string; score: number }> = [
  {
    // "37 years old", "a 29-year-old", "52 yo"
    regex: new RegExp(`(?<![\\w.,/-])${NUMBER}${YEARS}`, 'gidu'),
    reason: "number followed by 'years old'",
    score: 0.9,
  },
  {
    // "aged 52", "age: 41", "Age 37"
    regex: new RegExp(`\\b(?:aged|age(?:d)?\\s*[:=]|age)\\s*${NUMBER}(?![\\w/%:-]|[.,]\\d)`, 'gidu'),
    reason: "number after 'age'",
    score: 0.85,
  },
  {
    // "I turn 37", "turned 40", "turning 18", "will be 25"
    regex: new RegExp(`\\b(?:turn|turns|turned|turning|will be|be)\\s+${NUMBER}${AFTER_AGE}`, 'gidu'),
    reason: "number after 'turn' (a birthday)",
    score: 0.8,
  },
  {
    // "I'm 37", "I am now 54", "when I was 12", "he's 60", "my daughter is 12 now"
    regex: new RegExp(
      `\\b(?:i['’]?m|i am|i was|he['’]?s|she['’]?s|he is|she is|he was|she was|(?:son|daughter|kid|child|baby|brother|sister|mum|mom|dad|mother|father|husband|wife|partner|grandson|granddaughter|nan|gran|grandma|grandpa)(?: [\\p{L}'’-]+){0,2} (?:is|was))(?: now| just| only| nearly| almost| about)?\\s+${NUMBER}${AFTER_AGE}`,
      'gidu',
    ),
    reason: "number stated as someone's age",
    score: 0.75,
  },
  {
    // "Edgar Sehls (62) has been with us": a number in brackets right after a capitalised name.
    regex: new RegExp(`(?<=\\p{Lu}[\\p{Ll}\\p{M}'’-]+ )\\((1[01]\\d|[1-9]\\d)\\)`, 'gdu'),
    reason: 'number in brackets after a name',
    score: 0.6,
  },
];

export const detectAges: Detector = (text) => {
  const found: PiiFinding[] = [];
  for (const { regex, reason, score } of PATTERNS) {
    for (const match of matchesOf(regex, text)) {
      const [at, numberEnd] = match.indices![1]!;
      const end = reason.startsWith('number followed') ? match.index + match[0].length : numberEnd;
      found.push(finding(at, end, 'AGE', score, reason));
    }
  }
  return found;
};
