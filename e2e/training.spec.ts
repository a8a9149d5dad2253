/**
 * The Training page in the browser: real activity files uploaded through
 * the file input with a progress bar that reaches 100%, the result of each
 * file, the charts (weekly load with pain, cadence, ground-contact balance,
 * shoes with a reminder) and findings; a corrupt file reported by name while
 * the other file imports; a Strava-style export zip; axe and screenshots at
 * a phone and a desktop size. The account, a plan and its check-ins are
 * seeded through the API.
 *
 * The files are real recordings from `packages/importers/test-fixtures/`:
 * two 2018 Garmin FIT runs with running dynamics 18 days apart (a
 * triathlon's run leg and a Fenix 5X run) and a 2017 GPX from a Garmin
 * Oregon, so the page is looked at "up to your last run".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient, uniqueEmail } from './support/api.js';
import { screenshot, screenshotOnFailure, seriousViolations } from './support/artifacts.js';
import { launchBrowser, VIEWPORTS, type TestBrowser } from './support/browser.js';
import { zipOf } from './support/zip.js';

const baseURL = inject('baseURL');
const FIXTURES = path.resolve(
  import.meta.dirname,
  '..',
  'packages',
  'importers',
  'test-fixtures',
  'activities',
);
const fixture = (name: string) => path.join(FIXTURES, name);

const RUNS = [
  'fit/garmin-fr920xt-triathlon-running-dynamics.fit',
  'fit/garmin-fenix5x-run-running-dynamics-stryd.fit',
  'gpx/garmin-oregon600-missing-hr.gpx',
];
const CORRUPT = 'corrupt/gpx-invalid-coordinates.gpx';
const WITH_CORRUPT = 'fit/garmin-fenix5-run-1min-running-dynamics.fit';

/** Check-ins around the 2018 runs: next-morning pain by date. */
const CHECK_INS: [string, number][] = [
  ['2018-05-26', 3],
  ['2018-05-27', 4],
  ['2018-05-28', 5],
  ['2018-05-30', 3],
  ['2018-06-02', 2],
  ['2018-06-06', 2],
  ['2018-06-11', 3],
  ['2018-06-14', 3],
  ['2018-06-15', 4],
];

/**
 * A Strava bulk export in miniature: `activities.csv` naming each run's
 * shoes, one real FIT file (2015) and one manual entry (no file) of 14 km on
 * 10 June 2018, more than 10% longer than the 9.8 km run of 27 May.
 */
function stravaExport(): Promise<Buffer> {
  const header =
    'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance';
  const csv = [
    header,
    '101,"Aug 15, 2015, 2:45:08 PM","Canal loop",Run,,2830,9.01,,,false,,"Pegasus 34",activities/101.fit,,,2830.0,2800.0,9008.0',
    '102,"Jun 10, 2018, 7:00:00 AM","Long run",Run,,5040,14.00,,,false,,"Pegasus 34",,,,5040.0,5040.0,14000.0',
  ].join('\n');
  return zipOf([
    { name: 'activities.csv', data: Buffer.from(`${csv}\n`) },
    {
      name: 'activities/101.fit',
      data: readFileSync(fixture('fit/garmin-fenix2-run-47min-vo-gct.fit')),
    },
  ]);
}

let browser: TestBrowser;
let page: Page | undefined;
const seeded = { cookies: [] as { name: string; value: string; url: string }[] };

beforeAll(async () => {
  browser = await launchBrowser(baseURL);
  const api = new ApiClient(baseURL);
  await api.register(uniqueEmail('training'), 'correct horse battery');
  const done = await api.assess();
  const plan = await api.savePlan(done.id, '2018-05-21');
  for (const [date, morning] of CHECK_INS) {
    await api.checkIn(plan.id, {
      date,
      painDuring: 3,
      painAfter: 3,
      painNextMorning: morning,
      sessionsDone: 1,
      sessionsPlanned: 1,
    });
  }
  seeded.cookies = api.browserCookies();
});

afterAll(async () => {
  await browser.close();
});

async function signedIn(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.addCookies(seeded.cookies);
  return context;
}

