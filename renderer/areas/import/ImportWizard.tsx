import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api';
import { JobEnded } from './JobEnded';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useStepFocus } from '../../hooks/useStepFocus';
import type { AreaId } from '../../areas';
import type { Theme } from '../../theme';
import { CheckStep } from './CheckStep';
import { ChooseFile } from './ChooseFile';
import { DocumentImport } from './DocumentImport';
import type { ImportChoice } from './documentState';
import { Destination } from './Destination';
import { chooseImport, useKept, withTable, type ImportSession, type TableWizard } from './importSession';
import { ImportProgress } from './ImportProgress';
import { MapColumns } from './MapColumns';
import { PreviewStep } from './PreviewStep';
import { SummaryStep } from './SummaryStep';
import {
  buildPlan,
  destinationIssues,
  fileName,
  initialColumns,
  mappingIssues,
  planColumns,
  plural,
  previewRead,
  runFinished,
  startTableOver,
  wizardSteps,
  type SourceOptions,
} from './wizardState';
import './importWizard.css';

/**
 * The import wizard: choose a file, preview it, match its columns, say where it goes, check it (a dry run that
 * keeps nothing), import it in one transaction, and see what happened. Only the Import step writes. Its state
 * lives in the project's import session, so leaving the area and coming back loses nothing, a running job
 * included.
 */
