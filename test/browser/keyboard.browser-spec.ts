import type { Page } from 'playwright-core';
import { expectAccessible, settled, startBrowserWorld } from './support/browser-world';
import type { BrowserWorld } from './support/browser-world';

interface Focused {
  tag: string;
  name: string;
  outline: string;
  visible: boolean;
}

/** What has the focus: its tag, accessible text, whether its focus indicator shows. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { activeElement: unknown } }).document;
    const element = doc.activeElement as {
      tagName: string;
      textContent: string | null;
      getAttribute(name: string): string | null;
      getBoundingClientRect(): { top: number; height: number; width: number };
    };
    const style = (
      globalThis as unknown as {
        getComputedStyle(e: unknown): { outlineStyle: string; boxShadow: string };
      }
    ).getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      tag: element.tagName,
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim(),
      outline: style.outlineStyle === 'none' ? style.boxShadow : style.outlineStyle,
      visible: box.top >= 0 && box.height > 0 && box.width > 0,
    };
  });
}

describe('Web app: keyboard only (chromium)', () => {
  let world: BrowserWorld;

  beforeAll(async () => {
    world = await startBrowserWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  it('signs in and moves around with the keyboard: skip link first, visible focus, focus on each new page', async () => {
    const page = await world.openPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expectAccessible(world, page, 'sign in');

    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip).toMatchObject({ tag: 'A', name: 'Skip to main content', visible: true });
    expect(skip.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect((await focused(page)).tag).toBe('MAIN');

    // A wrong password: the error is announced (role="alert") and the form stays usable.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'INPUT' });
    await page.keyboard.type(world.credentials.EMPLOYEE.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Could not sign you in').waitFor();
    await expectAccessible(world, page, 'sign in (error)');

    await page.getByLabel('Password').fill('');
    await page.getByLabel('Password').focus();
    await page.keyboard.type(world.credentials.EMPLOYEE.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'H1', name: 'My record' });
    await settled(page);

    // Focus order from the top of a freshly loaded page: skip link, sign out, the navigation.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor();
    await settled(page);
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      const stop = await focused(page);
      expect({ stop: stop.name, outline: stop.outline === 'none' ? 'none' : 'shown' }).toEqual({
        stop: stop.name,
        outline: 'shown',
      });
      order.push(stop.name);
    }
    expect(order).toEqual([
      'Skip to main content',
      'Sign out',
      'My record',
      'My eligibility',
      'My career plan',
      'My training',
      'My conversations',
    ]);

    // Enter on a navigation link opens the page and puts the focus on its heading.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'My conversations' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'H1', name: 'My conversations' });
    expect(await page.title()).toBe('My conversations · Upward Mobility Program');

    // The browser's back button works like a link.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor();

    await page.goto('/no-such-page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expectAccessible(world, page, 'page not found');

    // A reload keeps the session (refresh token in sessionStorage); signing out ends it.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });
});
