import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { AnonymisationSettings as Settings } from '../../../shared/anonymize';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { countriesFromText, type MaskRow } from './settingsForm';
import { OtherNames } from './OtherNames';
import { VaultSettings } from './VaultSettings';

/**
 * The project's anonymisation settings: the countries whose national ids the scan looks for, the
 * organisation's employee-id patterns (tried on sample text before saving), the minimum cell sizes every
 * published figure and quote obeys, other names participants go by, and the optional re-identification vault.
 */
export function AnonymisationSettings() {
  const settings = useQuery({
    queryKey: ['anonymize.settings'],
    queryFn: () => call('anonymize.settings', {}),
  });
  return (
    <div className="anonymisation-settings">
      <h2>Settings</h2>
      <ErrorMessage error={settings.error} />
      {settings.data ? <SettingsForm saved={settings.data} /> : <p role="status">Loading the settings…</p>}
      <OtherNames />
      <VaultSettings />
    </div>
  );
}

function SettingsForm({ saved }: { saved: Settings }) {
  const ids = { countries: useId(), counts: useId(), quotes: useId() };
  const queryClient = useQueryClient();
  const [countries, setCountries] = useState(saved.countries.join(', '));
  const [masks, setMasks] = useState<MaskRow[]>(
    saved.identifierMasks.map((each, i) => ({ key: i, mask: each.mask, label: each.label ?? '' })),
  );
  const [counts, setCounts] = useState(String(saved.minimumCellSize.counts));
  const [quotes, setQuotes] = useState(String(saved.minimumCellSize.quotes));
  const save = useMutation({
    mutationFn: (next: Settings) => call('anonymize.saveSettings', next),
    onSuccess: (stored) => {
      queryClient.setQueryData(['anonymize.settings'], stored);
      setCountries(stored.countries.join(', '));
    },
  });
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      save.reset();
    };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      countries: countriesFromText(countries),
      identifierMasks: masks.map(({ mask, label }) => (label.trim() ? { mask, label } : { mask })),
      minimumCellSize: { counts: Number(counts), quotes: Number(quotes) },
    });
  };

  return (
    <form onSubmit={submit} aria-label="Anonymisation settings">
      <section className="panel" aria-labelledby="countries-heading">
        <h3 id="countries-heading">Countries</h3>
        <div className="field">
          <label htmlFor={ids.countries}>Countries whose national ids to look for</label>
          <input
            id={ids.countries}
            value={countries}
            onChange={(event) => edit(setCountries)(event.target.value)}
            aria-describedby={`${ids.countries}-hint`}
          />
          <p className="hint" id={`${ids.countries}-hint`}>
            Two-letter ISO codes, separated by commas: GB, US, IE, DE, ES, IN…
          </p>
        </div>
      </section>
      <IdPatterns masks={masks} onChange={edit(setMasks)} />
      <section className="panel" aria-labelledby="cell-size-heading">
        <h3 id="cell-size-heading">Minimum cell size</h3>
        <p className="hint">
          Every chart, table and export hides a group smaller than this, and as many other cells as it takes
          that the hidden ones cannot be worked out from the totals.
        </p>
        <div className="inline-form">
          <div className="field">
            <label htmlFor={ids.counts}>Smallest group a number may describe</label>
            <input
              id={ids.counts}
              type="number"
              min={2}
              max={100}
              step={1}
              value={counts}
              onChange={(event) => edit(setCounts)(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.quotes}>Smallest group a quote may be attributed to</label>
            <input
              id={ids.quotes}
              type="number"
              min={2}
              max={100}
              step={1}
              value={quotes}
              onChange={(event) => edit(setQuotes)(event.target.value)}
            />
          </div>
        </div>
      </section>
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          Save settings
        </button>
        {save.isSuccess ? (
          <span className="success" role="status">
            Saved.
          </span>
        ) : null}
      </div>
      <ErrorMessage error={save.error} />
    </form>
  );
}

function IdPatterns({ masks, onChange }: { masks: MaskRow[]; onChange: (masks: MaskRow[]) => void }) {
  const sampleId = useId();
  const [sample, setSample] = useState('');
  const update = (key: number, next: Partial<MaskRow>) =>
    onChange(masks.map((each) => (each.key === key ? { ...each, ...next } : each)));
  const tried = useMutation({
    mutationFn: (rows: MaskRow[]) =>
      Promise.all(
        rows.map(async (row) => ({
          row,
          found: (await call('anonymize.tryMask', { mask: row.mask, sample })).found,
        })),
      ),
  });
  const tryable = masks.filter((each) => each.mask.trim() !== '');

  return (
    <section className="panel" aria-labelledby="id-patterns-heading">
      <h3 id="id-patterns-heading">Employee id patterns</h3>
      <p className="hint">
        # is a digit, A a letter, * a letter or digit; anything else stands for itself (EMP-######).
      </p>
      {masks.length === 0 ? <p>No id patterns yet.</p> : null}
      <ul className="mask-rows">
        {masks.map((row, i) => (
          <li key={row.key} className="inline-form">
            <div className="field">
              <label htmlFor={`mask-${row.key}`}>Pattern {i + 1}</label>
              <input
                id={`mask-${row.key}`}
                value={row.mask}
                onChange={(event) => update(row.key, { mask: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`mask-label-${row.key}`}>What it is (optional)</label>
              <input
                id={`mask-label-${row.key}`}
                value={row.label}
                onChange={(event) => update(row.key, { label: event.target.value })}
              />
            </div>
            <button
              type="button"
              className="secondary"
              aria-label={`Remove pattern ${i + 1}`}
              onClick={() => onChange(masks.filter((each) => each.key !== row.key))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          onChange([
            ...masks,
            { key: Math.max(0, ...masks.map((each) => each.key + 1)), mask: '', label: '' },
          ])
        }
      >
        Add an id pattern
      </button>
      <div className="field">
        <label htmlFor={sampleId}>Try the patterns on sample text</label>
        <textarea id={sampleId} rows={3} value={sample} onChange={(event) => setSample(event.target.value)} />
      </div>
      <button
        type="button"
        className="secondary"
        disabled={tryable.length === 0 || sample.trim() === '' || tried.isPending}
        onClick={() => tried.mutate(tryable)}
      >
        Try the patterns
      </button>
      <ErrorMessage error={tried.error} />
      {tried.data ? (
        <ul className="mask-results" aria-label="What the patterns find" aria-live="polite">
          {tried.data.map(({ row, found }) => (
            <li key={row.key}>
              <code>{row.mask}</code>:{' '}
              {found.length === 0 ? 'finds nothing' : `finds ${found.map((each) => `“${each}”`).join(', ')}`}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
