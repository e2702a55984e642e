import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ProjectStatus } from '../../shared/project';
import { call } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { ScreenHeading } from '../components/ScreenHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useNewPassphrase } from '../hooks/useNewPassphrase';

interface CreateProjectScreenProps {
  path: string;
  onCreated: (status: ProjectStatus) => void;
  onCancel: () => void;
}

/** A new encrypted project at the path the evaluator chose: the passphrase, confirmed and strong enough. */
export function CreateProjectScreen({ path, onCreated, onCancel }: CreateProjectScreenProps) {
  useDocumentTitle('Create a project');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { check, problem } = useNewPassphrase(passphrase, confirmation);
  const create = useMutation({
    mutationFn: () => call('project.create', { path, passphrase }),
    onSuccess: onCreated,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem === null && !create.isPending) create.mutate();
  };

  return (
    <section className="card" aria-labelledby="create-heading">
      <ScreenHeading id="create-heading" focusOnShow={false}>
        Create a project
      </ScreenHeading>
      <p className="file-path">
        <span>File</span> <code>{path}</code>
      </p>
      <p className="lead">
        The passphrase encrypts everything in this project. There is no way to recover a forgotten passphrase:
        write it down and keep it somewhere safe.
      </p>
      <form onSubmit={submit} aria-busy={create.isPending}>
        <NewPassphraseFields
          passphrase={passphrase}
          confirmation={confirmation}
          onPassphrase={setPassphrase}
          onConfirmation={setConfirmation}
          check={check}
          autoFocus
          disabled={create.isPending}
        />
        <div className="actions">
          <button type="submit" disabled={problem !== null || create.isPending} aria-describedby="create-why">
            {create.isPending ? 'Creating…' : 'Create project'}
          </button>
          <button type="button" className="secondary" onClick={onCancel} disabled={create.isPending}>
            Cancel
          </button>
          <span className="hint" id="create-why">
            {problem ?? 'Ready to create.'}
          </span>
        </div>
      </form>
      <ErrorMessage error={create.error} />
    </section>
  );
}
