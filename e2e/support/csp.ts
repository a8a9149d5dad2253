/**
 * Content-Security-Policy violations seen by Chromium: each page records the
 * `securitypolicyviolation` events of its documents (an init script, which
 * the policy does not apply to), and the console's "Refused to …" reports
 * are collected too, so that nothing the policy blocks goes unnoticed.
 */
import type { BrowserContext, Page } from 'playwright-core';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Starts recording violations in every page of `context`; call before opening pages. */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
}

/** Collects the console's CSP reports of `page`; returns the list, which fills as they come. */
export function cspConsoleReports(page: Page): string[] {
  const reports: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reports.push(message.text());
  });
  return reports;
}

/** The violations the page's documents recorded so far. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}
