import { expect, test, type Page } from '@playwright/test';
import { createTicket, pageAs, uniqueSubject } from './support';

/** Opens a page and waits until its live event stream is connected. */
async function openLive(page: Page, url: string): Promise<void> {
  const stream = page.waitForResponse(
    (response) => response.url().endsWith('/api/events') && response.status() === 200,
  );
  await page.goto(url);
  await stream;
}

/** Marks the document, so a later check proves the page was not reloaded or navigated. */
async function markDocument(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    (window as unknown as { liveMarker: string }).liveMarker = 'still here';
  });
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  const url = page.url();
  return async () => {
    expect(
      await page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker),
    ).toBe('still here');
    expect(page.url()).toBe(url);
    expect(navigations).toBe(0);
  };
}

test.describe('live updates', () => {
  test("the owner's open ticket shows a comment and status change made elsewhere, without reloading", async ({
    browser,
  }) => {
    const user = await pageAs(browser, 'user');
    const subject = uniqueSubject('Live ticket');
    const ticketId = await createTicket(user, {
      subject,
      description: 'Watching this page while the admin works on it.',
    });
    await openLive(user, `/tickets/${ticketId}`);
    await expect(user.getByTestId('ticket-status')).toHaveText('Open');
    const notReloaded = await markDocument(user);
    // Half-written comment that must survive the background refresh.
    await user.getByLabel('Add a comment').fill('Draft the user is still typing');

    const admin = await pageAs(browser, 'admin');
    await admin.goto(`/tickets/${ticketId}`);
    await admin.getByRole('button', { name: 'Start work' }).click();
    await expect(admin.getByTestId('ticket-status')).toHaveText('In progress');
    await admin.getByLabel('Add a comment').fill('Looking into it right now.');
    await admin.getByRole('button', { name: 'Send comment' }).click();
    await expect(admin.getByRole('list', { name: 'Comments' })).toContainText('right now');

    await expect(user.getByTestId('ticket-status')).toHaveText('In progress', { timeout: 5_000 });
    await expect(user.getByRole('list', { name: 'Comments' })).toContainText(
      'Looking into it right now.',
      { timeout: 5_000 },
    );
    await expect(user.getByRole('list', { name: 'History' })).toContainText('right now');
    await expect(user.getByLabel('Add a comment')).toHaveValue('Draft the user is still typing');
    await notReloaded();

    await admin.context().close();
    await user.context().close();
  });

  test('"My tickets" shows a status change made by the agent, without reloading', async ({
    browser,
  }) => {
    const user = await pageAs(browser, 'user');
    const subject = uniqueSubject('Live list');
    const ticketId = await createTicket(user, {
      subject,
      description: 'Waiting for the agent to pick this up.',
    });

    // An admin hands it to the agent, who will change its status.
    const admin = await pageAs(browser, 'admin');
    await admin.goto(`/tickets/${ticketId}`);
    await admin.getByRole('combobox', { name: 'Assignee' }).click();
    await admin.getByRole('option', { name: 'Alex Agent' }).click();
    await expect(admin.getByTestId('ticket-assignee')).toHaveText('Alex Agent');
    await admin.context().close();

    await openLive(user, `/tickets?q=${encodeURIComponent(subject)}`);
    const row = user.getByRole('row').filter({ hasText: subject });
    await expect(row).toContainText('Open');
    const notReloaded = await markDocument(user);

    const agent = await pageAs(browser, 'agent');
    await agent.goto(`/tickets/${ticketId}`);
    await agent.getByRole('button', { name: 'Start work' }).click();
    await expect(agent.getByTestId('ticket-status')).toHaveText('In progress');

    await expect(row).toContainText('In progress', { timeout: 5_000 });
    await expect(user.getByRole('progressbar', { name: 'Loading' })).toHaveCount(0);
    await notReloaded();

    await agent.context().close();
    await user.context().close();
  });
});
