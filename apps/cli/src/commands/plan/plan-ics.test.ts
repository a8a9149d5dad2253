/** The calendar file, read back with a real iCalendar parser (ical.js). */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Plan, PlanOutcome } from '@backtrack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../io/dates.js';
import { describeItem } from '@backtrack/documents';
import { CASES, runInMemory } from '../../testing.js';

// Wednesday 8 January 2025: the default start is Monday 13 January.
const NOW = new Date(2025, 0, 8, 9, 30);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backtrack-ics-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
}

async function readCalendar(path: string): Promise<ParsedEvent[]> {
  const calendar = ICAL.Component.fromString(await readFile(path, 'utf8'));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
    };
  });
}

async function planFor(args: string[]): Promise<Plan> {
  const { stdout } = await runInMemory(['plan', ...args, '--json'], { now: NOW });
  const outcome = JSON.parse(stdout) as PlanOutcome;
  if (outcome.kind !== 'plan') throw new Error('expected a plan');
  return outcome;
}

describe('plan --ics', () => {
  it('one all-day event per planned day, from the next Monday, in order', async () => {
    const out = join(dir, 'plan.ics');
    const { code, stdout, stderr } = await runInMemory(
      ['plan', '--answers', CASES.selfCare, '--ics', out],
      { now: NOW },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const plan = await planFor(['--answers', CASES.selfCare]);
    const planned = plan.weeks.flatMap((w) => w.days.filter((d) => d.items.length > 0));
    const events = await readCalendar(out);
    expect(events).toHaveLength(planned.length);
    expect(stdout).toContain(`Wrote ${planned.length} calendar events, Mon 13 Jan 2025 onwards`);
    events.forEach((event, i) => {
      expect(event.allDay).toBe(true);
      expect(event.start).toBe(addDays('2025-01-13', i));
      expect(event.end).toBe(addDays('2025-01-13', i + 1));
      expect(event.summary).toMatch(/^Backtrack: \S/);
    });
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    // The description lists every item with its dose, exactly as written (– and × survive folding).
    const firstDay = plan.weeks[0]?.days[0];
    for (const item of firstDay?.items ?? []) {
      expect(events[0]?.description).toContain(describeItem(item, 'km'));
    }
    expect(events[0]?.description).toContain('not a diagnosis');
  });

  it('--start sets day 1; titles name the exercise families and the run in the runner’s units', async () => {
    const profile = join(dir, 'miles.json');
    await writeFile(profile, JSON.stringify({ units: 'mi', runningDaysPerWeek: 3 }));
    const out = join(dir, 'miles.ics');
    const { code } = await runInMemory(
      [
        'plan',
        '--answers',
        CASES.selfCare,
        '--profile',
        profile,
        '--ics',
        out,
        '--start',
        '2025-03-05',
      ],
      { now: NOW },
    );
    expect(code).toBe(0);
    const events = await readCalendar(out);
    expect(events[0]?.start).toBe('2025-03-05');
    const runs = events.filter((e) => / run \d+(\.\d)? mi/.test(e.summary));
    expect(runs.length).toBeGreaterThan(0);
    expect(events.some((e) => /Backtrack: .*core/.test(e.summary))).toBe(true);
    expect(events.map((e) => e.summary).join('\n')).not.toMatch(/ km\b/);
  });

  it('no calendar when triage forbids a plan', async () => {
    const out = join(dir, 'emergency.ics');
    const { code, stdout } = await runInMemory(
      ['plan', '--answers', CASES.emergency, '--ics', out],
      { now: NOW },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('EMERGENCY');
    expect(stdout).toContain(`No calendar written to ${out}: there is no plan`);
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });
});
