import { expect, test } from '@playwright/test';
import { ACCOUNTS, pageAs, screenshot } from './support';

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(ACCOUNTS.user.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  await screenshot(page, 'sign-in-error');
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'sign-in-phone');
});

test('the session survives a reload, and after it ends the person signs in and comes back', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'agent');
  await page.goto('/queue?status=open');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'My queue' })).toBeVisible();

  await page.context().clearCookies();
  await page.reload();
  await expect(page).toHaveURL(/\/login\?returnUrl=/);
  await screenshot(page, 'sign-in');
  await page.getByLabel('Email').fill(ACCOUNTS.agent.email);
  await page.getByLabel('Password').fill(ACCOUNTS.agent.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/queue\?status=open$/);
  await page.context().close();
});

test('signing out ends the session', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(ACCOUNTS.user.email);
  await page.getByLabel('Password').fill(ACCOUNTS.user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/tickets');
  await expect(page).toHaveURL(/\/login\?returnUrl=%2Ftickets/);
});
