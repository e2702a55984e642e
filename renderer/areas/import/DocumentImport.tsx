import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { DocumentImportSummary, DocumentKind, DocumentPreview } from '../../../shared/documentImport';
import { call, codeOf, messageOf, newJobId } from '../../api';
import type { AreaId } from '../../areas';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useJobProgress } from '../../hooks/useJobProgress';
import { ChooseFile } from './ChooseFile';
import { DocumentDetailsStep } from './DocumentDetailsStep';
import { DocumentPreviewStep } from './DocumentPreviewStep';
import { DocumentSummaryStep } from './DocumentSummaryStep';
import {
  detailsIssues,
  documentImportArgs,
  documentSteps,
  type DocumentDetails,
  type DocumentStepId,
  type ImportChoice,
} from './documentState';
import './importWizard.css';

/**
 * The import wizard for a transcript, journal or mentor's note: choose the file, see what it was read as and
 * who speaks in it, give it a title (and, if it is about one participant, their id or e-mail), import it, and
 * see what the PII scan found. The document then waits for review in Anonymise.
 */
export function DocumentImport({
  initialKind,
  onChoice,
  onArea,
}: {
  initialKind: DocumentKind;
  onChoice: (choice: ImportChoice) => void;
  onArea: (area: AreaId) => void;
}) {
  useDocumentTitle('Import');
  const queryClient = useQueryClient();
  const [step, setStep] = useState<DocumentStepId>('choose');
  const [source, setSource] = useState<string | null>(null);
  const [preview, setPreview] = useState<DocumentPreview | null>(null);
  const [details, setDetails] = useState<DocumentDetails>({
    kind: initialKind,
    title: '',
    participant: '',
    window: '',
  });
  const [result, setResult] = useState<DocumentImportSummary | null>(null);
  const [jobId, setJobId] = useState<string | undefined>(undefined);
  const [cancelling, setCancelling] = useState(false);
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
    enabled: step === 'details',
  });

  const read = useMutation({
    mutationFn: (file: string) => call('import.previewDocument', { source: file }),
    onSuccess: (found, file) => {
      setSource(file);
      setPreview(found);
      setDetails((current) => ({ ...current, title: found.titleSuggestion }));
      setStep('preview');
    },
  });

  const choose = useMutation({
    mutationFn: () => call('project.choosePath', { purpose: 'import' }),
    onSuccess: ({ path }) => {
      if (path !== null) read.mutate(path);
    },
  });

  const run = useMutation({
    mutationFn: () => {
      const id = newJobId();
      setJobId(id);
      setCancelling(false);
      return call('import.document', documentImportArgs(source ?? '', details, id));
    },
    onSuccess: (summary) => {
      void queryClient.invalidateQueries();
      setResult(summary);
      setStep('summary');
    },
  });

  const cancel = () => {
    if (!jobId) return;
    setCancelling(true);
    call('import.cancel', { jobId }).catch(() => setCancelling(false));
  };
  const startImport = () => {
    setStep('import');
    run.mutate();
  };
  const startOver = () => {
    run.reset();
    read.reset();
    setStep('choose');
    setSource(null);
    setPreview(null);
    setResult(null);
    setDetails({ kind: details.kind, title: '', participant: '', window: details.window });
  };

  const current = documentSteps.findIndex((each) => each.id === step);
  const issues = detailsIssues(details);
  const wasCancelled = codeOf(run.error) === 'CANCELLED';

  return (
    <section className="area import-wizard" aria-labelledby="import-heading">
      <ScreenHeading id="import-heading" focusOnShow={false}>
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
          onChoice={(choice) => {
            if (choice !== 'table') setDetails({ ...details, kind: choice });
            onChoice(choice);
          }}
          focusChoice
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
            <button type="button" onClick={() => setStep('details')}>
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
            onChange={setDetails}
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
            <button type="button" className="secondary" onClick={() => setStep('preview')}>
              Back
            </button>
            <button type="button" onClick={startImport} disabled={issues.length > 0}>
              Import the document
            </button>
          </nav>
        </>
      )}

      {step === 'import' && run.isPending && (
        <div className="import-progress">
          <div role="status" aria-live="polite">
            <p className="import-progress-phase">{progress?.phase ?? 'Importing the document…'}</p>
            <progress
              aria-label="Importing the document"
              value={progress?.total ? progress.done : undefined}
              max={progress?.total}
            />
          </div>
          <button type="button" className="secondary" onClick={cancel} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      )}

      {step === 'import' && run.isError && (
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
            <button type="button" className="secondary" onClick={() => setStep('details')}>
              Back
            </button>
            <button type="button" className="secondary" onClick={startOver}>
              Start again
            </button>
          </nav>
        </>
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
