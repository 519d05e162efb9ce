import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { pageAs } from './support';
import Database = require('better-sqlite3');

const database = join(__dirname, '../../..', 'tmp/e2e/helpdesk.sqlite');

/** Creates an account through the admin API, as the signed-in admin's browser would. */
async function createUser(admin: Page, user: { name: string; email: string; password: string }) {
  await admin.goto('/admin/dashboard');
  const xsrf = (await admin.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await admin.request.post('/api/users', {
    data: { ...user, role: 'user' },
    headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) },
  });
  expect(response.status()).toBe(201);
}

/**
 * The reset link mailed to `to`. Without SMTP_URL the API keeps its e-mail in the outbox
 * table (and the log), so the test reads it there.
 */
async function resetLinkMailedTo(to: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(() => {
      const db = new Database(database, { readonly: true });
      try {
        const row = db
          .prepare(
            `SELECT body FROM mail_outbox WHERE to_address = ? AND subject = ? ORDER BY id DESC`,
          )
          .get(to, '[Helpdesk] Reset your password') as { body: string } | undefined;
        link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(row?.body ?? '')?.[0];
        return link;
      } finally {
        db.close();
      }
    })
    .toBeTruthy();
  return link ?? '';
}

test('a user resets a forgotten password', async ({ browser }) => {
  const email = `forgetful-${Date.now().toString(36)}@example.com`;
  const admin = await pageAs(browser, 'admin');
  await createUser(admin, { name: 'Fiona Forgetful', email, password: 'first-secret' });
  await admin.context().close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText(`If an account uses ${email}`);

  const link = await resetLinkMailedTo(email);
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill('second-secret');
  await page.getByLabel('Repeat the new password').fill('second-secret');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your new password is set');

  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('first-secret');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  await page.getByLabel('Password').fill('second-secret');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  await expect(page.getByTestId('current-user')).toContainText('Fiona Forgetful');

  // The link works once.
  await page.goto(new URL(link).pathname + new URL(link).search);
  await page.getByLabel('New password', { exact: true }).fill('third-secret');
  await page.getByLabel('Repeat the new password').fill('third-secret');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('alert')).toContainText('invalid, already used or expired');
  await context.close();
});
