import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useId, useState, type FormEvent } from 'react';
import type { PathPurpose } from '../../../shared/project';
import type { IdentityKind, VaultLookup, VaultStatus } from '../../../shared/vault';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { PassphraseField } from '../../components/PassphraseField';
import { useNewPassphrase } from '../../hooks/useNewPassphrase';

const STATUS_KEY = ['vault.status'];

/**
 * The re-identification vault: off by default. Created or unlocked here, with a passphrase of its own; while it
 * is unlocked, a roster's identities are kept in it and a pseudonym can be looked up (each lookup audited).
 */
export function VaultSettings() {
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: () => call('vault.status', {}) });
  return (
    <section className="panel vault-settings" aria-labelledby="vault-heading">
      <h3 id="vault-heading">Re-identification vault</h3>
      <p className="hint">
        Off unless you create one. A vault is a separate encrypted file, with a passphrase of its own, that
        keeps each participant’s id, e-mail and name beside their pseudonym, for the follow-up of participants
        at risk that your governance process may require. The project file never holds identities: whoever has
        only the project’s passphrase cannot find out who a pseudonym is.
      </p>
      <p className="hint">
        Give the vault’s passphrase only to the person your governance process names for follow-up (a
        safeguarding lead or data protection officer, say), and keep the vault file apart from the project. A
        roster imported while the vault is unlocked has its identities kept there; locking the project locks
        the vault.
      </p>
      <ErrorMessage error={status.error} />
      {status.data ? <VaultPanel status={status.data} /> : <p role="status">Looking for a vault…</p>}
    </section>
  );
}

function VaultPanel({ status }: { status: VaultStatus }) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<{ purpose: PathPurpose; path: string } | null>(null);
  const choose = useMutation({
    mutationFn: async (purpose: PathPurpose) => ({
      purpose,
      path: (await call('project.choosePath', { purpose })).path,
    }),
    onSuccess: ({ purpose, path }) => setChosen(path === null ? null : { purpose, path }),
  });
  const lock = useMutation({
    mutationFn: () => call('vault.close', {}),
    onSuccess: (next) => queryClient.setQueryData(STATUS_KEY, next),
  });
  const adopt = (next: VaultStatus) => {
    setChosen(null);
    queryClient.setQueryData(STATUS_KEY, next);
  };

  if (status.state === 'open') {
    return (
      <>
        <p role="status">
          The vault <code>{status.path}</code> is unlocked.
        </p>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => lock.mutate()} disabled={lock.isPending}>
            Lock the vault
          </button>
        </div>
        <ErrorMessage error={lock.error} />
        <PseudonymLookup />
      </>
    );
  }
  const unlockPath =
    chosen?.purpose === 'openVault' ? chosen.path : status.state === 'locked' ? status.path : null;
  return (
    <>
      <p role="status">
        {status.state === 'locked' ? (
          <>
            The vault <code>{status.path}</code> is locked.
          </>
        ) : (
          'This project has no vault unlocked.'
        )}
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => choose.mutate('createVault')}>
          Create a vault…
        </button>
        <button type="button" className="secondary" onClick={() => choose.mutate('openVault')}>
          {status.state === 'locked' ? 'Unlock another vault…' : 'Unlock a vault…'}
        </button>
      </div>
      <ErrorMessage error={choose.error} />
      {chosen?.purpose === 'createVault' ? <CreateVault path={chosen.path} onCreated={adopt} /> : null}
      {unlockPath !== null && chosen?.purpose !== 'createVault' ? (
        <UnlockVault key={unlockPath} path={unlockPath} onUnlocked={adopt} />
      ) : null}
    </>
  );
}

function CreateVault({ path, onCreated }: { path: string; onCreated: (status: VaultStatus) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { check, problem } = useNewPassphrase(passphrase, confirmation);
  const create = useMutation({
    mutationFn: () => call('vault.create', { path, passphrase }),
    onSuccess: onCreated,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem === null && !create.isPending) create.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Create a vault" aria-busy={create.isPending}>
      <p>
        New vault: <code>{path}</code>
      </p>
      <NewPassphraseFields
        label="Vault passphrase"
        passphrase={passphrase}
        onPassphrase={setPassphrase}
        confirmation={confirmation}
        onConfirmation={setConfirmation}
        check={check}
        disabled={create.isPending}
      />
      <p className="hint">Not the project’s passphrase: the vault needs one of its own.</p>
      <div className="actions">
        <button
          type="submit"
          disabled={problem !== null || create.isPending}
          aria-describedby="vault-create-why"
        >
          {create.isPending ? 'Creating…' : 'Create the vault'}
        </button>
        <span className="hint" id="vault-create-why">
          {problem ?? 'Ready.'}
        </span>
      </div>
      <ErrorMessage error={create.error} />
    </form>
  );
}

function UnlockVault({ path, onUnlocked }: { path: string; onUnlocked: (status: VaultStatus) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const unlock = useMutation({
    mutationFn: () => call('vault.open', { path, passphrase }),
    onSuccess: onUnlocked,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase !== '' && !unlock.isPending) unlock.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Unlock the vault" aria-busy={unlock.isPending}>
      <PassphraseField
        label="Vault passphrase"
        value={passphrase}
        onChange={(value) => {
          setPassphrase(value);
          unlock.reset();
        }}
        autoComplete="current-password"
        disabled={unlock.isPending}
      />
      <div className="actions">
        <button type="submit" disabled={passphrase === '' || unlock.isPending}>
          {unlock.isPending ? 'Unlocking…' : 'Unlock the vault'}
        </button>
      </div>
      <ErrorMessage error={unlock.error} />
    </form>
  );
}

const KIND_WORDS: Record<IdentityKind, string> = { id: 'Participant id', email: 'E-mail', name: 'Name' };

function PseudonymLookup() {
  const fieldId = useId();
  const [pseudonym, setPseudonym] = useState('');
  const lookup = useMutation({ mutationFn: () => call('vault.lookup', { pseudonym }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pseudonym.trim() !== '' && !lookup.isPending) lookup.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Look up a pseudonym">
      <h4>Look up a pseudonym</h4>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={fieldId}>Pseudonym</label>
          <input
            id={fieldId}
            value={pseudonym}
            placeholder="P-7K3Q9X"
            spellCheck={false}
            autoCapitalize="characters"
            aria-describedby={`${fieldId}-hint`}
            onChange={(event) => {
              setPseudonym(event.target.value);
              lookup.reset();
            }}
          />
        </div>
        <button type="submit" disabled={pseudonym.trim() === '' || lookup.isPending}>
          Look up
        </button>
      </div>
      <p className="hint" id={`${fieldId}-hint`}>
        Every lookup is recorded in the project’s audit log, with the pseudonym and never the identity.
      </p>
      <ErrorMessage error={lookup.error} />
      {lookup.data ? <Identities found={lookup.data} /> : null}
    </form>
  );
}

function Identities({ found }: { found: VaultLookup }) {
  if (found.identities.length === 0)
    return <p role="status">The vault keeps no identity for {found.pseudonym}.</p>;
  return (
    <dl className="details" aria-label={`Identities of ${found.pseudonym}`}>
      {found.identities.map(({ kind, identity }) => (
        <Fragment key={kind}>
          <dt>{KIND_WORDS[kind]}</dt>
          <dd>{identity}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
