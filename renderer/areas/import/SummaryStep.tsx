import type { ImportKind, ImportSummary } from '../../../shared/import';
import { fileName, plural, skippedReasons, storedInWords } from './wizardState';

/** What the import did: rows in, rows left out and why, rows already there, participants added. */
export function SummaryStep({
  summary,
  source,
  kind,
}: {
  summary: ImportSummary;
  source: string;
  kind: ImportKind;
}) {
  if (summary.alreadyImported)
    return (
      <p className="notice" role="status">
        <strong>Already imported.</strong> {fileName(source)} was imported into this project before, to the
        same place. Nothing was changed.
      </p>
    );
  const reasons = skippedReasons(summary.problems);
  return (
    <>
      <p className="success" role="status">
        {fileName(source)} is in. Stored: {storedInWords(summary, kind)}.
      </p>
      <dl className="details import-summary">
        <dt>Rows read</dt>
        <dd>{summary.rowsRead.toLocaleString('en-GB')}</dd>
        <dt>Rows imported</dt>
        <dd>{summary.rowsImported.toLocaleString('en-GB')}</dd>
        <dt>Rows skipped</dt>
        <dd>{summary.rowsSkipped.toLocaleString('en-GB')}</dd>
        <dt>Rows already in the project</dt>
        <dd>{summary.rowsAlreadyPresent.toLocaleString('en-GB')}</dd>
        <dt>Participants added</dt>
        <dd>{summary.participantsAdded.toLocaleString('en-GB')}</dd>
      </dl>
      {summary.respondents && <p className="notice">{summary.respondents.sentence}</p>}
      {summary.columnsNotStored && summary.columnsNotStored.length > 0 && (
        <details>
          <summary>
            {plural(summary.columnsNotStored.length, 'column')} of the file not stored as written
          </summary>
          <ul className="reasons">
            {summary.columnsNotStored.map((column) => (
              <li key={column.column}>
                <strong>{column.column}</strong>: {column.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {summary.identitiesKept !== undefined && (
        <p className={summary.vaultNotUpdated ? 'notice' : 'success'}>
          {summary.vaultNotUpdated ??
            `${plural(summary.identitiesKept, 'identity', 'identities')} kept in the vault.`}
        </p>
      )}
      {reasons.length > 0 && (
        <>
          <h3>Why rows were skipped</h3>
          <ul className="reasons">
            {reasons.map((reason) => (
              <li key={`${reason.column}/${reason.expected}`}>
                <strong>{reason.column}</strong>: {plural(reason.rows, 'row')}, expected {reason.expected}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
