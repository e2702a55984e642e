import type { ImportKind, ImportTargets } from '../../../shared/import';
import { kindLabels, type Destination as DestinationChoice } from './wizardState';

const NEW = '\u0000new';

/** What each row of a kind of file is, and what it needs already in the project. */
const kindHints: Record<Exclude<ImportKind, 'survey'>, string> = {
  roster:
    'Participants are matched by id, e-mail address or name: someone already in the project is updated, anyone new is added.',
  pairings:
    'Each row pairs a mentor with a mentee, both on the roster already (by id, e-mail address or name).',
  hr: 'Each row is a career event of a participant on the roster: what happened and when.',
  activity:
    'Each row is a meeting of a pair already imported from a pairing list: when, how long, what about.',
};

/** What the file is, and for a survey wave: its collection window and instrument, existing or new. */
export function Destination({
  destination,
  onChange,
  targets,
}: {
  destination: DestinationChoice;
  onChange: (destination: DestinationChoice) => void;
  targets: ImportTargets | undefined;
}) {
  const set = (change: Partial<DestinationChoice>) => onChange({ ...destination, ...change });
  return (
    <>
      <fieldset className="kind-choice">
        <legend>This file is</legend>
        {(Object.keys(kindLabels) as ImportKind[]).map((kind) => (
          <label key={kind} className="radio">
            <input
              type="radio"
              name="import-kind"
              value={kind}
              checked={destination.kind === kind}
              onChange={() => set({ kind })}
            />
            {kindLabels[kind]}
          </label>
        ))}
      </fieldset>
      <p className="hint">
        Suggested from the file’s columns; change it if it is wrong. The next step offers only what this kind
        of file keeps.
      </p>
      {destination.kind !== 'survey' && <p className="hint">{kindHints[destination.kind]}</p>}
      {destination.kind === 'survey' && (
        <>
          <NamedTarget
            id="import-window"
            label="Collection window"
            newLabel="A new collection window"
            hint="When these answers were collected, e.g. Baseline, Mid-point, End of programme."
            existing={(targets?.windows ?? []).map((window) => window.name)}
            value={destination.window}
            onChange={(window) => set({ window })}
          />
          <NamedTarget
            id="import-instrument"
            label="Survey (instrument)"
            newLabel="A new survey"
            hint="The questionnaire. Its questions become items; a later wave of the same survey adds to them."
            existing={(targets?.instruments ?? []).map((instrument) => instrument.name)}
            value={destination.instrument}
            onChange={(instrument) => set({ instrument })}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={destination.addUnknownParticipants}
              onChange={(event) => set({ addUnknownParticipants: event.target.checked })}
            />
            Add respondents who are not on the roster as new participants
          </label>
          <p className="hint">
            Otherwise a response from someone not on the roster is listed as a problem in the next step.
          </p>
        </>
      )}
    </>
  );
}

/** An existing name from the project, or a new one typed in. */
function NamedTarget({
  id,
  label,
  newLabel,
  hint,
  existing,
  value,
  onChange,
}: {
  id: string;
  label: string;
  newLabel: string;
  hint: string;
  existing: string[];
  value: string;
  onChange: (value: string) => void;
}) {
  const isExisting = existing.includes(value);
  const chooser = existing.length > 0;
  return (
    <div className="field named-target">
      <label htmlFor={chooser ? id : `${id}-name`}>{label}</label>
      {chooser && (
        <select
          id={id}
          aria-describedby={`${id}-hint`}
          value={isExisting ? value : NEW}
          onChange={(event) => onChange(event.target.value === NEW ? '' : event.target.value)}
        >
          {existing.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          <option value={NEW}>{newLabel}…</option>
        </select>
      )}
      {!isExisting && (
        <input
          id={`${id}-name`}
          aria-describedby={`${id}-hint`}
          aria-label={chooser ? `Name of the new ${label.toLowerCase()}` : undefined}
          value={value}
          maxLength={200}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <span className="hint" id={`${id}-hint`}>
        {hint}
      </span>
    </div>
  );
}
