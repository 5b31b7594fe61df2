import * as fs from 'node:fs';
import {
  fiscalYearOf,
  previousFiscalYear,
} from '../../src/modules/program-calendar/fiscal-year.rule';
import { programToday } from '../../src/modules/program-calendar/program-date';
import {
  expectAccessible,
  goTo,
  settled,
  signIn,
  startBrowserWorld,
} from './support/browser-world';
import type { BrowserWorld } from './support/browser-world';
import { certifiedReport } from './support/seed';

describe('Web app: auditor (chromium)', () => {
  let world: BrowserWorld;
  const lastYear = previousFiscalYear(fiscalYearOf(programToday()));

  beforeAll(async () => {
    world = await startBrowserWorld();
    expect(await certifiedReport(world, lastYear)).toBe(1);
  });

  afterAll(async () => {
    await world?.close();
  });

  it('reads the statewide roll-up with its charts, opens the certified report of a department and downloads it', async () => {
    const page = await world.openPage();
    await signIn(world, page, 'AUDITOR', 'Statewide roll-up');
    await settled(page);
    expect(await page.getByLabel('Fiscal year').inputValue()).toBe(lastYear);
    const demo = page.getByRole('row', { name: /\(DEMO\)/ });
    await demo.getByRole('cell', { name: '1', exact: true }).waitFor();
    await page.getByRole('img', { name: 'Reports by timeliness' }).waitFor();
    await page.getByRole('img', { name: 'Move goals against moves, by department' }).waitFor();
    await expectAccessible(world, page, 'auditor: statewide roll-up');

    await goTo(page, 'Certified reports');
    await settled(page);
    await expectAccessible(world, page, 'auditor: certified reports');
    await page.getByRole('link', { name: 'Open version 1 of DEMO (latest)' }).click();
    await page
      .getByRole('heading', { level: 1, name: `DEMO annual report ${lastYear}, version 1` })
      .waitFor();
    await settled(page);
    await page.getByText('Certified version 1').waitFor();
    await page.getByText(/Oversight copy: counts from 1 to 4 are hidden/).waitFor();
    await page.getByRole('img', { name: 'Goals against results' }).waitFor();
    await expectAccessible(world, page, 'auditor: certified report');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    expect(
      fs
        .readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
