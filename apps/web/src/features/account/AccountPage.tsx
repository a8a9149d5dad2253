import { useState, type SubmitEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useAuth, useDeleteAccount, useLogout, useMe, usePlans } from '../../shared/api/queries.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { formatDate } from '../../shared/lib/dates.js';
import { STORAGE_KEYS, writeSetting } from '../../shared/lib/storage.js';
import { PasswordResetCard, resetTokenFromHash, SessionsCard } from './AccountSecurity.js';
import { SharingCard } from './SharingCard.js';

/** Only same-site paths are followed after logging in. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

const ALREADY_REGISTERED =
  'You are not signed in: this address already has an account, and we have sent it a mail. Log in instead, or reset your password below if you forgot it.';

function AuthForm({ kind, next }: { kind: 'register' | 'login'; next: string | null }) {
  const auth = useAuth(kind);
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const prefix = kind === 'register' ? 'register' : 'login';

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) {
      setProblem('Enter an email address, like name@example.com.');
      return;
    }
    if (kind === 'register' && password.length < 10) {
      setProblem('Choose a password of at least 10 characters.');
      return;
    }
    if (password.length === 0) {
      setProblem('Enter your password.');
      return;
    }
    setProblem(null);
    auth.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (user) => {
          if (!user) setProblem(ALREADY_REGISTERED);
          else if (next) void navigate(next);
        },
      },
    );
  };

  return (
    <form className="card auth" onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{kind === 'register' ? 'Create an account' : 'Log in'}</h2>
      <div className="field">
        <label htmlFor={`${prefix}-email`}>Email</label>
        <input
          id={`${prefix}-email`}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-password`}>Password</label>
        <input
          id={`${prefix}-password`}
          type="password"
          autoComplete={kind === 'register' ? 'new-password' : 'current-password'}
          aria-describedby={kind === 'register' ? `${prefix}-password-hint` : undefined}
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
          }}
        />
        {kind === 'register' ? (
          <p id={`${prefix}-password-hint`} className="hint">
            At least 10 characters.
          </p>
        ) : null}
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {auth.isError ? <ErrorMessage error={auth.error} /> : null}
      <button type="submit" className="button button--primary" disabled={auth.isPending}>
        {kind === 'register' ? 'Create account' : 'Log in'}
      </button>
    </form>
  );
}

function DeleteAccount() {
  const remove = useDeleteAccount();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [confirmed, setConfirmed] = useState(false);

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--danger"
        onClick={() => {
          setConfirming(true);
        }}
      >
        Delete my account
      </button>
    );
  }
  return (
    <form
      className="confirm"
      onSubmit={(e) => {
        e.preventDefault();
        remove.mutate(undefined, {
          onSuccess: () => {
            writeSetting(STORAGE_KEYS.assessmentId, null);
            void navigate('/', { replace: true });
          },
        });
      }}
    >
      <p role="alert">
        This deletes your account, your assessments, plans and check-ins for good. Download your
        data first if you want to keep it.
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={confirmed}
          onChange={(e) => {
            setConfirmed(e.target.checked);
          }}
        />{' '}
        I understand that this cannot be undone
      </label>
      <div className="actions">
        <button
          type="submit"
          className="button button--danger"
          disabled={!confirmed || remove.isPending}
        >
          Delete everything now
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setConfirming(false);
            setConfirmed(false);
          }}
        >
          Cancel
        </button>
      </div>
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
    </form>
  );
}

/** Register or log in; when signed in: saved plans, download my data, log out, delete the account. */
export function AccountPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const plans = usePlans({ enabled: Boolean(me.data) });
  const logout = useLogout();
  const resetToken = resetTokenFromHash(useLocation().hash);

  if (me.isPending) {
    return (
      <>
        <h1>Your account</h1>
        <Loading />
      </>
    );
  }
  if (me.isError) return <ErrorMessage error={me.error} />;

  if (!me.data) {
    return (
      <>
        <title>Account – Backtrack</title>
        <h1>Your account</h1>
        <p>
          An account saves your plan, check-ins and progress. Your assessment from this browser
          comes with you when you register or log in.
        </p>
        <div className="two-col">
          <AuthForm kind="register" next={next} />
          <AuthForm kind="login" next={next} />
        </div>
        <PasswordResetCard token={resetToken} />
      </>
    );
  }

  return (
    <>
      <title>Account – Backtrack</title>
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{me.data.email}</strong>.
      </p>
      {next ? (
        <p>
          <Link className="button button--primary" to={next}>
            Continue
          </Link>
        </p>
      ) : null}
      <section className="card" aria-labelledby="plans-heading">
        <h2 id="plans-heading">Saved plans</h2>
        {plans.isPending ? <Loading /> : null}
        {plans.isError ? <ErrorMessage error={plans.error} /> : null}
        {plans.data && plans.data.length === 0 ? (
          <p>
            No saved plan yet. <Link to="/plan">See your plan</Link> and save it.
          </p>
        ) : null}
        {plans.data && plans.data.length > 0 ? (
          <ul>
            {plans.data.map((p) => (
              <li key={p.id}>
                <Link to={`/plans/${p.id}`}>Plan starting {formatDate(p.startDate)}</Link>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section className="card" aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p>Everything Backtrack holds about you, as one JSON file.</p>
        <a
          className="button button--secondary"
          href="/api/me/export"
          download="backtrack-data.json"
        >
          Download my data (JSON)
        </a>
      </section>
      <SharingCard />
      <SessionsCard />
      <section className="card" aria-labelledby="leave-heading">
        <h2 id="leave-heading">Log out or delete</h2>
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              logout.mutate();
            }}
            disabled={logout.isPending}
          >
            Log out
          </button>
        </div>
        {logout.isError ? <ErrorMessage error={logout.error} /> : null}
        <h3>Delete my account</h3>
        <DeleteAccount />
      </section>
    </>
  );
}
