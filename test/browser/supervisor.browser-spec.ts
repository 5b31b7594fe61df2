import { CareerConversation } from '../../src/modules/career-conversations/career-conversation.entity';
import { CareerPlan } from '../../src/modules/career-plans/career-plan.entity';
import {
  expectAccessible,
  goTo,
  settled,
  signIn,
  startBrowserWorld,
} from './support/browser-world';
import type { BrowserWorld } from './support/browser-world';
import { daysAgo, submittedPlan } from './support/seed';

describe('Web app: supervisor (chromium)', () => {
  let world: BrowserWorld;
  let planId: string;

  beforeAll(async () => {
    world = await startBrowserWorld();
    planId = await submittedPlan(world, 'Become a Staff Services Analyst');
  });

  afterAll(async () => {
    await world?.close();
  });

  it('sees the team, returns nothing without a comment, approves the plan with a comment, logs a conversation', async () => {
    const page = await world.openPage();
    await signIn(world, page, 'SUPERVISOR', 'My direct reports');
    await settled(page);
    const report = page.getByRole('row', { name: /Eli Employee/ });
    await report.getByText('Submitted').waitFor();
    await expectAccessible(world, page, 'supervisor: my direct reports');

    await goTo(page, 'Plans to review');
    await settled(page);
    await expectAccessible(world, page, 'supervisor: plans to review');
    await page.getByRole('link', { name: 'Review the plan of Eli Employee' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan of Eli Employee' }).waitFor();
    await settled(page);
    await page.getByText('Become a Staff Services Analyst').waitFor();
    await expectAccessible(world, page, 'supervisor: review a plan');

    // Returning needs a comment: the page says so and nothing is sent.
    await page.getByRole('button', { name: 'Return with comment' }).click();
    await page.getByText('Write what should change before returning the plan.').waitFor();
    expect(
      (await world.t.dataSource.getRepository(CareerPlan).findOneByOrFail({ id: planId })).state,
    ).toBe('SUBMITTED');

    await page.getByLabel('Comment').fill('Good plan; add a target date to the Excel course.');
    await page.getByRole('button', { name: 'Approve the plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plans to review' }).waitFor();
    await page.getByRole('status').getByText('The plan was approved.').waitFor();
    await page.getByText('No plan is waiting for you.').waitFor();
    const plan = await world.t.dataSource.getRepository(CareerPlan).findOneByOrFail({ id: planId });
    expect({ state: plan.state, comment: plan.lastComment }).toEqual({
      state: 'APPROVED',
      comment: 'Good plan; add a target date to the Excel course.',
    });

    await goTo(page, 'Career conversations');
    await settled(page);
    await page.getByLabel('Employee').selectOption({ label: 'Eli Employee (D900001)' });
    await page.getByLabel('Held on').fill(daysAgo(1));
    await page
      .getByLabel('What you talked about')
      .fill('Reviewed the approved plan and the exam calendar');
    await page.getByLabel('Next steps (optional)').fill('Register for the SSA exam');
    await page.getByRole('button', { name: 'Log the conversation' }).click();
    await page
      .getByRole('status')
      .getByText('The conversation with Eli Employee was logged.')
      .waitFor();
    await page.getByText('Reviewed the approved plan and the exam calendar').waitFor();
    const logged = await world.t.dataSource
      .getRepository(CareerConversation)
      .findOneByOrFail({ employeeId: world.users.EMPLOYEE.employeeId! });
    expect({ heldOn: logged.heldOn, nextSteps: logged.nextSteps }).toEqual({
      heldOn: daysAgo(1),
      nextSteps: 'Register for the SSA exam',
    });
    await expectAccessible(world, page, 'supervisor: career conversations');
  });
});
