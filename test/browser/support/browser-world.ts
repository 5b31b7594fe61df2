import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { webAppDirectory } from '../../../src/app.factory';
import type { Role } from '../../../src/common/auth/role';
import { DemoDataService } from '../../../src/modules/demo-data/demo-data.service';
import { User } from '../../../src/modules/users/user.entity';
import { startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';

/** Debian's chromium (no browser download); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Credentials {
  email: string;
  password: string;
}

/** The app on a free port with the demo department, and a headless chromium. */
export interface BrowserWorld {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  credentials: Record<Role, Credentials>;
  users: Record<Role, User>;
  departmentId: string;
  /** Every axe violation seen (of any impact), by page, for the report at the end. */
  axeLog: AxeFinding[];
  /** A new browser context (own session storage) with a page that fails on script errors. */
  openPage(): Promise<Page>;
  /** An access token for seeding through the API. */
  token(role: Role): Promise<string>;
  close(): Promise<void>;
}

export interface AxeFinding {
  page: string;
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export async function startBrowserWorld(): Promise<BrowserWorld> {
  if (!fs.existsSync(path.join(webAppDirectory(), 'index.html'))) {
    throw new Error(
      `No web app build in ${webAppDirectory()}: run "npm run build:web" first (npm run test:browser does).`,
    );
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No chromium at ${CHROMIUM_PATH}: apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH)`,
    );
  }
  const t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  const contexts: BrowserContext[] = [];
  let browser: Browser | undefined;
  try {
    const seed = await t.app.get(DemoDataService).seedIfEmpty();
    const credentials = Object.fromEntries(
      seed.credentials.map((c) => [c.role, { email: c.email, password: c.password }]),
    ) as Record<Role, Credentials>;
    const users = {} as Record<Role, User>;
    for (const [role, credential] of Object.entries(credentials)) {
      users[role as Role] = await t.dataSource
        .getRepository(User)
        .findOneByOrFail({ email: credential.email });
    }
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const launched = browser;
    const baseUrl = `http://127.0.0.1:${port}`;
    const axeLog: AxeFinding[] = [];
    return {
      t,
      baseUrl,
      browser: launched,
      credentials,
      users,
      departmentId: users.COORDINATOR.departmentId!,
      axeLog,
      openPage: async () => {
        const context = await launched.newContext({
          baseURL: baseUrl,
          locale: 'en-US',
          timezoneId: 'America/Los_Angeles',
          acceptDownloads: true,
          viewport: { width: 1280, height: 900 },
        });
        contexts.push(context);
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        watchForScriptErrors(page);
        return page;
      },
      token: async (role: Role) => {
        const response = await t.http.post('/api/auth/login').send(credentials[role]).expect(200);
        return (response.body as { accessToken: string }).accessToken;
      },
      close: async () => {
        // AXE_LOG=<file>: append every finding (any impact) for a look at the minor ones.
        if (process.env.AXE_LOG)
          fs.appendFileSync(process.env.AXE_LOG, `${JSON.stringify(axeLog)}\n`);
        for (const context of contexts) await context.close().catch(() => undefined);
        await launched.close();
        await t.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await t.close();
    throw error;
  }
}

const scriptErrors = new WeakMap<Page, string[]>();

/**
 * Uncaught exceptions, Content-Security-Policy refusals and anything the app logs as an error
 * (e.g. a page its error boundary caught) fail the test. The browser's own line for an HTTP
 * error answer ("Failed to load resource") does not: the app shows those answers itself.
 */
function watchForScriptErrors(page: Page): void {
  const errors: string[] = [];
  scriptErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource'))
      errors.push(text);
  });
}

export function scriptErrorsOf(page: Page): string[] {
  return scriptErrors.get(page) ?? [];
}

interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[] }[];
  }[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules, and best practices) on the page as it is now and
 * fails on any serious or critical violation. Injected through the DevTools protocol, which the
 * page's Content-Security-Policy does not apply to, so the app keeps its strict policy here.
 */
export async function expectAccessible(
  world: BrowserWorld,
  page: Page,
  label: string,
): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<AxeResult> };
      }
    ).axe;
    const run = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return run.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
  const findings = result.map((v) => ({
    page: label,
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5),
  }));
  world.axeLog.push(...findings);
  const blocking = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  expect({ page: label, violations: blocking }).toEqual({ page: label, violations: [] });
  expect({ page: label, scriptErrors: scriptErrorsOf(page) }).toEqual({
    page: label,
    scriptErrors: [],
  });
}

/** Signs in through the form, with the keyboard, and waits for the role's start page. */
export async function signIn(
  world: BrowserWorld,
  page: Page,
  role: Role,
  startHeading: string | RegExp,
): Promise<void> {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Email address').fill(world.credentials[role].email);
  await page.getByLabel('Password').fill(world.credentials[role].password);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('heading', { level: 1, name: startHeading }).waitFor();
}

/** Follows a link of the main navigation and waits for the page's heading. */
export async function goTo(
  page: Page,
  link: string,
  heading: string | RegExp = link,
): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Waits until nothing is loading any more on the page. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.loading')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

/** A one-page PDF, enough for the evidence upload's content check. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
