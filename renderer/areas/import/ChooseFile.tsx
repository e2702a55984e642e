import { useEffect, useRef } from 'react';
import { importChoices, type ImportChoice } from './documentState';

/**
 * The first step: what the evaluator is bringing in, the host's file dialog, and what the wizard reads.
 * Choosing a document swaps the table wizard for the document one; `focusChoice` keeps the keyboard on the
 * choice across that swap.
 */
export function ChooseFile({
  choice,
  onChoice,
  focusChoice,
  onChoose,
  busy,
}: {
  choice: ImportChoice;
  onChoice: (choice: ImportChoice) => void;
  focusChoice: boolean;
  onChoose: () => void;
  busy: boolean;
}) {
  const chosen = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusChoice) chosen.current?.focus();
  }, [focusChoice]);
  const table = choice === 'table';
  return (
    <>
      <fieldset className="kind-choice">
        <legend>What are you bringing in?</legend>
        {importChoices.map(({ id, label }) => (
          <label key={id} className="radio">
            <input
              ref={id === choice ? chosen : undefined}
              type="radio"
              name="import-choice"
              value={id}
              checked={id === choice}
              onChange={() => onChoice(id)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {table ? (
        <p>
          The wizard reads CSV and tab-separated text, Excel workbooks (.xlsx) and SPSS files (.sav),
          including exports from Qualtrics, SurveyMonkey, Google Forms and Microsoft Forms.
        </p>
      ) : (
        <p>
          The wizard reads plain text (.txt), Word documents (.docx), and captions from Teams, Zoom or a
          recorder (WebVTT .vtt, SubRip .srt). Speakers such as “Interviewer:” or “Sam:” are recognised.
        </p>
      )}
      <p className="hint">
        {table
          ? 'Nothing is kept until the last step. Names and e-mail addresses are turned into pseudonyms on the way in and are never stored.'
          : 'Nothing is kept until the Import step. The document then waits in Anonymise until you have reviewed the names, e-mail addresses and other identifiers found in it.'}
      </p>
      <div className="actions">
        <button type="button" onClick={onChoose} disabled={busy}>
          {busy ? 'Reading the file…' : 'Choose a file…'}
        </button>
      </div>
    </>
  );
}
