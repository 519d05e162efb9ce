import { expect, test as setup } from '@playwright/test';
import { ACCOUNTS, type RoleName, storageState } from './support';

const HOME: Record<RoleName, RegExp> = {
  user: /\/tickets$/,
  agent: /\/queue$/,
  admin: /\/admin\/dashboard$/,
};

for (const role of Object.keys(ACCOUNTS) as RoleName[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel('Email').fill(ACCOUNTS[role].email);
    await page.getByLabel('Password').fill(ACCOUNTS[role].password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(HOME[role]);
    await expect(page.getByTestId('current-user')).toContainText(role, { ignoreCase: true });
    await page.context().storageState({ path: storageState(role) });
  });
}
