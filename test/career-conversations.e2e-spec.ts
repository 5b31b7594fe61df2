import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { ProgramApplication } from '../src/modules/applications/program-application.entity';
import { ProgramParticipation } from '../src/modules/applications/participation.entity';
import { addCalendarMonths } from '../src/modules/career-conversations/conversation-due.rule';
import { programToday } from '../src/modules/program-calendar/program-date';
import type { Classification } from '../src/modules/classifications/classification.entity';
import { addDays } from '../src/modules/program-calendar/fiscal-year.rule';
import { auditCount, makeClassification, makeEmployee, makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

describe('Career conversations (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  let target: Classification;
  let today: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function counts(): Promise<[number, number]> {
    const rows: { count: string }[] = await t.dataSource.query(
      'SELECT count(*) FROM career_conversations',
    );
    return [Number(rows[0].count), await auditCount(t.dataSource)];
  }

  async function refused(
    send: () => Promise<{ status: number; body: Record<string, unknown> }>,
    status: number,
  ): Promise<Record<string, unknown>> {
    const before = await counts();
    const response = await send();
    expect({ status: response.status, body: response.body }).toMatchObject({ status });
    expect(await counts()).toEqual(before);
    return response.body;
  }

  const log = (token: string, body: object) =>
    t.http.post('/api/career-conversations').set(as(token)).send(body);

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    today = programToday();
    target = await makeClassification(t.dataSource);
  });
  afterAll(() => t.close());

  it('the supervisor logs a conversation with a report, audited', async () => {
    const response = await log(world.tokens.SUPERVISOR, {
      employeeId: world.employees.employee.id,
      heldOn: today,
      summary: '  Talked about the SSA exam  ',
      nextSteps: 'Sign up for the spring course',
    }).expect(201);
    expect(response.body).toMatchObject({
      employeeId: world.employees.employee.id,
      departmentId: world.home.id,
      heldOn: today,
      heldByUserId: world.users.SUPERVISOR.id,
      summary: 'Talked about the SSA exam',
      nextSteps: 'Sign up for the spring course',
    });
    const entry = await t.dataSource
      .getRepository(AuditEntry)
      .findOneByOrFail({ entityType: 'career_conversation', entityId: response.body.id });
    expect(entry).toMatchObject({ action: 'CREATE', departmentId: world.home.id });
    expect(entry.changes).toMatchObject({
      heldOn: { old: null, new: today },
      actorRelation: { old: null, new: 'SUPERVISOR' },
    });
    const coordinator = await log(world.tokens.COORDINATOR, {
      employeeId: world.employees.peer.id,
      heldOn: addDays(today, -3),
      summary: 'Quarterly check-in',
    }).expect(201);
    expect(coordinator.body.nextSteps).toBe('');
    await log(world.tokens.ADMIN, {
      employeeId: world.employees.otherDepartment.id,
      heldOn: today,
      summary: 'Admin check-in',
    }).expect(201);
  });

  it('refuses bad input and callers outside scope, writing nothing', async () => {
    const body = { employeeId: world.employees.employee.id, heldOn: today, summary: 'ok' };
    const future = await refused(
      () => log(world.tokens.SUPERVISOR, { ...body, heldOn: addDays(today, 1) }),
      400,
    );
    expect(future.errors).toEqual([{ field: 'heldOn', message: 'must not be in the future' }]);
    const invalid = await refused(
      () => log(world.tokens.SUPERVISOR, { ...body, heldOn: '2026-02-30', summary: ' ' }),
      400,
    );
    expect((invalid.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'heldOn',
      'summary',
    ]);
    await refused(
      () => log(world.tokens.SUPERVISOR, { ...body, employeeId: world.employees.peer.id }),
      404,
    );
    await refused(() => log(world.tokens.otherCoordinator, body), 404);
    // Nobody logs a conversation with themselves.
    await refused(
      () => log(world.tokens.SUPERVISOR, { ...body, employeeId: world.employees.supervisor.id }),
      403,
    );
    await refused(() => log(world.tokens.EMPLOYEE, body), 403);
    await refused(() => log(world.tokens.AUDITOR, body), 403);
  });

  it('lists and reads conversations within scope only', async () => {
    const list = async (token: string, query: Record<string, string> = {}) =>
      (await t.http.get('/api/career-conversations').query(query).set(as(token)).expect(200))
        .body as { total: number; items: { id: string; employeeId: string; heldOn: string }[] };
    const own = await list(world.tokens.EMPLOYEE);
    expect(own.items.map((c) => c.employeeId)).toEqual([world.employees.employee.id]);
    expect((await list(world.tokens.EMPLOYEE, { employeeId: world.employees.peer.id })).total).toBe(
      0,
    );
    const home = await list(world.tokens.COORDINATOR, { sort: 'heldOn', order: 'desc' });
    expect(home.items.map((c) => c.heldOn)).toEqual([today, addDays(today, -3)]);
    expect((await list(world.tokens.COORDINATOR, { from: today })).total).toBe(1);
    expect((await list(world.tokens.otherCoordinator)).total).toBe(1);
    expect((await list(world.tokens.ADMIN)).total).toBe(3);
    await t.http.get('/api/career-conversations').set(as(world.tokens.AUDITOR)).expect(403);
    await t.http
      .get('/api/career-conversations')
      .query({ from: 'yesterday' })
      .set(as(world.tokens.ADMIN))
      .expect(400);

    const peerConversation = (
      await list(world.tokens.COORDINATOR, { employeeId: world.employees.peer.id })
    ).items[0];
    await t.http
      .get(`/api/career-conversations/${peerConversation.id}`)
      .set(as(world.tokens.COORDINATOR))
      .expect(200);
    for (const token of [
      world.tokens.EMPLOYEE,
      world.tokens.SUPERVISOR,
      world.tokens.otherCoordinator,
    ]) {
      await t.http
        .get(`/api/career-conversations/${peerConversation.id}`)
        .set(as(token))
        .expect(404);
    }
    await t.http
      .get(`/api/career-conversations/${own.items[0].id}`)
      .set(as(world.tokens.EMPLOYEE))
      .expect(200);
  });

  it('shows on the plan when the next conversation is due', async () => {
    const employee = await makeEmployee(t.dataSource, world.home.id, world.classification.id, {
      supervisorId: world.employees.supervisor.id,
    });
    const application = await t.dataSource.getRepository(ProgramApplication).save({
      departmentId: world.home.id,
      employeeId: employee.id,
      targetClassificationId: target.id,
      submittedOn: today,
      status: 'ACCEPTED',
    });
    await t.dataSource.getRepository(ProgramParticipation).insert({
      departmentId: world.home.id,
      employeeId: employee.id,
      applicationId: application.id,
      startedOn: today,
    });
    const created = await t.http
      .post('/api/career-plans')
      .set(as(world.tokens.COORDINATOR))
      .send({ employeeId: employee.id })
      .expect(201);
    const planPath = `/api/career-plans/${created.body.id}`;
    expect(created.body.nextConversationDue).toBeNull();

    // An old conversation: the next one was due six months later, and is overdue now.
    const old = addDays(today, -400);
    await log(world.tokens.SUPERVISOR, {
      employeeId: employee.id,
      heldOn: old,
      summary: 'Intake',
    }).expect(201);
    let plan = await t.http.get(planPath).set(as(world.tokens.SUPERVISOR)).expect(200);
    expect(plan.body.nextConversationDue).toEqual({
      dueOn: addCalendarMonths(old, 6),
      basis: 'LAST_CONVERSATION',
      overdue: true,
    });

    const recent = addDays(today, -10);
    await log(world.tokens.COORDINATOR, {
      employeeId: employee.id,
      heldOn: recent,
      summary: 'Plan review',
    }).expect(201);
    plan = await t.http.get(planPath).set(as(world.tokens.COORDINATOR)).expect(200);
    expect(plan.body.nextConversationDue).toEqual({
      dueOn: addCalendarMonths(recent, 6),
      basis: 'LAST_CONVERSATION',
      overdue: false,
    });
  });
});
