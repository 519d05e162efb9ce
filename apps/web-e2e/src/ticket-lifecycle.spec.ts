import { expect, test } from '@playwright/test';
import { createTicket, pageAs, screenshot, uniqueSubject } from './support';

test.describe.configure({ mode: 'serial' });

test.describe('a ticket from opening to closing', () => {
  const subject = uniqueSubject('Laptop will not boot');
  let ticketId = 0;

  test('a user opens a ticket with an attachment', async ({ browser }) => {
    const page = await pageAs(browser, 'user');
    await page.goto('/tickets/new');
    await screenshot(page, 'new-ticket');
    ticketId = await createTicket(page, {
      subject,
      description: 'It shows a black screen after the logo.',
      priority: 'High',
      files: [
        { name: 'boot.log', mimeType: 'text/plain', buffer: Buffer.from('kernel panic at 0x00\n') },
      ],
    });
    await expect(page.getByTestId('ticket-status')).toHaveText('Open');
    await expect(page.getByTestId('ticket-priority')).toHaveText('High');
    await expect(page.getByRole('link', { name: 'boot.log' })).toHaveAttribute(
      'href',
      /\/api\/attachments\/\d+\/content/,
    );
    await page.goto('/tickets');
    await expect(page.getByRole('link', { name: subject })).toBeVisible();
    await screenshot(page, 'my-tickets');
    await page.context().close();
  });

  test('an admin assigns it to the agent', async ({ browser }) => {
    const page = await pageAs(browser, 'admin');
    await page.goto(`/admin/tickets?assigneeId=none&q=${encodeURIComponent(subject)}`);
    await expect(page.getByRole('link', { name: subject })).toBeVisible();
    await screenshot(page, 'admin-tickets');
    await page.getByRole('link', { name: subject }).click();
    await page.getByRole('combobox', { name: 'Assignee' }).click();
    await page.getByRole('option', { name: 'Alex Agent' }).click();
    await expect(page.getByTestId('ticket-assignee')).toHaveText('Alex Agent');
    await page.context().close();
  });

  test('the agent finds it in their queue, comments and resolves it', async ({ browser }) => {
    const page = await pageAs(browser, 'agent');
    await page.goto('/queue');
    await expect(page.getByRole('list', { name: 'Tickets by status' })).toBeVisible();
    await expect(page.getByRole('link', { name: subject })).toBeVisible();
    await screenshot(page, 'agent-queue');
    await page.getByRole('link', { name: subject }).click();
    await page.getByRole('button', { name: 'Start work' }).click();
    await expect(page.getByTestId('ticket-status')).toHaveText('In progress');
    await page.getByLabel('Add a comment').fill('Please hold the power button for 10 seconds.');
    await page.getByRole('button', { name: 'Send comment' }).click();
    await expect(page.getByRole('list', { name: 'Comments' })).toContainText(
      'hold the power button',
    );
    await page.getByRole('button', { name: 'Resolve' }).click();
    await expect(page.getByTestId('ticket-status')).toHaveText('Resolved');
    await page.context().close();
  });

  test('the user reads the answer, rates 5 stars and closes the ticket', async ({ browser }) => {
    const page = await pageAs(browser, 'user');
    await page.goto(`/tickets/${ticketId}`);
    const comments = page.getByRole('list', { name: 'Comments' });
    await expect(comments).toContainText('Please hold the power button for 10 seconds.');
    await expect(comments).toContainText('Agent');
    await page.getByRole('button', { name: '5 stars' }).click();
    await page.getByLabel('Feedback (optional)').fill('Fixed in a minute, thanks!');
    await page.getByRole('button', { name: 'Submit rating' }).click();
    await expect(page.getByTestId('current-rating')).toContainText('Fixed in a minute');
    await page.getByRole('button', { name: 'Close ticket' }).click();
    await expect(page.getByTestId('ticket-status')).toHaveText('Closed');

    const history = page.getByRole('list', { name: 'History' });
    for (const line of [
      'opened the ticket',
      'attached a file',
      'assigned the ticket',
      'changed the status',
      'commented',
      'rated the ticket',
    ]) {
      await expect(history).toContainText(line);
    }
    await expect(history).toContainText('Closed');
    await screenshot(page, 'ticket-page');

    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, 'ticket-page-phone');
    await page.context().close();
  });
});
