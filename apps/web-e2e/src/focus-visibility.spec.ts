import { expect, test, type Browser, type Page } from '@playwright/test';
import { type RoleName, storageState } from './support';

/**
 * axe-core cannot see a focus ring, so this walks each screen with Tab and compares every
 * focused element's rendering with its rendering once blurred: they must differ.
 */

const MAX_STOPS = 60;
/** Room around the element, for rings drawn outside it (outline-offset, Material's ::before). */
const PAD = 6;

async function pageFor(browser: Browser, role: RoleName | 'guest'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    storageState: role === 'guest' ? undefined : storageState(role),
    reducedMotion: 'reduce',
  });
  return context.newPage();
}

/** A short name for the focused element, for the failure message. */
function describeFocused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${label}"`;
  });
}

/** Tabs through the page; returns the elements whose focus did not change how they look. */
async function unseenFocus(page: Page): Promise<string[]> {
  const unseen: string[] = [];
  const seen = new Set<string>();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let stop = 0; stop < MAX_STOPS; stop++) {
    await page.keyboard.press('Tab');
    const name = await describeFocused(page);
    if (name === 'body' || seen.has(name)) break;
    seen.add(name);
    const box = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement;
      // A visually hidden control (a file input) shows its focus on what stands for it nearby.
      const tiny = focused.getBoundingClientRect().width <= 2;
      const el = tiny && focused.parentElement ? focused.parentElement : focused;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    if (!box.width || !box.height) continue;
    const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
    const x = Math.max(0, box.x - PAD);
    const y = Math.max(0, box.y - PAD);
    const clip = {
      x,
      y,
      width: Math.min(viewport.width - x, box.width + 2 * PAD),
      height: Math.min(viewport.height - y, box.height + 2 * PAD),
    };
    const focused = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
    // Blurring keeps the sequential focus starting point, so the next Tab moves on from here.
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    const blurred = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
    if (focused.equals(blurred)) unseen.push(name);
  }
  return unseen;
}

const SCREENS: { role: RoleName | 'guest'; url: string }[] = [
  { role: 'guest', url: '/login' },
  { role: 'user', url: '/tickets/new' },
  { role: 'agent', url: '/queue' },
  { role: 'admin', url: '/admin/tickets' },
  { role: 'admin', url: '/admin/users' },
  { role: 'admin', url: '/admin/settings' },
];

for (const { role, url } of SCREENS) {
  test(`every focusable element on ${url} (${role}) shows its focus`, async ({ browser }) => {
    const page = await pageFor(browser, role);
    await page.goto(url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    expect(await unseenFocus(page)).toEqual([]);
    await page.context().close();
  });
}

test('the skip link is the first stop and moves focus to the main content', async ({ browser }) => {
  const page = await pageFor(browser, 'agent');
  await page.goto('/queue');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.context().close();
});

test('focus stays on the page after sending a comment and changing the status', async ({
  browser,
}) => {
  const page = await pageFor(browser, 'admin');
  await page.goto('/tickets/new');
  await page.getByLabel('Subject').fill(`Focus check ${Date.now().toString(36)}`);
  await page.getByLabel('Description').fill('Where does focus go?');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await page.waitForURL(/\/tickets\/\d+$/);
  await expect(page).toHaveTitle(/^#\d+ Focus check \w+ · Helpdesk$/);

  await page.keyboard.press('r');
  const box = page.getByRole('textbox', { name: 'Add a comment' });
  await expect(box).toBeFocused();
  await box.fill('First comment');
  await page.getByRole('button', { name: 'Send comment' }).click();
  await expect(page.getByRole('list', { name: 'Comments' })).toContainText('First comment');
  await expect(box).toBeFocused();
  await expect(page.getByText('Write something first.')).toBeHidden();

  await page.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByTestId('ticket-status')).toHaveText('Resolved');
  await expect(page.getByRole('heading', { name: 'Actions' })).toBeFocused();
  await page.context().close();
});
