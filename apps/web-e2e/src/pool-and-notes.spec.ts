import { expect, test, type Browser } from '@playwright/test';
import { createTicket, pageAs, screenshot, uniqueSubject } from './support';

/** Turns "agents see and take unassigned tickets" on or off on the admin's settings page. */
async function setPool(browser: Browser, on: boolean): Promise<void> {
  const admin = await pageAs(browser, 'admin');
  await admin.goto('/admin/dashboard');
  await admin
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await expect(admin.getByRole('heading', { name: 'Desk settings' })).toBeVisible();
  const pool = admin.getByRole('switch', { name: 'Agents see and take unassigned tickets' });
  if ((await pool.getAttribute('aria-checked')) !== String(on)) {
    await pool.click();
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await expect(admin.getByText('Settings saved.')).toBeVisible();
  }
  await expect(pool).toHaveAttribute('aria-checked', String(on));
  if (on) await screenshot(admin, 'desk-settings');
  await admin.context().close();
}

test.describe.configure({ mode: 'serial' });

test.describe('the pool and internal notes', () => {
  // The other specs expect the default desk: an agent sees only their own tickets.
  test.afterAll(async ({ browser }) => setPool(browser, false));

  test('an admin lets agents see and take unassigned tickets', async ({ browser }) => {
    await setPool(browser, true);
  });

  test("an agent takes a user's ticket from the pool and writes a note the user never sees", async ({
    browser,
  }) => {
    const subject = uniqueSubject('Shared drive is read-only');
    const note = `Internal: the NAS quota is full ${Date.now().toString(36)}`;
    const reply = 'We are freeing space on the shared drive.';

    const user = await pageAs(browser, 'user');
    const ticketId = await createTicket(user, {
      subject,
      description: 'I cannot save anything to S: since this morning.',
    });

    const agent = await pageAs(browser, 'agent');
    await agent.goto('/queue');
    await expect(
      agent.getByRole('table', { name: 'Tickets' }).or(agent.getByText('No tickets are assigned')),
    ).toBeVisible();
    await expect(agent.getByRole('link', { name: subject })).toHaveCount(0);

    await agent
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Unassigned' })
      .click();
    await expect(agent).toHaveURL(/\/queue\/unassigned$/);
    await expect(agent.getByRole('button', { name: `Take ticket #${ticketId}` })).toBeVisible();
    await screenshot(agent, 'pool');
    await agent.getByRole('link', { name: subject }).click();

    // A pool ticket: readable, but nothing to do except take it.
    await expect(agent.getByRole('heading', { level: 1, name: subject })).toBeVisible();
    await expect(agent.getByTestId('ticket-assignee')).toHaveText('Unassigned');
    await expect(agent.getByRole('textbox', { name: 'Add a comment' })).toHaveCount(0);
    await expect(agent.getByRole('button', { name: 'Start work' })).toHaveCount(0);
    await agent.getByRole('button', { name: `Take ticket #${ticketId}` }).click();
    await expect(agent.getByTestId('ticket-assignee')).toHaveText('Alex Agent');

    await agent.getByRole('radio', { name: 'Internal note' }).click();
    await agent.getByRole('textbox', { name: 'Internal note', exact: true }).fill(note);
    await agent.getByRole('button', { name: 'Add internal note' }).click();
    const comments = agent.getByRole('list', { name: 'Comments' });
    await expect(comments.getByRole('listitem').filter({ hasText: note })).toContainText(
      'Internal note',
    );
    await agent.getByRole('radio', { name: 'Reply' }).click();
    await agent.getByRole('textbox', { name: 'Add a comment' }).fill(reply);
    await agent.getByRole('button', { name: 'Send comment' }).click();
    await expect(comments).toContainText(reply);
    await expect(agent.getByRole('list', { name: 'History' })).toContainText(
      'wrote an internal note',
    );
    await screenshot(agent, 'ticket-with-note');
    await agent.context().close();

    await user.goto(`/tickets/${ticketId}`);
    await expect(user.getByRole('list', { name: 'Comments' })).toContainText(reply);
    await user.reload();
    await expect(user.getByRole('list', { name: 'Comments' })).toContainText(reply);
    await expect(user.getByText(note)).toHaveCount(0);
    await expect(user.getByText('Internal note')).toHaveCount(0);
    await expect(user.getByRole('list', { name: 'History' })).not.toContainText('internal note');
    await expect(user.getByTestId('ticket-assignee')).toHaveText('Alex Agent');
    await user.context().close();
  });
});
