import type { DataColumn } from '../../../shared/data';

interface ColumnChooserProps {
  columns: DataColumn[];
  hidden: ReadonlySet<string>;
  onChange: (column: string, visible: boolean) => void;
}

/** Show or hide the columns of the grid; at least one stays shown. */
export function ColumnChooser({ columns, hidden, onChange }: ColumnChooserProps) {
  const shown = columns.length - hidden.size;
  return (
    <details className="column-chooser">
      <summary>
        Columns ({shown} of {columns.length} shown)
      </summary>
      <fieldset>
        <legend>Show these columns</legend>
        {columns.map((column) => {
          const visible = !hidden.has(column.name);
          return (
            <label key={column.name}>
              <input
                type="checkbox"
                checked={visible}
                disabled={visible && shown === 1}
                onChange={(event) => onChange(column.name, event.target.checked)}
              />
              {column.label}
            </label>
          );
        })}
      </fieldset>
    </details>
  );
}
