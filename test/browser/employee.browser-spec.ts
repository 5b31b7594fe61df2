import { CareerPlan } from '../../src/modules/career-plans/career-plan.entity';
import { PlanActivity } from '../../src/modules/career-plans/plan-activity.entity';
import { EvidenceFile } from '../../src/modules/training/evidence-file.entity';
import { TrainingRecord } from '../../src/modules/training/training-record.entity';
import {
  expectAccessible,
  goTo,
  settled,
  signIn,
  startBrowserWorld,
  TINY_PDF,
} from './support/browser-world';
import type { BrowserWorld } from './support/browser-world';
import { as, daysAgo, makeParticipant } from './support/seed';

describe('Web app: employee (chromium)', () => {
  let world: BrowserWorld;
  let employeeId: string;

  beforeAll(async () => {
    world = await startBrowserWorld();
    employeeId = world.users.EMPLOYEE.employeeId!;
    await makeParticipant(world.t.dataSource, world.departmentId, employeeId);
    // A conversation the supervisor logged, for "my conversations".
    await world.t.http
      .post('/api/career-conversations')
      .set(as(await world.token('SUPERVISOR')))
      .send({
        employeeId,
        heldOn: daysAgo(10),
        summary: 'Talked about the SSA exam',
        nextSteps: 'Enroll in Excel',
      })
      .expect(201);
  });

  afterAll(async () => {
    await world?.close();
  });

  it('reads their record and eligibility, writes and submits a plan, reports training with evidence, reads conversations and the comment on the returned plan, withdraws it', async () => {
    const page = await world.openPage();
    await signIn(world, page, 'EMPLOYEE', 'My record');
    await settled(page);
    await page.getByText('D900001').waitFor();
    await expectAccessible(world, page, 'employee: my record');

    await goTo(page, 'My eligibility');
    await settled(page);
    // Gaps in plain words, e.g. "You need 42 more college semester units."
    await page
      .getByText(/You need [\d.,]+ more college semester units/)
      .first()
      .waitFor();
    await expectAccessible(world, page, 'employee: my eligibility');

    await goTo(page, 'My career plan');
    await settled(page);
    await page.getByLabel('Your goals').fill('Qualify for Staff Services Analyst within two years');
    await page.getByLabel('Staff Services Analyst (General) (5157)').check();
    await page.getByRole('button', { name: 'Start my plan' }).click();
    await page.getByRole('status').getByText('Your draft plan was created.').waitFor();
    await page.getByRole('button', { name: 'Add an activity' }).click();
    await page
      .getByRole('group', { name: 'Activity 1' })
      .getByLabel('Description')
      .fill('Intermediate Excel course');
    await page.getByRole('group', { name: 'Activity 1' }).getByLabel('Planned hours').fill('16');
    await expectAccessible(world, page, 'employee: my career plan (draft)');
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByRole('status').getByText('Your plan was submitted for approval.').waitFor();
    await page.getByText('Submitted', { exact: true }).first().waitFor();

    const plan = await world.t.dataSource.getRepository(CareerPlan).findOneByOrFail({ employeeId });
    expect(plan).toMatchObject({ state: 'SUBMITTED', targetClassCodes: ['5157'] });
    const activities = await world.t.dataSource
      .getRepository(PlanActivity)
      .findBy({ planId: plan.id });
    expect(activities.map((a) => a.description)).toEqual(['Intermediate Excel course']);
    await expectAccessible(world, page, 'employee: my career plan (submitted)');

    // The supervisor sends it back with a comment (through the API); the employee reads it below.
    await world.t.http
      .post(`/api/career-plans/${plan.id}/transitions`)
      .set(as(await world.token('SUPERVISOR')))
      .set('If-Match', `"${plan.version}"`)
      .send({ action: 'RETURN', comment: 'Please add a target date to the Excel course.' })
      .expect(200);

    await goTo(page, 'My training');
    await settled(page);
    await page.getByLabel('Title').fill('Business writing');
    await page.getByLabel('Hours').fill('7.5');
    await page.getByLabel('Start date').fill(daysAgo(9));
    await page.getByLabel('Completion date').fill(daysAgo(8));
    await page
      .getByLabel('Evidence (optional)')
      .setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await page.getByRole('button', { name: 'Report training' }).click();
    await page
      .getByRole('status')
      .getByText(/"Business writing" was reported with its evidence/)
      .waitFor();
    await page.getByRole('table').getByRole('cell', { name: 'Business writing' }).waitFor();
    const record = await world.t.dataSource
      .getRepository(TrainingRecord)
      .findOneByOrFail({ employeeId, title: 'Business writing' });
    expect({ status: record.status, hours: Number(record.hours) }).toEqual({
      status: 'REPORTED',
      hours: 7.5,
    });
    expect(
      await world.t.dataSource.getRepository(EvidenceFile).countBy({ trainingRecordId: record.id }),
    ).toBe(1);
    await expectAccessible(world, page, 'employee: my training');

    await goTo(page, 'My conversations');
    await settled(page);
    await page.getByText('Talked about the SSA exam').waitFor();
    await expectAccessible(world, page, 'employee: my conversations');

    await goTo(page, 'My career plan');
    await settled(page);
    await page.getByText("Your reviewer's comment").waitFor();
    await page.getByText('Please add a target date to the Excel course.').first().waitFor();
    await page.getByText(/Return by the supervisor/).waitFor();
    await expectAccessible(world, page, 'employee: my career plan (returned with a comment)');
    await page.getByRole('button', { name: 'Withdraw my plan' }).click();
    await page.getByRole('button', { name: 'Yes, withdraw my plan' }).click();
    await page.getByRole('status').getByText('Your plan was withdrawn.').waitFor();
    await page.getByRole('heading', { name: 'Start a plan' }).waitFor();
    expect(
      (await world.t.dataSource.getRepository(CareerPlan).findOneByOrFail({ id: plan.id })).state,
    ).toBe('WITHDRAWN');
  });
});
