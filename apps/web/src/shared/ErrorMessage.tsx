import { ApiError } from './api/client.js';

/** The message of an error for the runner: the server's message, or a plain fallback. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}

/** An error shown where it happened, announced to screen readers. */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  const details = error instanceof ApiError ? error.details : [];
  return (
    <div className="notice notice--error" role="alert">
      {title ? <p className="notice__title">{title}</p> : null}
      <p>{errorText(error)}</p>
      {details.length > 0 ? (
        <ul>
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A loading line, announced politely. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}
