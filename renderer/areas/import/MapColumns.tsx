import { useState } from 'react';
import type { AnswerScaleChoice, ImportField, ImportKind, SourcePreview } from '../../../shared/import';
import { formatWhen } from '../../format';
import { ColumnProtection } from './ColumnProtection';
import { fieldGroupsFor, fieldLabels, mappingIssues, sampleValues, type MappedColumn } from './wizardState';

const confidenceWords: Record<MappedColumn['confidence'], string> = {
  high: 'Suggested',
  medium: 'Suggested',
  low: 'A guess',
  saved: 'Saved',
};

/**
 * One row per column of the file: its heading and question, a few of its values, and what it holds. The
 * suggestion is preselected with its reason; a rating question also needs its answer scale.
 */
export function MapColumns({
  kind,
  preview,
  columns,
  onColumns,
  usingSaved,
  onUseSaved,
  onSave,
  saving,
  savedName,
  defaultName,
}: {
  kind: ImportKind;
  preview: SourcePreview;
  columns: MappedColumn[];
  onColumns: (columns: MappedColumn[]) => void;
  usingSaved: boolean;
  onUseSaved: (use: boolean) => void;
  onSave: (name: string) => void;
  saving: boolean;
  savedName: string | null;
  defaultName: string;
}) {
  const [name, setName] = useState(preview.savedMapping?.name ?? defaultName);
  const update = (index: number, change: Partial<MappedColumn>) =>
    onColumns(columns.map((column) => (column.index === index ? { ...column, ...change } : column)));
  const issues = mappingIssues(columns, kind);

  return (
    <>
      {preview.savedMapping && (
        <div className="notice saved-mapping" role="status">
          {usingSaved ? (
            <>
              Using the mapping saved as <strong>{preview.savedMapping.name}</strong> on{' '}
              {formatWhen(preview.savedMapping.savedAt)} for files with these headings.{' '}
              <button type="button" className="secondary" onClick={() => onUseSaved(false)}>
                Use the suggestions instead
              </button>
            </>
          ) : (
            <>
              A mapping was saved for files with these headings (<strong>{preview.savedMapping.name}</strong>
              ).{' '}
              <button type="button" className="secondary" onClick={() => onUseSaved(true)}>
                Use the saved mapping
              </button>
            </>
          )}
        </div>
      )}
      <p className="hint">
        What each column of the file holds. Columns left out are not read at all. Under Protection, a{' '}
        <strong>quasi-identifier</strong> is a trait that is harmless alone but can single a person out
        together with others (age, site, grade); a <strong>sensitive attribute</strong> is something that must
        not be learned about a known person (health, ethnicity, a performance rating).
      </p>
      <ol className="mapping-list" aria-label="The file’s columns">
        {columns.map((column) => {
          const question = preview.questions[column.index];
          const heading = column.heading || `Column ${column.index + 1}`;
          const id = `mapping-${column.index}`;
          return (
            <li key={column.index} className="mapping-column" data-column={heading}>
              <div className="mapping-source">
                <h3 className="column-heading" id={`${id}-heading`}>
                  {heading}
                </h3>
                {question && question !== column.heading && <p className="column-question">{question}</p>}
                <p className="samples" aria-label={`Sample values of “${heading}”`}>
                  {sampleValues(preview.rows, column.index).map((value) => (
                    <span key={value} className="sample">
                      {value}
                    </span>
                  ))}
                </p>
              </div>
              <div className="mapping-field">
                <label className="mapping-label" htmlFor={`${id}-holds`}>
                  Holds
                </label>
                <select
                  id={`${id}-holds`}
                  aria-label={`What “${heading}” holds`}
                  value={column.field}
                  onChange={(event) => {
                    const field = event.target.value as ImportField;
                    update(column.index, {
                      field,
                      confidence: 'high',
                      reason: 'your choice',
                      ...(field === 'likertItem' ? {} : { scaleId: undefined }),
                      generalise: undefined,
                    });
                  }}
                >
                  {fieldGroupsFor(kind, column.field).map((group) => (
                    <optgroup key={group.label} label={group.label}>
                      {group.fields.map((field) => (
                        <option key={field} value={field}>
                          {fieldLabels[field]}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
                <span className={`reason confidence-${column.confidence}`}>
                  {column.reason === 'your choice'
                    ? 'Your choice'
                    : column.confidence === 'saved'
                      ? 'From the saved mapping'
                      : `${confidenceWords[column.confidence]}: ${column.reason}`}
                </span>
                {column.field === 'likertItem' && (
                  <ScaleSelect
                    id={`${id}-scale`}
                    heading={heading}
                    scales={preview.answerScales}
                    value={column.scaleId}
                    onChange={(scaleId) => update(column.index, { scaleId })}
                  />
                )}
              </div>
              <div className="mapping-protection">
                <span className="mapping-label">Protection</span>
                <ColumnProtection
                  column={column}
                  heading={heading}
                  samples={sampleValues(preview.rows, column.index, preview.rows.length)}
                  roleReason={preview.roleReasons[column.index]}
                  onChange={(change) => update(column.index, change)}
                />
                {column.field !== 'ignore' && (
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      aria-label={`Every row needs “${heading}”`}
                      checked={column.required ?? false}
                      onChange={(event) => update(column.index, { required: event.target.checked })}
                    />
                    Every row needs a value
                  </label>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {issues.length > 0 && (
        <ul className="issues" aria-label="Before the file can be checked">
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
      <form
        className="inline-form save-mapping"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) onSave(name.trim());
        }}
      >
        <div className="field">
          <label htmlFor="mapping-name">Name for this mapping</label>
          <input
            id="mapping-name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={200}
          />
        </div>
        <button type="submit" className="secondary" disabled={saving || !name.trim() || issues.length > 0}>
          Save this mapping for files like this
        </button>
        {savedName && (
          <span className="success" role="status">
            Saved as {savedName}.
          </span>
        )}
      </form>
    </>
  );
}

function ScaleSelect({
  id,
  heading,
  scales,
  value,
  onChange,
}: {
  id: string;
  heading: string;
  scales: AnswerScaleChoice[];
  value: string | undefined;
  onChange: (scaleId: string | undefined) => void;
}) {
  const chosen = scales.find((scale) => scale.id === value);
  return (
    <>
      <label className="mapping-label" htmlFor={id}>
        Answer scale
      </label>
      <select
        id={id}
        aria-label={`Answer scale of “${heading}”`}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">Choose a scale…</option>
        {scales.map((scale) => (
          <option key={scale.id} value={scale.id}>
            {scale.name}
          </option>
        ))}
      </select>
      {chosen && (
        <span className="scale-points">
          {chosen.labels.map((label, point) => `${point + 1} = ${label}`).join(', ')}
        </span>
      )}
    </>
  );
}
