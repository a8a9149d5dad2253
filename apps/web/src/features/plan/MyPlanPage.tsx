import { Link, Navigate } from 'react-router';
import { useMe, usePlans } from '../../shared/api/queries.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { readSetting, STORAGE_KEYS } from '../../shared/lib/storage.js';

const TITLES = { plan: 'My plan', 'check-in': 'Daily check-in', progress: 'Progress' } as const;

/**
 * "My plan", "Check-in" and "Progress" in the navigation: go to the latest
 * saved plan (or its check-in / progress page); without one, say how to get one.
 */
export function MyPlanPage({ target }: { target: 'plan' | 'check-in' | 'progress' }) {
  const me = useMe();
  const plans = usePlans({ enabled: Boolean(me.data) });
  const assessmentId = readSetting(STORAGE_KEYS.assessmentId);

  if (me.isPending || (me.data && plans.isPending)) {
    return (
      <>
        <h1>{TITLES[target]}</h1>
        <Loading />
      </>
    );
  }
  const latest = plans.data?.[0];
  if (latest) {
    const suffix = target === 'plan' ? '' : `/${target}`;
    return <Navigate to={`/plans/${latest.id}${suffix}`} replace />;
  }
  if (target === 'plan' && assessmentId && !me.data) {
    return <Navigate to={`/assessment/${assessmentId}/plan`} replace />;
  }
  return (
    <>
      <title>{`${TITLES[target]} – Backtrack`}</title>
      <h1>{TITLES[target]}</h1>
      {me.isError ? <ErrorMessage error={me.error} /> : null}
      {plans.isError ? <ErrorMessage error={plans.error} /> : null}
      <p>
        {target === 'plan'
          ? 'You have no saved plan yet.'
          : 'Check-ins and progress belong to a saved plan, and saving a plan needs an account.'}
      </p>
      <ul>
        {assessmentId ? (
          <li>
            <Link to={`/assessment/${assessmentId}/plan`}>
              See the plan from your last assessment
            </Link>{' '}
            and save it.
          </li>
        ) : (
          <li>
            <Link to="/">Take the assessment</Link> to get a plan.
          </li>
        )}
        {me.data ? null : (
          <li>
            <Link to="/account">Log in</Link> if you saved a plan before.
          </li>
        )}
      </ul>
    </>
  );
}
