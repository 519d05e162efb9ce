import { expect, test } from '@playwright/test';
import { createTicket, pageAs, screenshot } from './support';

test('search and filters narrow the list and stay in the URL', async ({ browser }) => {
  const page = await pageAs(browser, 'user');
  const tag = `zq${Date.now().toString(36)}`;
  await createTicket(page, {
    subject: `Printer jam ${tag}`,
    description: 'Paper stuck',
    priority: 'Low',
  });
  await createTicket(page, {
    subject: `Email outage ${tag}`,
    description: 'No mail since noon',
    priority: 'Urgent',
  });
  await createTicket(page, {
    subject: `Monitor flicker ${tag}`,
    description: 'Flickers on cold days',
    priority: 'Urgent',
  });

  await page.goto('/tickets');
  await page.getByLabel('Search tickets').fill(tag);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  const rows = page.getByRole('table', { name: 'Tickets' }).getByRole('row');
  await expect(rows).toHaveCount(4);

  await page.getByRole('combobox', { name: 'Priority' }).click();
  await page.getByRole('option', { name: 'Urgent' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/priority=urgent/);
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('link', { name: `Printer jam ${tag}` })).toHaveCount(0);

  await page.getByLabel('Search tickets').fill(`flicker ${tag}`);
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('link', { name: `Monitor flicker ${tag}` })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Search tickets')).toHaveValue(`flicker ${tag}`);
  await expect(rows).toHaveCount(2);

  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Closed' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText('No tickets match these filters.')).toBeVisible();
  await screenshot(page, 'my-tickets-empty-filter');

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/tickets?q=${tag}`);
  await expect(rows).toHaveCount(4);
  await screenshot(page, 'my-tickets-phone');
  await page.context().close();
});
