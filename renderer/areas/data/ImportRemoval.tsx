import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ImportBatch, ImportRemoval } from '../../../shared/data';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;

/** What removing an import takes away, in the evaluator's words; kinds of row it has none of are left out. */
export function removalParts(removal: ImportRemoval): string[] {
  return [
    removal.surveyAnswers && plural(removal.surveyAnswers, 'survey response', 'survey responses'),
    removal.careerEvents && plural(removal.careerEvents, 'career event', 'career events'),
    removal.meetings && plural(removal.meetings, 'meeting', 'meetings'),
    removal.pairings && plural(removal.pairings, 'pairing', 'pairings'),
    removal.documents && plural(removal.documents, 'document', 'documents'),
    removal.rosterEntries && plural(removal.rosterEntries, 'roster entry', 'roster entries'),
    plural(removal.participants, 'participant only this file added', 'participants only this file added'),
    removal.identifiers &&
      plural(removal.identifiers, 'identifier kept for them', 'identifiers kept for them'),
  ].filter((part): part is string => typeof part === 'string');
}

/**
 * The project's imports, each with "Remove this import": a dialog says what would go (counts), and removing
 * takes the import's rows, the participants only it added and their identifiers away in one audited step, so
 * the same file can be imported again. Focus returns to the list when the dialog closes.
 */
export function ImportList() {
  const queryClient = useQueryClient();
  const imports = useQuery({ queryKey: ['data.imports'], queryFn: () => call('data.imports', {}) });
  const [chosen, setChosen] = useState<ImportBatch | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const focusTo = useRef<'opener' | 'heading' | null>(null);
  /** Closes the dialog; focus goes back to the button that opened it, or to the list when its import is gone. */
  const close = (message: string | null) => {
    focusTo.current = message === null ? 'opener' : 'heading';
    setChosen(null);
    setDone(message);
  };
  // Once the dialog has closed: closing a modal dialog puts focus back where it was before it opened.
  useEffect(() => {
    if (chosen !== null || focusTo.current === null) return;
    const target = focusTo.current === 'opener' ? opener.current : heading.current;
    focusTo.current = null;
    target?.focus();
  }, [chosen]);
  const list = imports.data?.imports ?? [];

  return (
    <div className="import-list">
      <h3 ref={heading} tabIndex={-1}>
        Take an import back
      </h3>
      <p className="data-description">
        Removing an import takes away the rows it brought and the participants only it added, with their
        identifiers. The same file can then be imported again.
      </p>
      <ErrorMessage error={imports.error} />
      {done ? <p role="status">{done}</p> : null}
      <ul>
        {list.map((batch) => (
          <li key={batch.importId}>
            <span>
              {batch.file} ({batch.kind}, {new Date(batch.importedAt).toLocaleString()})
            </span>{' '}
            <button
              type="button"
              className="secondary"
              aria-label={`Remove this import: ${batch.file}`}
              onClick={(event) => {
                opener.current = event.currentTarget;
                setDone(null);
                setChosen(batch);
              }}
            >
              Remove this import
            </button>
          </li>
        ))}
      </ul>
      {chosen ? (
        <RemovalDialog
          batch={chosen}
          onCancel={() => close(null)}
          onRemoved={(removal) => {
            void queryClient.invalidateQueries({ queryKey: ['data.tables'] });
            void queryClient.invalidateQueries({ queryKey: ['data.imports'] });
            close(`Removed the import of ${removal.batch.file}: ${removalParts(removal).join(', ')}.`);
          }}
        />
      ) : null}
    </div>
  );
}

function RemovalDialog({
  batch,
  onCancel,
  onRemoved,
}: {
  batch: ImportBatch;
  onCancel: () => void;
  onRemoved: (removal: ImportRemoval) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  const preview = useQuery({
    queryKey: ['data.previewImportRemoval', batch.importId],
    queryFn: () => call('data.previewImportRemoval', { importId: batch.importId }),
  });
  const remove = useMutation({
    mutationFn: () => call('data.removeImport', { importId: batch.importId }),
    onSuccess: onRemoved,
  });
  const removal = preview.data;

  return (
    <dialog ref={dialog} className="apply-dialog" aria-labelledby="remove-import-heading" onCancel={onCancel}>
      <h2 id="remove-import-heading">Remove the import of “{batch.file}”?</h2>
      {preview.isPending ? <p role="status">Counting what it brought…</p> : null}
      <ErrorMessage error={preview.error ?? remove.error} />
      {removal ? (
        removal.blockedBy ? (
          <p className="error-message">{removal.blockedBy}</p>
        ) : (
          <>
            <p>This removes:</p>
            <ul>
              {removalParts(removal).map((part) => (
                <li key={part}>{part}</li>
              ))}
            </ul>
            <p>
              <strong>It cannot be undone</strong>, but you can import the same file again.
            </p>
          </>
        )
      ) : null}
      <div className="actions">
        <button
          type="button"
          disabled={!removal || removal.blockedBy !== null || remove.isPending}
          onClick={() => remove.mutate()}
        >
          Remove this import
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Keep it
        </button>
      </div>
    </dialog>
  );
}
