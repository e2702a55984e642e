import { useQuery } from '@tanstack/react-query';
import { CellStyleModule, ClientSideRowModelModule, ModuleRegistry, type ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.css';
import { useMemo, useState } from 'react';
import type { RiskReport } from '../../../shared/disclosure';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { Theme } from '../../theme';
import { GeneraliseAttribute } from './GeneraliseAttribute';
import { describeValue, plural } from './generalisationForm';
import { gridKeyboard } from '../../components/gridKeyboard';

// The grid's own stylesheets are bundled (theme: 'legacy'), because the app's CSP lets no script add <style>.
ModuleRegistry.registerModules([ClientSideRowModelModule, CellStyleModule]);

/**
 * Disclosure risk: the evaluator ticks the attributes an outsider could know about a participant (their
 * department, gender, location…) and sees how many participants that combination singles out, the smallest
 * groups it leaves, and how to coarsen an attribute until it singles out fewer.
 */
export function RiskPanel({ theme }: { theme: Theme }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const risk = useQuery({
    queryKey: ['anonymize.risk', chosen],
    queryFn: () => call('anonymize.risk', { quasiIdentifiers: chosen }),
    placeholderData: (previous) => previous,
  });
  const report = risk.data;
  const toggle = (id: string, on: boolean) =>
    setChosen(on ? [...chosen, id] : chosen.filter((each) => each !== id));

  return (
    <div className="risk-panel" aria-busy={risk.isFetching}>
      <h2>Disclosure risk</h2>
      <p className="hint">
        Only you see these figures. Anything that leaves Confidant (charts, tables, reports) hides groups
        smaller than the minimum cell size set under Settings.
      </p>
      <ErrorMessage error={risk.error} />
      {report === undefined ? (
        <p role="status">Counting participants…</p>
      ) : report.available.length === 0 ? (
        <p className="notice">Import a roster first: no participant has any attributes yet.</p>
      ) : (
        <>
          <fieldset className="risk-attributes">
            <legend>Attributes an outsider could know</legend>
            {report.available.map((attribute) => (
              <label key={attribute.id}>
                <input
                  type="checkbox"
                  checked={chosen.includes(attribute.id)}
                  onChange={(event) => toggle(attribute.id, event.target.checked)}
                />
                {attribute.label}
                <span className="hint"> ({plural(attribute.distinctValues, 'value')})</span>
              </label>
            ))}
          </fieldset>
          <RiskFigures report={report} />
          {chosen.length > 0 ? (
            <>
              <ClassSizes report={report} />
              <SmallestCombinations report={report} theme={theme} />
            </>
          ) : null}
          <GeneraliseAttribute report={report} quasiIdentifiers={chosen} />
        </>
      )}
    </div>
  );
}

function RiskFigures({ report }: { report: RiskReport }) {
  const figures: [string, number][] = [
    ['Participants', report.participants],
    ['Unique participants', report.uniques],
    ['Smallest group (k)', report.k],
    ['Combinations', report.classCount],
    ['In groups smaller than 3', report.violating[3]],
    ['In groups smaller than 5', report.violating[5]],
  ];
  return (
    <section aria-labelledby="risk-figures-heading">
      <h3 id="risk-figures-heading">
        {report.quasiIdentifiers.length === 0 ? 'Choose attributes to see the risk' : 'On these attributes'}
      </h3>
      <dl className="risk-figures">
        {figures.map(([label, value]) => (
          <div key={label} className="risk-figure" data-warn={label === 'Unique participants' && value > 0}>
            <dt>{label}</dt>
            <dd>{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {report.participantsWithMissing > 0 ? (
        <p className="hint">
          {plural(report.participantsWithMissing, 'participant has', 'participants have')} no value recorded
          for some of these attributes; “none recorded” counts as a value of its own, as ARX counts it.
        </p>
      ) : null}
    </section>
  );
}

function ClassSizes({ report }: { report: RiskReport }) {
  return (
    <table className="risk-table">
      <caption>Groups of participants who share these values, by size</caption>
      <thead>
        <tr>
          <th scope="col">Group size</th>
          <th scope="col">Groups</th>
          <th scope="col">Participants</th>
        </tr>
      </thead>
      <tbody>
        {report.classSizes.map((band) => (
          <tr key={band.label}>
            <th scope="row">{band.label}</th>
            <td>{band.classes.toLocaleString()}</td>
            <td>{band.participants.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type CombinationRow = Record<string, string | number>;

function SmallestCombinations({ report, theme }: { report: RiskReport; theme: Theme }) {
  const columns = useMemo<ColDef<CombinationRow>[]>(
    () => [
      ...report.quasiIdentifiers.map((id, i) => ({
        field: `v${i}`,
        headerName: report.available.find((each) => each.id === id)?.label ?? id,
        flex: 1,
        minWidth: 120,
      })),
      { field: 'size', headerName: 'Participants', width: 140, type: 'rightAligned' },
    ],
    [report.quasiIdentifiers, report.available],
  );
  const rows = useMemo(
    () =>
      report.smallestClasses.map((each) =>
        Object.fromEntries([
          ...each.values.map((value, i) => [`v${i}`, describeValue(value)]),
          ['size', each.size],
        ]),
      ),
    [report.smallestClasses],
  );
  return (
    <section aria-labelledby="risk-smallest-heading">
      <h3 id="risk-smallest-heading">Smallest groups first</h3>
      {report.classCount > report.smallestClasses.length ? (
        <p className="hint">
          The {report.smallestClasses.length} smallest of {report.classCount.toLocaleString()} combinations.
        </p>
      ) : null}
      <div
        className={`risk-grid ${theme === 'dark' ? 'ag-theme-quartz-dark' : 'ag-theme-quartz'}`}
        role="region"
        aria-label="Smallest groups"
      >
        <AgGridReact<CombinationRow>
          {...gridKeyboard}
          theme="legacy"
          rowData={rows}
          columnDefs={columns}
          defaultColDef={{ sortable: true, resizable: true }}
          overlayNoRowsTemplate="No participants."
        />
      </div>
    </section>
  );
}
