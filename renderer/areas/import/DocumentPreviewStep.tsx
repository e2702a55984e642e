import type { DocumentPreview } from '../../../shared/documentImport';
import { recordingTime, turnExcerpt } from './documentState';
import { fileName, plural } from './wizardState';

/** What the document was read as, who speaks in it, and its first turns, shown on screen only. */
export function DocumentPreviewStep({ source, preview }: { source: string; preview: DocumentPreview }) {
  const speakers = preview.speakers;
  return (
    <>
      <p className="file-path">
        <span>File:</span> <code>{fileName(source)}</code>
      </p>
      <p className="notice">
        Read as <strong>{preview.formatName}</strong>:{' '}
        {plural(preview.turnCount, speakers.length > 0 ? 'turn' : 'paragraph')},{' '}
        {plural(preview.characters, 'character')}.
      </p>
      {speakers.length > 0 ? (
        <div className="speakers">
          <h3 id="document-speakers">{speakers.length === 1 ? 'Speaker' : `${speakers.length} speakers`}</h3>
          <ul aria-labelledby="document-speakers">
            {speakers.map((speaker) => (
              <li key={speaker}>{speaker}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="hint">No speakers were recognised: each paragraph is kept as it is.</p>
      )}
      <h3 id="document-turns">
        {preview.turns.length < preview.turnCount
          ? `The first ${preview.turns.length} of ${plural(preview.turnCount, speakers.length > 0 ? 'turn' : 'paragraph')}`
          : speakers.length > 0
            ? 'Every turn'
            : 'Every paragraph'}
      </h3>
      {/* Scrolls when long: focusable, so the keyboard can scroll it too. */}
      <ol className="transcript-turns" aria-labelledby="document-turns" tabIndex={0}>
        {preview.turns.map((turn, index) => (
          <li key={index}>
            {(turn.speaker !== null || turn.start !== undefined) && (
              <p className="turn-meta">
                {turn.speaker !== null && <span className="turn-speaker">{turn.speaker}</span>}
                {turn.start !== undefined && <span className="turn-time">{recordingTime(turn.start)}</span>}
              </p>
            )}
            <p className="turn-text">{turnExcerpt(turn)}</p>
          </li>
        ))}
      </ol>
      <p className="hint">Shown here only: nothing of the file is kept until the Import step.</p>
    </>
  );
}
