import { OUTCOME_SCALES } from '@backtrack/core';
import { useState, type SubmitEvent } from 'react';
import type { OutcomeInputDto } from '@backtrack/server/contract';

const NPRS_RATINGS = Array.from(
  { length: OUTCOME_SCALES.nprs.max - OUTCOME_SCALES.nprs.min + 1 },
  (_, i) => OUTCOME_SCALES.nprs.min + i,
);
const PSFS_RATINGS = Array.from(
  { length: OUTCOME_SCALES.psfs.max - OUTCOME_SCALES.psfs.min + 1 },
  (_, i) => OUTCOME_SCALES.psfs.min + i,
);

interface Row {
  key: number;
  activity: string;
  score: number;
}

/**
 * Records one outcome measure: pain now (NPRS) or up to five activities
 * rated 0–10 (PSFS). `idPrefix` keeps the field ids unique on a page;
 * `onSubmit` sends the measure (the server checks the ranges).
 */
export function OutcomeForm({
  idPrefix,
  pending,
  onSubmit,
}: {
  idPrefix: string;
  pending: boolean;
  onSubmit: (input: OutcomeInputDto) => void;
}) {
  const [instrument, setInstrument] = useState<'nprs' | 'psfs'>('nprs');
  const [pain, setPain] = useState<number>(OUTCOME_SCALES.nprs.min);
  const [rows, setRows] = useState<Row[]>([{ key: 0, activity: '', score: 5 }]);
  const [nextKey, setNextKey] = useState(1);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(
      instrument === 'nprs'
        ? { instrument, score: pain }
        : { instrument, items: rows.map(({ activity, score }) => ({ activity, score })) },
    );
  };
  const update = (key: number, change: Partial<Row>) => {
    setRows(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  };

  return (
    <form onSubmit={submit} className="outcome-form">
      <fieldset>
        <legend>What to record</legend>
        <label>
          <input
            type="radio"
            name={`${idPrefix}-instrument`}
            checked={instrument === 'nprs'}
            onChange={() => {
              setInstrument('nprs');
            }}
          />{' '}
          Pain now
        </label>{' '}
        <label>
          <input
            type="radio"
            name={`${idPrefix}-instrument`}
            checked={instrument === 'psfs'}
            onChange={() => {
              setInstrument('psfs');
            }}
          />{' '}
          Activities you find hard
        </label>
      </fieldset>
      {instrument === 'nprs' ? (
        <div className="field">
          <label htmlFor={`${idPrefix}-pain`}>
            Pain now ({OUTCOME_SCALES.nprs.min} = none, {OUTCOME_SCALES.nprs.max} = worst
            imaginable)
          </label>
          <select
            id={`${idPrefix}-pain`}
            value={pain}
            onChange={(e) => {
              setPain(Number(e.target.value));
            }}
          >
            {NPRS_RATINGS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <>
          <p className="hint">
            Name up to {OUTCOME_SCALES.psfs.maxActivities} activities your back makes hard and rate
            each: {OUTCOME_SCALES.psfs.min} = unable to do it, {OUTCOME_SCALES.psfs.max} = able to
            do it as before.
          </p>
          {rows.map((row, i) => (
            <div className="field outcome-row" key={row.key}>
              <label htmlFor={`${idPrefix}-activity-${String(row.key)}`}>Activity {i + 1}</label>
              <input
                id={`${idPrefix}-activity-${String(row.key)}`}
                value={row.activity}
                maxLength={OUTCOME_SCALES.psfs.maxActivityLength}
                onChange={(e) => {
                  update(row.key, { activity: e.target.value });
                }}
              />
              <label htmlFor={`${idPrefix}-score-${String(row.key)}`}>Rating</label>
              <select
                id={`${idPrefix}-score-${String(row.key)}`}
                value={row.score}
                onChange={(e) => {
                  update(row.key, { score: Number(e.target.value) });
                }}
              >
                {PSFS_RATINGS.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
              {rows.length > OUTCOME_SCALES.psfs.minActivities ? (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setRows(rows.filter((r) => r.key !== row.key));
                  }}
                >
                  Remove activity {i + 1}
                </button>
              ) : null}
            </div>
          ))}
          {rows.length < OUTCOME_SCALES.psfs.maxActivities ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setRows([...rows, { key: nextKey, activity: '', score: 5 }]);
                setNextKey(nextKey + 1);
              }}
            >
              Add an activity
            </button>
          ) : null}
        </>
      )}
      <p>
        <button type="submit" className="button" disabled={pending}>
          Record
        </button>
      </p>
    </form>
  );
}
