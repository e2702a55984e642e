import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import {
  piiEntities,
  type DocumentForReview,
  type FindingDecision,
  type PiiEntityName,
  type RedactionOperators,
} from '../../../shared/redaction';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { focusWhenShown } from '../../components/focusWhenShown';
import { useModalDialog } from '../../hooks/useModalDialog';
import { DocumentText, PlainText, type SelectedSpan } from './DocumentText';
import { documentKindLabels, entityLabels } from './entityWords';
import { FindingsPanel } from './FindingsPanel';
import { occurrencesOf, placesToMark, type CodePointSpan } from './reviewText';
import { REVIEW_QUERY_KEY } from './ReviewTab';

interface DocumentReviewProps {
  documentId: number;
  operators: RedactionOperators;
  onOperators: (operators: RedactionOperators) => void;
  onBack: () => void;
}

/** One document's review: its text with the findings in place, the findings by kind, a preview, and Apply. */
export function DocumentReview({ documentId, operators, onOperators, onBack }: DocumentReviewProps) {
  const queryClient = useQueryClient();
  const review = useQuery({
    queryKey: [...REVIEW_QUERY_KEY, 'document', documentId],
    queryFn: () => call('anonymize.document', { documentId }),
  });
  const [view, setView] = useState<'context' | 'preview'>('context');
  const [current, setCurrent] = useState<number | null>(null);
  const [selection, setSelection] = useState<SelectedSpan | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: REVIEW_QUERY_KEY });

  const decide = useMutation({
    mutationFn: (args: { findingId?: number; entity?: PiiEntityName; decision: FindingDecision }) =>
      call('anonymize.decide', { documentId, ...args }),
    onSettled: refresh,
  });
  const mark = useMutation({
    mutationFn: async ({ spans, entity }: { spans: CodePointSpan[]; entity: PiiEntityName }) => {
      let last: number | null = null;
      for (const span of spans)
        last = (await call('anonymize.addFinding', { documentId, ...span, entity })).findingId;
      return last;
    },
    onSuccess: (findingId) => {
      setSelection(null);
      window.getSelection()?.removeAllRanges();
      if (findingId !== null) setCurrent(findingId);
    },
    onSettled: refresh,
  });
  const apply = useMutation({
    mutationFn: (acceptUndecided: boolean) =>
      call('anonymize.apply', { documentId, operators, acceptUndecided }),
    onSuccess: () => {
      setConfirming(false);
      setView('context');
    },
    onSettled: refresh,
  });

  const data = review.data;
  const findingsById = useMemo(() => new Map((data?.findings ?? []).map((f) => [f.id, f])), [data?.findings]);
  const onSelect = useCallback((span: SelectedSpan) => setSelection(span), []);
  const busy = decide.isPending || mark.isPending || apply.isPending;

  if (!data) {
    return (
      <div className="document-review">
        <BackButton onBack={onBack} />
        <ErrorMessage error={review.error} />
        {review.isPending ? <p role="status">Loading the document…</p> : null}
      </div>
    );
  }
  const { document } = data;
  const applied = document.review === 'applied';

  return (
    <div className="document-review">
      <BackButton onBack={onBack} />
      <h2 className="review-title" ref={focusWhenShown} tabIndex={-1}>
        {document.title}
      </h2>
      <p className="hint">
        {documentKindLabels[document.kind]}, {document.characters.toLocaleString()} characters.{' '}
        {applied
          ? 'The review is applied: this is the anonymised text, and the original is no longer kept.'
          : `${document.counts.pending} undecided, ${document.counts.accepted} accepted, ${document.counts.rejected} rejected.`}
      </p>
      {apply.data ? (
        <p className="notice" role="status">
          Applied: {apply.data.replaced} finding{apply.data.replaced === 1 ? '' : 's'} replaced
          {apply.data.acceptedUndecided > 0
            ? ` (${apply.data.acceptedUndecided} of them accepted on applying)`
            : ''}
          . The original text is deleted.
        </p>
      ) : null}
      <ErrorMessage error={decide.error ?? mark.error ?? apply.error} />
      {applied ? (
        <DocumentText
          segments={data.segments}
          findings={findingsById}
          current={null}
          onPick={setCurrent}
          onSelect={onSelect}
          label={`Text of ${document.title}`}
        />
      ) : (
        <>
          <div className="actions review-toolbar">
            <div role="group" aria-label="Show" className="review-views">
              <button
                type="button"
                className="secondary"
                aria-pressed={view === 'context'}
                onClick={() => setView('context')}
              >
                Findings in context
              </button>
              <button
                type="button"
                className="secondary"
                aria-pressed={view === 'preview'}
                onClick={() => setView('preview')}
              >
                Preview of the result
              </button>
            </div>
            <span className="spacer" />
            <button type="button" onClick={() => setConfirming(true)} disabled={busy}>
              Apply the review…
            </button>
          </div>
          <MarkWords
            data={data}
            selection={selection}
            busy={busy}
            onMark={(spans, entity) => mark.mutate({ spans, entity })}
          />
          <div className="review-layout">
            {view === 'context' ? (
              <DocumentText
                segments={data.segments}
                findings={findingsById}
                current={current}
                onPick={setCurrent}
                onSelect={onSelect}
                label={`Text of ${document.title}`}
              />
            ) : (
              <Preview documentId={documentId} operators={operators} title={document.title} />
            )}
            <FindingsPanel
              findings={data.findings}
              kinds={document.entities}
              current={current}
              operators={operators}
              busy={busy}
              onPick={setCurrent}
              onDecide={(finding, decision) => {
                setCurrent(finding.id);
                if (!busy) decide.mutate({ findingId: finding.id, decision });
              }}
              onDecideKind={(entity, decision) => decide.mutate({ entity, decision })}
              onOperator={(entity, operator) => onOperators({ ...operators, [entity]: operator })}
            />
          </div>
          {confirming ? (
            <ApplyDialog
              title={document.title}
              accepted={document.counts.accepted}
              undecided={document.counts.pending}
              busy={apply.isPending}
              onApply={(acceptUndecided) => apply.mutate(acceptUndecided)}
              onCancel={() => setConfirming(false)}
            />
          ) : null}
        </>
      )}
    </div>
  );
}

