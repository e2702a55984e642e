import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConfidantError } from '../../shared/errors';
import { AreaPlaceholder } from '../../renderer/areas/AreaPlaceholder';
import { ErrorMessage } from '../../renderer/components/ErrorMessage';
import { JobProgress } from '../../renderer/components/JobProgress';
import { StrengthMeter } from '../../renderer/components/StrengthMeter';

describe('ErrorMessage', () => {
  it('is an alert with the engine’s message', () => {
    const html = renderToString(
      <ErrorMessage error={new ConfidantError('WRONG_PASSPHRASE', 'wrong passphrase')} />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('wrong passphrase');
  });
  it('renders nothing without an error', () => {
    expect(renderToString(<ErrorMessage error={null} />)).toBe('');
  });
});

describe('StrengthMeter', () => {
  it('shows the score on a 0–4 meter, in words, with the engine’s advice', () => {
    const html = renderToString(
      <StrengthMeter
        id="m"
        check={{ score: 1, acceptable: false, feedback: ['Add another word or two.'] }}
      />,
    );
    expect(html).toMatch(/<meter[^>]*min="0"[^>]*max="4"/);
    expect(html).toMatch(/<meter[^>]*value="1"/);
    expect(html).toContain('Weak');
    expect(html).toContain('<li>Add another word or two.</li>');
  });
});

describe('JobProgress', () => {
  it('shows the phase and how far along it is', () => {
    const html = renderToString(
      <JobProgress
        label="Making the backup"
        event={{ jobId: 'j', phase: 'Copying pages', done: 1, total: 4 }}
      />,
    );
    expect(html).toContain('Copying pages');
    expect(html).toMatch(/<progress[^>]*value="25"/);
  });
});

describe('AreaPlaceholder', () => {
  it('says plainly, first, that the area is not built yet, and what it will hold', () => {
    const html = renderToString(<AreaPlaceholder area="coding" />).replaceAll('<!-- -->', '');
    expect(html).toContain('<h1');
    expect(html).toContain('Coding');
    expect(html).toMatch(/<strong>Not built yet\.<\/strong> This part of Confidant does not work yet/);
    expect(html).toContain('it will hold the codebook, coded segments, memos and inter-rater reliability');
  });
});
