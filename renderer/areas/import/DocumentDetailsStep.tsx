import type { DocumentKind } from '../../../shared/documentImport';
import { documentKindLabels, type DocumentDetails } from './documentState';

/** What the document is, its title, and (optionally) whom and which collection window it is about. */
export function DocumentDetailsStep({
  details,
  onChange,
  windows,
}: {
  details: DocumentDetails;
  onChange: (details: DocumentDetails) => void;
  windows: string[];
}) {
  const set = (change: Partial<DocumentDetails>) => onChange({ ...details, ...change });
  return (
    <>
      <fieldset className="kind-choice">
        <legend>This document is</legend>
        {(Object.keys(documentKindLabels) as DocumentKind[]).map((kind) => (
          <label key={kind} className="radio">
            <input
              type="radio"
              name="document-kind"
              value={kind}
              checked={details.kind === kind}
              onChange={() => set({ kind })}
            />
            {documentKindLabels[kind]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="document-title">Title</label>
        <input
          id="document-title"
          aria-describedby="document-title-hint"
          aria-invalid={details.title.trim() === '' ? true : undefined}
          value={details.title}
          maxLength={200}
          required
          onChange={(event) => set({ title: event.target.value })}
        />
        <span className="hint" id="document-title-hint">
          Kept as you type it, and not anonymised: leave names out of it.
        </span>
      </div>
      <div className="field">
        <label htmlFor="document-participant">Participant (optional)</label>
        <input
          id="document-participant"
          aria-describedby="document-participant-hint"
          value={details.participant}
          maxLength={320}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => set({ participant: event.target.value })}
        />
        <span className="hint" id="document-participant-hint">
          Their participant id or e-mail address, as on the roster. It links the document to their pseudonym
          and is not stored.
        </span>
      </div>
      <div className="field">
        <label htmlFor="document-window">Collection window (optional)</label>
        <input
          id="document-window"
          aria-describedby="document-window-hint"
          list="document-windows"
          value={details.window}
          maxLength={200}
          onChange={(event) => set({ window: event.target.value })}
        />
        <datalist id="document-windows">
          {windows.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <span className="hint" id="document-window-hint">
          When it was collected, e.g. Mid-programme. A name the project does not have yet adds a window.
        </span>
      </div>
    </>
  );
}