function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <button type="button" className="secondary" onClick={onBack}>
      ← All documents
    </button>
  );
}

/**
 * Marking what the scan missed: the words selected in the text, or typed, as a kind. A selection is marked
 * where it is; typed words are marked wherever they appear outside other findings.
 */
function MarkWords({
  data,
  selection,
  busy,
  onMark,
}: {
  data: DocumentForReview;
  selection: SelectedSpan | null;
  busy: boolean;
  onMark: (spans: CodePointSpan[], entity: PiiEntityName) => void;
}) {
  const [words, setWords] = useState('');
  const [entity, setEntity] = useState<PiiEntityName>('PERSON');
  // A new selection in the text becomes the words to mark (state adjusted while rendering, as React advises).
  const [shown, setShown] = useState(selection);
  if (shown !== selection) {
    setShown(selection);
    setWords(selection?.text.trim() ?? '');
  }
  const fullText = useMemo(() => data.segments.map((s) => s.text).join(''), [data.segments]);
  const bySelection = selection !== null && words === selection.text.trim();
  const places = useMemo(
    () => (bySelection ? [] : placesToMark(occurrencesOf(fullText, words), data.findings)),
    [bySelection, fullText, words, data.findings],
  );
  const spans = bySelection ? [{ start: selection.start, end: selection.end }] : places;
  const action = bySelection
    ? 'Mark the selection'
    : words.trim() === ''
      ? 'Mark'
      : `Mark ${places.length === 1 ? 'the 1 place' : `all ${places.length} places`} it appears`;

  return (
    <form
      className="mark-words"
      onSubmit={(event) => {
        event.preventDefault();
        if (spans.length > 0) onMark(spans, entity);
      }}
    >
      <div className="field">
        <label htmlFor="mark-words">Words the scan missed</label>
        <input
          id="mark-words"
          value={words}
          onChange={(event) => setWords(event.target.value)}
          placeholder="Select them in the text, or type them"
          aria-describedby="mark-words-hint"
        />
      </div>
      <div className="field">
        <label htmlFor="mark-kind">Mark as</label>
        <select
          id="mark-kind"
          value={entity}
          onChange={(event) => setEntity(event.target.value as PiiEntityName)}
        >
          {piiEntities.map((each) => (
            <option key={each} value={each}>
              {entityLabels[each]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={busy || spans.length === 0}>
        {action}
      </button>
      <p id="mark-words-hint" className="hint">
        Marked words are accepted, and take the place of any finding they overlap.
      </p>
    </form>
  );
}

function Preview({
  documentId,
  operators,
  title,
}: {
  documentId: number;
  operators: RedactionOperators;
  title: string;
}) {
  const preview = useQuery({
    queryKey: [...REVIEW_QUERY_KEY, 'preview', documentId, operators],
    queryFn: () => call('anonymize.preview', { documentId, operators }),
  });
  if (!preview.data) {
    return (
      <div className="review-preview">
        <ErrorMessage error={preview.error} />
        {preview.isPending ? <p role="status">Preparing the preview…</p> : null}
      </div>
    );
  }
  return (
    <div className="review-preview">
      <p className="hint" role="status">
        {preview.data.replaced} accepted finding{preview.data.replaced === 1 ? '' : 's'} replaced.
        {preview.data.undecided > 0
          ? ` ${preview.data.undecided} undecided finding${preview.data.undecided === 1 ? ' is' : 's are'} shown as written.`
          : ''}
      </p>
      <PlainText text={preview.data.text} label={`Preview of ${title}`} />
    </div>
  );
}

/** Confirms applying: it replaces the accepted findings and deletes the original text for good. */
function ApplyDialog({
  title,
  accepted,
  undecided,
  busy,
  onApply,
  onCancel,
}: {
  title: string;
  accepted: number;
  undecided: number;
  busy: boolean;
  onApply: (acceptUndecided: boolean) => void;
  onCancel: () => void;
}) {
  const dialog = useModalDialog();
  const [acceptUndecided, setAcceptUndecided] = useState(false);
  const replacing = accepted + (acceptUndecided ? undecided : 0);

  return (
    <dialog ref={dialog} className="apply-dialog" aria-labelledby="apply-heading" onCancel={onCancel}>
      <h2 id="apply-heading">Apply the review of “{title}”?</h2>
      <p>
        {replacing} finding{replacing === 1 ? '' : 's'} will be replaced in the text.{' '}
        <strong>The original text will be deleted from the project and cannot be recovered.</strong>
      </p>
      {undecided > 0 ? (
        <>
          <p className="error-message">
            {undecided} finding{undecided === 1 ? ' is' : 's are'} still undecided.
          </p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={acceptUndecided}
              onChange={(event) => setAcceptUndecided(event.target.checked)}
            />
            Accept the undecided findings too
          </label>
        </>
      ) : null}
      <div className="actions">
        <button
          type="button"
          disabled={busy || (undecided > 0 && !acceptUndecided)}
          onClick={() => onApply(acceptUndecided)}
        >
          Apply and delete the original
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
