/** The first step: the host's file dialog, and what the wizard reads. */
export function ChooseFile({ onChoose, busy }: { onChoose: () => void; busy: boolean }) {
  return (
    <>
      <p>
        Choose the file to bring in: a roster of participants, or one wave of a survey. The wizard reads CSV
        and tab-separated text, Excel workbooks (.xlsx) and SPSS files (.sav), including exports from
        Qualtrics, SurveyMonkey, Google Forms and Microsoft Forms.
      </p>
      <p className="hint">
        Nothing is kept until the last step. Names and e-mail addresses are turned into pseudonyms on the way
        in and are never stored.
      </p>
      <div className="actions">
        <button type="button" onClick={onChoose} disabled={busy}>
          {busy ? 'Reading the file…' : 'Choose a file…'}
        </button>
      </div>
    </>
  );
}
