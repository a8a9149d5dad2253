/**
 * First-load bytes over the wire: the built server (web app included, on a
 * throwaway PGlite folder) is started, Debian's Chromium opens the start page
 * with an empty cache, and every response the page receives until the
 * network is idle is counted as Chromium saw it: headers plus the body as
 * sent (compressed when the server compressed it). The service worker's own
 * install (it fetches the rest of the app for offline use, in the background,
 * after the page is up) is counted apart. The same page is then loaded again
 * with compression refused (`Accept-Encoding: identity`, set on the
 * requests), for comparison.
 *
 *   npm run bench:web-wire            (builds the web app and the server first)
 *   npx tsx --conditions=source bench/web-wire.bench.ts [--budget-kb 120]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { startServer, stopServer } from './harness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget-kb');
const BUDGET_KB = budgetAt >= 0 ? Number(args[budgetAt + 1]) : 120;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Counted {
  url: string;
  encoding: string;
  headerBytes: number;
  bodyBytes: number;
}

/** Loads `/` in a fresh context and counts what the page and the service worker received. */
async function firstLoad(
  context: BrowserContext,
  baseUrl: string,
): Promise<{ page: Counted[]; serviceWorker: Counted[] }> {
  const pageResponses: Counted[] = [];
  const workerResponses: Counted[] = [];
  const pending: Promise<void>[] = [];
  const page = await context.newPage();
  context.on('response', (response) => {
    pending.push(
      (async () => {
        const sizes = await response.request().sizes();
        const counted: Counted = {
          url: response.url().replace(baseUrl, ''),
          encoding: (await response.headerValue('content-encoding')) ?? '-',
          headerBytes: sizes.responseHeadersSize,
          bodyBytes: sizes.responseBodySize,
        };
        (response.request().serviceWorker() ? workerResponses : pageResponses).push(counted);
      })(),
    );
  });
  await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(1_000);
  await Promise.all(pending);
  return { page: pageResponses, serviceWorker: workerResponses };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const total = (list: readonly Counted[]) =>
  list.reduce((s, r) => s + r.headerBytes + r.bodyBytes, 0);

for (const workspace of ['@backtrack/web', '@backtrack/server']) {
  const built = spawnSync('npm', ['run', 'build', '-w', workspace], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error(`building ${workspace} failed`);
}
const dataDir = mkdtempSync(path.join(tmpdir(), 'backtrack-wire-'));
const server = await startServer(root, { BACKTRACK_DATA_DIR: dataDir });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
});
try {
  const compressed = await firstLoad(await browser.newContext(), server.url);
  const identityContext = await browser.newContext({
    extraHTTPHeaders: { 'accept-encoding': 'identity' },
    serviceWorkers: 'block',
  });
  const identity = await firstLoad(identityContext, server.url);

  console.log('First load of / (empty cache), as Chromium received it:');
  for (const r of compressed.page)
    console.log(
      `  ${r.url.padEnd(44)} ${r.encoding.padEnd(5)} headers ${String(r.headerBytes).padStart(5)} B  body ${kb(r.bodyBytes).padStart(9)}`,
    );
  const pageBytes = total(compressed.page);
  console.log(
    `  total ${kb(pageBytes)} over the wire (budget ${String(BUDGET_KB)} KB); uncompressed (Accept-Encoding: identity) ${kb(total(identity.page))}`,
  );
  console.log(
    `Service worker install, in the background after the page is up: ${String(compressed.serviceWorker.length)} files, ${kb(total(compressed.serviceWorker))}`,
  );
  console.log(
    JSON.stringify({
      firstLoadBytes: pageBytes,
      firstLoadFiles: compressed.page.length,
      identityBytes: total(identity.page),
      serviceWorkerBytes: total(compressed.serviceWorker),
      budgetKb: BUDGET_KB,
    }),
  );
  if (pageBytes > BUDGET_KB * 1024) process.exitCode = 1;
} finally {
  await browser.close();
  await stopServer(server.child);
  rmSync(dataDir, { recursive: true, force: true });
}
