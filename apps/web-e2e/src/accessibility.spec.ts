import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { type RoleName, storageState } from './support';

/**
 * Every screen and dialog of every role, at a desktop and a phone width, checked by axe-core
 * against WCAG 2.2 A/AA: no serious or critical violation anywhere. Each screen is visited
 * once per role and width, with the signed-in states from the setup.
 */

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
] as const;

interface Found {
  where: string;
  rule: string;
  impact: string;
  targets: string[];
}

/** A step on a screen: arrive (or open a dialog), then wait for what proves it is there. */
interface Screen {
  name: string;
  open: (page: Page, ids: TicketIds) => Promise<void>;
}

interface TicketIds {
  /** Owned by the user, assigned to the agent, resolved and rated. */
  rated: number;
  /** Owned by the user, assigned to the agent, in progress. */
  working: number;
}

async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Lists and cards fill in after the heading; wait for the progress bars to finish.
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}

const dialogOf =
  (button: string): Screen['open'] =>
  async (page) => {
    await page.getByRole('button', { name: button, exact: true }).first().click();
    await page.getByRole('dialog').waitFor();
  };

const shortcutsDialog: Screen = {
  name: 'shortcuts dialog',
  open: async (page) => {
    await page.locator('main').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  },
};

const SCREENS: Record<RoleName | 'guest', Screen[]> = {
  guest: [
    { name: 'sign in', open: (p) => visit(p, '/login') },
    { name: 'forgot password', open: (p) => visit(p, '/forgot-password') },
    { name: 'reset password', open: (p) => visit(p, '/reset-password?token=abc') },
  ],
  user: [
    { name: 'my tickets', open: (p) => visit(p, '/tickets') },
    shortcutsDialog,
    { name: 'new ticket', open: (p) => visit(p, '/tickets/new') },
    { name: 'rated ticket', open: (p, ids) => visit(p, `/tickets/${ids.rated}`) },
    { name: 'profile', open: (p) => visit(p, '/profile') },
  ],
  agent: [
    { name: 'queue', open: (p) => visit(p, '/queue') },
    { name: 'ticket', open: (p, ids) => visit(p, `/tickets/${ids.working}`) },
    { name: 'canned replies', open: (p) => visit(p, '/canned-replies') },
    { name: 'canned reply dialog', open: dialogOf('New canned reply') },
    { name: 'profile', open: (p) => visit(p, '/profile') },
  ],
  admin: [
    { name: 'dashboard', open: (p) => visit(p, '/admin/dashboard') },
    { name: 'all tickets', open: (p) => visit(p, '/admin/tickets') },
    {
      name: 'row menu',
      open: async (page) => {
        await page
          .getByRole('button', { name: /^Actions for ticket/ })
          .first()
          .click();
        await page.getByRole('menu').waitFor();
      },
    },
    { name: 'ticket', open: (p, ids) => visit(p, `/tickets/${ids.rated}`) },
    { name: 'reports', open: (p) => visit(p, '/admin/reports') },
    { name: 'users', open: (p) => visit(p, '/admin/users') },
    { name: 'user dialog', open: dialogOf('New user') },
    {
      name: 'deactivate dialog',
      open: async (page) => {
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        await page
          .getByRole('button', { name: /^Deactivate / })
          .first()
          .click();
        await page.getByRole('dialog').waitFor();
      },
    },
    { name: 'settings', open: (p) => visit(p, '/admin/settings') },
    { name: 'mail', open: (p) => visit(p, '/admin/mail') },
  ],
};

async function newContext(
  browser: Browser,
  role: RoleName | 'guest',
  viewport: { width: number; height: number },
  colorScheme: 'light' | 'dark' = 'light',
): Promise<BrowserContext> {
  return browser.newContext({
    viewport,
    colorScheme,
    storageState: role === 'guest' ? undefined : storageState(role),
  });
}

/** Calls the API as the context's signed-in person would (with the XSRF header). */
async function api(page: Page, method: 'post' | 'patch' | 'put', url: string, data: object) {
  const xsrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request[method](url, {
    data,
    headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) },
  });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
  return response.json();
}

async function seedTickets(browser: Browser): Promise<TicketIds> {
  const viewport = WIDTHS[0];
  const user = await (await newContext(browser, 'user', viewport)).newPage();
  const admin = await (await newContext(browser, 'admin', viewport)).newPage();
  await user.goto('/tickets');
  await admin.goto('/admin/dashboard');
  const users = await admin.request.get('/api/users?q=agent@example.com');
  const agentId: number = (await users.json()).items[0].id;
  const ids: number[] = [];
  for (const subject of ['Axe: printer jams', 'Axe: screen flickers']) {
    const ticket = await api(user, 'post', '/api/tickets', {
      subject,
      description: 'Checked by the accessibility test.',
    });
    await api(admin, 'post', `/api/tickets/${ticket.id}/assign`, { assigneeId: agentId });
    await api(admin, 'patch', `/api/tickets/${ticket.id}`, { status: 'in_progress' });
    ids.push(ticket.id);
  }
  await api(admin, 'patch', `/api/tickets/${ids[0]}`, { status: 'resolved' });
  await api(user, 'put', `/api/tickets/${ids[0]}/rating`, { stars: 4, feedback: 'Quick.' });
  await user.context().close();
  await admin.context().close();
  return { rated: ids[0], working: ids[1] };
}

/** Serious or critical axe findings, and a page wider than the window (it would pan sideways). */
async function serious(page: Page, where: string): Promise<Found[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  const panning: Found[] =
    scrollWidth > innerWidth
      ? [{ where, rule: 'horizontal-scroll', impact: 'serious', targets: [`${scrollWidth}px`] }]
      : [];
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      where,
      rule: v.id,
      impact: v.impact ?? '',
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }))
    .concat(panning);
}

test.describe('accessibility (axe-core, WCAG 2.2 A/AA)', () => {
  let ids: TicketIds;

  test.beforeAll(async ({ browser }) => {
    ids = await seedTickets(browser);
  });

  for (const role of Object.keys(SCREENS) as (RoleName | 'guest')[]) {
    for (const viewport of WIDTHS) {
      test(`every ${role} screen at ${viewport.width} px has no serious violation`, async ({
        browser,
      }) => {
        const context = await newContext(browser, role, viewport);
        const page = await context.newPage();
        const found: Found[] = [];
        for (const screen of SCREENS[role]) {
          await screen.open(page, ids);
          found.push(...(await serious(page, `${role} ${screen.name} ${viewport.width}px`)));
        }
        await context.close();
        expect(found).toEqual([]);
      });
    }

    test(`every ${role} screen in dark mode has no serious violation`, async ({ browser }) => {
      const context = await newContext(browser, role, WIDTHS[0], 'dark');
      const page = await context.newPage();
      const found: Found[] = [];
      for (const screen of SCREENS[role]) {
        await screen.open(page, ids);
        found.push(...(await serious(page, `${role} ${screen.name} dark`)));
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }
});
