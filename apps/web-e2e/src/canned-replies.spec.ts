import { expect, test } from '@playwright/test';
import { pageAs, screenshot, uniqueSubject } from './support';

test('an agent inserts a canned reply into a comment', async ({ browser }) => {
  const title = uniqueSubject('Printer restart');
  const subject = uniqueSubject('Printer shows E42');
  const agent = await pageAs(browser, 'agent');

  await agent.goto('/queue');
  await agent
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Canned replies' })
    .click();
  await expect(agent.getByRole('heading', { level: 1, name: 'Canned replies' })).toBeVisible();
  await agent.getByRole('button', { name: 'New canned reply' }).click();
  const dialog = agent.getByRole('dialog');
  await dialog.getByLabel('Title').fill(title);
  await dialog
    .getByLabel('Reply')
    .fill(
      'Hi {{requester.firstName}}, about ticket #{{ticket.id}} ({{ticket.subject}}): please switch the printer off and on. {{agent.name}}',
    );
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(agent.getByRole('heading', { name: title })).toBeVisible();
  await screenshot(agent, 'canned-replies');

  // A ticket the agent works, for a user who called in.
  await agent.goto('/tickets/new');
  await agent.getByLabel('Requester e-mail').fill('user@example.com');
  await agent.getByLabel('Subject').fill(subject);
  await agent.getByLabel('Description').fill('The printer on floor 3 shows E42.');
  await agent.getByRole('button', { name: 'Create ticket' }).click();
  await agent.waitForURL(/\/tickets\/\d+$/);
  const ticketId = Number(agent.url().split('/').pop());

  await agent.getByLabel('Insert a canned reply').fill(title.split(' ').pop() ?? title);
  await agent.getByRole('option', { name: title }).click();
  const expected = `Hi Uma, about ticket #${ticketId} (${subject}): please switch the printer off and on. Alex Agent`;
  await expect(agent.getByLabel('Add a comment')).toHaveValue(expected);
  await expect(agent.getByLabel('Insert a canned reply')).toHaveValue('');
  await screenshot(agent, 'canned-reply-inserted');

  await agent.getByRole('button', { name: 'Send comment' }).click();
  await expect(agent.getByRole('list', { name: 'Comments' })).toContainText(expected);
  await agent.context().close();
});
