import { expect, test, type Page } from '@playwright/test';
import { pageAs, screenshot } from './support';

/** Calls the API as the page's signed-in person (with the XSRF header), expecting success. */
async function api<T>(page: Page, method: 'get' | 'post' | 'patch', url: string, data?: object) {
  if (!(await page.context().cookies()).some((cookie) => cookie.name === 'XSRF-TOKEN')) {
    await page.request.get('/api/auth/me');
  }
  const xsrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request[method](url, {
    data,
    headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) },
  });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

test('an agent saves a view, sees its count change when a ticket arrives, bulk-closes three tickets and finds a ticket by a word from a reply', async ({
  browser,
}) => {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const tag = `triage-${stamp}`;
  const viewName = `Triage ${stamp}`;
  const replyWord = `zebrafish${stamp}`;

  const user = await pageAs(browser, 'user');
  const admin = await pageAs(browser, 'admin');
  const agentId = (
    await api<{ items: { id: number }[] }>(admin, 'get', '/api/users?q=agent@example.com')
  ).items[0].id;

  /** The user writes in; the admin tags the ticket and hands it to the agent. */
  async function arrive(subject: string): Promise<number> {
    const { id } = await api<{ id: number }>(user, 'post', '/api/tickets', {
      subject,
      description: 'The printer on the second floor jams on every page.',
    });
    await api(admin, 'patch', `/api/tickets/${id}`, { tags: [tag] });
    await api(admin, 'post', `/api/tickets/${id}/assign`, { assigneeId: agentId });
    return id;
  }
  for (const n of [1, 2, 3]) await arrive(`Printer jam ${n} ${stamp}`);

  const agent = await pageAs(browser, 'agent');
  const stream = agent.waitForResponse(
    (response) => response.url().endsWith('/api/events') && response.status() === 200,
  );
  await agent.goto('/queue');
  await stream;

  // Filter the queue by the tag, as typed, and keep it as a view.
  await agent.getByRole('combobox', { name: 'Tags (all of them)' }).fill(tag.toUpperCase());
  await agent.getByRole('combobox', { name: 'Tags (all of them)' }).press('Enter');
  await expect(agent).toHaveURL(new RegExp(`tag=${tag}`));
  const rows = agent.getByRole('checkbox', { name: /^Select ticket #/ });
  await expect(rows).toHaveCount(3);
  await agent.getByRole('button', { name: 'Save view' }).click();
  await agent.getByLabel('View name').fill(viewName);
  await agent.getByRole('button', { name: 'Save', exact: true }).click();
  const viewLink = agent
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: new RegExp(viewName) });
  await expect(viewLink.locator('.count')).toHaveText('3');

  // A fourth ticket arrives: the count follows without a reload.
  const fourth = await arrive(`Printer jam 4 ${stamp}`);
  await expect(viewLink.locator('.count')).toHaveText('4', { timeout: 10_000 });

  // Open the view; the newest ticket is on top. Tick the three below it: a click, a shift-click.
  await viewLink.click();
  await expect(agent.getByRole('heading', { level: 1, name: viewName })).toBeVisible();
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toHaveAccessibleName(`Select ticket #${fourth}`);
  await rows.nth(1).check();
  await rows.nth(3).click({ modifiers: ['Shift'] });
  await expect(agent.getByText('3 selected')).toBeVisible();
  await screenshot(agent, 'bulk-selection');
  await agent.getByRole('button', { name: /^Status/ }).click();
  await agent.getByRole('menuitem', { name: 'Closed' }).click();
  await expect(agent.getByRole('status').filter({ hasText: 'changed' })).toHaveText('3 changed');
  // The view keeps working statuses: only the fourth ticket is left, and the count says so.
  await expect(rows).toHaveCount(1);
  await expect(viewLink.locator('.count')).toHaveText('1', { timeout: 10_000 });

  // The user replies with a word found nowhere else; the agent searches for it.
  await api(user, 'post', `/api/tickets/${fourth}/comments`, {
    body: `It also shows ${replyWord} on the display.`,
  });
  await agent.goto('/queue');
  await agent.getByLabel('Search tickets').fill(replyWord);
  await expect(agent).toHaveURL(new RegExp(`q=${replyWord}`));
  await expect(agent.getByRole('link', { name: `Printer jam 4 ${stamp}` })).toBeVisible();
  await expect(rows).toHaveCount(1);

  await agent.context().close();
  await admin.context().close();
  await user.context().close();
});
