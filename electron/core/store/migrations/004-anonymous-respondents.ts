import type { Migration } from './types';

/**
 * Anonymous respondents. Most survey exports carry no participant id, e-mail or name, only the tool's response
 * id or a timestamp. Such a response is an anonymous respondent of its wave: a `participant` row marked
 * `anonymous`, with no identifier in the register, so the roster never finds it and analysis treats each wave's
 * anonymous respondents as an independent sample. Their answers and traits (gender, age band...) are stored as
 * anyone's, so the disclosure-risk panel sees them.
 *
 * An anonymous pre/post design asks each respondent for a code of their own making (initials of their mother,
 * birth month...). `respondent_code_key` is a keyed HMAC-SHA256 of that code under the project key (its own
 * domain), never the code: it links one respondent's waves without identifying anyone.
 */
export const anonymousRespondents: Migration = {
  version: 4,
  name: 'anonymous respondents and their own codes',
  up: `
    ALTER TABLE participant ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1));
    ALTER TABLE participant ADD COLUMN respondent_code_key BLOB
      CHECK (respondent_code_key IS NULL OR length(respondent_code_key) = 32);
    CREATE UNIQUE INDEX participant_by_respondent_code ON participant (respondent_code_key)
      WHERE respondent_code_key IS NOT NULL;
  `,
};
