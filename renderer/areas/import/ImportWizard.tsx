import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ImportSummary, SourcePreview } from '../../../shared/import';
import { call, codeOf, messageOf, newJobId } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useJobProgress } from '../../hooks/useJobProgress';
import type { AreaId } from '../../areas';
import type { Theme } from '../../theme';
import { CheckStep } from './CheckStep';
import { ChooseFile } from './ChooseFile';
import { DocumentImport } from './DocumentImport';
import type { ImportChoice } from './documentState';
import { Destination } from './Destination';
import { ImportProgress } from './ImportProgress';
import { MapColumns } from './MapColumns';
import { PreviewStep } from './PreviewStep';
import { SummaryStep } from './SummaryStep';
import {
  buildPlan,
  destinationIssues,
  fileName,
  guessKind,
  initialColumns,
  mappingIssues,
  planColumns,
  plural,
  wizardSteps,
  type Destination as DestinationChoice,
  type MappedColumn,
  type SourceOptions,
  type StepId,
} from './wizardState';
import './importWizard.css';

const NO_DESTINATION: DestinationChoice = {
  kind: 'roster',
  window: '',
  instrument: '',
  addUnknownParticipants: false,
};

/**
 * The import wizard: choose a file, preview it, match its columns, say where it goes, check it (a dry run that
 * keeps nothing), import it in one transaction, and see what happened. Only the Import step writes.
 */
