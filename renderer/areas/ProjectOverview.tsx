import { useQuery } from '@tanstack/react-query';
import { call } from '../api';
import { areas, type AreaId } from '../areas';
import { ErrorMessage } from '../components/ErrorMessage';
import { ScreenHeading } from '../components/ScreenHeading';
import { autoLockDescription } from '../format';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import type { OpenProject } from '../navigation';
import { holdings, nextStep } from './overview/projectGuidance';

/**
 * The project's home page: what the project holds, the next sensible step, and the way into each area (the
 * areas not built yet say so).
 */
export function ProjectOverview({
  project,
  onArea,
}: {
  project: OpenProject;
  onArea: (area: AreaId) => void;
}) {
  useDocumentTitle(project.name);
  const tables = useQuery({ queryKey: ['data.tables'], queryFn: () => call('data.tables', {}) });
  const documents = useQuery({
    queryKey: ['anonymize.documents'],
    queryFn: () => call('anonymize.documents', {}),
  });
  const awaiting = (documents.data?.documents ?? []).filter(
    (document) => document.review === 'awaiting',
  ).length;
  const loaded = tables.data !== undefined && documents.data !== undefined;
  const next = loaded ? nextStep(tables.data.tables, awaiting) : null;

  return (
    <section className="area" aria-labelledby="overview-heading">
      <ScreenHeading id="overview-heading">{project.name}</ScreenHeading>
      <p className="lead">
        Unlocked. {autoLockDescription(project.autoLockMinutes)}. File: <code>{project.path}</code>
      </p>
      <ErrorMessage error={tables.error ?? documents.error} />
      {!loaded && !tables.error && !documents.error && <p role="status">Counting what the project holds…</p>}
      {loaded && next && (
        <div className="overview-now">
          <section className="panel" aria-labelledby="holds-heading">
            <h2 id="holds-heading">What this project holds</h2>
            <ul className="holdings">
              {holdings(tables.data.tables).map((holding) => (
                <li key={holding.table} className={holding.count === 0 ? 'none' : undefined}>
                  {holding.words}
                </li>
              ))}
              <li className={awaiting === 0 ? 'none' : undefined}>
                {awaiting.toLocaleString('en-GB')} {awaiting === 1 ? 'document' : 'documents'} awaiting review
              </li>
            </ul>
          </section>
          <section className="panel next-step" aria-labelledby="next-heading">
            <h2 id="next-heading">Next step</h2>
            <p>{next.text}</p>
            <button type="button" onClick={() => onArea(next.area)}>
              {next.action}
            </button>
          </section>
        </div>
      )}
      <h2>Areas</h2>
      <ul className="area-cards">
        {areas.map((area) => (
          <li key={area.id}>
            <button
              type="button"
              className={`area-card${area.comingWith ? ' not-built' : ''}`}
              onClick={() => onArea(area.id)}
            >
              <span className="area-card-title">{area.label}</span>
              {area.comingWith && <span className="not-built-tag">Not built yet</span>}
              <span className="area-card-purpose">{area.purpose}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