/** Records every value each file's upload progress bar shows, from the page itself. */
async function watchProgress(p: Page): Promise<void> {
  await p.evaluate(() => {
    const seen: Record<string, number[]> = {};
    (window as unknown as { uploadProgress: Record<string, number[]> }).uploadProgress = seen;
    const read = () => {
      for (const bar of Array.from(document.querySelectorAll('[role="progressbar"]'))) {
        const label = bar.getAttribute('aria-label') ?? '';
        if (!label.startsWith('Upload of ')) continue;
        const value = Number(bar.getAttribute('aria-valuenow'));
        const list = (seen[label] ??= []);
        if (list.at(-1) !== value) list.push(value);
      }
    };
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  });
}

async function progressSeen(p: Page): Promise<Record<string, number[]>> {
  return p.evaluate(
    () => (window as unknown as { uploadProgress: Record<string, number[]> }).uploadProgress,
  );
}

/** Chooses files in the file input and presses Import; waits for the result. */
async function upload(p: Page, files: Parameters<Page['setInputFiles']>[1]): Promise<void> {
  await p.getByLabel('Activity files').setInputFiles(files);
  await p.getByRole('button', { name: 'Import', exact: true }).click();
  await p.getByRole('heading', { name: 'Import finished' }).waitFor();
}

/** The result cell of one uploaded file in the result table. */
function fileResult(p: Page, name: string) {
  return p
    .getByRole('table', { name: 'What happened to each file' })
    .getByRole('row')
    .filter({ has: p.getByRole('rowheader', { name, exact: true }) });
}

