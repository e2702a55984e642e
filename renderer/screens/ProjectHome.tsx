import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useId, useState, type ReactNode } from 'react';
import type { ProjectStatus } from '../../shared/project';
import { call } from '../api';
import { areas, type AreaId } from '../areas';
import { AreaPlaceholder } from '../areas/AreaPlaceholder';
import {
  createImportSession,
  importRunning,
  useKept,
  type ImportSession,
} from '../areas/import/importSession';
import { ProjectOverview } from '../areas/ProjectOverview';
import { SecuritySettings } from '../areas/SecuritySettings';
import { ErrorMessage } from '../components/ErrorMessage';
import type { OpenProject } from '../navigation';
import type { Theme } from '../theme';

// The grid library is large; it loads when the audit log is first shown, not with the start screen.
const AuditLog = lazy(() => import('../areas/AuditLog').then((module) => ({ default: module.AuditLog })));
const DataBrowser = lazy(() =>
  import('../areas/data/DataBrowser').then((module) => ({ default: module.DataBrowser })),
);
const AnonymiseArea = lazy(() =>
  import('../areas/anonymise/AnonymiseArea').then((module) => ({ default: module.AnonymiseArea })),
);
const ImportWizard = lazy(() =>
  import('../areas/import/ImportWizard').then((module) => ({ default: module.ImportWizard })),
);

interface ProjectHomeProps {
  project: OpenProject;
  area: AreaId | 'overview';
  onArea: (area: AreaId | 'overview') => void;
  onStatus: (status: ProjectStatus) => void;
  themeChooser: ReactNode;
  theme: Theme;
}

/**
 * An unlocked project: its name, the lock button, the areas of the evaluation, and the chosen area's page. It
 * keeps the Import area's wizards and running job while the evaluator works elsewhere, and lets them go with
 * the project: locking or closing it unmounts this screen.
 */
export function ProjectHome({ project, area, onArea, onStatus, themeChooser, theme }: ProjectHomeProps) {
  const lock = useMutation({ mutationFn: () => call('project.lock', {}), onSuccess: onStatus });
  const [importSession] = useState(() => createImportSession());
  const importing = useKept(importSession, importRunning);

  return (
    <div className="home-layout">
      <header className="home-bar">
        <span className="brand">Confidant</span>
        <span className="project-name" title={project.path}>
          {project.name}
        </span>
        <span className="spacer" />
        {themeChooser}
        <button type="button" className="lock-button" onClick={() => lock.mutate()} disabled={lock.isPending}>
          Lock project
        </button>
      </header>
      <ErrorMessage error={lock.error} />
      <nav className="areas-nav" aria-label="Project areas">
        <ul>
          <li>
            <NavButton current={area === 'overview'} onClick={() => onArea('overview')}>
              Overview
            </NavButton>
          </li>
          {areas.map((each) => (
            <li key={each.id}>
              <NavButton
                current={area === each.id}
                onClick={() => onArea(each.id)}
                busy={each.id === 'import' && importing ? 'An import is running' : undefined}
                notBuilt={each.comingWith !== undefined}
              >
                {each.label}
              </NavButton>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} className="home-main">
        <AreaPage
          project={project}
          area={area}
          onArea={onArea}
          onStatus={onStatus}
          theme={theme}
          importSession={importSession}
        />
      </main>
    </div>
  );
}

/**
 * An area's button; `busy` says what is under way there, shown as a marker and read as its description. An
 * area not built yet says so beside its name (and in its description), so it is not taken for a working one.
 */
function NavButton({
  current,
  onClick,
  busy,
  notBuilt = false,
  children,
}: {
  current: boolean;
  onClick: () => void;
  busy?: string;
  notBuilt?: boolean;
  children: ReactNode;
}) {
  const busyId = useId();
  const description = busy ?? (notBuilt ? 'Not built yet' : undefined);
  return (
    <>
      <button
        type="button"
        className={`nav-button${notBuilt ? ' not-built' : ''}`}
        aria-current={current ? 'page' : undefined}
        aria-describedby={description ? busyId : undefined}
        onClick={onClick}
      >
        {children}
        {busy && <span className="busy-marker" aria-hidden="true" title={busy} />}
        {notBuilt && (
          <span className="not-built-tag" aria-hidden="true">
            not built yet
          </span>
        )}
      </button>
      {description && (
        <span id={busyId} className="visually-hidden">
          {description}
        </span>
      )}
    </>
  );
}

function AreaPage({
  project,
  area,
  onArea,
  onStatus,
  theme,
  importSession,
}: Omit<ProjectHomeProps, 'themeChooser'> & { importSession: ImportSession }) {
  switch (area) {
    case 'overview':
      return <ProjectOverview project={project} onArea={onArea} />;
    case 'import':
      return (
        <Suspense fallback={<p role="status">Loading the import wizard…</p>}>
          <ImportWizard theme={theme} onArea={onArea} session={importSession} />
        </Suspense>
      );
    case 'audit':
      return (
        <Suspense fallback={<p role="status">Loading the audit log…</p>}>
          <AuditLog theme={theme} />
        </Suspense>
      );
    case 'data':
      return (
        <Suspense fallback={<p role="status">Loading the data browser…</p>}>
          <DataBrowser theme={theme} />
        </Suspense>
      );
    case 'anonymise':
      return (
        <Suspense fallback={<p role="status">Loading the Anonymise area…</p>}>
          <AnonymiseArea theme={theme} />
        </Suspense>
      );
    case 'security':
      return <SecuritySettings project={project} onStatus={onStatus} />;
    default:
      return <AreaPlaceholder area={area} />;
  }
}
