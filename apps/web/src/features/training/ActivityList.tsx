/** The runner's imported activities, newest first, each a link to its page and with a two-step delete. */
import { useState } from 'react';
import { Link } from 'react-router';
import { useActivities, useDeleteActivity } from './training-queries.js';
import type { ActivitySummaryDto } from '../../shared/api/types.js';
import { formatDuration, formatRunDate } from './training.js';
import { formatDistance, type DistanceUnit } from '../../shared/lib/units.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import './training.css';

const RUNS_PAGE = 20;

const SPORT_NAMES: Readonly<Record<string, string>> = {
  running: 'Run',
  walking: 'Walk',
  hiking: 'Hike',
  cycling: 'Ride',
  swimming: 'Swim',
  transition: 'Transition',
  other: 'Other activity',
};

export function ActivityList({ unit }: { unit: DistanceUnit }) {
  const [limit, setLimit] = useState(RUNS_PAGE);
  const activities = useActivities(limit);
  const remove = useDeleteActivity();
  const [confirming, setConfirming] = useState<string | null>(null);
  const list: ActivitySummaryDto[] = activities.data?.activities ?? [];
  const total = activities.data?.total ?? 0;
  return (
    <section aria-labelledby="runs-heading">
      <h2 id="runs-heading">Your imported activities</h2>
      {activities.isPending ? <Loading /> : null}
      {activities.isError ? <ErrorMessage error={activities.error} /> : null}
      {remove.isError ? <ErrorMessage error={remove.error} title="Could not delete it" /> : null}
      {activities.data && list.length === 0 ? <p>None yet.</p> : null}
      {list.length > 0 ? (
        <ul className="activities" aria-label="Imported activities">
          {list.map((a) => {
            const title = a.name ?? SPORT_NAMES[a.sport] ?? a.sport;
            const facts = [
              a.name ? (SPORT_NAMES[a.sport] ?? a.sport) : null,
              formatDistance(a.distanceM / 1000, unit),
              a.durationS === null ? null : formatDuration(a.durationS),
              a.shoe ? `shoes: ${a.shoe}` : null,
            ].filter((x): x is string => x !== null);
            return (
              <li key={a.id} className="activity">
                <div className="activity__main">
                  <p className="activity__title">
                    <Link to={`/training/activities/${a.id}`} className="activity__link">
                      <strong>
                        {a.startTime
                          ? `${formatRunDate(a.startTime)} ${a.startTime.slice(0, 4)}`
                          : 'No date'}
                      </strong>
                      &nbsp;· {title}
                    </Link>
                  </p>
                  <p className="activity__facts">{facts.join(' · ')}</p>
                  {a.file ? <p className="activity__file">{a.file}</p> : null}
                </div>
                <div className="activity__actions">
                  {confirming === a.id ? (
                    <>
                      <button
                        type="button"
                        className="button button--danger"
                        disabled={remove.isPending}
                        onClick={() => {
                          remove.mutate(a.id, {
                            onSettled: () => {
                              setConfirming(null);
                            },
                          });
                        }}
                      >
                        Delete it
                      </button>
                      <button
                        type="button"
                        className="button button--ghost"
                        onClick={() => {
                          setConfirming(null);
                        }}
                      >
                        Keep
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="button button--ghost"
                      aria-label={`Delete ${title}${a.startTime ? ` of ${formatRunDate(a.startTime)} ${a.startTime.slice(0, 4)}` : ''}`}
                      onClick={() => {
                        setConfirming(a.id);
                      }}
                    >
                      Delete
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {list.length > 0 ? (
        <p className="muted">
          Showing {list.length} of {total}.{' '}
          {total > list.length ? (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setLimit(Math.min(200, limit + RUNS_PAGE * 5));
              }}
              disabled={limit >= 200}
            >
              Show more
            </button>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
