import { finding, type Detector, type PiiFinding } from '../finding';
import { matchesOf } from './characters';

/**
 * The answer to a question about a name, or a form's name field: "What's your surname? Lindqvist",
 * "Name: ana silva", "Full name - Okonjo". Up to three words after the question, in any case, up to the end
 * of the line or a punctuation mark.
 */
const ANSWER =
  /\b(?:(?:first|last|family|given|full|maiden|middle|sur)\s?name|name|called)\s*(?:\?|:|-|–)\s*([\p{L}\p{M}'’-]{2,30}(?:[ \t][\p{L}\p{M}'’-]{2,30}){0,2})(?=\s*(?:$|[.,;!?\n]))/giu;

export const detectNamedAnswers: Detector = (text) => {
  const found: PiiFinding[] = [];
  for (const match of matchesOf(ANSWER, text)) {
    const answer = match[1]!;
    const start = match.index + match[0].length - answer.length;
    found.push(finding(start, start + answer.length, 'PERSON', 0.8, 'answers a question about a name'));
  }
  return found;
};
