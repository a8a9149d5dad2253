import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import type { ReminderSettingsDto } from '@backtrack/server/contract';
import { useSearchParams } from 'react-router';
import { request } from '../../shared/api/client.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { runnerTimeZone } from '../../shared/lib/dates.js';

const REMINDERS_KEY = ['me', 'reminders'] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** "18:00" */
function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** The reminder form, starting from the stored settings. */
function RemindersForm({ initial }: { initial: ReminderSettingsDto }) {
  const client = useQueryClient();
  const [on, setOn] = useState(initial.checkInHour !== null);
  const [hour, setHour] = useState(initial.checkInHour ?? 18);
  const [saved, setSaved] = useState<ReminderSettingsDto | null>(null);
  const save = useMutation({
    mutationFn: (checkInHour: number | null) =>
      request('PUT /api/me/reminders', {
        json: { timeZone: runnerTimeZone(), checkInHour },
      }),
    onSuccess: (data) => {
      client.setQueryData(REMINDERS_KEY, data);
      setSaved(data);
    },
  });
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(null);
    save.mutate(on ? hour : null);
  };

  return (
    <form onSubmit={submit}>
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={on}
            onChange={(e) => {
              setOn(e.target.checked);
            }}
          />{' '}
          Mail me a daily check-in reminder on plan days I have not checked in
        </label>
      </div>
      <div className="field">
        <label htmlFor="reminder-hour">At ({runnerTimeZone()})</label>
        <select
          id="reminder-hour"
          value={hour}
          disabled={!on}
          onChange={(e) => {
            setHour(Number(e.target.value));
          }}
        >
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {hourLabel(h)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={save.isPending}>
        Save reminders
      </button>
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      {saved ? (
        <p role="status">
          {saved.checkInHour === null
            ? 'No check-in reminders.'
            : `Check-in reminders at ${hourLabel(saved.checkInHour)}, ${saved.timeZone ?? ''}.`}
        </p>
      ) : null}
    </form>
  );
}

/**
 * The daily check-in reminder: off by default; opting in sends this
 * browser's time zone and the chosen local hour.
 */
export function RemindersCard() {
  const settings = useQuery({
    queryKey: REMINDERS_KEY,
    queryFn: () => request('GET /api/me/reminders'),
  });
  return (
    <section className="card" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Reminders</h2>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <ErrorMessage error={settings.error} /> : null}
      {settings.data ? <RemindersForm initial={settings.data} /> : null}
    </section>
  );
}

/** `/reminders/off?token=…` from a reminder mail: turns the check-in reminder off, signed in or not. */
export function RemindersOffPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const off = useMutation({
    mutationFn: () => request('POST /api/reminders/unsubscribe', { json: { token } }),
  });
  return (
    <>
      <h1>Check-in reminders</h1>
      {off.isSuccess ? (
        <p role="status">
          Check-in reminders are off. You can turn them on again on your account page.
        </p>
      ) : (
        <>
          <p>Stop the daily check-in reminder mail?</p>
          <button
            type="button"
            className="button"
            disabled={off.isPending || token === ''}
            onClick={() => {
              off.mutate();
            }}
          >
            Turn check-in reminders off
          </button>
        </>
      )}
      {off.isError ? <ErrorMessage error={off.error} /> : null}
    </>
  );
}
