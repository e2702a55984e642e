import { areas, type AreaId } from '../areas';
import { ScreenHeading } from '../components/ScreenHeading';
import { autoLockDescription } from '../format';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import type { OpenProject } from '../navigation';

/** The project's home page: what is open, how it is protected, and the way into each area. */
export function ProjectOverview({
  project,
  onArea,
}: {
  project: OpenProject;
  onArea: (area: AreaId) => void;
}) {
  useDocumentTitle(project.name);
  return (
    <section className="area" aria-labelledby="overview-heading">
      <ScreenHeading id="overview-heading">{project.name}</ScreenHeading>
      <p className="lead">
        Unlocked. {autoLockDescription(project.autoLockMinutes)}. File: <code>{project.path}</code>
      </p>
      <ul className="area-cards">
        {areas.map((area) => (
          <li key={area.id}>
            <button type="button" className="area-card" onClick={() => onArea(area.id)}>
              <span className="area-card-title">{area.label}</span>
              <span className="area-card-purpose">{area.purpose}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
