import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';
import { JobEnded } from './JobEnded';
import type { AreaId } from '../../areas';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useStepFocus } from '../../hooks/useStepFocus';
import { ChooseFile } from './ChooseFile';
import { DocumentDetailsStep } from './DocumentDetailsStep';
import { DocumentPreviewStep } from './DocumentPreviewStep';
import { DocumentSummaryStep } from './DocumentSummaryStep';
import {
  detailsIssues,
  documentImportArgs,
  documentSteps,
  startDocumentOver,
  type ImportChoice,
} from './documentState';
import { useKept, withDocument, type DocumentWizard, type ImportSession } from './importSession';
import './importWizard.css';

/**
 * The import wizard for a transcript, journal or mentor's note: choose the file, see what it was read as and
 * who speaks in it, give it a title (and, if it is about one participant, their id or e-mail), import it, and
 * see what the PII scan found. The document then waits for review in Anonymise. Like the table wizard, its
 * state lives in the project's import session.
 */
export function DocumentImport({
  session,
  choiceChanged,
  onChoice,
  onArea,
}: {
  session: ImportSession;
  /** The evaluator has just picked this wizard: the keyboard stays on the choice. */
  choiceChanged: boolean;
  onChoice: (choice: ImportChoice) => void;
  onArea: (area: AreaId) => void;
}) {
  useDocumentTitle('Import');
  const queryClient = useQueryClient();
  const { step, source, preview, details, result } = useKept(session, (kept) => kept.document);
  const job = useKept(session, (kept) => kept.job);
  const change = (update: Partial<DocumentWizard>) => session.change((kept) => withDocument(kept, update));
  const stepHeading = useStepFocus(step);

  const targets = useQuery({
    queryKey: ['import.targets'],
    queryFn: () => call('import.targets', {}),
    enabled: step === 'details',
  });

  const read = useMutation({
    mutationFn: (file: string) => call('import.previewDocument', { source: file }),
    onSuccess: (found, file) =>
      session.change((kept) =>
        withDocument(kept, {
          step: 'preview',
          source: file,
          preview: found,
          details: { ...kept.document.details, title: found.titleSuggestion },
        }),
      ),
  });

  const choose = useMutation({
    mutationFn: () => call('project.choosePath', { purpose: 'import' }),
    onSuccess: ({ path }) => {
      if (path !== null) read.mutate(path);
    },
  });

  const startImport = () => {
    change({ step: 'import' });
    session.start(
      async (jobId) => {
        const summary = await call('import.document', documentImportArgs(source ?? '', details, jobId));
        void queryClient.invalidateQueries();
        return summary;
      },
      (kept, summary) => withDocument(kept, { result: summary, step: 'summary' }),
    );
  };
  const startOver = () => {
    read.reset();
    session.change((kept) => ({ ...kept, job: null, document: startDocumentOver(kept.document) }));
  };

  const current = documentSteps.findIndex((each) => each.id === step);
  const issues = detailsIssues(details);
  const failed = job?.state === 'failed' ? job : null;

  return (
    <section className="area import-wizard" aria-labelledby="import-heading">
      <ScreenHeading id="import-heading" focusOnShow={!choiceChanged}>
        Import
      </ScreenHeading>
      <p className="lead">
        Bring in an interview transcript, a journal or a mentor’s notes. Nothing is written until the Import
        step.
      </p>
      <ol className="wizard-steps" aria-label="Steps">
        {documentSteps.map((each, index) => (
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
        Step {current + 1} of {documentSteps.length}: {documentSteps[current]?.label}
      </h2>
      <ErrorMessage error={choose.error ?? read.error} />

      {step === 'choose' && (
        <ChooseFile
          choice={details.kind}
          onChoice={onChoice}
          focusChoice={choiceChanged}
          onChoose={() => choose.mutate()}
          busy={choose.isPending || read.isPending}
        />
      )}

      {step === 'preview' && preview && source && (
        <>
          <DocumentPreviewStep source={source} preview={preview} />
          <nav className="actions wizard-nav" aria-label="Wizard">
            <button type="button" className="secondary" onClick={startOver}>
              Choose another file
            </button>
            <button type="button" onClick={() => change({ step: 'details' })}>
              Next: details
            </button>
          </nav>
        </>
      )}

      {step === 'details' && (
        <>
          <ErrorMessage error={targets.error} />
          <DocumentDetailsStep
            details={details}
            onChange={(next) => change({ details: next })}
            windows={(targets.data?.windows ?? []).map((window) => window.name)}
          />
          {issues.length > 0 && (
            <ul className="issues" aria-label="Before the document can be imported">
              {issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          )}
          <nav className="actions wizard-nav" aria-label="Wizard">
            <button type="button" className="secondary" onClick={() => change({ step: 'preview' })}>
              Back
            </button>
            <button type="button" onClick={startImport} disabled={issues.length > 0}>
              Import the document
            </button>
          </nav>
        </>
      )}

      {step === 'import' && job?.state === 'running' && (
        <div className="import-progress">
          <div role="status" aria-live="polite">
            <p className="import-progress-phase">{job.progress?.phase ?? 'Importing the document…'}</p>
            <progress
              aria-label="Importing the document"
              value={job.progress?.total ? job.progress.done : undefined}
              max={job.progress?.total}
            />
          </div>
          <button type="button" className="secondary" onClick={session.cancel} disabled={job.cancelling}>
            {job.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      )}

      {step === 'import' && failed && (
        <JobEnded error={failed.error} onBack={() => change({ step: 'details' })} onStartOver={startOver} />
      )}

      {step === 'summary' && result && source && (
        <>
          <DocumentSummaryStep summary={result} source={source} />
          <nav className="actions wizard-nav" aria-label="Wizard">
            {result.awaitingReview && (
              <button type="button" onClick={() => onArea('anonymise')}>
                Review it in Anonymise
              </button>
            )}
            <button type="button" className="secondary" onClick={startOver}>
              Import another file
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
