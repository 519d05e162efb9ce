import { expect, test } from '@playwright/test';
import { pageAs, uniqueSubject } from './support';

test('an agent logs a ticket for a caller by e-mail and lands on it', async ({ browser }) => {
  const subject = uniqueSubject('Printer on floor 2 jams');
  const email = `caller-${Date.now().toString(36)}@example.com`;

  const agent = await pageAs(browser, 'agent');
  await agent.goto('/tickets/new');
  await agent.getByLabel('Requester e-mail').fill(email);
  await agent.getByLabel('Requester name').fill('Carla Caller');
  await agent.getByLabel('Subject').fill(subject);
  await agent.getByLabel('Description').fill('Called in: tray 2 jams on every print.');
  await agent.getByRole('button', { name: 'Create ticket' }).click();

  await agent.waitForURL(/\/tickets\/\d+$/);
  await expect(agent.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(agent.getByRole('heading', { name: 'Not found' })).toHaveCount(0);
  await expect(agent.getByText('Carla Caller')).toBeVisible();
  await expect(agent.getByTestId('ticket-assignee')).toHaveText('Alex Agent');

  await agent.goto('/queue');
  await expect(agent.getByRole('link', { name: subject })).toBeVisible();
  await agent.context().close();
});

test('an admin opens a ticket for an existing user, who finds it in their list', async ({
  browser,
}) => {
  const subject = uniqueSubject('New laptop for Uma');
  const admin = await pageAs(browser, 'admin');
  await admin.goto('/tickets/new');
  await admin.getByLabel('Requester e-mail').fill('USER@example.com');
  await admin.getByLabel('Subject').fill(subject);
  await admin.getByLabel('Description').fill('Ordered by phone.');
  await admin.getByRole('button', { name: 'Create ticket' }).click();
  await admin.waitForURL(/\/tickets\/\d+$/);
  await expect(admin.getByText('Uma User')).toBeVisible();
  await admin.context().close();

  const user = await pageAs(browser, 'user');
  await user.goto('/tickets');
  await expect(user.getByRole('link', { name: subject })).toBeVisible();
  await user.context().close();
});
