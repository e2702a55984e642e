import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { call, newJobId } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { JobProgress } from '../../components/JobProgress';
import { formatBytes } from '../../format';
import { useJobProgress } from '../../hooks/useJobProgress';

/** An encrypted copy of the project, under the same passphrase, wherever the evaluator chooses. */
export function BackupProject() {
  const [jobId, setJobId] = useState<string | undefined>(undefined);
  const progress = useJobProgress(jobId);
  const backup = useMutation({
    mutationFn: async () => {
      const { path } = await call('project.choosePath', { purpose: 'backup' });
      if (path === null) return null;
      const id = newJobId();
      setJobId(id);
      return call('project.backup', { destination: path, jobId: id });
    },
  });

  return (
    <section className="panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Back up</h2>
      <p className="hint">
        The backup is encrypted with the project’s current passphrase. Keep it on a drive you trust.
      </p>
      <div className="actions">
        <button type="button" onClick={() => backup.mutate()} disabled={backup.isPending}>
          Make a backup…
        </button>
      </div>
      {backup.isPending && <JobProgress event={progress} label="Making the backup" />}
      {backup.data && (
        <p className="success" role="status">
          Backed up to <code>{backup.data.destination}</code> ({formatBytes(backup.data.sizeBytes)}).
        </p>
      )}
      <ErrorMessage error={backup.error} />
    </section>
  );
}
