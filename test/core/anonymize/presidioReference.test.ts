import { describe, expect, it } from 'vitest';
import type { PiiEntity } from '../../../electron/core/anonymize/finding';
import { scanForPii } from '../../../electron/core/anonymize/scan';
import { countriesFor, presidioCases, SUPPORTED, type PresidioCase } from './presidioCases';

/**
 * Presidio's own recognizer cases (test/fixtures/reference/pii). Where Presidio's expectation is a quirk of its
 * implementation rather than the truth, we differ on purpose and the case is listed here with the reason;
 * for those the test still demands that we find the same thing, just with cleaner boundaries.
 */
const DELIBERATE_DIFFERENCES: Record<string, string> = {
  '"https://presidio.dataprivacystack.org/"': 'the quotes around a URL are not part of it',
  "'https://presidio.dataprivacystack.org/'": 'the quotes around a URL are not part of it',
  'Here is my National Insurance Number YZ 61 48 68 B': 'the space before a NINO is not part of it',
};

function found(c: PresidioCase): Array<[number, number]> {
  return scanForPii(c.text, {
    countries: countriesFor(c.entity),
    entities: [c.entity as PiiEntity],
    minScore: 0,
  }).map((f) => [f.start, f.end]);
}

const cases = presidioCases().filter((c) => SUPPORTED.has(c.entity));
// Presidio runs some texts under several region settings with different expected counts: any of them is right.
const expectationsByText = new Map<string, PresidioCase[]>();
for (const c of cases)
  expectationsByText.set(`${c.entity}\u0000${c.text}`, [
    ...(expectationsByText.get(`${c.entity}\u0000${c.text}`) ?? []),
    c,
  ]);

describe('Presidio recognizer cases', () => {
  it('covers the recognizers we implement', () => {
    expect(cases.length).toBeGreaterThan(550);
  });

  for (const [entity, count] of Object.entries(
    cases.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.entity]: (acc[c.entity] ?? 0) + 1 }), {}),
  )) {
    it(`${entity}: all ${count} cases`, () => {
      const failures: string[] = [];
      for (const c of cases.filter((x) => x.entity === entity)) {
        const got = found(c);
        const alternatives = expectationsByText.get(`${c.entity}\u0000${c.text}`)!;
        const difference = DELIBERATE_DIFFERENCES[c.text];
        const matches = alternatives.some((alt) => {
          if (got.length !== alt.expected_count) return false;
          if (alt.spans.length === 0) return true;
          return alt.spans.every(([s, e], i) => {
            const [gs, ge] = got[i] ?? [-1, -1];
            return difference ? gs < e && s < ge : gs === s && ge === e;
          });
        });
        if (!matches)
          failures.push(
            `${JSON.stringify(c.text)} expected ${JSON.stringify(c.spans)} got ${JSON.stringify(got)}`,
          );
      }
      expect(failures).toEqual([]);
    });
  }
});
