import { areaById, type AreaId } from '../areas';
import { ScreenHeading } from '../components/ScreenHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

/** An area whose work is still to come: it says what it will hold, so nobody mistakes it for a broken page. */
export function AreaPlaceholder({ area }: { area: AreaId }) {
  const { label, purpose, comingWith } = areaById(area);
  useDocumentTitle(label);
  return (
    <section className="area" aria-labelledby="area-heading">
      <ScreenHeading id="area-heading">{label}</ScreenHeading>
      <p className="lead">{purpose}</p>
      <p className="placeholder">
        <strong>{label}:</strong> coming with {comingWith ?? 'a later release'}.
      </p>
    </section>
  );
}
