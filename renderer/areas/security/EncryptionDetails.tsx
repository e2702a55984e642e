import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes } from '../../format';

/** How the project file is encrypted, so an evaluator can tell a data protection officer exactly. */
export function EncryptionDetails() {
  const info = useQuery({ queryKey: ['project.info'], queryFn: () => call('project.info', {}) });
  return (
    <section className="panel" aria-labelledby="encryption-heading">
      <h2 id="encryption-heading">Encryption</h2>
      <ErrorMessage error={info.error} />
      {info.isPending && <p role="status">Reading…</p>}
      {info.data && (
        <dl className="details">
          <dt>Cipher</dt>
          <dd>
            {info.data.encryption.cipher} (SQLCipher {info.data.encryption.legacy} settings)
          </dd>
          <dt>Key derivation</dt>
          <dd>{info.data.encryption.kdfIterations.toLocaleString()} iterations</dd>
          <dt>File size</dt>
          <dd>{formatBytes(info.data.sizeBytes)}</dd>
          <dt>Project format</dt>
          <dd>
            version {info.data.schemaVersion} (this app: {info.data.appSchemaVersion})
          </dd>
        </dl>
      )}
    </section>
  );
}
