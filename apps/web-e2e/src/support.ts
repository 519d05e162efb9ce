import type { Browser, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type RoleName = 'user' | 'agent' | 'admin';

export const ACCOUNTS: Record<RoleName, { email: string; password: string; name?: string }> = {
  user: { email: 'user@example.com', password: 'user123' },
  agent: { email: 'agent@example.com', password: 'agent123' },
  admin: { email: 'admin@example.com', password: 'admin123' },
};

const workspaceRoot = join(__dirname, '../../..');
const screenshotDir = join(workspaceRoot, 'dist/test-results/screenshots');

/** Where the signed-in browser state of each role is kept between the setup and the tests. */
export function storageState(role: RoleName): string {
  return join(workspaceRoot, 'tmp/e2e/auth', `${role}.json`);
}

/** A fresh page signed in as the role. */
export async function pageAs(browser: Browser, role: RoleName): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role) });
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** A subject no other test run uses, so lists can be searched for it. */
export function uniqueSubject(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

/** Opens a ticket through the "New ticket" form and returns its id. */
export async function createTicket(
  page: Page,
  ticket: {
    subject: string;
    description: string;
    priority?: string;
    files?: { name: string; mimeType: string; buffer: Buffer }[];
  },
): Promise<number> {
  await page.goto('/tickets/new');
  await page.getByLabel('Subject').fill(ticket.subject);
  await page.getByLabel('Description').fill(ticket.description);
  if (ticket.priority) {
    await page.getByRole('combobox', { name: 'Priority' }).click();
    await page.getByRole('option', { name: ticket.priority, exact: true }).click();
  }
  if (ticket.files) await page.getByLabel('Attach files').setInputFiles(ticket.files);
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await page.waitForURL(/\/tickets\/\d+$/);
  await page.getByRole('heading', { level: 1, name: ticket.subject }).waitFor();
  return Number(page.url().split('/').pop());
}
