import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { ProgramApplication } from '../src/modules/applications/program-application.entity';
import { ProgramParticipation } from '../src/modules/applications/participation.entity';
import { addCalendarMonths } from '../src/modules/career-conversations/conversation-due.rule';
import { CareerPlan } from '../src/modules/career-plans/career-plan.entity';
import { programToday } from '../src/modules/program-calendar/program-date';
import type { Classification } from '../src/modules/classifications/classification.entity';
import { UmDesignationRecord } from '../src/modules/classifications/um-designation.entity';
import type { Employee } from '../src/modules/employees/employee.entity';
import { fiscalYearOf } from '../src/modules/program-calendar/fiscal-year.rule';
import { auditCount, makeClassification, makeEmployee, makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

const TABLES = ['career_plans', 'career_plan_activities', 'career_plan_events'] as const;

interface PlanBody {
  id: string;
  state: string;
  version: number;
  goals: string;
  targetClassCodes: string[];
  lastComment: string | null;
  approvedBy: string | null;
  activities: { id: string; kind: string; description: string; status: string }[];
  events: {
    action: string;
    fromState: string;
    toState: string;
    actorRelation: string;
    comment: string | null;
  }[];
  allowedActions: string[];
  nextConversationDue: { dueOn: string; basis: string; overdue: boolean } | null;
}

describe('Career development plans (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  let eltpa: Classification;
  let today: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = { audit: await auditCount(t.dataSource) };
    for (const table of TABLES) {
      const rows: { count: string }[] = await t.dataSource.query(`SELECT count(*) FROM ${table}`);
      result[table] = Number(rows[0].count);
    }
    const versions: { sum: string | null }[] = await t.dataSource.query(
      'SELECT sum(version) FROM career_plans',
    );
    result.versions = Number(versions[0].sum ?? 0);
    return result;
  }

  /** A refused request changes no row, no version and writes no audit entry. */
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

  const fields = (body: Record<string, unknown>) =>
    (body.errors as { field: string }[]).map((e) => e.field);

  /** Makes the employee a participant, as an accepted application would. */
  async function participant(employee: Employee): Promise<void> {
    const application = await t.dataSource.getRepository(ProgramApplication).save({
      departmentId: employee.departmentId,
      employeeId: employee.id,
      targetClassificationId: eltpa.id,
      submittedOn: today,
      status: 'ACCEPTED',
      decidedOn: today,
    });
    await t.dataSource.getRepository(ProgramParticipation).insert({
      departmentId: employee.departmentId,
      employeeId: employee.id,
      applicationId: application.id,
      startedOn: today,
    });
  }

  const report = () =>
    makeEmployee(t.dataSource, world.home.id, world.classification.id, {
      supervisorId: world.employees.supervisor.id,
    });

  async function planFor(employee: Employee, body: object = {}): Promise<PlanBody> {
    await participant(employee);
    const response = await t.http
      .post('/api/career-plans')
      .set(as(world.tokens.COORDINATOR))
      .send({ employeeId: employee.id, ...body })
      .expect(201);
    return response.body as PlanBody;
  }

  const transition = (
    id: string,
    version: number,
    token: string,
    action: string,
    comment?: string,
  ) =>
    t.http
      .post(`/api/career-plans/${id}/transitions`)
      .set(as(token))
      .set('If-Match', `"${version}"`)
      .send(comment === undefined ? { action } : { action, comment });

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    today = programToday();
    eltpa = await makeClassification(t.dataSource, {
      classCode: '5157',
      title: 'Staff Services Analyst',
    });
    const accountant = await makeClassification(t.dataSource, {
      classCode: '4548',
      title: 'Accountant Trainee',
    });
    await t.dataSource.getRepository(UmDesignationRecord).insert(
      [eltpa, accountant].map((c) => ({
        departmentId: world.home.id,
        fiscalYear: fiscalYearOf(today),
        classificationId: c.id,
        designation: 'ELTPA' as const,
        ladderTargetClassCodes: [],
      })),
    );
  });
  afterAll(() => t.close());

  describe('creating', () => {
    it('lets the participant create a DRAFT plan with activities, once', async () => {
      await participant(world.employees.employee);
      const created = await t.http
        .post('/api/career-plans')
        .set(as(world.tokens.EMPLOYEE))
        .send({
          goals: 'Become a Staff Services Analyst',
          targetClassCodes: ['5157'],
          activities: [
            { kind: 'EXAM', description: 'Take the SSA exam', targetDate: '2027-03-01' },
            { kind: 'TRAINING', description: 'Excel course', plannedHours: 16.5 },
          ],
        })
        .expect(201);
      const plan = created.body as PlanBody;
      expect(created.headers.etag).toBe(`"${plan.version}"`);
      expect(plan).toMatchObject({
        employeeId: world.employees.employee.id,
        state: 'DRAFT',
        targetClassCodes: ['5157'],
        allowedActions: ['SUBMIT', 'WITHDRAW'],
        nextConversationDue: null,
        events: [{ action: 'CREATE', fromState: 'NONE', toState: 'DRAFT', actorRelation: 'OWNER' }],
      });
      expect(plan.activities.map((a) => [a.kind, a.status])).toEqual([
        ['EXAM', 'PLANNED'],
        ['TRAINING', 'PLANNED'],
      ]);
      const entry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityType: 'career_plan', entityId: plan.id });
      expect(entry).toMatchObject({ action: 'CREATE', actorUserId: world.users.EMPLOYEE.id });

      const second = await refused(
        () => t.http.post('/api/career-plans').set(as(world.tokens.EMPLOYEE)).send({}),
        409,
      );
      expect(second).toMatchObject({ code: 'CONFLICT', planId: plan.id });
    });

    it('refuses plans for non-participants, bad targets and callers out of scope', async () => {
      const outsider = await report();
      const notParticipant = await refused(
        () =>
          t.http
            .post('/api/career-plans')
            .set(as(world.tokens.COORDINATOR))
            .send({ employeeId: outsider.id }),
        422,
      );
      expect(fields(notParticipant)).toEqual(['employeeId']);
      await participant(outsider);
      const badTargets = await refused(
        () =>
          t.http
            .post('/api/career-plans')
            .set(as(world.tokens.COORDINATOR))
            .send({
              employeeId: outsider.id,
              targetClassCodes: ['5157', world.classification.classCode, '0000'],
            }),
        400,
      );
      expect(fields(badTargets)).toEqual(['targetClassCodes[1]', 'targetClassCodes[2]']);
      const badActivity = await refused(
        () =>
          t.http
            .post('/api/career-plans')
            .set(as(world.tokens.COORDINATOR))
            .send({
              employeeId: outsider.id,
              activities: [{ kind: 'NAP', description: '', targetDate: '2027-02-30' }],
            }),
        400,
      );
      expect(fields(badActivity)).toEqual(
        expect.arrayContaining([
          'activities[0].kind',
          'activities[0].description',
          'activities[0].targetDate',
        ]),
      );
      await refused(
        () =>
          t.http
            .post('/api/career-plans')
            .set(as(world.tokens.SUPERVISOR))
            .send({ employeeId: outsider.id }),
        403,
      );
      await refused(
        () =>
          t.http
            .post('/api/career-plans')
            .set(as(world.tokens.EMPLOYEE))
            .send({ employeeId: outsider.id }),
        404,
      );
      await refused(
        () =>
          t.http
            .post('/api/career-plans')
            .set(as(world.tokens.otherCoordinator))
            .send({ employeeId: outsider.id }),
        404,
      );
      await refused(
        () =>
          t.http
            .post('/api/career-plans')
            .set(as(world.tokens.AUDITOR))
            .send({ employeeId: outsider.id }),
        403,
      );
    });
  });

  describe('editing with optimistic locking', () => {
    it('needs If-Match (428), refuses a stale one (409) and answers with the new ETag', async () => {
      const employee = await report();
      const plan = await planFor(employee, {
        activities: [
          { kind: 'EXAM', description: 'SSA exam' },
          { kind: 'MENTORING', description: 'Monthly mentor' },
        ],
      });
      const path = `/api/career-plans/${plan.id}`;
      const missing = await refused(
        () => t.http.patch(path).set(as(world.tokens.COORDINATOR)).send({ goals: 'x' }),
        428,
      );
      expect(missing).toMatchObject({ code: 'PRECONDITION_REQUIRED' });
      const stale = await refused(
        () =>
          t.http
            .patch(path)
            .set(as(world.tokens.COORDINATOR))
            .set('If-Match', `"${plan.version + 7}"`)
            .send({ goals: 'x' }),
        409,
      );
      expect(stale).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: plan.version });
      const malformed = await refused(
        () =>
          t.http
            .patch(path)
            .set(as(world.tokens.COORDINATOR))
            .set('If-Match', '*')
            .send({ goals: 'x' }),
        400,
      );
      expect(fields(malformed)).toEqual(['header.If-Match']);

      const [exam] = plan.activities.filter((a) => a.kind === 'EXAM');
      const updated = await t.http
        .patch(path)
        .set(as(world.tokens.COORDINATOR))
        .set('If-Match', `"${plan.version}"`)
        .send({
          goals: 'Analyst in two years',
          targetClassCodes: ['5157', '4548'],
          activities: [
            { id: exam.id, kind: 'EXAM', description: 'SSA exam, spring', status: 'PLANNED' },
            { kind: 'COLLEGE_COURSE', description: 'Accounting 101', plannedHours: 45 },
          ],
        })
        .expect(200);
      expect(updated.headers.etag).toBe(`"${plan.version + 1}"`);
      expect(updated.body).toMatchObject({
        version: plan.version + 1,
        goals: 'Analyst in two years',
        targetClassCodes: ['5157', '4548'],
      });
      // The exam kept its id, the mentoring went, the course was added.
      const activities = (updated.body as PlanBody).activities;
      expect(activities.map((a) => a.description).sort()).toEqual([
        'Accounting 101',
        'SSA exam, spring',
      ]);
      expect(activities.find((a) => a.kind === 'EXAM')!.id).toBe(exam.id);
      const entry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityId: plan.id, action: 'UPDATE' });
      expect(entry.changes).toMatchObject({
        goals: { old: '', new: 'Analyst in two years' },
        targetClassCodes: { old: [], new: ['5157', '4548'] },
      });

      const current = (updated.body as PlanBody).version;
      const wrongId = await refused(
        () =>
          t.http
            .patch(path)
            .set(as(world.tokens.COORDINATOR))
            .set('If-Match', `"${current}"`)
            .send({
              targetClassCodes: [world.classification.classCode],
              activities: [{ id: world.home.id, kind: 'EXAM', description: 'x' }],
            }),
        400,
      );
      expect(fields(wrongId)).toEqual(['targetClassCodes[0]', 'activities[0].id']);
      await refused(
        () =>
          t.http
            .patch(path)
            .set(as(world.tokens.SUPERVISOR))
            .set('If-Match', `"${current}"`)
            .send({ goals: 'mine now' }),
        403,
      );
      await refused(
        () =>
          t.http
            .patch(path)
            .set(as(world.tokens.otherCoordinator))
            .set('If-Match', `"${current}"`)
            .send({ goals: 'x' }),
        404,
      );
      const read = await t.http.get(path).set(as(world.tokens.SUPERVISOR)).expect(200);
      expect(read.headers.etag).toBe(`"${current}"`);
    });

    it('lets exactly one of 50 concurrent PATCHes with the same version through', async () => {
      const employee = await report();
      const plan = await planFor(employee);
      const before = await counts();
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          t.http
            .patch(`/api/career-plans/${plan.id}`)
            .set(as(world.tokens.COORDINATOR))
            .set('If-Match', `"${plan.version}"`)
            .send({ goals: `Writer ${index}` }),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      expect(
        responses.filter((r) => r.status === 409).every((r) => r.body.code === 'VERSION_CONFLICT'),
      ).toBe(true);
      const winner = responses.find((r) => r.status === 200)!;
      const stored = await t.dataSource.getRepository(CareerPlan).findOneByOrFail({ id: plan.id });
      expect(stored).toMatchObject({ version: plan.version + 1, goals: winner.body.goals });
      expect(await counts()).toEqual({
        ...before,
        audit: before.audit + 1,
        versions: before.versions + 1,
      });
    });

    it('lets one of several concurrent transitions through, the others get 409 (no 500)', async () => {
      const employee = await report();
      const plan = await planFor(employee);
      await t.dataSource.query("UPDATE career_plans SET state = 'SUBMITTED' WHERE id = $1", [
        plan.id,
      ]);
      const responses = await Promise.all([
        ...Array.from({ length: 10 }, () =>
          transition(plan.id, plan.version, world.tokens.SUPERVISOR, 'APPROVE'),
        ),
        ...Array.from({ length: 10 }, () =>
          transition(plan.id, plan.version, world.tokens.COORDINATOR, 'RETURN', 'Redo'),
        ),
      ]);
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      const events = await t.http
        .get(`/api/career-plans/${plan.id}`)
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      expect((events.body as PlanBody).events.map((e) => e.action)).toHaveLength(2);
    });
  });

  describe('workflow', () => {
    it('submitted, returned with a comment, resubmitted, approved by the supervisor, completed', async () => {
      const employee = world.employees.employee;
      const list = await t.http
        .get('/api/career-plans')
        .query({ employeeId: employee.id, state: 'DRAFT' })
        .set(as(world.tokens.EMPLOYEE))
        .expect(200);
      let plan = list.body.items[0] as PlanBody;
      const id = plan.id;
      const owner = world.tokens.EMPLOYEE;
      const supervisor = world.tokens.SUPERVISOR;

      const noHeader = await refused(
        () =>
          t.http
            .post(`/api/career-plans/${id}/transitions`)
            .set(as(owner))
            .send({ action: 'SUBMIT' }),
        428,
      );
      expect(noHeader.code).toBe('PRECONDITION_REQUIRED');
      await refused(() => transition(id, plan.version - 1, owner, 'SUBMIT'), 409);
      // The supervisor cannot approve a draft; the answer lists what they may do (nothing).
      const early = await refused(() => transition(id, plan.version, supervisor, 'APPROVE'), 409);
      expect(early).toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
        reason: 'NOT_ALLOWED_FROM_STATE',
        allowed: [],
      });

      let response = await transition(id, plan.version, owner, 'SUBMIT').expect(200);
      plan = response.body as PlanBody;
      expect(response.headers.etag).toBe(`"${plan.version}"`);
      expect(plan).toMatchObject({ state: 'SUBMITTED', allowedActions: ['WITHDRAW'] });

      // Owner may not approve their own plan; the body says what they may do.
      const self = await refused(() => transition(id, plan.version, owner, 'APPROVE'), 409);
      expect(self).toMatchObject({ reason: 'NOT_ALLOWED_FOR_ACTOR', allowed: ['WITHDRAW'] });
      await refused(
        () =>
          t.http
            .patch(`/api/career-plans/${id}`)
            .set(as(owner))
            .set('If-Match', `"${plan.version}"`)
            .send({ goals: 'changed while submitted' }),
        409,
      );
      const noComment = await refused(
        () => transition(id, plan.version, supervisor, 'RETURN'),
        400,
      );
      expect(fields(noComment)).toEqual(['comment']);
      await refused(() => transition(id, plan.version, supervisor, 'RETURN', '   '), 400);
      await refused(
        () => transition(id, plan.version, world.tokens.otherCoordinator, 'RETURN', 'x'),
        404,
      );

      response = await transition(
        id,
        plan.version,
        supervisor,
        'RETURN',
        'Add a training goal',
      ).expect(200);
      plan = response.body as PlanBody;
      expect(plan).toMatchObject({ state: 'RETURNED', lastComment: 'Add a training goal' });

      response = await t.http
        .patch(`/api/career-plans/${id}`)
        .set(as(owner))
        .set('If-Match', `"${plan.version}"`)
        .send({ goals: 'Analyst; first the Excel course' })
        .expect(200);
      plan = response.body as PlanBody;
      response = await transition(id, plan.version, owner, 'SUBMIT').expect(200);
      plan = response.body as PlanBody;
      expect(plan.state).toBe('SUBMITTED');

      response = await transition(id, plan.version, supervisor, 'APPROVE').expect(200);
      plan = response.body as PlanBody;
      expect(plan).toMatchObject({
        state: 'APPROVED',
        approvedBy: world.users.SUPERVISOR.id,
        allowedActions: [],
        nextConversationDue: {
          dueOn: addCalendarMonths(today, 6),
          basis: 'PLAN_APPROVAL',
          overdue: false,
        },
      });
      const again = await refused(() => transition(id, plan.version, supervisor, 'APPROVE'), 409);
      expect(again).toMatchObject({ reason: 'NOT_ALLOWED_FROM_STATE', allowed: [] });
      const notSupervisor = await refused(
        () => transition(id, plan.version, supervisor, 'COMPLETE'),
        409,
      );
      expect(notSupervisor).toMatchObject({ reason: 'NOT_ALLOWED_FOR_ACTOR', allowed: [] });
      const asCoordinator = await t.http
        .get(`/api/career-plans/${id}`)
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      expect(asCoordinator.body.allowedActions).toEqual(['COMPLETE']);

      response = await transition(id, plan.version, world.tokens.COORDINATOR, 'COMPLETE').expect(
        200,
      );
      plan = response.body as PlanBody;
      expect(plan).toMatchObject({ state: 'COMPLETED', nextConversationDue: null });
      const terminal = await refused(() => transition(id, plan.version, owner, 'WITHDRAW'), 409);
      expect(terminal).toMatchObject({ allowed: [] });

      expect(
        plan.events.map((e) => [e.action, e.fromState, e.toState, e.actorRelation, e.comment]),
      ).toEqual([
        ['CREATE', 'NONE', 'DRAFT', 'OWNER', null],
        ['SUBMIT', 'DRAFT', 'SUBMITTED', 'OWNER', null],
        ['RETURN', 'SUBMITTED', 'RETURNED', 'SUPERVISOR', 'Add a training goal'],
        ['SUBMIT', 'RETURNED', 'SUBMITTED', 'OWNER', null],
        ['APPROVE', 'SUBMITTED', 'APPROVED', 'SUPERVISOR', null],
        ['COMPLETE', 'APPROVED', 'COMPLETED', 'COORDINATOR', null],
      ]);
      const trail = await t.dataSource
        .getRepository(AuditEntry)
        .find({ where: { entityType: 'career_plan', entityId: id }, order: { id: 'ASC' } });
      expect(trail.map((e) => e.action)).toEqual([
        'CREATE',
        'SUBMIT',
        'RETURN',
        'UPDATE',
        'SUBMIT',
        'APPROVE',
        'COMPLETE',
      ]);
      expect(trail[2].changes).toMatchObject({
        state: { old: 'SUBMITTED', new: 'RETURNED' },
        comment: { old: null, new: 'Add a training goal' },
        actorRelation: { old: null, new: 'SUPERVISOR' },
      });

      // With that plan completed, the employee may start a new one.
      await t.http.post('/api/career-plans').set(as(owner)).send({}).expect(201);
    });

    it('lets the owner withdraw, and refuses unknown actions', async () => {
      const employee = await report();
      const plan = await planFor(employee);
      const bad = await refused(
        () => transition(plan.id, plan.version, world.tokens.ADMIN, 'ARCHIVE'),
        400,
      );
      expect(fields(bad)).toEqual(['action']);
      const admin = await refused(
        () => transition(plan.id, plan.version, world.tokens.ADMIN, 'WITHDRAW'),
        409,
      );
      expect(admin).toMatchObject({ reason: 'NOT_ALLOWED_FOR_ACTOR', allowed: [] });
    });
  });

  describe('activities', () => {
    it('owner in DRAFT/RETURNED, coordinator any time; each change moves the ETag', async () => {
      const employee = await report();
      const plan = await planFor(employee);
      const base = `/api/career-plans/${plan.id}/activities`;
      const added = await t.http
        .post(base)
        .set(as(world.tokens.COORDINATOR))
        .send({ kind: 'OJT', description: 'Shadow the budget analyst', plannedHours: 40 })
        .expect(201);
      expect(added.body).toMatchObject({ kind: 'OJT', plannedHours: 40, status: 'PLANNED' });
      expect(added.headers.etag).toBe(`"${plan.version + 1}"`);

      const stale = await refused(
        () =>
          t.http
            .patch(`${base}/${added.body.id}`)
            .set(as(world.tokens.COORDINATOR))
            .set('If-Match', `"${plan.version}"`)
            .send({ status: 'DONE' }),
        409,
      );
      expect(stale.code).toBe('VERSION_CONFLICT');
      const changed = await t.http
        .patch(`${base}/${added.body.id}`)
        .set(as(world.tokens.COORDINATOR))
        .set('If-Match', `"${plan.version + 1}"`)
        .send({ status: 'DONE', plannedHours: null })
        .expect(200);
      expect(changed.body).toMatchObject({ status: 'DONE', plannedHours: null });
      expect(changed.headers.etag).toBe(`"${plan.version + 2}"`);

      await refused(
        () =>
          t.http
            .post(base)
            .set(as(world.tokens.SUPERVISOR))
            .send({ kind: 'OJT', description: 'x' }),
        403,
      );
      await refused(
        () =>
          t.http.post(base).set(as(world.tokens.EMPLOYEE)).send({ kind: 'OJT', description: 'x' }),
        404,
      );
      await refused(
        () =>
          t.http
            .post(base)
            .set(as(world.tokens.COORDINATOR))
            .send({ kind: 'OJT', description: 'x', status: 'LATE' }),
        400,
      );
      await refused(
        () => t.http.delete(`${base}/${world.home.id}`).set(as(world.tokens.COORDINATOR)),
        404,
      );

      await t.http.delete(`${base}/${added.body.id}`).set(as(world.tokens.COORDINATOR)).expect(204);
      const entries = await t.dataSource.getRepository(AuditEntry).find({
        where: { entityType: 'career_plan_activity', entityId: added.body.id },
        order: { id: 'ASC' },
      });
      expect(entries.map((e) => e.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    });

    it('stops the owner from editing activities once submitted', async () => {
      // The world EMPLOYEE's current plan (created after the completed one) is a DRAFT.
      const list = await t.http
        .get('/api/career-plans')
        .query({ state: 'DRAFT' })
        .set(as(world.tokens.EMPLOYEE))
        .expect(200);
      const plan = list.body.items[0] as PlanBody;
      const base = `/api/career-plans/${plan.id}/activities`;
      const mine = await t.http
        .post(base)
        .set(as(world.tokens.EMPLOYEE))
        .send({ kind: 'TRAINING', description: 'Writing workshop', targetDate: '2027-01-15' })
        .expect(201);
      await transition(plan.id, plan.version + 1, world.tokens.EMPLOYEE, 'SUBMIT').expect(200);
      const locked = await refused(
        () =>
          t.http
            .patch(`${base}/${mine.body.id}`)
            .set(as(world.tokens.EMPLOYEE))
            .send({ status: 'DONE' }),
        409,
      );
      expect(locked.code).toBe('CONFLICT');
      await refused(
        () => t.http.delete(`${base}/${mine.body.id}`).set(as(world.tokens.EMPLOYEE)),
        409,
      );
      // The coordinator still may.
      await t.http
        .patch(`${base}/${mine.body.id}`)
        .set(as(world.tokens.COORDINATOR))
        .send({ status: 'DONE' })
        .expect(200);
    });
  });

  describe('reading is scoped', () => {
    it('lists what each caller may see, sorts and filters, and 404s outside scope', async () => {
      const list = async (token: string, query: Record<string, string> = {}) =>
        (
          await t.http
            .get('/api/career-plans')
            .query({ pageSize: '200', ...query })
            .set(as(token))
            .expect(200)
        ).body as { total: number; items: { id: string; employeeId: string; state: string }[] };
      const mine = await list(world.tokens.EMPLOYEE);
      expect(new Set(mine.items.map((p) => p.employeeId))).toEqual(
        new Set([world.employees.employee.id]),
      );
      expect((await list(world.tokens.otherCoordinator)).total).toBe(0);
      const completed = await list(world.tokens.COORDINATOR, { state: 'COMPLETED' });
      expect(completed.items.length).toBe(1);

      const peerPlan = await planFor(world.employees.peer);
      for (const token of [
        world.tokens.SUPERVISOR,
        world.tokens.EMPLOYEE,
        world.tokens.otherCoordinator,
      ]) {
        await t.http.get(`/api/career-plans/${peerPlan.id}`).set(as(token)).expect(404);
      }
      await t.http
        .get(`/api/career-plans/${peerPlan.id}`)
        .set(as(world.tokens.AUDITOR))
        .expect(403);
      await t.http.get(`/api/career-plans/${peerPlan.id}`).set(as(world.tokens.ADMIN)).expect(200);
      const sorted = await list(world.tokens.ADMIN, { sort: 'updatedAt', order: 'desc' });
      expect(sorted.total).toBeGreaterThan(3);
      await t.http
        .get('/api/career-plans')
        .query({ sort: 'goals' })
        .set(as(world.tokens.ADMIN))
        .expect(400);
    });
  });
});
