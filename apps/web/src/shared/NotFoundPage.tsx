import { Link } from 'react-router';

/** Unknown address. */
export function NotFoundPage() {
  return (
    <>
      <title>Page not found – Backtrack</title>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to the start page</Link>.
      </p>
    </>
  );
}
