import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { GeneralisationKind, GeneralisationRule, RiskReport } from '../../../shared/disclosure';
import { call } from '../../api';
import { focusWhenShown } from '../../components/focusWhenShown';
import { ErrorMessage } from '../../components/ErrorMessage';
import {
  INITIAL_RULE_FIELDS,
  describeValue,
  plural,
  ruleFromFields,
  ruleLabels,
  rulesFor,
  type DatePrecision,
  type RuleFields,
} from './generalisationForm';

interface Request {
  attribute: string;
  rule: GeneralisationRule;
  quasiIdentifiers: string[];
}

/**
 * Coarsening one attribute of every participant: pick it and a rule, preview how many participants change and
 * how the risk moves, then apply it after a confirmation. The engine rewrites the store and audits it.
 */
export function GeneraliseAttribute({
  report,
  quasiIdentifiers,
}: {
  report: RiskReport;
  quasiIdentifiers: string[];
}) {
  const ids = { attribute: useId(), rule: useId(), problem: useId() };
  const queryClient = useQueryClient();
  const candidates = report.available.filter((each) => each.generalisable);
  const [attributeId, setAttributeId] = useState<string | null>(null);
  const attribute =
    candidates.find((each) => each.id === attributeId) ??
    candidates.find((each) => quasiIdentifiers.includes(each.id)) ??
    candidates[0];
  const [fields, setFields] = useState<RuleFields>(INITIAL_RULE_FIELDS);
  const allowed = attribute ? rulesFor(attribute.kind) : [];
  const kind = allowed.includes(fields.kind) ? fields.kind : (allowed[0] ?? 'groupRare');
  const parsed = ruleFromFields({ ...fields, kind });
  const request: Request | null =
    attribute && 'value' in parsed ? { attribute: attribute.id, rule: parsed.value, quasiIdentifiers } : null;
  const signature = JSON.stringify(request);

  const preview = useMutation({
    mutationFn: (asked: Request) => call('anonymize.previewGeneralisation', asked),
  });
  const apply = useMutation({
    mutationFn: (asked: Request) => call('anonymize.generalise', asked),
    onSuccess: () => {
      preview.reset();
      return queryClient.invalidateQueries({ queryKey: ['anonymize.risk'] });
    },
  });
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  // Cancelled, focus goes back to the button that asked for the confirmation (it is back in the page).
  const cancelled = useRef(false);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (cancelled.current) openButton.current?.focus();
    cancelled.current = false;
  }, [confirming]);

  const previewed = preview.data && JSON.stringify(preview.variables) === signature ? preview.data : null;
  const change = (next: Partial<RuleFields>) => {
    setFields({ ...fields, kind, ...next });
    setConfirming(false);
    apply.reset();
  };

  if (!attribute) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (request) preview.mutate(request);
  };

  return (
    <section className="panel generalise" aria-labelledby="generalise-heading">
      <h3 id="generalise-heading">Generalise an attribute</h3>
      <p className="hint">
        Coarsen what singles people out: rare departments into “Other”, ages into bands, dates into months.
      </p>
      <form onSubmit={submit}>
        <div className="generalise-fields">
          <div className="field">
            <label htmlFor={ids.attribute}>Attribute</label>
            <select
              id={ids.attribute}
              value={attribute.id}
              onChange={(event) => {
                setAttributeId(event.target.value);
                change({});
              }}
            >
              {candidates.map((each) => (
                <option key={each.id} value={each.id}>
                  {each.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.rule}>How</label>
            <select
              id={ids.rule}
              value={kind}
              onChange={(event) => change({ kind: event.target.value as GeneralisationKind })}
            >
              {allowed.map((each) => (
                <option key={each} value={each}>
                  {ruleLabels[each]}
                </option>
              ))}
            </select>
          </div>
          <RuleParameters
            kind={kind}
            fields={fields}
            onChange={change}
            describedBy={'problem' in parsed ? ids.problem : undefined}
          />
        </div>
        {'problem' in parsed ? (
          <p className="hint" id={ids.problem}>
            {parsed.problem}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="secondary" disabled={request === null || preview.isPending}>
            Preview
          </button>
        </div>
      </form>
      <ErrorMessage error={preview.error} />
      {previewed ? (
        <div className="generalise-preview" role="status">
          <p>
            <strong>{plural(previewed.participantsChanged, 'participant')}</strong> would change.{' '}
            {quasiIdentifiers.length > 0 ? (
              <>
                Unique participants: {previewed.before.uniques} → {previewed.after.uniques}. Smallest group
                (k): {previewed.before.k} → {previewed.after.k}.
              </>
            ) : (
              'Choose attributes above to see how the risk changes.'
            )}
          </p>
          {previewed.changes.length > 0 ? (
            <ul className="generalise-changes" aria-label="What becomes what">
              {previewed.changes.map((each) => (
                <li key={`${describeValue(each.from)}→${describeValue(each.to)}`}>
                  {describeValue(each.from)} → {describeValue(each.to)} (
                  {plural(each.participants, 'participant')})
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {previewed && previewed.participantsChanged > 0 && !confirming ? (
        <div className="actions">
          <button type="button" ref={openButton} onClick={() => setConfirming(true)}>
            Generalise {previewed.label}…
          </button>
        </div>
      ) : null}
      {previewed && confirming && request ? (
        <div className="generalise-confirm" role="group" aria-label="Confirm the generalisation">
          <p>
            This rewrites {previewed.label} for {plural(previewed.participantsChanged, 'participant')} in this
            project. It cannot be undone, except by going back to a backup.
          </p>
          <div className="actions">
            <button
              ref={confirmButton}
              type="button"
              disabled={apply.isPending}
              onClick={() => apply.mutate(request, { onSettled: () => setConfirming(false) })}
            >
              Generalise
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                cancelled.current = true;
                setConfirming(false);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <ErrorMessage error={apply.error} />
      {apply.data ? (
        <p className="success" role="status" tabIndex={-1} ref={focusWhenShown}>
          {labelOf(report, apply.variables?.attribute)} generalised:{' '}
          {plural(apply.data.participantsChanged, 'participant')} changed.
        </p>
      ) : null}
    </section>
  );
}

function labelOf(report: RiskReport, id: string | undefined): string {
  return report.available.find((each) => each.id === id)?.label ?? 'The attribute';
}

function RuleParameters({
  kind,
  fields,
  onChange,
  describedBy,
}: {
  kind: GeneralisationKind;
  fields: RuleFields;
  onChange: (next: Partial<RuleFields>) => void;
  describedBy: string | undefined;
}) {
  const ids = { threshold: useId(), width: useId(), bottom: useId(), top: useId(), precision: useId() };
  const number = (id: string, label: string, name: 'threshold' | 'width' | 'bottom' | 'top') => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={fields[name]}
        aria-describedby={describedBy}
        onChange={(event) => onChange({ [name]: event.target.value })}
      />
    </div>
  );
  switch (kind) {
    case 'groupRare':
      return number(ids.threshold, 'Group values held by fewer than', 'threshold');
    case 'bands':
      return (
        <>
          {number(ids.width, 'Band width', 'width')}
          {number(ids.bottom, 'Bottom code (optional)', 'bottom')}
          {number(ids.top, 'Top code (optional)', 'top')}
        </>
      );
    case 'topBottom':
      return (
        <>
          {number(ids.bottom, 'Values below', 'bottom')}
          {number(ids.top, 'Values from', 'top')}
        </>
      );
    case 'dates':
      return (
        <div className="field">
          <label htmlFor={ids.precision}>Keep only the</label>
          <select
            id={ids.precision}
            value={fields.precision}
            onChange={(event) => onChange({ precision: event.target.value as DatePrecision })}
          >
            <option value="month">month</option>
            <option value="quarter">quarter</option>
            <option value="year">year</option>
          </select>
        </div>
      );
  }
}
