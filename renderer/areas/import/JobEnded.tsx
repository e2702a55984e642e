import { codeOf, messageOf } from '../../api';

/**
 * What a wizard shows when its import job did not finish: cancelled (nothing imported, the project as it was) or
 * failed with the engine's message, and the way back or a fresh start.
 */
export function JobEnded({
  error,
  onBack,
  onStartOver,
}: {
  error: unknown;
  onBack: () => void;
  onStartOver: () => void;
}) {
  return (
    <>
      {codeOf(error) === 'CANCELLED' ? (
        <p className="notice" role="status">
          Cancelled. Nothing was imported; the project is exactly as it was.
        </p>
      ) : (
        <p className="error-message" role="alert">
          {messageOf(error)}
        </p>
      )}
      <nav className="actions wizard-nav" aria-label="Wizard">
        <button type="button" className="secondary" onClick={onBack}>
          Back
        </button>
        <button type="button" className="secondary" onClick={onStartOver}>
          Start again
        </button>
      </nav>
    </>
  );
}
