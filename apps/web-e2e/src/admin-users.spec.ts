import { expect, test } from '@playwright/test';
import { pageAs, screenshot } from './support';

test('an admin creates an agent and deactivates a user', async ({ browser }) => {
  const page = await pageAs(browser, 'admin');
  const stamp = Date.now().toString(36);

  await page.goto('/admin/users');
  await expect(page.getByRole('table', { name: 'Users' })).toContainText('Uma User');
  await screenshot(page, 'admin-users');

  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog');
  // The dialog focuses its first field once it has opened; typing before that lands there.
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await dialog.getByLabel('Name').fill(`Olga Agent ${stamp}`);
  await dialog.getByLabel('Email').fill(`olga.${stamp}@example.com`);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Agent', exact: true }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
  await dialog.getByLabel('Password').fill('agent-pass-1');
  await screenshot(page, 'admin-user-dialog');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toBeHidden();

  await page.getByLabel('Search users').fill(`olga.${stamp}`);
  const row = page.getByRole('row', { name: new RegExp(`Olga Agent ${stamp}`) });
  await expect(row).toContainText('Agent');
  await expect(page.getByRole('table', { name: 'Users' }).getByRole('row')).toHaveCount(2);

  await page.getByRole('button', { name: 'New user' }).click();
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await dialog.getByLabel('Name').fill(`Temp User ${stamp}`);
  await dialog.getByLabel('Email').fill(`temp.${stamp}@example.com`);
  await dialog.getByLabel('Password').fill('user-pass-1');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toBeHidden();

  await page.getByLabel('Search users').fill(`temp.${stamp}`);
  await page.getByRole('button', { name: `Deactivate Temp User ${stamp}` }).click();
  const confirm = page.getByRole('dialog', { name: `Deactivate Temp User ${stamp}?` });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  // Cancelling changes nothing and gives focus back to the button that asked.
  await expect(page.getByRole('button', { name: `Deactivate Temp User ${stamp}` })).toBeFocused();
  await page.getByRole('button', { name: `Deactivate Temp User ${stamp}` }).click();
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`Temp User ${stamp}`) })).toContainText(
    'Deactivated',
  );
  await expect(page.getByRole('button', { name: `Reactivate Temp User ${stamp}` })).toBeVisible();

  await page.getByLabel('Search users').fill('admin@example.com');
  await page.getByRole('button', { name: 'Deactivate Ada Admin' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('alert')).toContainText(/admin/i);
  await page.context().close();
});

test('the new agent can be picked as an assignee', async ({ browser }) => {
  const page = await pageAs(browser, 'admin');
  await page.goto('/admin/tickets');
  await page.getByRole('combobox', { name: 'Assignee' }).click();
  await expect(page.getByRole('option', { name: /Olga Agent/ }).first()).toBeVisible();
  await page.getByRole('option', { name: 'Unassigned' }).click();
  await expect(page).toHaveURL(/assigneeId=none/);
  await page.context().close();
});

test('the admin dashboard shows counts and the activity chart', async ({ browser }) => {
  const page = await pageAs(browser, 'admin');
  await page.goto('/admin/dashboard');
  await expect(page.getByRole('list', { name: 'Tickets by status' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Tickets by priority' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Tickets opened \(\d+\) and resolved \(\d+\) per day/ }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'API docs' })).toHaveAttribute('href', '/api/docs');
  await screenshot(page, 'admin-dashboard');
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'admin-dashboard-phone');
  await page.context().close();
});
