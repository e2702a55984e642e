import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { plural } from './generalisationForm';

/**
 * Other names participants go by (nicknames, former names), so the scan of transcripts finds them too. The
 * project keeps them only as keyed hashes: they are counted here, never shown again.
 */
export function OtherNames() {
  const fieldId = useId();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const counts = useQuery({
    queryKey: ['anonymize.nameCounts'],
    queryFn: () => call('anonymize.nameCounts', {}),
  });
  const add = useMutation({
    mutationFn: (names: string[]) => call('anonymize.addNames', { names }),
    onSuccess: (result) => {
      queryClient.setQueryData(['anonymize.nameCounts'], result.counts);
      setText('');
    },
  });
  const names = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (names.length > 0) add.mutate(names);
  };

  return (
    <section className="panel" aria-labelledby="other-names-heading">
      <h3 id="other-names-heading">Names to look for</h3>
      <p role="status">
        {counts.data
          ? `The scan looks for ${plural(counts.data.roster, 'name word')} from the roster and ${plural(counts.data.added, 'word')} you added.`
          : 'Counting…'}
      </p>
      <p className="hint">
        Names are kept only in a form that can be matched, never read back: they are counted here, not listed.
      </p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={fieldId}>Other names participants go by, one a line</label>
          <textarea
            id={fieldId}
            rows={3}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              add.reset();
            }}
          />
        </div>
        <button type="submit" disabled={names.length === 0 || add.isPending}>
          Add names
        </button>
      </form>
      <ErrorMessage error={add.error} />
      {add.data ? (
        <p className="success" role="status">
          Added: {plural(add.data.newWords, 'new word')}.
        </p>
      ) : null}
    </section>
  );
}
