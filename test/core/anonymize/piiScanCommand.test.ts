import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fBeta, intersectionOverUnion, scoreByEntity } from '../../../electron/core/anonymize/evaluation';
import { piiScanCommand } from '../../../electron/core/anonymize/piiScanCommand';
import { buildCorpus, buildHeldOut, rosterCsv } from '../../fixtures/pii/buildCorpus';

describe('pii-scan command', () => {
  it('prints Presidio-style findings with code-point offsets', async () => {
    const text = '🙂 Priya said: mail priya@example.org or call (415) 555-0132.';
    const findings = await piiScanCommand({ text, countries: ['US'], rosterCsv: 'name\nPriya Raman\n' });
    expect(findings).toEqual([
      { start: 2, end: 7, entity: 'PERSON', score: 0.95 },
      { start: 19, end: 36, entity: 'EMAIL_ADDRESS', score: 1 },
      { start: 45, end: 59, entity: 'PHONE_NUMBER', score: 0.95 },
    ]);
    const points = [...text];
    expect(points.slice(19, 36).join('')).toBe('priya@example.org');
  });

  it('answers an empty text with an empty array', async () => {
    expect(await piiScanCommand({ text: '', countries: [] })).toEqual([]);
  });
});

describe('evaluation scorer', () => {
  it('matches spans by IoU and entity and computes F2', () => {
    expect(
      intersectionOverUnion({ start: 0, end: 10, entity: 'A' }, { start: 5, end: 15, entity: 'A' }),
    ).toBeCloseTo(1 / 3);
    const scores = scoreByEntity([
      {
        gold: [
          { start: 0, end: 10, entity: 'PERSON' },
          { start: 20, end: 30, entity: 'EMAIL_ADDRESS' },
        ],
        predicted: [
          { start: 0, end: 9, entity: 'PERSON' }, // IoU 0.9: a hit
          { start: 20, end: 30, entity: 'URL' }, // wrong type: a miss and a false alarm
          { start: 40, end: 45, entity: 'PERSON' },
        ],
      },
    ]);
    expect(scores.get('PERSON')).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 0,
      precision: 0.5,
      recall: 1,
    });
    expect(scores.get('PERSON')!.f2).toBeCloseTo(fBeta(0.5, 1, 2));
    expect(fBeta(0.5, 1, 2)).toBeCloseTo(5 / 6);
    expect(scores.get('EMAIL_ADDRESS')).toMatchObject({ truePositives: 0, falseNegatives: 1 });
    expect(scores.get('URL')).toMatchObject({ falsePositives: 1 });
  });
});

describe('labelled corpus', () => {
  it('is exactly what its script builds', () => {
    const dir = new URL('../../fixtures/pii/', import.meta.url);
    expect(JSON.parse(readFileSync(new URL('corpus.json', dir), 'utf8'))).toEqual(buildCorpus());
    expect(JSON.parse(readFileSync(new URL('heldout.json', dir), 'utf8'))).toEqual(buildHeldOut());
    expect(rosterCsv()).toBe(readFileSync(new URL('roster.csv', dir), 'utf8'));
  });

  it('has several hundred sentences whose labels point at real text', () => {
    const corpus = [...buildCorpus(), ...buildHeldOut()];
    expect(corpus.length).toBeGreaterThan(500);
    for (const sentence of corpus) {
      const points = [...sentence.text];
      for (const span of sentence.spans) {
        const surface = points.slice(span.start, span.end).join('');
        expect(surface.trim()).toBe(surface);
        expect(surface.length).toBeGreaterThan(0);
      }
    }
  });
});