export function ImportWizard({ theme, onArea }: { theme: Theme; onArea: (area: AreaId) => void }) {
  useDocumentTitle('Import');
  // A transcript, journal or mentor's note has a wizard of its own (DocumentImport).
  const [choice, setChoice] = useState<ImportChoice>('table');
  const [choiceChanged, setChoiceChanged] = useState(false);
  const chooseWhat = (next: ImportChoice) => {
    setChoice(next);
    setChoiceChanged(true);
  };
  const queryClient = useQueryClient();
  const [step, setStep] = useState<StepId>('choose');
  const [source, setSource] = useState<string | null>(null);
  const [options, setOptions] = useState<SourceOptions>({});
  const [preview, setPreview] = useState<SourcePreview | null>(null);
  const [columns, setColumns] = useState<MappedColumn[]>([]);
  const [usingSaved, setUsingSaved] = useState(false);
  const [destination, setDestination] = useState<DestinationChoice>(NO_DESTINATION);
  const [skipInvalidRows, setSkipInvalidRows] = useState(false);
  const [check, setCheck] = useState<ImportSummary | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [jobId, setJobId] = useState<string | undefined>(undefined);
  const [cancelling, setCancelling] = useState(false);
  const [savedName, setSavedName] = useState<string | null>(null);
  const progress = useJobProgress(jobId);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    // Keyboard and screen-reader users start at the top of each new step.
    if (firstRender.current) firstRender.current = false;
    else stepHeading.current?.focus();
  }, [step]);

  const targets = useQuery({
    queryKey: ['import.targets'],
    queryFn: () => call('import.targets', {}),
    enabled: step === 'destination',
  });

  const read = useMutation({
    mutationFn: async ({ file, with: readOptions }: { file: string; with: SourceOptions }) =>
      call('import.preview', { source: file, options: readOptions }),
    onSuccess: (found, { file, with: readOptions }) => {
      const sameFile = file === source && preview !== null;
      setSource(file);
      setOptions(readOptions);
      setPreview(found);
      setColumns(initialColumns(found, true));
      setUsingSaved(found.savedMapping !== null);
      setSavedName(null);
      if (!sameFile) setDestination({ ...NO_DESTINATION, kind: guessKind(found) });
      setStep('preview');
    },
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
    onSuccess: (_saved, name) => setSavedName(name),
  });

  const plan = () => buildPlan(columns, destination, options, skipInvalidRows);

  const run = useMutation({
    mutationFn: async ({ dryRun }: { dryRun: boolean }) => {
      const id = newJobId();
      setJobId(id);
      setCancelling(false);
      return call('import.commit', { source: source ?? '', plan: plan(), jobId: id, dryRun });
    },
    onSuccess: (summary, { dryRun }) => {
      void queryClient.invalidateQueries();
      if (dryRun && !summary.alreadyImported) {
        setCheck(summary);
        setSkipInvalidRows(false);
        return;
      }
      setResult(summary);
      setStep('summary');
    },
  });

  const cancel = () => {
    if (!jobId) return;
    setCancelling(true);
    call('import.cancel', { jobId }).catch(() => setCancelling(false));
  };

  const startCheck = () => {
    setCheck(null);
    setStep('check');
    run.mutate({ dryRun: true });
  };
  const startImport = () => {
    setStep('import');
    run.mutate({ dryRun: false });
  };
  const startOver = () => {
    run.reset();
    read.reset();
    setStep('choose');
    setSource(null);
    setPreview(null);
    setCheck(null);
    setResult(null);
    setOptions({});
  };

  const current = wizardSteps.findIndex((each) => each.id === step);
  const label = wizardSteps[current]?.label ?? '';
  const running = run.isPending;
  const wasCancelled = codeOf(run.error) === 'CANCELLED';
  const issues = step === 'destination' ? destinationIssues(destination, columns) : mappingIssues(columns);

  if (choice !== 'table')
    return <DocumentImport initialKind={choice} onChoice={chooseWhat} onArea={onArea} />;

  return (
    <section className="area import-wizard" aria-labelledby="import-heading">
      <ScreenHeading id="import-heading" focusOnShow={!choiceChanged}>
        Import
      </ScreenHeading>
      <p className="lead">
        Bring in a roster or a survey wave. Nothing is written until the Import step, and then all at once.
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
          />
          <nav className="actions wizard-nav" aria-label="Wizard">
            <button type="button" className="secondary" onClick={startOver}>
              Choose another file
            </button>
            <button type="button" onClick={() => setStep('map')} disabled={read.isPending}>
              Next: match the columns
            </button>
          </nav>
        </>
      )}

      {step === 'map' && preview && source && (
        <>
          <MapColumns
            preview={preview}
            columns={columns}
            onColumns={setColumns}
            usingSaved={usingSaved}
            onUseSaved={(use) => {
              setUsingSaved(use);
              setColumns(initialColumns(preview, use));
            }}
            onSave={(name) => save.mutate(name)}
            saving={save.isPending}
            savedName={savedName}
            defaultName={fileName(source).replace(/\.[^.]+$/, '')}
          />
          <nav className="actions wizard-nav" aria-label="Wizard">
            <button type="button" className="secondary" onClick={() => setStep('preview')}>
              Back
            </button>
            <button type="button" onClick={() => setStep('destination')} disabled={issues.length > 0}>
              Next: where it goes
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
            <Destination destination={destination} onChange={setDestination} targets={targets.data} />
          )}
          {issues.length > 0 && (
            <ul className="issues" aria-label="Before the file can be checked">
              {issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          )}
          <nav className="actions wizard-nav" aria-label="Wizard">
            <button type="button" className="secondary" onClick={() => setStep('map')}>
              Back
            </button>
            <button type="button" onClick={startCheck} disabled={issues.length > 0}>
              Check the file
            </button>
          </nav>
        </>
      )}

      {(step === 'check' || step === 'import') && running && (
        <ImportProgress
          event={progress}
          label={step === 'check' ? 'Checking every row (nothing is kept)…' : 'Importing…'}
          onCancel={cancel}
          cancelling={cancelling}
        />
      )}

      {(step === 'check' || step === 'import') && run.isError && (
        <>
          {wasCancelled ? (
            <p className="notice" role="status">
              Cancelled. Nothing was imported; the project is exactly as it was.
            </p>
          ) : (
            <p className="error-message" role="alert">
              {messageOf(run.error)}
            </p>
          )}
          <nav className="actions wizard-nav" aria-label="Wizard">
            <button type="button" className="secondary" onClick={() => setStep('destination')}>
              Back
            </button>
            <button type="button" className="secondary" onClick={startOver}>
              Start again
            </button>
          </nav>
        </>
      )}

      {step === 'check' && check && !running && !run.isError && (
        <>
          <CheckStep
            check={check}
            skipInvalidRows={skipInvalidRows}
            onSkipInvalidRows={setSkipInvalidRows}
            theme={theme}
          />
          <nav className="actions wizard-nav" aria-label="Wizard">
            <button type="button" className="secondary" onClick={() => setStep('map')}>
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
          <SummaryStep summary={result} source={source} />
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