export function ImportWizard({
  theme,
  onArea,
  session,
}: {
  theme: Theme;
  onArea: (area: AreaId) => void;
  session: ImportSession;
}) {
  useDocumentTitle('Import');
  // A transcript, journal or mentor's note has a wizard of its own (DocumentImport).
  const choice = useKept(session, (kept) => kept.choice);
  // Changed on this visit: the keyboard then stays on the choice rather than going to the heading.
  const [choiceChanged, setChoiceChanged] = useState(false);
  const chooseWhat = (next: ImportChoice) => {
    session.change((kept) => chooseImport(kept, next));
    setChoiceChanged(true);
  };
  const queryClient = useQueryClient();
  const wizard = useKept(session, (kept) => kept.table);
  const job = useKept(session, (kept) => kept.job);
  const { step, source, options, preview, columns, usingSaved, destination, skipInvalidRows, check, result } =
    wizard;
  const change = (update: Partial<TableWizard>) => session.change((kept) => withTable(kept, update));
  const stepHeading = useStepFocus(step);

  const targets = useQuery({
    queryKey: ['import.targets'],
    queryFn: () => call('import.targets', {}),
    enabled: step === 'destination',
  });

  // Results go to the session, not to this component, so a file read while the area is not shown still lands.
  const read = useMutation({
    mutationFn: async ({ file, with: readOptions }: { file: string; with: SourceOptions }) =>
      call('import.preview', { source: file, options: readOptions }),
    onSuccess: (found, { file, with: readOptions }) =>
      session.change((kept) => ({ ...kept, table: previewRead(kept.table, file, readOptions, found) })),
  });

  const choose = useMutation({
    mutationFn: () => call('project.choosePath', { purpose: 'import' }),
    onSuccess: ({ path }) => {
      if (path !== null) read.mutate({ file: path, with: {} });
    },
  });

  const save = useMutation({
    mutationFn: (name: string) =>
      call('import.saveMapping', {
        kind: destination.kind,
        header: preview?.header ?? [],
        name,
        columns: planColumns(columns),
      }),
    onSuccess: (_saved, name) => session.change((kept) => withTable(kept, { savedName: name })),
  });

  const run = (dryRun: boolean) => {
    const plan = buildPlan(columns, destination, options, skipInvalidRows);
    session.start(
      async (jobId) => {
        const summary = await call('import.commit', { source: source ?? '', plan, jobId, dryRun });
        void queryClient.invalidateQueries();
        return summary;
      },
      (kept, summary) => ({ ...kept, table: runFinished(kept.table, summary, dryRun) }),
    );
  };

  const startCheck = () => {
    change({ check: null, step: 'check' });
    run(true);
  };
  const startImport = () => {
    change({ step: 'import' });
    run(false);
  };
  const startOver = () => {
    read.reset();
    session.change((kept) => ({ ...kept, job: null, table: startTableOver(kept.table) }));
  };

  const current = wizardSteps.findIndex((each) => each.id === step);
  const label = wizardSteps[current]?.label ?? '';
  const running = job?.state === 'running';
  const failed = job?.state === 'failed' ? job : null;
  const issues =
    step === 'destination' ? destinationIssues(destination) : mappingIssues(columns, destination.kind);

  if (choice !== 'table')
    return (
      <DocumentImport session={session} choiceChanged={choiceChanged} onChoice={chooseWhat} onArea={onArea} />
    );

  return (
    <section className="area import-wizard" aria-labelledby="import-heading">
      <ScreenHeading id="import-heading" focusOnShow={!choiceChanged}>
        Import
      </ScreenHeading>
      <p className="lead">
        Bring in a roster, mentoring pairs, a survey wave, HR records or a log of meetings. Nothing is written
        until the Import step, and then all at once.
      </p>
      <ol className="wizard-steps" aria-label="Steps">
        {wizardSteps.map((each, index) => (
          <li
            key={each.id}
            aria-current={index === current ? 'step' : undefined}
            className={index < current ? 'done' : undefined}
          >
            {each.label}
          </li>
        ))}
      </ol>
      <h2 ref={stepHeading} tabIndex={-1}>
        Step {current + 1} of {wizardSteps.length}: {label}
      </h2>
      <ErrorMessage error={choose.error ?? read.error ?? save.error} />

      {step === 'choose' && (
        <ChooseFile
          choice={choice}
          onChoice={chooseWhat}
          focusChoice={choiceChanged}
          onChoose={() => choose.mutate()}
          busy={choose.isPending || read.isPending}
        />
      )}

      {step === 'preview' && preview && source && (
        <>
          <PreviewStep
            source={source}
            preview={preview}
            options={options}
            onOptions={(next) => read.mutate({ file: source, with: next })}
            busy={read.isPending}
            theme={theme}
            columns={columns}
            onColumns={(next) => change({ columns: next })}
          />
          <nav className="actions wizard-nav" aria-label="Wizard">
            <button type="button" className="secondary" onClick={startOver}>
              Choose another file
            </button>
            <button type="button" onClick={() => change({ step: 'destination' })} disabled={read.isPending}>
              Next: what the file is
            </button>
          </nav>
        </>
      )}

      {step === 'map' && preview && source && (
        <>
          <MapColumns
            kind={destination.kind}
            preview={preview}
            columns={columns}
            onColumns={(next) => change({ columns: next })}
            usingSaved={usingSaved}
            onUseSaved={(use) => change({ usingSaved: use, columns: initialColumns(preview, use) })}
            onSave={(name) => save.mutate(name)}
            saving={save.isPending}
            savedName={wizard.savedName}
            defaultName={fileName(source).replace(/\.[^.]+$/, '')}
          />
          <nav className="actions wizard-nav" aria-label="Wizard">
            <button type="button" className="secondary" onClick={() => change({ step: 'destination' })}>
              Back
            </button>
            <button type="button" onClick={startCheck} disabled={issues.length > 0}>
              Check the file
            </button>
          </nav>
        </>
      )}

      {step === 'destination' && (
        <>
          <ErrorMessage error={targets.error} />
          {targets.isPending ? (
            // The existing windows and surveys decide whether the evaluator picks one or types a name.
            <p role="status">Loading the project’s collection windows and surveys…</p>
          ) : (
            <Destination
              destination={destination}
              onChange={(next) => change({ destination: next })}
              targets={targets.data}
            />
          )}
          {issues.length > 0 && (
            <ul className="issues" aria-label="Before the file can be checked">
              {issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          )}
          <nav className="actions wizard-nav" aria-label="Wizard">
            <button type="button" className="secondary" onClick={() => change({ step: 'preview' })}>
              Back
            </button>
            <button type="button" onClick={() => change({ step: 'map' })} disabled={issues.length > 0}>
              Next: match the columns
            </button>
          </nav>
        </>
      )}

      {(step === 'check' || step === 'import') && job?.state === 'running' && (
        <ImportProgress
          event={job.progress}
          label={step === 'check' ? 'Checking every row (nothing is kept)…' : 'Importing…'}
          onCancel={session.cancel}
          cancelling={job.cancelling}
        />
      )}

      {(step === 'check' || step === 'import') && failed && (
        <JobEnded error={failed.error} onBack={() => change({ step: 'map' })} onStartOver={startOver} />
      )}

      {step === 'check' && check && !running && !failed && (
        <>
          <CheckStep
            check={check}
            skipInvalidRows={skipInvalidRows}
            onSkipInvalidRows={(skip) => change({ skipInvalidRows: skip })}
            theme={theme}
          />
          <nav className="actions wizard-nav" aria-label="Wizard">
            <button type="button" className="secondary" onClick={() => change({ step: 'map' })}>
              Change the columns
            </button>
            <button type="button" className="secondary" onClick={startOver}>
              Choose a corrected file
            </button>
            <button
              type="button"
              onClick={startImport}
              disabled={
                (check.problemCount > 0 && !skipInvalidRows) ||
                check.rowsImported + check.rowsAlreadyPresent === 0
              }
            >
              Import {plural(check.rowsImported, 'row')}
            </button>
          </nav>
        </>
      )}

      {step === 'summary' && result && source && (
        <>
          <SummaryStep summary={result} source={source} kind={destination.kind} />
          <nav className="actions wizard-nav" aria-label="Wizard">
            <button type="button" onClick={startOver}>
              Import another file
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
