import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { pageAs, screenshot, uniqueSubject } from './support';
import Database = require('better-sqlite3');

const database = join(__dirname, '../../..', 'tmp/e2e/helpdesk.sqlite');

/**
 * A message the desk refused, as the mail poller records it. Seeded straight into the test
 * database (the browser suite runs no IMAP server; the API suite reads real mail from Dovecot).
 */
function seedRejectedMail(subject: string): void {
  const source = [
    'From: Vera Vacation <vera@partner.test>',
    'To: support@example.com',
    `Subject: ${subject}`,
    `Message-ID: <${Date.now()}@partner.test>`,
    'Precedence: bulk',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Has invoice 42 been paid?',
    '',
  ].join('\r\n');
  const db = new Database(database);
  try {
    db.prepare(
      `INSERT INTO mail_messages (message_id, from_address, subject, outcome, reason, raw)
       VALUES (?, ?, ?, 'rejected', ?, ?)`,
    ).run(
      `<seed-${Date.now()}@partner.test>`,
      'vera@partner.test',
      subject,
      'Bulk or list mail (Precedence: bulk)',
      Buffer.from(source).toString('base64'),
    );
  } finally {
    db.close();
  }
}

test('the admin sees a rejected message with its reason and makes a ticket of it', async ({
  browser,
}) => {
  const subject = uniqueSubject('Invoice question');
  seedRejectedMail(subject);
  const page = await pageAs(browser, 'admin');

  await page.goto('/admin/dashboard');
  await page.getByRole('link', { name: 'Mail' }).click();
  await expect(page).toHaveURL(/\/admin\/mail$/);
  await expect(page.getByLabel('Mailbox status')).toContainText('Not configured');
  const row = page.getByRole('row', { name: new RegExp(subject) });
  await expect(row).toContainText('vera@partner.test');
  await expect(row).toContainText('Bulk or list mail (Precedence: bulk)');
  await screenshot(page, 'admin-mail');

  await row.getByRole('button', { name: `Make a ticket of ${subject}` }).click();
  await expect(page.getByText(/Ticket #\d+ made from the message/)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(subject) })).toHaveCount(0);
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(/\/tickets\/\d+$/);
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  await expect(page.getByText('Has invoice 42 been paid?')).toBeVisible();
});
