/**
 * The account's security: the sessions signed in to it (end one, or log out
 * everywhere), changing the password, and the password reset by mail (ask
 * for a link; choose a new password from the link, `/account#reset=<token>`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { request } from '../../shared/api/client.js';
import { useForgetAccount } from '../../shared/api/queries.js';
import type { SessionDto } from '../../shared/api/types.js';
import { formatInstantDate } from '../../shared/lib/dates.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';

const SESSIONS_KEY = ['sessions'] as const;

/** The sessions of the account, with "End" on each and "Log out everywhere". */
export function SessionsCard() {
  const client = useQueryClient();
  const signedOut = useForgetAccount();
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: async () => (await request('GET /api/auth/sessions')).sessions,
  });
  const end = useMutation({
    mutationFn: (session: SessionDto) =>
      request('DELETE /api/auth/sessions/:id', { param: { id: session.id } }),
    onSuccess: (_, session) => {
      if (session.current) signedOut();
      else void client.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
  const everywhere = useMutation({
    mutationFn: () => request('POST /api/auth/logout-all'),
    onSuccess: signedOut,
  });

  return (
    <section className="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you are signed in</h2>
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? <ErrorMessage error={sessions.error} /> : null}
      {sessions.data ? (
        <ul>
          {sessions.data.map((s) => (
            <li key={s.id}>
              {s.browser}
              {s.current ? ' (this browser)' : ''}, signed in on {formatInstantDate(s.createdAt)}
              {s.lastSeenAt ? `, last used on ${formatInstantDate(s.lastSeenAt)}` : ''}{' '}
              <button
                type="button"
                className="button button--secondary"
                disabled={end.isPending}
                aria-label={`End the session of ${s.browser}${s.current ? ' (this browser)' : ''}`}
                onClick={() => {
                  end.mutate(s);
                }}
              >
                End
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {end.isError ? <ErrorMessage error={end.error} /> : null}
      <p>Lost a phone, or used a shared computer? End every session, this one included.</p>
      <button
        type="button"
        className="button button--secondary"
        disabled={everywhere.isPending}
        onClick={() => {
          everywhere.mutate();
        }}
      >
        Log out everywhere
      </button>
      {everywhere.isError ? <ErrorMessage error={everywhere.error} /> : null}
      <ChangePasswordForm />
    </section>
  );
}

function ChangePasswordForm() {
  const client = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: () => request('POST /api/auth/password', { json: { current, new: next } }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      void client.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (next.length < 10) {
      setProblem('Choose a new password of at least 10 characters.');
      return;
    }
    setProblem(null);
    change.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="change-password-heading">
      <h3 id="change-password-heading">Change password</h3>
      <div className="field">
        <label htmlFor="current-password">Current password</label>
        <input
          id="current-password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => {
            setCurrent(e.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="new-password">New password</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => {
            setNext(e.target.value);
          }}
        />
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {change.isError ? <ErrorMessage error={change.error} /> : null}
      {change.isSuccess ? (
        <p role="status">Password changed. Your other sessions have ended.</p>
      ) : null}
      <button type="submit" className="button button--secondary" disabled={change.isPending}>
        Change password
      </button>
    </form>
  );
}

/**
 * The token of a link from an account mail, if the page was opened from
 * one: `#reset=<token>` (password reset) or `#confirm=<token>` (registration).
 */
export function tokenFromHash(hash: string, kind: 'reset' | 'confirm'): string | null {
  const match = new RegExp(`^#${kind}=([A-Za-z0-9_-]+)$`).exec(hash);
  return match?.[1] ?? null;
}

/** Ask for a reset link, or, opened from the link, choose the new password. */
export function PasswordResetCard({ token }: { token: string | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const askForLink = useMutation({
    mutationFn: () => request('POST /api/auth/password-reset', { json: { email: email.trim() } }),
  });
  const confirm = useMutation({
    mutationFn: (resetToken: string) =>
      request('POST /api/auth/password-reset/confirm', { json: { token: resetToken, password } }),
    onSuccess: () => {
      // The token is spent: take it out of the address bar.
      window.history.replaceState(null, '', window.location.pathname);
    },
  });

  if (token !== null && !confirm.isSuccess) {
    return (
      <form
        className="card auth"
        noValidate
        aria-labelledby="reset-heading"
        onSubmit={(e) => {
          e.preventDefault();
          confirm.mutate(token);
        }}
      >
        <h2 id="reset-heading">Choose a new password</h2>
        <div className="field">
          <label htmlFor="reset-password">New password</label>
          <input
            id="reset-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
            }}
          />
          <p className="hint">At least 10 characters. This signs you out everywhere.</p>
        </div>
        {confirm.isError ? <ErrorMessage error={confirm.error} /> : null}
        <button type="submit" className="button button--primary" disabled={confirm.isPending}>
          Set new password
        </button>
      </form>
    );
  }

  return (
    <form
      className="card auth"
      noValidate
      aria-labelledby="forgot-heading"
      onSubmit={(e) => {
        e.preventDefault();
        askForLink.mutate();
      }}
    >
      <h2 id="forgot-heading">Forgot your password?</h2>
      {confirm.isSuccess ? (
        <p role="status">Your new password is set. Log in with it.</p>
      ) : (
        <p>Locked out after too many tries? A reset lets you in at once.</p>
      )}
      <div className="field">
        <label htmlFor="forgot-email">Email</label>
        <input
          id="forgot-email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
          }}
        />
      </div>
      {askForLink.isError ? <ErrorMessage error={askForLink.error} /> : null}
      {askForLink.isSuccess ? <p role="status">{askForLink.data.message}</p> : null}
      <button type="submit" className="button button--secondary" disabled={askForLink.isPending}>
        Send me a reset link
      </button>
    </form>
  );
}
