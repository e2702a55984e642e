import { areaById, type AreaId } from '../areas';
import { ScreenHeading } from '../components/ScreenHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

/**
 * An area whose work is still to come. It says so plainly, first, so nobody takes it for a working area or a
 * broken page: nothing can be done here yet, and what it will hold.
 */
export function AreaPlaceholder({ area }: { area: AreaId }) {
  const { label, purpose, comingWith } = areaById(area);
  useDocumentTitle(`${label} (not built yet)`);
  return (
    <section className="area" aria-labelledby="area-heading">
      <ScreenHeading id="area-heading">{label}</ScreenHeading>
      <p className="placeholder" role="note">
        <strong>Not built yet.</strong> This part of Confidant does not work yet: nothing can be done here,
        and nothing in your project is missing because of it. When it is built, it will hold{' '}
        {comingWith ?? 'its work'}.
      </p>
      <p className="hint">What it is for: {purpose}</p>
    </section>
  );
}
