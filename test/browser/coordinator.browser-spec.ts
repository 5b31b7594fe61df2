import * as fs from 'node:fs';
import { Employee } from '../../src/modules/employees/employee.entity';
import { AnnualGoal } from '../../src/modules/goals/annual-goal.entity';
import {
  fiscalYearOf,
  previousFiscalYear,
} from '../../src/modules/program-calendar/fiscal-year.rule';
import { programToday } from '../../src/modules/program-calendar/program-date';
import { ReportVersion } from '../../src/modules/reports/report-version.entity';
import { TrainingRecord } from '../../src/modules/training/training-record.entity';
import {
  expectAccessible,
  goTo,
  settled,
  signIn,
  startBrowserWorld,
} from './support/browser-world';
import type { BrowserWorld } from './support/browser-world';
import { reportedTraining } from './support/seed';

const ROSTER_WITH_PROBLEMS = [
  'employee_number,first_name,last_name,class_code,time_base,hire_date',
  'X100001,Ann,Baker,9999,FULL_TIME,2020-01-06',
  'X100002,Cal,Diaz,1138,FULL_TIME,2020-13-01',
  'X100003,Eve,Fox,1138,FULL_TIME,2021-02-01',
].join('\n');

describe('Web app: coordinator (chromium)', () => {
  let world: BrowserWorld;
  let trainingIds: string[];
  const thisYear = fiscalYearOf(programToday());
  const lastYear = previousFiscalYear(thisYear);

  beforeAll(async () => {
    world = await startBrowserWorld();
    // Completed in the last fiscal year, so the report to certify counts it once verified.
    trainingIds = await reportedTraining(
      world,
      ['Intro to budgets', 'Contract basics'],
      `${lastYear.slice(0, 4)}-10-15`,
    );
  });

  afterAll(async () => {
    await world?.close();
  });

  it('reads the dashboard, finds an employee, verifies training in bulk, checks an import, sets goals, certifies and downloads the annual report', async () => {
    const page = await world.openPage();
    await signIn(world, page, 'COORDINATOR', 'Dashboard');
    await settled(page);
    await page.getByRole('img', { name: /Move goal against moves/ }).waitFor();
    await page.getByRole('link', { name: /Without an approved plan/ }).waitFor();
    await expectAccessible(world, page, 'coordinator: dashboard');

    await goTo(page, 'Employees');
    await settled(page);
    await page.getByLabel('Name or employee number').fill('Eli');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('1 employee found.').waitFor();
    await expectAccessible(world, page, 'coordinator: employees');
    await page.getByRole('link', { name: 'Eli Employee' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eli Employee' }).waitFor();
    await settled(page);
    await page
      .getByRole('table', { name: 'Training records, latest first' })
      .getByText('Intro to budgets')
      .waitFor();
    await page.getByRole('table', { name: /Audit trail of the employee record/ }).waitFor();
    await expectAccessible(world, page, 'coordinator: employee page');

    await goTo(page, 'Verify training');
    await settled(page);
    await page
      .getByRole('checkbox', { name: 'Select Contract basics, Eli Employee (D900001)' })
      .waitFor();
    await expectAccessible(world, page, 'coordinator: verify training');
    await page.getByLabel('Select all').check();
    await page.getByRole('button', { name: 'Verify selected (2)' }).click();
    await page.getByRole('status').getByText('2 training records were verified.').waitFor();
    await page.getByText('No training is waiting for verification.').waitFor();
    const records = await world.t.dataSource
      .getRepository(TrainingRecord)
      .findBy(trainingIds.map((id) => ({ id })));
    expect(records.map((r) => r.status)).toEqual(['VERIFIED', 'VERIFIED']);

    await goTo(page, 'Imports');
    await settled(page);
    await page.getByLabel('What the file holds').selectOption('roster');
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'roster.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(ROSTER_WITH_PROBLEMS),
    });
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    const problems = page.getByRole('table', { name: /problems; row 1 is the header row/ });
    await problems.waitFor();
    // Row 2 has an unknown class, row 3 an impossible date: each problem names row and column.
    await problems.getByRole('row', { name: /^2 class_code 9999/ }).waitFor();
    await problems.getByRole('row', { name: /^3 hire_date 2020-13-01/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Import the file' }).count()).toBe(0);
    await expectAccessible(world, page, 'coordinator: imports (dry run with problems)');
    expect(
      await world.t.dataSource.getRepository(Employee).countBy({ employeeNumber: 'X100003' }),
    ).toBe(0);

    await goTo(page, 'Goals');
    await settled(page);
    await page.getByLabel('Fiscal year', { exact: true }).selectOption(thisYear);
    await page.getByLabel('Upward mobility moves').fill('6');
    await page.getByLabel('Participants').fill('20');
    await page.getByLabel('Career plans').fill('15');
    await page.getByLabel('Training hours').fill('400');
    await page.getByLabel('Narrative').fill('Expand the office technician to analyst ladder');
    await page.getByRole('button', { name: `Save the goals of ${thisYear}` }).click();
    await page.getByRole('status').getByText(`The goals of ${thisYear} were saved.`).waitFor();
    await page.getByRole('img', { name: 'Move goals against upward mobility moves' }).waitFor();
    const goal = await world.t.dataSource
      .getRepository(AnnualGoal)
      .findOneByOrFail({ departmentId: world.departmentId, fiscalYear: thisYear });
    expect({ moveGoal: goal.moveGoal, participantGoal: goal.participantGoal }).toEqual({
      moveGoal: 6,
      participantGoal: 20,
    });
    await expectAccessible(world, page, 'coordinator: goals');

    await goTo(page, 'Annual report');
    await settled(page);
    expect(await page.getByLabel('Fiscal year', { exact: true }).inputValue()).toBe(lastYear);
    await page.getByRole('button', { name: 'Generate and preview the draft' }).click();
    await page.getByRole('img', { name: 'Goals against results' }).waitFor();
    await page.getByRole('img', { name: 'Who qualifies for each target class' }).waitFor();
    await page.getByLabel('Decision').selectOption({ label: 'Verified training' });
    await page.getByRole('img', { name: 'Impact ratio by ethnicity: Verified training' }).waitFor();
    await expectAccessible(world, page, 'coordinator: annual report draft');
    await page.getByRole('button', { name: 'Certify the report' }).click();
    await page.getByRole('button', { name: `Yes, certify the ${lastYear} report` }).click();
    await page
      .getByRole('status')
      .getByText(`The ${lastYear} report was certified as version 1.`)
      .waitFor({ timeout: 60_000 });
    const versions = await world.t.dataSource
      .getRepository(ReportVersion)
      .findBy({ departmentId: world.departmentId, fiscalYear: lastYear });
    expect(versions.map((v) => v.version)).toEqual([1]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PDF of version 1' }).click(),
    ]);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await expectAccessible(world, page, 'coordinator: annual report certified');
  });
});
