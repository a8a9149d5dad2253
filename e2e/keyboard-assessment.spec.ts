/**
 * The assessment with the keyboard alone: Tab to move, Space and Enter to
 * choose and press, arrow keys inside radio groups (digits are typed only
 * into number fields). Focus lands on each new question's heading.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { optionLabel, type ApiAnswer, type ApiQuestion } from './support/answers.js';
import { screenshotOnFailure } from './support/artifacts.js';
import { launchBrowser, VIEWPORTS, type TestBrowser } from './support/browser.js';
import { completeAssessment, regionName } from './support/ui.js';

const baseURL = inject('baseURL');
let browser: TestBrowser;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser(baseURL);
});

afterAll(async () => {
  await browser.close();
});

/** The accessible name (roughly) and role of the focused element. */
async function focused(
  p: Page,
): Promise<{ role: string; name: string; tag: string; checked: boolean }> {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { role: '', name: '', tag: '', checked: false };
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    const name =
      el.getAttribute('aria-label') ??
      el.closest('label')?.textContent ??
      label ??
      el.textContent ??
      '';
    return {
      role: el.getAttribute('role') ?? (el as HTMLInputElement).type ?? el.tagName.toLowerCase(),
      name: name.trim(),
      tag: el.tagName.toLowerCase(),
      checked: (el as HTMLInputElement).checked,
    };
  });
}

/** Presses Tab until the focused element matches; fails after 40 presses. */
async function tabTo(
  p: Page,
  match: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  what: string,
) {
  for (let i = 0; i < 40; i++) {
    await p.keyboard.press('Tab');
    if (match(await focused(p))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Answers one question with the keyboard, then presses Next with Enter. */
async function answerWithKeyboard(p: Page, q: ApiQuestion, value: ApiAnswer): Promise<void> {
  // Focus starts on the question heading.
  await expect.poll(() => p.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  switch (q.type) {
    case 'yes_no':
    case 'single': {
      const options =
        q.type === 'yes_no' ? ['yes', 'no', 'unsure'] : (q.options ?? []).map((o) => o.id);
      const target = options.indexOf(String(value));
      await tabTo(p, (f) => f.role === 'radio', 'the first option');
      // Tab enters the group on its first option; arrow keys move and select.
      if (target === 0) await p.keyboard.press('Space');
      for (let i = 0; i < target; i++) await p.keyboard.press('ArrowDown');
      const f = await focused(p);
      expect(f.name).toBe(optionLabel(q, String(value)));
      expect(f.checked).toBe(true);
      break;
    }
    case 'scale': {
      await tabTo(p, (f) => f.role === 'radio', 'the scale');
      await p.keyboard.press('Space');
      for (let i = 0; i < Number(value); i++) await p.keyboard.press('ArrowRight');
      expect((await focused(p)).name).toBe(String(value));
      break;
    }
    case 'number':
      await tabTo(p, (f) => f.role === 'number', 'the number field');
      await p.keyboard.type(String(value));
      break;
    case 'multi':
      for (const id of value as string[]) {
        const label = optionLabel(q, id);
        await tabTo(p, (f) => f.role === 'checkbox' && f.name === label, label);
        await p.keyboard.press('Space');
      }
      break;
    case 'body_regions':
      for (const id of value as string[]) {
        await tabTo(p, (f) => f.role === 'checkbox' && f.name === regionName(id), regionName(id));
        await p.keyboard.press('Space');
        await expect.poll(async () => (await focused(p)).checked).toBe(true);
      }
      break;
  }
  await tabTo(p, (f) => f.tag === 'button' && f.name === 'Next', 'Next');
  await p.keyboard.press('Enter');
}

describe('keyboard-only assessment', () => {
  it('completes the assessment and reaches the report with the keyboard alone', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    page = await context.newPage();
    const p = page;
    screenshotOnFailure(() => page, 'keyboard-assessment');
    await p.goto('/');
    await tabTo(p, (f) => f.tag === 'button' && f.name === 'Start', 'Start');
    await p.keyboard.press('Enter');
    await p.getByRole('progressbar', { name: 'Assessment progress' }).waitFor();

    const types = new Set<string>();
    const final = await completeAssessment(p, {
      answer: answerWithKeyboard,
      onQuestion: (q) => {
        types.add(q.type);
        return Promise.resolve();
      },
    });
    // Radio groups, checkboxes, a number field and the body map were all answered by keyboard.
    for (const type of ['yes_no', 'single', 'multi', 'number', 'body_regions'])
      expect(types).toContain(type);
    if (final.status !== 'done') {
      await tabTo(p, (f) => f.tag === 'button' && f.name === 'See my report', 'See my report');
      await p.keyboard.press('Enter');
    }
    await p.waitForURL(/\/report\//);
    await p.getByRole('heading', { level: 1, name: 'Your report' }).waitFor();
    await p.getByRole('heading', { level: 2, name: 'Your likely weak links' }).waitFor();

    // Going on to the plan works from the keyboard too.
    await tabTo(p, (f) => f.tag === 'a' && f.name === 'See my plan', 'See my plan');
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: 'Your plan' }).waitFor();
    await tabTo(p, (f) => f.role === 'tab', 'the week tabs');
    await p.keyboard.press('ArrowRight');
    await expect(
      p.getByRole('tab', { name: 'Week 2' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await context.close();
  });
});
