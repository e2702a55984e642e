import { finding, type PiiFinding } from '../finding';
import { matchesOf } from './characters';

/**
 * Identifier patterns the evaluator defines for their organisation (staff numbers, learner ids). They are
 * written as masks, not regexes, so nobody can type a pattern that backtracks forever:
 *   #  a digit     A  a letter     *  a letter or digit     anything else  itself (case-insensitive)
 * e.g. "EMP-######" or "AA######A".
 */
export interface IdentifierMask {
  mask: string;
  /** Shown in the finding's reason ("staff number"). */
  label?: string;
}

const MAX_MASK = 64;

export function compileMask(mask: string): RegExp {
  if (mask.length === 0 || mask.length > MAX_MASK)
    throw new Error(`An id mask must be 1 to ${MAX_MASK} characters.`);
  let source = '';
  for (const ch of mask) {
    if (ch === '#') source += '\\d';
    else if (ch === 'A') source += '[A-Za-z]';
    else if (ch === '*') source += '[A-Za-z0-9]';
    else source += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`(?<![A-Za-z0-9])${source}(?![A-Za-z0-9])`, 'gi');
}

export function detectIdentifierMasks(text: string, masks: readonly IdentifierMask[]): PiiFinding[] {
  const found: PiiFinding[] = [];
  for (const { mask, label } of masks) {
    const regex = compileMask(mask);
    for (const match of matchesOf(regex, text)) {
      found.push(
        finding(
          match.index,
          match.index + match[0].length,
          'EMPLOYEE_ID',
          0.9,
          `matches ${label ?? 'id'} pattern ${mask}`,
        ),
      );
    }
  }
  return found;
}
