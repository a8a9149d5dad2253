/** The registration links of the server under test, read from its outbox folder. */
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { registrationLinkIn } from './outbox.js';

/** The newest registration link mailed to `email` that no spec has opened yet. */
export async function registrationLink(email: string): Promise<string> {
  const folder = inject('outboxDir');
  if (!folder) throw new Error('No outbox folder: set E2E_OUTBOX_DIR with E2E_BASE_URL.');
  return registrationLinkIn(folder, email);
}

/**
 * After "Create account": the page says to check the inbox; opens the
 * mailed link in the same tab and finishes, as a person does.
 */
export async function finishRegistration(page: Page, email: string): Promise<void> {
  await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
  await page.goto(await registrationLink(email));
  await page.getByRole('button', { name: 'Finish and sign in' }).click();
}
