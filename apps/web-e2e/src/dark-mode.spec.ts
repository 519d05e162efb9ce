import { expect, test } from '@playwright/test';
import { storageState } from './support';

const background = () => getComputedStyle(document.body).backgroundColor;

test('the theme follows the system, and a chosen scheme is remembered', async ({ browser }) => {
  const context = await browser.newContext({
    colorScheme: 'dark',
    storageState: storageState('user'),
  });
  const page = await context.newPage();
  await page.goto('/tickets');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const dark = await page.evaluate(background);

  await page.getByRole('button', { name: 'Use light mode' }).click();
  await expect(page.getByRole('button', { name: 'Use dark mode' })).toBeVisible();
  const light = await page.evaluate(background);
  expect(light).not.toEqual(dark);

  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect(await page.evaluate(background)).toEqual(light);

  // Choosing what the system says again goes back to following it.
  await page.getByRole('button', { name: 'Use dark mode' }).click();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.getByRole('button', { name: 'Use dark mode' })).toBeVisible();
  expect(await page.evaluate(background)).toEqual(light);
  await context.close();
});
