import { useMutation, useQuery } from '@tanstack/react-query';
import type { RecentProject } from '../../shared/project';
import { call } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatWhen } from '../format';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { projectNameFromPath } from '../navigation';

interface StartScreenProps {
  onCreate: (path: string) => void;
  onUnlock: (path: string, name: string) => void;
}

/** Recent projects, and creating or opening one. */
export function StartScreen({ onCreate, onUnlock }: StartScreenProps) {
  useDocumentTitle('');
  const recent = useQuery({ queryKey: ['project.recent'], queryFn: () => call('project.recent', {}) });
  const choose = useMutation({
    mutationFn: async (purpose: 'create' | 'open') => ({
      purpose,
      chosen: await call('project.choosePath', { purpose }),
    }),
    onSuccess: ({ purpose, chosen }) => {
      if (chosen.path === null) return;
      if (purpose === 'create') onCreate(chosen.path);
      else onUnlock(chosen.path, projectNameFromPath(chosen.path));
    },
  });

  return (
    <section className="card start" aria-labelledby="start-heading">
      <ScreenHeading id="start-heading">Your evaluation projects</ScreenHeading>
      <p className="lead">
        Each project is one encrypted file on this computer. Nothing in it leaves the machine.
      </p>
      <div className="actions">
        <button type="button" onClick={() => choose.mutate('create')} disabled={choose.isPending}>
          Create a new project…
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => choose.mutate('open')}
          disabled={choose.isPending}
        >
          Open a project file…
        </button>
      </div>
      <ErrorMessage error={choose.error} />

      <h2>Recent projects</h2>
      {recent.isPending && <p role="status">Looking for recent projects…</p>}
      <ErrorMessage error={recent.error} />
      {recent.data && <RecentProjectList projects={recent.data} onUnlock={onUnlock} />}
    </section>
  );
}

function RecentProjectList({
  projects,
  onUnlock,
}: {
  projects: RecentProject[];
  onUnlock: (path: string, name: string) => void;
}) {
  if (projects.length === 0) {
    return <p className="hint">No recent projects yet. Create one, or open a project file.</p>;
  }
  return (
    <ul className="recent-projects">
      {projects.map((project) => (
        <li key={project.path}>
          <button
            type="button"
            className="recent-project"
            onClick={() => onUnlock(project.path, project.name)}
          >
            <span className="recent-name">{project.name}</span>
            <span className="recent-path">{project.path}</span>
            <span className="recent-when">Last opened {formatWhen(project.lastOpened)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
