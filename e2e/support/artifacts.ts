/**
 * Screenshots and accessibility scans. Screenshots go to
 * `test-artifacts/screenshots/` (gitignored); a failing test leaves one of
 * the page it failed on.
 */
import { AxeBuilder } from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { onTestFailed } from 'vitest';

/** Folder of the screenshots. */
export const SCREENSHOT_DIR = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'test-artifacts',
  'screenshots',
);

/** Saves a full-page screenshot as `<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Takes a screenshot of `page` if the current test fails (call at the start of a test). */
export function screenshotOnFailure(page: () => Page | undefined, name: string): void {
  onTestFailed(async () => {
    const current = page();
    if (current && !current.isClosed())
      await screenshot(current, `FAILED-${name}`).catch(() => undefined);
  });
}

/** One axe violation, in a line a person can read. */
export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe (WCAG 2.0–2.2 A and AA rules plus best practices) and returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}
