import { expect, test } from '@playwright/test';
import { createTicket, pageAs, screenshot, uniqueSubject } from './support';

test('an agent cannot open a ticket that is not assigned to them', async ({ browser }) => {
  const user = await pageAs(browser, 'user');
  const id = await createTicket(user, {
    subject: uniqueSubject('Private matter'),
    description: 'Only for me',
  });
  await user.context().close();

  const agent = await pageAs(browser, 'agent');
  await agent.goto(`/tickets/${id}`);
  await expect(agent.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(agent.getByText('Private matter')).toHaveCount(0);
  await screenshot(agent, 'not-found');
  await agent.context().close();
});

test('a user is sent to their own start page from the admin area', async ({ browser }) => {
  const user = await pageAs(browser, 'user');
  await user.goto('/admin/users');
  await expect(user).toHaveURL(/\/tickets$/);
  await expect(user.getByRole('heading', { name: 'My tickets' })).toBeVisible();
  await user.context().close();
});
