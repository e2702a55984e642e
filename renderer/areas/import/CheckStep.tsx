import type { ImportSummary } from '../../../shared/import';
import type { Theme } from '../../theme';
import { ProblemsGrid } from './grids';
import { checkHeadline, plural, skippedReasons } from './wizardState';

/**
 * What the dry run found: every problem by row and column. The evaluator fixes them (back to the columns, or
 * a corrected file) or chooses to leave those rows out.
 */
export function CheckStep({
  check,
  skipInvalidRows,
  onSkipInvalidRows,
  theme,
}: {
  check: ImportSummary;
  skipInvalidRows: boolean;
  onSkipInvalidRows: (skip: boolean) => void;
  theme: Theme;
}) {
  const reasons = skippedReasons(check.problems);
  return (
    <>
      <p className={check.problemCount === 0 ? 'success' : 'notice'} role="status">
        {checkHeadline(check)}
      </p>
      {check.problemCount > 0 && (
        <>
          <ul className="reasons" aria-label="Problems by column">
            {reasons.map((reason) => (
              <li key={`${reason.column}/${reason.expected}`}>
                <strong>{reason.column}</strong>: {plural(reason.rows, 'row')}, expected {reason.expected}
              </li>
            ))}
          </ul>
          {check.problems.length < check.problemCount && (
            <p className="hint">
              The first {check.problems.length.toLocaleString('en-GB')} problems are listed below.
            </p>
          )}
          <ProblemsGrid problems={check.problems} theme={theme} />
          <p className="hint">
            To fix a problem, go back and change what a column holds or its answer scale, or correct the file
            and choose it again. Or leave those rows out:
          </p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={skipInvalidRows}
              onChange={(event) => onSkipInvalidRows(event.target.checked)}
            />
            Skip the {plural(check.rowsSkipped, 'row')} with problems and import the rest
          </label>
        </>
      )}
    </>
  );
}
