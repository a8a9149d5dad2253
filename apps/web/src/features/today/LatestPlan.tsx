import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isUnauthenticated, useMe, usePlans, useSavedPlan } from '../../shared/api/queries.js';
import type { SavedPlan } from '../../shared/api/types.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';

function SavedPlanLoader({
  planId,
  children,
}: {
  planId: string;
  children: (saved: SavedPlan) => ReactNode;
}) {
  const saved = useSavedPlan(planId);
  if (saved.isPending) return <Loading label="Loading your plan…" />;
  if (saved.isError) return <ErrorMessage error={saved.error} />;
  return <>{children(saved.data)}</>;
}

/**
 * Loads the signed-in runner's latest saved plan and renders `children` with
 * it; says how to sign in or get a plan otherwise. `next` is where to come
 * back after signing in.
 */
export function LatestPlan({
  next,
  children,
}: {
  next: string;
  children: (saved: SavedPlan) => ReactNode;
}) {
  const me = useMe();
  const plans = usePlans({ enabled: Boolean(me.data) });
  if (me.isPending || (me.data && plans.isPending)) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} />;
  if (!me.data || (plans.isError && isUnauthenticated(plans.error))) {
    return (
      <p>
        <Link to={`/account?next=${encodeURIComponent(next)}`}>Log in</Link> to see today’s plan.
      </p>
    );
  }
  if (plans.isError) return <ErrorMessage error={plans.error} />;
  const latest = plans.data?.[0];
  if (!latest) {
    return (
      <p>
        You have no saved plan yet. <Link to="/plan">Get your plan</Link> and save it: today’s
        exercises and run then show here.
      </p>
    );
  }
  return <SavedPlanLoader planId={latest.id}>{children}</SavedPlanLoader>;
}
