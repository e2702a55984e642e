import { z } from 'zod';
import { identifierMaskSchema } from './anonymize';

/**
 * What the PII scan looks for beyond its own detectors: other names participants go by (nicknames, former
 * names), which the evaluator adds and the project keeps only as keyed hashes (so they can be counted, never
 * listed back), and the evaluator's id masks, tried on sample text before they are saved.
 */

const otherName = z
  .string()
  .trim()
  .min(1, 'A name cannot be empty.')
  .max(100, 'A name is at most 100 characters.');

export const scanTermSchemas = {
  'anonymize.nameCounts': z.object({}).strict(),
  'anonymize.addNames': z
    .object({
      names: z.array(otherName).min(1, 'Add at least one name.').max(500, 'Add at most 500 names at a time.'),
    })
    .strict(),
  'anonymize.tryMask': z
    .object({
      mask: identifierMaskSchema.shape.mask,
      sample: z.string().max(5000, 'Try a mask on at most 5,000 characters.'),
    })
    .strict(),
} as const;

/** Distinct name words the scan looks for (a name of two words is two), by where they came from. */
export interface NameWordCounts {
  /** Given and family names from imported rosters. */
  roster: number;
  /** Other names the evaluator added. */
  added: number;
}

export interface ScanTermResults {
  'anonymize.nameCounts': NameWordCounts;
  /** `newWords`: words not looked for before this call. */
  'anonymize.addNames': { newWords: number; counts: NameWordCounts };
  /** What the mask finds in the sample, in order. */
  'anonymize.tryMask': { found: string[] };
}
