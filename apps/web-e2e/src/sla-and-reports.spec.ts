import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createTicket, pageAs, screenshot, storageState, uniqueSubject } from './support';

/** Opens the desk settings as the admin and runs `change` on the form, then saves. */
async function changeSettings(browser: Browser, change: (admin: Page) => Promise<void>) {
  const admin = await pageAs(browser, 'admin');
  await admin.goto('/admin/settings');
  await expect(admin.getByRole('heading', { name: 'Desk settings' })).toBeVisible();
  await change(admin);
  const save = admin.getByRole('button', { name: 'Save settings' });
  if (await save.isEnabled()) {
    await save.click();
    await expect(admin.getByText('Settings saved.')).toBeVisible();
  }
  return admin;
}

async function setSla(admin: Page, on: boolean): Promise<void> {
  const toggle = admin.getByRole('switch', { name: 'Track SLA targets' });
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
}

/** The theme's error colour, as the browser resolves it. */
async function errorColour(page: Page): Promise<string> {
  return page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.background = 'var(--mat-sys-error)';
    document.body.append(probe);
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour;
  });
}

function rowOf(page: Page, subject: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: subject }) });
}

test.describe.configure({ mode: 'serial' });

test.describe('SLA and reports', () => {
  const tag = `sla${Date.now().toString(36)}`;
  const urgent = `Payroll export fails ${tag}`;
  const high = uniqueSubject(`VPN drops every hour ${tag}`);

  // The other specs expect the default desk, which keeps no SLA.
  test.afterAll(async ({ browser }) => {
    const admin = await changeSettings(browser, (page) => setSla(page, false));
    await admin.context().close();
  });

  test('the admin sets SLA targets, an agent sees a due badge', async ({ browser }) => {
    const admin = await changeSettings(browser, async (page) => {
      await setSla(page, true);
      // A target of 0 minutes is due at once, so the badge is red a moment later.
      await page.getByLabel('Urgent first response').fill('0');
      await page.getByLabel('High first response').fill('30');
    });
    await screenshot(admin, 'sla-settings');
    await admin.context().close();

    const agent = await pageAs(browser, 'agent');
    await createTicket(agent, {
      subject: high,
      description: 'Since the update.',
      priority: 'High',
    });
    const highBadge = agent.getByTestId('due-badge');
    await expect(highBadge).toHaveText(/due in (29|30) min/);
    await expect(highBadge).not.toHaveClass(/breached/);

    await createTicket(agent, {
      subject: urgent,
      description: 'Salaries are due tomorrow.',
      priority: 'Urgent',
    });
    const urgentBadge = agent.getByTestId('due-badge');
    await expect(urgentBadge).toHaveText(/breached|overdue \d+ min/);
    await expect(urgentBadge).toHaveClass(/breached/);
    await expect(urgentBadge).toHaveCSS('background-color', await errorColour(agent));
    await expect(urgentBadge).toHaveAccessibleDescription(/^First response was due /);
    await urgentBadge.hover();
    await expect(agent.locator('.mat-mdc-tooltip')).toContainText('First response was due');
    await screenshot(agent, 'ticket-breached');

    await agent.goto(`/queue?q=${tag}`);
    await expect(rowOf(agent, urgent).getByTestId('due-badge')).toHaveClass(/breached/);
    await expect(rowOf(agent, high).getByTestId('due-badge')).toHaveText(/due in \d+ min/);

    await agent.getByRole('combobox', { name: 'SLA' }).click();
    await agent.getByRole('option', { name: 'Breached' }).click();
    await expect(agent).toHaveURL(/sla=breached/);
    await expect(agent.getByRole('link', { name: urgent })).toBeVisible();
    await expect(agent.getByRole('link', { name: high })).toHaveCount(0);

    await agent.getByRole('combobox', { name: 'SLA' }).click();
    await agent.getByRole('option', { name: 'Due soon' }).click();
    await expect(agent).toHaveURL(/sla=due_soon/);
    await expect(agent.getByRole('link', { name: high })).toBeVisible();
    await expect(agent.getByRole('link', { name: urgent })).toHaveCount(0);

    await agent.getByRole('combobox', { name: 'SLA' }).click();
    await agent.getByRole('option', { name: 'Any' }).click();
    await agent.getByRole('combobox', { name: 'Sort by' }).click();
    await agent.getByRole('option', { name: 'Due', exact: true }).click();
    await expect(agent).toHaveURL(/sort=due/);
    await expect(agent).not.toHaveURL(/sla=/);
    const subjects = agent.getByRole('table', { name: 'Tickets' }).getByRole('link');
    await expect(subjects).toHaveText([urgent, high]);
    await agent.reload();
    await expect(subjects).toHaveText([urgent, high]);
    await screenshot(agent, 'queue-due-badges');
    await agent.context().close();
  });

  test('the admin opens the reports page and downloads the CSV', async ({ browser }) => {
    const context = await browser.newContext({
      storageState: storageState('admin'),
      timezoneId: 'Europe/Berlin',
      acceptDownloads: true,
    });
    const admin = await context.newPage();
    await admin.goto('/admin/dashboard');
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Reports' })
      .click();
    await expect(admin).toHaveURL(/\/admin\/reports/);
    await expect(admin.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();

    // The last 30 days in the browser's time zone.
    await expect(admin.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
    const to = await admin.getByLabel('To').inputValue();
    const from = await admin.getByLabel('From').inputValue();
    expect(Date.parse(to) - Date.parse(from)).toBe(29 * 24 * 3600 * 1000);

    await expect(admin.getByTestId('figure-Created')).toContainText(/Created\s*[1-9]\d*/);
    await expect(admin.getByTestId('figure-First response')).toContainText('within target');
    await expect(admin.getByTestId('figure-Satisfaction')).toContainText('satisfied');
    await expect(
      admin.getByRole('img', { name: /tickets created and \d+ resolved/ }),
    ).toBeVisible();
    await expect(admin.getByRole('img', { name: /at the end of each day/ })).toBeVisible();
    await expect(admin.getByRole('table', { name: 'Figures per agent' })).toContainText(
      'Alex Agent',
    );
    await screenshot(admin, 'reports');

    const download = admin.waitForEvent('download');
    await admin.getByRole('link', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`tickets-${from}-to-${to}.csv`);
    const csv = (await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.split(/\r\n/);
    expect(header).toBe(
      'id,subject,requester,assignee,priority,status,tags,createdAt,firstRespondedAt,resolvedAt,firstResponseMet,resolutionMet,stars',
    );
    expect(rows.some((row) => row.includes(urgent))).toBe(true);

    await admin.setViewportSize({ width: 360, height: 740 });
    await admin.reload();
    await expect(admin.getByTestId('figure-Created')).toBeVisible();
    const overflow = await admin.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(admin, 'reports-phone');
    await context.close();
  });
});
