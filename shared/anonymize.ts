import { z } from 'zod';

/**
 * The anonymisation domain's settings: what the PII scan looks for in this project's free text and how large
 * a group must be before a figure or a quote about it may leave the app. Kept in the project file, changed
 * only by the evaluator, and every change is audited.
 */

const country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'A country is its two-letter ISO code, such as GB or US.');

/** Masks, not regexes: # a digit, A a letter, * a letter or digit, anything else itself. */
export const identifierMaskSchema = z
  .object({
    mask: z
      .string()
      .trim()
      .min(1, 'Type the id pattern, such as EMP-######.')
      .max(64, 'An id pattern is at most 64 characters.')
      .regex(/[#A*]/, 'An id pattern needs at least one # (digit), A (letter) or * (letter or digit).'),
    label: z.string().trim().max(60).optional(),
  })
  .strict();

const cellSize = z.number().int().min(2, 'A minimum cell size is at least 2.').max(100);

export const anonymisationSettingsSchema = z
  .object({
    countries: z.array(country).min(1, 'Choose at least one country.').max(30),
    identifierMasks: z.array(identifierMaskSchema).max(30),
    minimumCellSize: z.object({ counts: cellSize, quotes: cellSize }).strict(),
  })
  .strict();

export type AnonymisationSettings = z.output<typeof anonymisationSettingsSchema>;

export const DEFAULT_ANONYMISATION_SETTINGS: AnonymisationSettings = {
  countries: ['GB', 'US'],
  identifierMasks: [],
  minimumCellSize: { counts: 5, quotes: 10 },
};

export const anonymizeSchemas = {
  'anonymize.settings': z.object({}).strict(),
  'anonymize.saveSettings': anonymisationSettingsSchema,
} as const;

export interface AnonymizeResults {
  'anonymize.settings': AnonymisationSettings;
  'anonymize.saveSettings': AnonymisationSettings;
}
