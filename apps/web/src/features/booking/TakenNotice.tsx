/** The slot just went to someone else (409): the server's message, and what happens next. */
export function TakenNotice({ message, next }: { message: string; next?: string }) {
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">That time is no longer free</p>
      <p>{message}</p>
      {next ? <p>{next}</p> : null}
    </div>
  );
}
