import type { SourcePreview } from '../../../shared/import';
import type { Theme } from '../../theme';
import { PreviewGrid } from './grids';
import { fileName, plural, type MappedColumn, type SourceOptions } from './wizardState';

const encodings: { value: NonNullable<SourceOptions['encoding']>; label: string }[] = [
  { value: 'utf-8', label: 'UTF-8 (most files)' },
  { value: 'windows-1252', label: 'Windows Western (older Excel CSV)' },
  { value: 'utf-16le', label: 'UTF-16 little-endian' },
  { value: 'utf-16be', label: 'UTF-16 big-endian' },
  { value: 'macintosh', label: 'Mac Roman (older Mac files)' },
];

const delimiters: { value: NonNullable<SourceOptions['delimiter']>; label: string }[] = [
  { value: ',', label: 'Comma' },
  { value: ';', label: 'Semicolon' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Vertical bar' },
];

/** What the file is, its first rows, and how to read it differently (another sheet, encoding or delimiter). */
export function PreviewStep({
  source,
  preview,
  options,
  onOptions,
  busy,
  theme,
  columns,
  onColumns,
}: {
  source: string;
  preview: SourcePreview;
  options: SourceOptions;
  onOptions: (options: SourceOptions) => void;
  busy: boolean;
  theme: Theme;
  columns: readonly MappedColumn[];
  onColumns: (columns: MappedColumn[]) => void;
}) {
  const isText = !preview.sheets && /\.(csv|tsv|txt|tab)$/i.test(source);
  return (
    <>
      <p className="file-path">
        <span>File:</span> <code>{fileName(source)}</code>
      </p>
      <p className="notice">
        {preview.tool === 'plain' ? 'Read as ' : 'Recognised: '}
        <strong>{preview.reason}</strong>. The data start at row {preview.dataStartRow}.
      </p>
      {preview.anonymous && (
        <p className="notice">
          No row names a participant (no id, e-mail or name): a survey’s responses will be imported as
          anonymous respondents of the wave, kept apart from the roster and analysed as an independent sample.
        </p>
      )}
      <DateOrderQuestion preview={preview} columns={columns} onColumns={onColumns} disabled={busy} />
      {preview.problems.length > 0 && (
        <div className="notice preview-problems" role="status">
          <p>
            <strong>
              Reading these rows found {plural(preview.problems.length, 'problem')}; the check will report{' '}
              {preview.problems.length === 1 ? 'it' : 'them'} too.
            </strong>{' '}
            A quote that never closes usually means an answer holds a stray quotation mark: correct it in the
            file, or the rows after it may be read wrongly.
          </p>
          <ul>
            {preview.problems.map((problem) => (
              <li key={`${problem.row ?? 0}/${problem.column ?? ''}/${problem.message}`}>
                {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="import-options">
        {preview.sheets && (
          <div className="field">
            <label htmlFor="import-sheet">Sheet</label>
            <select
              id="import-sheet"
              value={options.sheet ?? preview.sheets.find((sheet) => !sheet.hidden)?.name ?? ''}
              disabled={busy}
              onChange={(event) => onOptions({ ...options, sheet: event.target.value })}
            >
              {preview.sheets.map((sheet) => (
                <option key={sheet.position} value={sheet.name}>
                  {sheet.name}
                  {sheet.hidden ? ' (hidden)' : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        {isText && (
          <>
            <div className="field">
              <label htmlFor="import-encoding">Character set</label>
              <select
                id="import-encoding"
                value={options.encoding ?? ''}
                disabled={busy}
                onChange={(event) =>
                  onOptions({
                    ...options,
                    encoding: (event.target.value || undefined) as SourceOptions['encoding'],
                  })
                }
              >
                <option value="">Detect it</option>
                {encodings.map((encoding) => (
                  <option key={encoding.value} value={encoding.value}>
                    {encoding.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="import-delimiter">Columns separated by</label>
              <select
                id="import-delimiter"
                value={options.delimiter ?? ''}
                disabled={busy}
                onChange={(event) =>
                  onOptions({
                    ...options,
                    delimiter: (event.target.value || undefined) as SourceOptions['delimiter'],
                  })
                }
              >
                <option value="">Detect it</option>
                {delimiters.map((delimiter) => (
                  <option key={delimiter.label} value={delimiter.value}>
                    {delimiter.label}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
      </div>
      <p className="hint">
        The first {preview.rows.length} rows, shown here only. Hover a heading to see the question it asked.
      </p>
      <PreviewGrid
        header={preview.header}
        questions={preview.questions}
        rows={preview.rows}
        firstRow={preview.dataStartRow}
        theme={theme}
      />
    </>
  );
}

/**
 * Dates such as 03/02/2026 read two ways: asked once for every column that has them, and kept in those columns'
 * plan (the command line's --date-order).
 */
function DateOrderQuestion({
  preview,
  columns,
  onColumns,
  disabled,
}: {
  preview: SourcePreview;
  columns: readonly MappedColumn[];
  onColumns: (columns: MappedColumn[]) => void;
  disabled: boolean;
}) {
  const asked = new Set(preview.ambiguousDates);
  if (asked.size === 0) return null;
  const headings = columns.filter((column) => asked.has(column.index)).map((column) => column.heading);
  const chosen = columns.find((column) => asked.has(column.index))?.dateOrder;
  const choose = (dateOrder: 'dmy' | 'mdy') =>
    onColumns(columns.map((column) => (asked.has(column.index) ? { ...column, dateOrder } : column)));
  return (
    <fieldset className="date-order">
      <legend>
        Dates such as 03/02/2026 in {headings.join(', ')} can be read two ways. Which comes first?
      </legend>
      {(
        [
          ['dmy', 'The day (03/02/2026 is 3 February)'],
          ['mdy', 'The month (03/02/2026 is March 2)'],
        ] as const
      ).map(([order, label]) => (
        <label key={order}>
          <input
            type="radio"
            name="date-order"
            value={order}
            checked={chosen === order}
            disabled={disabled}
            onChange={() => choose(order)}
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}
