import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { ProgramParticipation } from '../src/modules/applications/participation.entity';
import { CareerPlan } from '../src/modules/career-plans/career-plan.entity';
import { PlanEvent } from '../src/modules/career-plans/plan-event.entity';
import { programToday } from '../src/modules/program-calendar/program-date';
import type { Classification } from '../src/modules/classifications/classification.entity';
import type { Designation } from '../src/modules/classifications/um-designation.entity';
import { UmDesignationRecord } from '../src/modules/classifications/um-designation.entity';
import type { Employee } from '../src/modules/employees/employee.entity';
import {
  addDays,
  fiscalYearOf,
  previousFiscalYear,
} from '../src/modules/program-calendar/fiscal-year.rule';
import { auditCount, makeClassification, makeEmployee, makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

const TABLES = [
  'selection_criteria_sets',
  'program_applications',
  'program_participations',
  'career_plans',
  'career_plan_events',
] as const;

const CRITERIA = [
  { key: 'interest', label: 'Interest in the target class', weight: 40, maxPoints: 10 },
  { key: 'experience', label: 'Related experience', weight: 35, maxPoints: 5 },
  { key: 'interview', label: 'Interview', weight: 25, maxPoints: 20 },
];
const FULL_MARKS = { interest: 10, experience: 5, interview: 20 };

describe('Applications, selection and participation (e2e)', () => {
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
    return result;
  }

  /** Runs a refused request and checks that it wrote nothing at all. */
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

  async function designate(
    departmentId: string,
    classification: Classification,
    designation: Designation,
    fiscalYear = fiscalYearOf(today),
  ): Promise<void> {
    await t.dataSource.getRepository(UmDesignationRecord).insert({
      departmentId,
      fiscalYear,
      classificationId: classification.id,
      designation,
      ladderTargetClassCodes: [],
    });
  }

  /** A new LPEL employee reporting to the SUPERVISOR user. */
  const report = (overrides: Partial<Employee> = {}) =>
    makeEmployee(t.dataSource, world.home.id, world.classification.id, {
      supervisorId: world.employees.supervisor.id,
      ...overrides,
    });

  async function apply(employeeId: string, token = world.tokens.COORDINATOR) {
    const response = await t.http
      .post('/api/applications')
      .set(as(token))
      .send({ employeeId, targetClassCode: eltpa.classCode, interests: 'Budgets' });
    expect(response.status).toBe(201);
    return response.body as { id: string; status: string };
  }

  const acknowledge = (id: string) =>
    t.http.post(`/api/applications/${id}/acknowledge`).set(as(world.tokens.SUPERVISOR)).expect(200);

  const decide = (id: string, decision: string, scores: object = FULL_MARKS, token?: string) =>
    t.http
      .post(`/api/applications/${id}/decision`)
      .set(as(token ?? world.tokens.COORDINATOR))
      .send({ scores, decision, reason: `Scored by the panel: ${decision}` });

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    today = programToday();
    eltpa = await makeClassification(t.dataSource, {
      classCode: '5157',
      title: 'Staff Services Analyst (General)',
      occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
    });
    // Designated last fiscal year only: designationAt keeps them in force until changed.
    await designate(
      world.home.id,
      world.classification,
      'LPEL',
      previousFiscalYear(fiscalYearOf(today)),
    );
    await designate(world.home.id, eltpa, 'ELTPA');
    await designate(world.other.id, world.classification, 'LPEL');
    await designate(world.other.id, eltpa, 'ELTPA');
  });
  afterAll(() => t.close());

  describe('selection criteria', () => {
    const path = () => `/api/departments/${world.home.id}/selection-criteria`;

    it('creates versions, never edits them, and shows the one in force', async () => {
      const empty = await t.http.get(path()).set(as(world.tokens.EMPLOYEE)).expect(200);
      expect(empty.body).toEqual({ departmentId: world.home.id, current: null, versions: [] });

      const v1 = await t.http
        .post(path())
        .set(as(world.tokens.COORDINATOR))
        .send({ effectiveFrom: addDays(today, -30), criteria: CRITERIA })
        .expect(201);
      expect(v1.body).toMatchObject({ version: 1, maxTotal: 100, criteria: CRITERIA });
      const v2 = await t.http
        .post(path())
        .set(as(world.tokens.ADMIN))
        .send({
          effectiveFrom: addDays(today, 60),
          criteria: [{ key: 'interest', label: 'Interest', weight: 1, maxPoints: 5 }],
        })
        .expect(201);
      expect(v2.body.version).toBe(2);

      const read = await t.http.get(path()).set(as(world.tokens.SUPERVISOR)).expect(200);
      // v2 takes effect later: v1 is still the one in force.
      expect(read.body.current.id).toBe(v1.body.id);
      expect((read.body.versions as { version: number }[]).map((v) => v.version)).toEqual([2, 1]);

      const entry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityType: 'selection_criteria_set', entityId: v1.body.id });
      expect(entry).toMatchObject({ action: 'CREATE', departmentId: world.home.id });
      expect(entry.changes).toMatchObject({ version: { old: null, new: 1 } });
    });

    it('refuses bad criteria, naming the field, writing nothing', async () => {
      const post =
        (body: object, token = world.tokens.COORDINATOR) =>
        () =>
          t.http.post(path()).set(as(token)).send(body);
      const duplicate = await refused(
        post({
          effectiveFrom: addDays(today, 90),
          criteria: [CRITERIA[0], { ...CRITERIA[1], key: 'interest' }],
        }),
        400,
      );
      expect(fields(duplicate)).toEqual(['criteria[1].key']);
      const zero = await refused(
        post({ effectiveFrom: addDays(today, 90), criteria: [{ ...CRITERIA[0], weight: 0 }] }),
        400,
      );
      expect(fields(zero)).toEqual(['criteria[0].weight']);
      const none = await refused(post({ effectiveFrom: addDays(today, 90), criteria: [] }), 400);
      expect(fields(none)).toEqual(['criteria']);
      const backwards = await refused(
        post({ effectiveFrom: addDays(today, -365), criteria: CRITERIA }),
        400,
      );
      expect(fields(backwards)).toEqual(['effectiveFrom']);
      const badDate = await refused(post({ effectiveFrom: '2026-02-30', criteria: CRITERIA }), 400);
      expect(fields(badDate)).toEqual(['effectiveFrom']);
    });

    it('is scoped to the department', async () => {
      const body = { effectiveFrom: addDays(today, 90), criteria: CRITERIA };
      await refused(() => t.http.get(path()).set(as(world.tokens.otherCoordinator)), 404);
      await refused(
        () => t.http.post(path()).set(as(world.tokens.otherCoordinator)).send(body),
        404,
      );
      await refused(() => t.http.post(path()).set(as(world.tokens.SUPERVISOR)).send(body), 403);
      await refused(() => t.http.get(path()).set(as(world.tokens.AUDITOR)), 403);
    });
  });

  describe('application -> acknowledgement -> decision', () => {
    it('accepts by criteria score: participant with a DRAFT plan, all in one go, audited', async () => {
      const employee = world.employees.employee;
      const filed = await t.http
        .post('/api/applications')
        .set(as(world.tokens.EMPLOYEE))
        .send({ targetClassCode: '5157', interests: 'Budgets', statement: 'I want to grow.' })
        .expect(201);
      expect(filed.body).toMatchObject({
        employeeId: employee.id,
        departmentId: world.home.id,
        targetClassCode: '5157',
        status: 'SUBMITTED',
        submittedOn: today,
        supervisorAcknowledgedAt: null,
      });
      const id = filed.body.id as string;

      const again = await refused(
        () =>
          t.http
            .post('/api/applications')
            .set(as(world.tokens.EMPLOYEE))
            .send({ targetClassCode: '5157' }),
        422,
      );
      expect(again).toMatchObject({ code: 'RULE_VIOLATION', reasons: ['OPEN_APPLICATION'] });

      // Accepting before the supervisor has acknowledged is refused.
      const early = await refused(() => decide(id, 'ACCEPTED'), 422);
      expect(fields(early)).toEqual(['decision']);

      const acknowledged = await acknowledge(id);
      expect(acknowledged.body.supervisorAcknowledgedBy).toBe(world.users.SUPERVISOR.id);
      await refused(
        () => t.http.post(`/api/applications/${id}/acknowledge`).set(as(world.tokens.SUPERVISOR)),
        409,
      );

      const decided = await decide(id, 'ACCEPTED', { interest: 7, experience: 3, interview: 15 });
      expect(decided.status).toBe(200);
      // 7/10*40 + 3/5*35 + 15/20*25 = 28 + 21 + 18.75
      expect(decided.body.application).toMatchObject({
        status: 'ACCEPTED',
        totalScore: 67.75,
        scores: { interest: 7, experience: 3, interview: 15 },
        decidedOn: today,
        decidedBy: world.users.COORDINATOR.id,
        decisionReason: 'Scored by the panel: ACCEPTED',
      });
      const criteria = await t.http
        .get(`/api/departments/${world.home.id}/selection-criteria`)
        .set(as(world.tokens.COORDINATOR));
      expect(decided.body.application.criteriaSetId).toBe(criteria.body.current.id);
      expect(decided.body.participation).toMatchObject({
        employeeId: employee.id,
        applicationId: id,
        startedOn: today,
        withdrawnOn: null,
        active: true,
      });

      const plan = await t.dataSource
        .getRepository(CareerPlan)
        .findOneByOrFail({ id: decided.body.careerPlanId });
      expect(plan).toMatchObject({
        employeeId: employee.id,
        departmentId: world.home.id,
        state: 'DRAFT',
        targetClassCodes: ['5157'],
        participationId: decided.body.participation.id,
      });
      const events = await t.dataSource.getRepository(PlanEvent).findBy({ planId: plan.id });
      expect(events).toEqual([
        expect.objectContaining({
          action: 'CREATE',
          toState: 'DRAFT',
          actorRelation: 'COORDINATOR',
        }),
      ]);
      const readPlan = await t.http
        .get(`/api/career-plans/${plan.id}`)
        .set(as(world.tokens.EMPLOYEE))
        .expect(200);
      expect(readPlan.body.allowedActions).toEqual(['SUBMIT', 'WITHDRAW']);

      const trail = await t.dataSource.getRepository(AuditEntry).find({ order: { id: 'ASC' } });
      const actions = trail.map((e) => `${e.entityType}:${e.action}`);
      expect(actions).toEqual(
        expect.arrayContaining([
          'program_application:CREATE',
          'program_application:ACKNOWLEDGE',
          'program_application:DECIDE',
          'program_participation:CREATE',
          'career_plan:CREATE',
        ]),
      );
      const decision = trail.find(
        (e) => e.entityType === 'program_application' && e.action === 'DECIDE',
      )!;
      expect(decision.changes).toMatchObject({
        status: { old: 'SUBMITTED', new: 'ACCEPTED' },
        totalScore: { old: null, new: 67.75 },
      });

      const history = await t.http
        .get(`/api/employees/${employee.id}/participation`)
        .set(as(world.tokens.SUPERVISOR))
        .expect(200);
      expect(history.body).toMatchObject({ total: 1, items: [{ active: true, startedOn: today }] });

      const participant = await refused(
        () =>
          t.http
            .post('/api/applications')
            .set(as(world.tokens.EMPLOYEE))
            .send({ targetClassCode: '5157' }),
        422,
      );
      expect(participant.reasons).toEqual(['ACTIVE_PARTICIPATION']);
      await refused(() => decide(id, 'DECLINED'), 409);
    });

    it('waitlists, then accepts later; declines without opening anything', async () => {
      const waiting = await report();
      const application = await apply(waiting.id);
      await acknowledge(application.id);
      const listed = await decide(application.id, 'WAITLISTED', {
        interest: 5,
        experience: 5,
        interview: 10,
      });
      expect(listed.body).toMatchObject({
        application: { status: 'WAITLISTED', totalScore: 67.5 },
        participation: null,
        careerPlanId: null,
      });
      const accepted = await decide(application.id, 'ACCEPTED').expect(200);
      expect(accepted.body.application.totalScore).toBe(100);
      expect(accepted.body.careerPlanId).toEqual(expect.any(String));

      const declinedEmployee = await report();
      const declined = await apply(declinedEmployee.id);
      const before = await counts();
      const response = await decide(declined.id, 'DECLINED', {
        interest: 0,
        experience: 0,
        interview: 0,
      }).expect(200);
      expect(response.body).toMatchObject({
        application: { status: 'DECLINED', totalScore: 0 },
        participation: null,
      });
      const after = await counts();
      expect(after.program_participations).toBe(before.program_participations);
      expect(after.career_plans).toBe(before.career_plans);
      expect(after.audit).toBe(before.audit + 1);
    });

    it('validates the score sheet against the criteria in force', async () => {
      const employee = await report();
      const { id } = await apply(employee.id);
      await acknowledge(id);
      const missing = await refused(
        () => decide(id, 'ACCEPTED', { interest: 1, experience: 1 }),
        400,
      );
      expect(missing.errors).toEqual([
        { field: 'scores.interview', message: 'is required (Interview)' },
      ]);
      const outOfRange = await refused(
        () => decide(id, 'ACCEPTED', { ...FULL_MARKS, interest: 11, experience: -1 }),
        400,
      );
      expect(fields(outOfRange)).toEqual(['scores.interest', 'scores.experience']);
      const unknown = await refused(
        () => decide(id, 'ACCEPTED', { ...FULL_MARKS, seniority: 2 }),
        400,
      );
      expect(fields(unknown)).toEqual(['scores.seniority']);
      const blank = await refused(
        () =>
          t.http
            .post(`/api/applications/${id}/decision`)
            .set(as(world.tokens.COORDINATOR))
            .send({ scores: FULL_MARKS, decision: 'ACCEPTED', reason: '   ' }),
        400,
      );
      expect(fields(blank)).toEqual(['reason']);
      const badDecision = await refused(() => decide(id, 'MAYBE'), 400);
      expect(fields(badDecision)).toEqual(['decision']);
      // Neither the supervisor nor another department's coordinator decides.
      await refused(() => decide(id, 'ACCEPTED', FULL_MARKS, world.tokens.SUPERVISOR), 403);
      await refused(() => decide(id, 'ACCEPTED', FULL_MARKS, world.tokens.otherCoordinator), 404);
    });

    it('refuses to decide where the department has no criteria in force', async () => {
      const { id } = await apply(world.employees.otherDepartment.id, world.tokens.otherCoordinator);
      const body = await refused(
        () => decide(id, 'DECLINED', FULL_MARKS, world.tokens.otherCoordinator),
        422,
      );
      expect(body.code).toBe('RULE_VIOLATION');
    });
  });

  describe('refused applications write nothing', () => {
    it('refuses employees outside LPEL and BRIDGING classes (422)', async () => {
      const analyst = await makeEmployee(t.dataSource, world.home.id, eltpa.id);
      const body = await refused(
        () =>
          t.http
            .post('/api/applications')
            .set(as(world.tokens.COORDINATOR))
            .send({ employeeId: analyst.id, targetClassCode: '5157' }),
        422,
      );
      expect(body).toMatchObject({ code: 'RULE_VIOLATION', reasons: ['NOT_IN_ORIGIN_CLASS'] });
      expect(fields(body)).toEqual(['employeeId']);

      const undesignated = await makeClassification(t.dataSource);
      const custodian = await makeEmployee(t.dataSource, world.home.id, undesignated.id);
      const none = await refused(
        () =>
          t.http
            .post('/api/applications')
            .set(as(world.tokens.ADMIN))
            .send({ employeeId: custodian.id, targetClassCode: '5157' }),
        422,
      );
      expect(none.reasons).toEqual(['NOT_IN_ORIGIN_CLASS']);

      const bridging = await makeClassification(t.dataSource);
      await designate(world.home.id, bridging, 'BRIDGING');
      const technician = await makeEmployee(t.dataSource, world.home.id, bridging.id);
      await apply(technician.id);
    });

    it('refuses a target class that is unknown or not ELTPA (400)', async () => {
      const employee = await report();
      const notEltpa = await refused(
        () =>
          t.http
            .post('/api/applications')
            .set(as(world.tokens.COORDINATOR))
            .send({ employeeId: employee.id, targetClassCode: world.classification.classCode }),
        400,
      );
      expect(notEltpa.errors).toEqual([
        {
          field: 'targetClassCode',
          message: `${world.classification.classCode} is not designated ELTPA by the department for ${fiscalYearOf(today)}`,
        },
      ]);
      const unknown = await refused(
        () =>
          t.http
            .post('/api/applications')
            .set(as(world.tokens.COORDINATOR))
            .send({ employeeId: employee.id, targetClassCode: '0000' }),
        400,
      );
      expect(fields(unknown)).toEqual(['targetClassCode']);
      const malformed = await refused(
        () =>
          t.http
            .post('/api/applications')
            .set(as(world.tokens.COORDINATOR))
            .send({ employeeId: 'nope', targetClassCode: '5157', extra: 1 }),
        400,
      );
      expect(fields(malformed)).toEqual(expect.arrayContaining(['employeeId', 'extra']));
      const adminWithoutRecord = await refused(
        () =>
          t.http
            .post('/api/applications')
            .set(as(world.tokens.ADMIN))
            .send({ targetClassCode: '5157' }),
        400,
      );
      expect(fields(adminWithoutRecord)).toEqual(['employeeId']);
    });

    it('keeps applications to the caller\u2019s scope (404) and role (403)', async () => {
      const post = (token: string, employeeId: string) => () =>
        t.http
          .post('/api/applications')
          .set(as(token))
          .send({ employeeId, targetClassCode: '5157' });
      await refused(post(world.tokens.EMPLOYEE, world.employees.peer.id), 404);
      await refused(post(world.tokens.otherCoordinator, world.employees.peer.id), 404);
      await refused(post(world.tokens.COORDINATOR, world.employees.otherDepartment.id), 404);
      // A supervisor sees their report but does not apply on their behalf.
      const employee = await report();
      await refused(post(world.tokens.SUPERVISOR, employee.id), 403);
      await refused(post(world.tokens.AUDITOR, employee.id), 403);
    });

    it('files one application when the same employee applies many times at once', async () => {
      const employee = await report();
      const before = await counts();
      const attempts = 8;
      // Hold the audit chain's lock (AuditService's advisory key 0x554d4155) so that every
      // request gets as far as it can before committing: without the per-employee lock they
      // would all pass the "open application" check and all be filed.
      const blocker = t.dataSource.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query('SELECT pg_advisory_xact_lock($1)', [0x554d4155]);
      const pending = Array.from({ length: attempts }, () =>
        t.http
          .post('/api/applications')
          .set(as(world.tokens.COORDINATOR))
          .send({ employeeId: employee.id, targetClassCode: '5157' })
          .then((r) => r),
      );
      const deadline = Date.now() + 10_000;
      for (;;) {
        const waiting: { count: string }[] = await t.dataSource.query(
          "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
        );
        if (Number(waiting[0].count) >= attempts || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await blocker.rollbackTransaction();
      await blocker.release();
      const statuses = (await Promise.all(pending)).map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 422)).toHaveLength(attempts - 1);
      const after = await counts();
      expect(after.program_applications).toBe(before.program_applications + 1);
      expect(after.audit).toBe(before.audit + 1);
    });
  });

  describe('withdrawing', () => {
    it('lets only the applicant withdraw an open application', async () => {
      const peerApplication = await apply(world.employees.peer.id);
      const path = `/api/applications/${peerApplication.id}/withdraw`;
      await refused(() => t.http.post(path).set(as(world.tokens.COORDINATOR)), 403);
      await refused(() => t.http.post(path).set(as(world.tokens.EMPLOYEE)), 404);

      const supervisorOwn = await t.http
        .post('/api/applications')
        .set(as(world.tokens.SUPERVISOR))
        .send({ targetClassCode: '5157' })
        .expect(201);
      const own = `/api/applications/${supervisorOwn.body.id}/withdraw`;
      const withdrawn = await t.http.post(own).set(as(world.tokens.SUPERVISOR)).expect(200);
      expect(withdrawn.body.status).toBe('WITHDRAWN');
      await refused(() => t.http.post(own).set(as(world.tokens.SUPERVISOR)), 409);
      const entry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityId: supervisorOwn.body.id, action: 'WITHDRAW' });
      expect(entry.changes).toMatchObject({ status: { old: 'SUBMITTED', new: 'WITHDRAWN' } });
    });

    it('closes a participation (never deleting it) and withdraws the open plan with it', async () => {
      const employee = await report();
      const { id } = await apply(employee.id);
      await acknowledge(id);
      const accepted = await decide(id, 'ACCEPTED').expect(200);
      const planId = accepted.body.careerPlanId as string;
      const path = `/api/employees/${employee.id}/participation/withdraw`;

      await refused(
        () =>
          t.http
            .post(path)
            .set(as(world.tokens.COORDINATOR))
            .send({ withdrawnOn: addDays(today, 1), reason: 'Moving on' }),
        400,
      );
      const early = await refused(
        () =>
          t.http
            .post(path)
            .set(as(world.tokens.COORDINATOR))
            .send({ withdrawnOn: addDays(today, -1), reason: 'Moving on' }),
        400,
      );
      expect(early.errors).toEqual([
        {
          field: 'withdrawnOn',
          message: `must not be before the participation started (${today})`,
        },
      ]);
      const blank = await refused(
        () => t.http.post(path).set(as(world.tokens.COORDINATOR)).send({ withdrawnOn: today }),
        400,
      );
      expect(fields(blank)).toContain('reason');
      await refused(
        () =>
          t.http
            .post(path)
            .set(as(world.tokens.SUPERVISOR))
            .send({ withdrawnOn: today, reason: 'x' }),
        403,
      );
      await refused(
        () =>
          t.http
            .post(path)
            .set(as(world.tokens.otherCoordinator))
            .send({ withdrawnOn: today, reason: 'x' }),
        404,
      );

      const withdrawn = await t.http
        .post(path)
        .set(as(world.tokens.COORDINATOR))
        .send({ withdrawnOn: today, reason: 'Accepted a job in another department' })
        .expect(200);
      expect(withdrawn.body).toMatchObject({
        participation: {
          withdrawnOn: today,
          withdrawalReason: 'Accepted a job in another department',
          active: false,
        },
        withdrawnPlanIds: [planId],
      });
      const plan = await t.http
        .get(`/api/career-plans/${planId}`)
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      expect(plan.body.state).toBe('WITHDRAWN');
      expect((plan.body.events as { action: string }[]).map((e) => e.action)).toEqual([
        'CREATE',
        'WITHDRAW',
      ]);
      expect(plan.body.events[1].comment).toBe(
        'Participation withdrawn: Accepted a job in another department',
      );
      const audited = await t.dataSource.getRepository(AuditEntry).findBy({ action: 'WITHDRAW' });
      expect(audited.map((e) => e.entityType)).toEqual(
        expect.arrayContaining(['program_participation', 'career_plan']),
      );
      await refused(
        () =>
          t.http
            .post(path)
            .set(as(world.tokens.COORDINATOR))
            .send({ withdrawnOn: today, reason: 'again' }),
        409,
      );

      // A new application and acceptance opens a second period; the first stays on record.
      const second = await apply(employee.id);
      await acknowledge(second.id);
      const again = await decide(second.id, 'ACCEPTED').expect(200);
      expect(again.body.careerPlanId).not.toBe(planId);
      const history = await t.http
        .get(`/api/employees/${employee.id}/participation`)
        .query({ sort: 'createdAt' })
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      expect((history.body.items as { active: boolean }[]).map((p) => p.active)).toEqual([
        false,
        true,
      ]);
      expect(
        await t.dataSource.getRepository(ProgramParticipation).countBy({ employeeId: employee.id }),
      ).toBe(2);
    });
  });

  describe('lists are scoped and filterable', () => {
    it('shows each caller only the applications in scope', async () => {
      const ids = async (token: string, query: Record<string, string> = {}) => {
        const response = await t.http
          .get('/api/applications')
          .query({ pageSize: '200', ...query })
          .set(as(token))
          .expect(200);
        return response.body.items as {
          employeeId: string;
          departmentId: string;
          status: string;
        }[];
      };
      const team: { id: string }[] = await t.dataSource.query(
        'SELECT id FROM employees WHERE supervisor_id = $1',
        [world.employees.supervisor.id],
      );
      const supervisorTeam = new Set([world.employees.supervisor.id, ...team.map((row) => row.id)]);
      const supervisorView = await ids(world.tokens.SUPERVISOR);
      expect(supervisorView.length).toBeGreaterThan(0);
      expect(supervisorView.every((a) => supervisorTeam.has(a.employeeId))).toBe(true);
      expect(supervisorView.some((a) => a.employeeId === world.employees.peer.id)).toBe(false);

      const employeeView = await ids(world.tokens.EMPLOYEE);
      expect(employeeView.map((a) => a.employeeId)).toEqual([world.employees.employee.id]);

      const homeView = await ids(world.tokens.COORDINATOR);
      expect(homeView.every((a) => a.departmentId === world.home.id)).toBe(true);
      const otherView = await ids(world.tokens.otherCoordinator);
      expect(otherView.every((a) => a.departmentId === world.other.id)).toBe(true);
      expect(await ids(world.tokens.otherCoordinator, { departmentId: world.home.id })).toEqual([]);

      const accepted = await ids(world.tokens.ADMIN, { status: 'ACCEPTED' });
      expect(accepted.length).toBeGreaterThan(0);
      expect(accepted.every((a) => a.status === 'ACCEPTED')).toBe(true);

      const byScore = await t.http
        .get('/api/applications')
        .query({ sort: 'totalScore', order: 'desc', status: 'ACCEPTED' })
        .set(as(world.tokens.ADMIN))
        .expect(200);
      const scores = (byScore.body.items as { totalScore: number }[]).map((a) => a.totalScore);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      await t.http
        .get('/api/applications')
        .query({ sort: 'statement' })
        .set(as(world.tokens.ADMIN))
        .expect(400);
      await t.http.get('/api/applications').set(as(world.tokens.AUDITOR)).expect(403);
    });

    it('answers 404 for a single application out of scope', async () => {
      const peerApplication = (
        await t.http
          .get('/api/applications')
          .query({ employeeId: world.employees.peer.id })
          .set(as(world.tokens.COORDINATOR))
          .expect(200)
      ).body.items[0] as { id: string };
      await t.http
        .get(`/api/applications/${peerApplication.id}`)
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      for (const token of [
        world.tokens.SUPERVISOR,
        world.tokens.EMPLOYEE,
        world.tokens.otherCoordinator,
      ]) {
        await t.http.get(`/api/applications/${peerApplication.id}`).set(as(token)).expect(404);
      }
      await t.http
        .get(`/api/employees/${world.employees.peer.id}/participation`)
        .set(as(world.tokens.EMPLOYEE))
        .expect(404);
      await t.http.get('/api/applications/not-a-uuid').set(as(world.tokens.ADMIN)).expect(400);
    });
  });
});