describe('training', () => {
  it('imports files with progress, then shows the charts and findings', async () => {
    const context = await signedIn(VIEWPORTS.desktop);
    page = await context.newPage();
    const p = page;
    screenshotOnFailure(() => page, 'training-import');

    await p.goto('/');
    await p
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Training' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    await p.getByText('No runs imported yet.').waitFor();

    // A slow uplink (about 200 KB/s) so the bar moves through its values.
    const cdp = await context.newCDPSession(p);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 200 * 1024,
    });
    await watchProgress(p);
    await upload(p, RUNS.map(fixture));
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    // One upload per file, each with its own bar: never backwards, and with the slow uplink
    // values between 0 and 100 were shown on the way. A bar leaves when its file is done, and
    // a file the server reads at once can go from sending to done in one render, so 100% is
    // required of some bar, not of each (every file's outcome is checked below).
    const seen = await progressSeen(p);
    expect(Object.keys(seen).sort()).toEqual(
      RUNS.map((f) => `Upload of ${path.basename(f)}`).sort(),
    );
    for (const values of Object.values(seen)) {
      expect([...values].sort((a, b) => a - b)).toEqual(values);
    }
    expect(Object.values(seen).some((v) => v.at(-1) === 100)).toBe(true);
    expect(Object.values(seen).some((v) => v.some((x) => x > 0 && x < 100))).toBe(true);

    // The triathlon file holds 5 activities (one run); every file was read.
    await expect(
      p.getByRole('status').filter({ hasText: 'imported' }).first().textContent(),
    ).resolves.toBe('3 files: 7 activities imported.');
    await expect(
      fileResult(p, 'garmin-fr920xt-triathlon-running-dynamics.fit').textContent(),
    ).resolves.toContain('Imported 5 activities (1 run)');
    await expect(
      fileResult(p, 'garmin-fenix5x-run-running-dynamics-stryd.fit').textContent(),
    ).resolves.toContain('Imported 1 activity');
    await expect(fileResult(p, 'garmin-oregon600-missing-hr.gpx').textContent()).resolves.toContain(
      'Imported 1 activity',
    );

    // The runs are from 2018: the charts show the 12 weeks up to the last one by default.
    await expect(p.getByRole('radio', { name: /your last run/ }).isChecked()).resolves.toBe(true);
    await p.getByText('Thu 14 Jun 2018', { exact: false }).first().waitFor();
    const weekly = p.getByRole('img', { name: /Distance per week and next-morning pain/ });
    await weekly.waitFor();
    await expect(weekly.locator('desc').textContent()).resolves.toMatch(
      /15\.2 km in 2 runs.*Next-morning pain recorded in 4 of the weeks/,
    );
    await p.getByRole('img', { name: /Cadence per run/ }).waitFor();
    await p.getByRole('img', { name: /Ground-contact time on the left foot/ }).waitFor();
    await p.getByText('Last 4 weeks: 50.7% left / 49.3% right (2 runs)').waitFor();
    // Findings, each in the "From your imported runs" voice.
    const findings = p.getByRole('region', { name: 'What your runs tell the assessment' });
    await expect(findings.getByText(/^From your imported runs: /).count()).resolves.toBeGreaterThan(
      0,
    );
    // The numbers behind a chart are a table too.
    await p.getByText('Show the numbers').first().click();
    await p.getByRole('table', { name: 'Distance, time and pain per week' }).waitFor();
    // The pain comparison says honestly that there is not enough yet.
    await p.getByText('Not enough data yet:').first().waitFor();

    // Miles respected.
    await p.getByRole('radio', { name: 'miles' }).check();
    await expect(weekly.locator('desc').textContent()).resolves.toContain('9.4 mi in 2 runs');
    await p.getByRole('radio', { name: 'kilometres' }).check();

    // Each activity opens its own page: the route drawn from its positions, pace over distance.
    await p
      .getByRole('list', { name: 'Imported activities' })
      .getByRole('listitem')
      .filter({ hasText: 'garmin-fenix5x-run-running-dynamics-stryd.fit' })
      .getByRole('link')
      .click();
    await p.getByRole('img', { name: /^Route/ }).waitFor();
    await p.getByRole('img', { name: /^Pace over distance/ }).waitFor();
    await context.close();
  });

  it('reports a corrupt file by name while the other file imports', async () => {
    const context = await signedIn(VIEWPORTS.desktop);
    page = await context.newPage();
    const p = page;
    screenshotOnFailure(() => page, 'training-corrupt');
    await p.goto('/training');
    await p.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    await upload(p, [fixture(CORRUPT), fixture(WITH_CORRUPT)]);
    await expect(fileResult(p, 'gpx-invalid-coordinates.gpx').textContent()).resolves.toMatch(
      /Could not be read:.*no usable track/,
    );
    await expect(
      fileResult(p, 'garmin-fenix5-run-1min-running-dynamics.fit').textContent(),
    ).resolves.toBe('garmin-fenix5-run-1min-running-dynamics.fitImported 1 activity');
    await p.getByText('2 files: 1 activity imported; 1 file could not be read.').waitFor();

    // The same file again: its content is stored, so it is not read again, in both places.
    await upload(p, [fixture(WITH_CORRUPT)]);
    await p
      .getByText('1 file: 0 activities imported, 1 file imported before not read again.')
      .waitFor();
    await expect(
      fileResult(p, 'garmin-fenix5-run-1min-running-dynamics.fit').textContent(),
    ).resolves.toContain('Already imported: not read again');

    // Deleting it (two steps) takes it off the list.
    const activities = p.getByRole('list', { name: 'Imported activities' });
    await activities.getByRole('button', { name: 'Delete Run of Sun 11 Jun 2017' }).click();
    await activities.getByRole('button', { name: 'Delete it' }).click();
    await expect
      .poll(() => activities.getByText('garmin-fenix5-run-1min-running-dynamics.fit').count())
      .toBe(0);
    await context.close();
  });

  it('imports a Strava export with shoes, shows the spike and the shoe reminder', async () => {
    const context = await signedIn(VIEWPORTS.desktop);
    page = await context.newPage();
    const p = page;
    screenshotOnFailure(() => page, 'training-strava');
    await p.goto('/training');
    await p.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    await upload(p, [
      { name: 'export_12345.zip', mimeType: 'application/zip', buffer: await stravaExport() },
    ]);
    await expect(fileResult(p, 'export_12345.zip').textContent()).resolves.toContain(
      'Imported 2 activities',
    );

    // The 14 km long run is a spike over the 9.8 km of 27 May, called out with its numbers.
    const spikes = p.getByRole('region', { name: 'Long-run spikes' });
    await expect(spikes.getByRole('listitem').first().textContent()).resolves.toMatch(
      /^Sun 10 Jun: 14 km, 43% longer than your longest run of the 30 days before \(9\.8 km\)\. .*1\.52 times/,
    );

    // Shoes: the chart, the honest caveat, then a reminder at 20 km draws its line.
    const shoes = p.getByRole('region', { name: 'Shoes' });
    await shoes.getByRole('img', { name: /Distance per pair of shoes/ }).waitFor();
    await shoes.getByText(/rests on weak evidence/).waitFor();
    await shoes.getByLabel('Remind me at (km)').fill('20');
    await shoes.getByRole('button', { name: 'Set reminder' }).click();
    await shoes.getByText('Reminder for Pegasus 34 set at 20 km.').waitFor();
    await expect
      .poll(() => shoes.getByRole('img').locator('desc').textContent())
      .toContain('Pegasus 34: 23 km, reminder at 20 km (reached).');
    await context.close();
  });

  it('marks the report steps whose answer came from imported runs', async () => {
    // A real GPX run (Strava, 3.6 km, hilly) with its times moved into the last weeks, four times.
    const api = new ApiClient(baseURL);
    await api.register(uniqueEmail('training-report'), 'correct horse battery');
    const gpx = readFileSync(fixture('gpx/strava-run-hr.gpx'), 'utf8');
    const first = Date.parse(/<time>([^<]+)<\/time>/.exec(gpx)?.[1] ?? '');
    const result = await api.importActivities(
      [20, 13, 6, 2].map((daysAgo) => {
        const shift = Date.now() - daysAgo * 86_400_000 - first;
        const moved = gpx.replace(
          /<time>([^<]+)<\/time>/g,
          (_, t: string) => `<time>${new Date(Date.parse(t) + shift).toISOString()}</time>`,
        );
        return { name: `run-${daysAgo}-days-ago.gpx`, data: Buffer.from(moved) };
      }),
    );
    expect(result.imported).toBe(4);
    const done = await api.assess();

    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    await context.addCookies(api.browserCookies());
    page = await context.newPage();
    const p = page;
    screenshotOnFailure(() => page, 'training-report-from');
    await p.goto(`/report/${done.id}`);
    await p.getByRole('heading', { level: 2, name: 'Your likely weak links' }).waitFor();
    // The report says that some answers came from the runs…
    await p.getByText(/came from your runs, not from you/).waitFor();
    const more = p.getByText(/^\d+ more weak links? \(/);
    if ((await more.count()) > 0) await more.click();
    // …and the step shows where its answer came from, set apart from the runner's own answers.
    const hills = p.getByRole('listitem').filter({
      has: p.getByRole('heading', { level: 3, name: /Hills/ }),
    });
    await hills.getByText('Why we think so', { exact: true }).click();
    const from = hills.locator('.why__from');
    await expect(from.first().textContent()).resolves.toMatch(
      /^From your imported runs: \d+% of your running in the last 4 weeks was downhill/,
    );
    expect(await seriousViolations(p)).toEqual([]);
    await screenshot(p, 'training-report-from-phone');

    // The plan offers the weekly distance of those runs; the runner confirms it.
    await p.goto(`/assessment/${done.id}/plan`);
    await p.getByRole('button', { name: 'Adjust to your running' }).click();
    const offer = p.getByRole('button', { name: /^Use [\d.]+ km a week from my runs$/ });
    const km = /Use ([\d.]+) km/.exec((await offer.textContent()) ?? '')?.[1] ?? '';
    expect(Number(km)).toBeGreaterThan(0);
    await offer.click();
    await expect(p.getByLabel('Current weekly distance (km)').inputValue()).resolves.toBe(km);
    await p.getByRole('button', { name: 'Update my plan' }).click();
    await p.getByText('Your plan below now uses these answers; saving keeps them.').waitFor();
    await context.close();
  });

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    it(`has no serious accessibility problems at ${size} size (${viewport.width}×${viewport.height})`, async () => {
      const context = await signedIn(viewport);
      page = await context.newPage();
      const p = page;
      screenshotOnFailure(() => page, `training-${size}`);
      await p.goto('/training');
      await p.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
      await p.getByRole('radio', { name: /your last run/ }).check();
      await p.getByRole('img', { name: /Distance per week/ }).waitFor();
      await p.getByRole('img', { name: /Distance per pair of shoes/ }).waitFor();
      await p.getByRole('list', { name: 'Imported activities' }).waitFor();
      // No sideways scrolling of the page itself (tables scroll in their own box).
      await expect(
        p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).resolves.toBe(true);
      expect(await seriousViolations(p)).toEqual([]);
      await screenshot(p, `training-${size}`);
      await context.close();
    });
  }
});
