import type { DocumentImportSummary } from '../../../shared/documentImport';
import { findingsByKind, findingsHeadline } from './documentState';
import { fileName } from './wizardState';

/** What the import did: the document's findings, kind by kind, and where it now waits for review. */
export function DocumentSummaryStep({ summary, source }: { summary: DocumentImportSummary; source: string }) {
  const kinds = findingsByKind(summary);
  return (
    <>
      {summary.duplicate ? (
        <p className="notice" role="status">
          <strong>Already imported.</strong> {fileName(source)} is in this project already, as “
          {summary.title}”. Nothing was changed.
        </p>
      ) : (
        <p className="success" role="status">
          {fileName(source)} is in, as “{summary.title}”.
        </p>
      )}
      <p>{findingsHeadline(summary)}</p>
      {kinds.length > 0 && (
        <ul className="reasons" aria-label="Possible identifiers found">
          {kinds.map((kind) => (
            <li key={kind}>{kind}</li>
          ))}
        </ul>
      )}
    </>
  );
}
