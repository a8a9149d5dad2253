import { useState, type SubmitEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import {
  useConfirmRegistration,
  useDeleteAccount,
  useLandingAfterSignIn,
  useLogin,
  useLogout,
  useMe,
  usePlans,
  useRegister,
} from '../../shared/api/queries.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { formatDate } from '../../shared/lib/dates.js';
import { STORAGE_KEYS, writeSetting } from '../../shared/lib/storage.js';
import { PasswordResetCard, SessionsCard, tokenFromHash } from './AccountSecurity.js';
import { OutcomesCard } from '../outcomes/OutcomesCard.js';
import { RemindersCard } from './RemindersCard.js';
import { SharingCard } from './SharingCard.js';

/** Only same-site paths are followed after logging in. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

function AuthForm({ kind, next }: { kind: 'register' | 'login'; next: string | null }) {
  const login = useLogin();
  const register = useRegister();
  const auth = kind === 'register' ? register : login;
  const navigate = useNavigate();
  const landing = useLandingAfterSignIn();
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
    const body = { email: email.trim(), password };
    if (kind === 'register') register.mutate(next ? { ...body, next } : body);
    else
      login.mutate(body, {
        onSuccess: () => {
          void landing(next).then((to) => (to ? navigate(to) : undefined));
        },
      });
  };

  if (kind === 'register' && register.isSuccess) {
    return (
      <section className="card auth" aria-labelledby="register-heading">
        <h2 id="register-heading">Check your inbox</h2>
        <p role="status">{register.data.message}</p>
        <p className="hint">
          The link works for a day. No mail? Look in the spam folder, or register again.
        </p>
      </section>
    );
  }

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

/** Opened from the registration mail: one click creates the account and signs in. */
function ConfirmRegistration({ token, next }: { token: string; next: string | null }) {
  const confirm = useConfirmRegistration();
  const navigate = useNavigate();
  const landing = useLandingAfterSignIn();
  return (
    <form
      className="card auth"
      noValidate
      aria-labelledby="confirm-heading"
      onSubmit={(e) => {
        e.preventDefault();
        confirm.mutate(token, {
          onSuccess: () => {
            // The token is spent: take it out of the address bar.
            window.history.replaceState(
              null,
              '',
              window.location.pathname + window.location.search,
            );
            void landing(next).then((to) => (to ? navigate(to) : undefined));
          },
        });
      }}
    >
      <h2 id="confirm-heading">Finish creating your account</h2>
      <p>Your address is confirmed by this link. Finish to sign in.</p>
      {confirm.isError ? <ErrorMessage error={confirm.error} /> : null}
      <button type="submit" className="button button--primary" disabled={confirm.isPending}>
        Finish and sign in
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
  const { hash } = useLocation();
  const resetToken = tokenFromHash(hash, 'reset');
  const confirmToken = tokenFromHash(hash, 'confirm');

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
        {confirmToken ? <ConfirmRegistration token={confirmToken} next={next} /> : null}
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
      <OutcomesCard />
      <RemindersCard />
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
