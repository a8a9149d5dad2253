/**
 * Launches Debian's Chromium through playwright-core (the browsers that test
 * tools download cannot be fetched here). Playwright gives every launch a
 * fresh temporary profile (`--user-data-dir`) and removes it on close; every
 * page runs in UTC.
 */
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from 'playwright-core';

/** Where the system Chromium lives; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The two viewports every page is checked at. */
export const VIEWPORTS = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 800 },
} as const;

/** A browser whose contexts open pages on the app under test. */
export interface TestBrowser {
  browser: Browser;
  newContext(
    options?: Pick<BrowserContextOptions, 'viewport' | 'storageState'>,
  ): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Launches headless Chromium. */
export async function launchBrowser(baseURL: string): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    env: { ...process.env, TZ: 'UTC' },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    newContext: (options = {}) =>
      browser.newContext({
        baseURL,
        timezoneId: 'UTC',
        locale: 'en-GB',
        viewport: options.viewport ?? VIEWPORTS.desktop,
        ...(options.storageState ? { storageState: options.storageState } : {}),
      }),
    close: () => browser.close(),
  };
}
