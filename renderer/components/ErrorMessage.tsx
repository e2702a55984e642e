import { messageOf } from '../api';

/** An engine error, read out as soon as it appears (role=alert). Renders nothing when there is no error. */
export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  if (error === null || error === undefined) return null;
  return (
    <p className="error-message" role="alert" id={id}>
      {messageOf(error)}
    </p>
  );
}
