import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import type { Employee } from '../src/modules/employees/employee.entity';
import { addDays } from '../src/modules/program-calendar/fiscal-year.rule';
import { addWorkingDays } from '../src/modules/program-calendar/working-days.rule';
import { programToday } from '../src/modules/program-calendar/program-date';
import { TdAssignment } from '../src/modules/td-assignments/td-assignment.entity';
import { checkTdAssignmentLimit } from '../src/modules/td-assignments/td-assignment-limit.rule';
import { auditCount, makeClassification, makeEmployee, makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

interface TdBody {
  id: string;
  employeeId: string;
  startDate: string;
  plannedEndDate: string;
  actualEndDate: string | null;
  timeBaseFraction: number;
  monthsInWorstWindow: number;
  earlyEndRequest: {
    requestedOn: string;
    dueBy: string;
    honouredOn: string | null;
    workingDaysTaken: number | null;
    late: boolean;
  } | null;
}

/** The same day `months` calendar months later, clamped to a shorter month, minus one day. */
function endAfterMonths(start: string, months: number): string {
  const [year, month, day] = start.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  const clamped = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day, lastDay)),
  );
  return addDays(clamped.toISOString().slice(0, 10), -1);
}

describe('T&D assignments (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  let workClassCode: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  const snapshot = async () => ({
    assignments: (
      await t.dataSource.getRepository(TdAssignment).find({ order: { id: 'ASC' } })
    ).map(
      (a) => `${a.id}:${a.plannedEndDate}:${a.actualEndDate}:${a.earlyEndRequestedOn}:${a.version}`,
    ),
    audit: await auditCount(t.dataSource),
  });

  const newEmployee = (overrides: Partial<Employee> = {}) =>
    makeEmployee(t.dataSource, world.home.id, world.classification.id, overrides);

  const assign = (
    employeeId: string,
    startDate: string,
    plannedEndDate: string,
    extra: Record<string, unknown> = {},
    token = world.tokens.COORDINATOR,
  ) =>
    t.http
      .post('/api/td-assignments')
      .set(as(token))
      .send({
        employeeId,
        hostUnit: 'Budgets Office',
        workClassCode,
        startDate,
        plannedEndDate,
        ...extra,
      });

  const created = async (...args: Parameters<typeof assign>): Promise<TdBody> => {
    const response = await assign(...args);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response.body as TdBody;
  };

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    workClassCode = (await makeClassification(t.dataSource, { title: 'Staff Services Analyst' }))
      .classCode;
  });
  afterAll(() => t.close());

  describe('creating, and the 24-in-36-month limit (2 CCR 438)', () => {
    it('creates an assignment with the employee’s time base by default, audited', async () => {
      const employee = await newEmployee({ timeBaseFraction: '0.500', timeBase: 'PART_TIME' });
      const body = await created(employee.id, '2025-01-01', '2025-12-31', {
        hostDepartment: 'DGS',
      });
      expect(body).toMatchObject({
        employeeId: employee.id,
        departmentId: world.home.id,
        hostUnit: 'Budgets Office',
        hostDepartment: 'DGS',
        workClassCode,
        timeBaseFraction: 0.5,
        actualEndDate: null,
        earlyEndRequest: null,
      });
      expect(body.monthsInWorstWindow).toBeCloseTo(6, 6);
      const entry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityType: 'td_assignment', entityId: body.id, action: 'CREATE' });
      expect(entry.changes).toMatchObject({ workClassCode: { old: null, new: workClassCode } });
    });

    it('accepts an assignment that brings the fullest window to exactly 24 months', async () => {
      const employee = await newEmployee();
      await created(employee.id, '2019-01-01', '2021-12-31', { timeBaseFraction: 0.5 });
      const atLimit = await created(employee.id, '2022-01-01', '2022-12-31', {
        timeBaseFraction: 1,
      });
      expect(atLimit.monthsInWorstWindow).toBeCloseTo(24, 6);
    });

    it('refuses an assignment over the limit with the numbers and the earliest fitting start', async () => {
      const employee = await newEmployee();
      const first = await created(employee.id, '2022-01-01', '2023-12-31');
      expect(first.monthsInWorstWindow).toBeCloseTo(24, 6);
      const before = await snapshot();
      const refused = await assign(employee.id, '2024-01-01', '2024-06-30').expect(422);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      const expected = checkTdAssignmentLimit(
        [{ start: '2022-01-01', end: '2023-12-31', timeBaseFraction: 1 }],
        { start: '2024-01-01', end: '2024-06-30', timeBaseFraction: 1 },
      );
      if (expected.ok) throw new Error('the rule should refuse this assignment');
      expect(refused.body).toMatchObject({
        code: 'RULE_VIOLATION',
        limitMonths: 24,
        windowMonths: 36,
        windowStart: expected.windowStart,
        windowEnd: expected.windowEnd,
        earliestFittingStart: expected.earliestFittingStart,
        errors: [expect.objectContaining({ field: 'plannedEndDate' })],
      });
      expect(refused.body.usedMonths).toBeGreaterThan(24);
      expect(refused.body.usedMonths).toBeCloseTo(expected.usedMonths, 5);
      expect(refused.body.earliestFittingStart > '2024-01-01').toBe(true);
      expect(await snapshot()).toEqual(before);

      // The same six months starting on the suggested day fit.
      const start = refused.body.earliestFittingStart as string;
      await created(employee.id, start, endAfterMonths(start, 6));
    });

    it('an assignment too long on its own can never fit', async () => {
      const employee = await newEmployee();
      const refused = await assign(employee.id, '2025-01-01', '2027-06-30').expect(422);
      expect(refused.body).toMatchObject({ earliestFittingStart: null, limitMonths: 24 });
    });

    it('counts a part-time assignment in proportion: 48 months half-time is allowed', async () => {
      const employee = await newEmployee();
      const body = await created(employee.id, '2025-01-01', '2028-12-31', {
        timeBaseFraction: 0.5,
      });
      expect(body.monthsInWorstWindow).toBeCloseTo(18, 6);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a planned end on the start day', { plannedEndDate: '2026-01-05' }, 'plannedEndDate'],
      ['a planned end before the start', { plannedEndDate: '2025-12-31' }, 'plannedEndDate'],
      ['an unknown work class', { workClassCode: 'NOPE99' }, 'workClassCode'],
      ['a zero time base', { timeBaseFraction: 0 }, 'timeBaseFraction'],
      ['a time base above full time', { timeBaseFraction: 1.5 }, 'timeBaseFraction'],
      ['an impossible date', { startDate: '2026-02-30' }, 'startDate'],
      ['no host unit', { hostUnit: '' }, 'hostUnit'],
    ])('refuses %s with 400, writing nothing', async (_name, overrides, field) => {
      const employee = await newEmployee();
      const before = await snapshot();
      const response = await t.http
        .post('/api/td-assignments')
        .set(as(world.tokens.COORDINATOR))
        .send({
          employeeId: employee.id,
          hostUnit: 'Budgets Office',
          workClassCode,
          startDate: '2026-01-05',
          plannedEndDate: '2026-12-31',
          ...overrides,
        })
        .expect(400);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
      expect(await snapshot()).toEqual(before);
    });

    it('requires a time base for an intermittent employee', async () => {
      const employee = await newEmployee({ timeBase: 'INTERMITTENT', timeBaseFraction: '0.000' });
      const response = await assign(employee.id, '2026-01-05', '2026-06-30').expect(400);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'timeBaseFraction' }),
      ]);
      await created(employee.id, '2026-01-05', '2026-06-30', { timeBaseFraction: 0.25 });
    });

    it('only coordinators of the department and administrators create them', async () => {
      const employee = await newEmployee();
      const before = await snapshot();
      await assign(
        employee.id,
        '2026-01-05',
        '2026-06-30',
        {},
        world.tokens.otherCoordinator,
      ).expect(404);
      await assign(employee.id, '2026-01-05', '2026-06-30', {}, world.tokens.SUPERVISOR).expect(
        403,
      );
      await assign(employee.id, '2026-01-05', '2026-06-30', {}, world.tokens.EMPLOYEE).expect(403);
      await assign(employee.id, '2026-01-05', '2026-06-30', {}, world.tokens.AUDITOR).expect(403);
      expect(await snapshot()).toEqual(before);
      await created(employee.id, '2026-01-05', '2026-06-30', {}, world.tokens.ADMIN);
    });
  });

  describe('changing an assignment re-checks the limit', () => {
    it('refuses an extension over the limit, accepts an early actual end, audited', async () => {
      const employee = await newEmployee();
      const first = await created(employee.id, '2022-01-01', '2022-12-31');
      const second = await created(employee.id, '2023-01-01', '2023-12-31');
      const before = await snapshot();
      const refused = await t.http
        .patch(`/api/td-assignments/${second.id}`)
        .set(as(world.tokens.COORDINATOR))
        .send({ plannedEndDate: '2024-03-31' })
        .expect(422);
      expect(refused.body).toMatchObject({ code: 'RULE_VIOLATION', limitMonths: 24 });
      expect(refused.body.usedMonths).toBeGreaterThan(24);
      expect(await snapshot()).toEqual(before);

      // Ending the first early frees room: the actual end counts, not the planned one.
      const ended = await t.http
        .patch(`/api/td-assignments/${first.id}`)
        .set(as(world.tokens.COORDINATOR))
        .send({ actualEndDate: '2022-09-30' })
        .expect(200);
      expect(ended.body.actualEndDate).toBe('2022-09-30');
      expect(ended.body.monthsInWorstWindow).toBeCloseTo(21, 6);
      const extended = await t.http
        .patch(`/api/td-assignments/${second.id}`)
        .set(as(world.tokens.ADMIN))
        .send({ plannedEndDate: '2024-03-31' })
        .expect(200);
      expect(extended.body).toMatchObject({ plannedEndDate: '2024-03-31' });
      expect(extended.body.monthsInWorstWindow).toBeCloseTo(24, 6);

      // Clearing the actual end would put the employee back over: refused.
      const cleared = await t.http
        .patch(`/api/td-assignments/${first.id}`)
        .set(as(world.tokens.COORDINATOR))
        .send({ actualEndDate: null })
        .expect(422);
      expect(cleared.body.errors).toEqual([expect.objectContaining({ field: 'plannedEndDate' })]);

      const actions = (
        await t.dataSource.getRepository(AuditEntry).find({
          where: [{ entityId: first.id }, { entityId: second.id }],
          order: { id: 'ASC' },
        })
      ).map((e) => `${e.entityId === first.id ? 'first' : 'second'}:${e.action}`);
      expect(actions).toEqual(['first:CREATE', 'second:CREATE', 'first:UPDATE', 'second:UPDATE']);
    });

    it('refuses impossible dates and unknown fields, writing nothing', async () => {
      const employee = await newEmployee();
      const body = await created(employee.id, '2026-01-05', '2026-06-30');
      const before = await snapshot();
      for (const [patch, field] of [
        [{ plannedEndDate: '2026-01-05' }, 'plannedEndDate'],
        [{ actualEndDate: '2026-01-04' }, 'actualEndDate'],
        [{ startDate: '2026-02-01' }, 'startDate'],
        [{ timeBaseFraction: -0.5 }, 'timeBaseFraction'],
      ] as const) {
        const response = await t.http
          .patch(`/api/td-assignments/${body.id}`)
          .set(as(world.tokens.COORDINATOR))
          .send(patch)
          .expect(400);
        expect(response.body.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ field })]),
        );
      }
      await t.http
        .patch(`/api/td-assignments/${body.id}`)
        .set(as(world.tokens.otherCoordinator))
        .send({ hostUnit: 'Elsewhere' })
        .expect(404);
      await t.http
        .patch(`/api/td-assignments/${body.id}`)
        .set(as(world.tokens.SUPERVISOR))
        .send({ hostUnit: 'Elsewhere' })
        .expect(403);
      expect(await snapshot()).toEqual(before);
      // A change to nothing writes nothing.
      await t.http
        .patch(`/api/td-assignments/${body.id}`)
        .set(as(world.tokens.COORDINATOR))
        .send({ hostUnit: 'Budgets Office' })
        .expect(200);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('early-end requests (10 working days)', () => {
    it('the employee requests today; honoured after 12 working days it is late', async () => {
      const today = programToday();
      const body = await created(
        world.employees.employee.id,
        addDays(today, -30),
        addDays(today, 300),
      );
      const before = await snapshot();
      const backdated = await t.http
        .post(`/api/td-assignments/${body.id}/early-end-request`)
        .set(as(world.tokens.EMPLOYEE))
        .send({ requestedOn: addDays(today, -5) })
        .expect(400);
      expect(backdated.body.errors).toEqual([expect.objectContaining({ field: 'requestedOn' })]);
      await t.http
        .post(`/api/td-assignments/${body.id}/early-end-request`)
        .set(as(world.tokens.SUPERVISOR))
        .send({})
        .expect(403);
      await t.http
        .post(`/api/td-assignments/${body.id}/early-end-request`)
        .set(as(world.tokens.otherCoordinator))
        .send({})
        .expect(404);
      expect(await snapshot()).toEqual(before);

      const requested = await t.http
        .post(`/api/td-assignments/${body.id}/early-end-request`)
        .set(as(world.tokens.EMPLOYEE))
        .send({})
        .expect(200);
      expect(requested.body.earlyEndRequest).toEqual({
        requestedOn: today,
        dueBy: addWorkingDays(today, 10),
        honouredOn: null,
        workingDaysTaken: null,
        late: false,
      });
      const twice = await t.http
        .post(`/api/td-assignments/${body.id}/early-end-request`)
        .set(as(world.tokens.COORDINATOR))
        .send({})
        .expect(409);
      expect(twice.body).toMatchObject({ code: 'CONFLICT', requestedOn: today });

      const beforeRequest = await t.http
        .patch(`/api/td-assignments/${body.id}`)
        .set(as(world.tokens.COORDINATOR))
        .send({ actualEndDate: addDays(today, -1) })
        .expect(400);
      expect(beforeRequest.body.errors).toEqual([
        expect.objectContaining({ field: 'actualEndDate' }),
      ]);

      const honoured = await t.http
        .patch(`/api/td-assignments/${body.id}`)
        .set(as(world.tokens.COORDINATOR))
        .send({ actualEndDate: addWorkingDays(today, 12) })
        .expect(200);
      expect(honoured.body.earlyEndRequest).toEqual({
        requestedOn: today,
        dueBy: addWorkingDays(today, 10),
        honouredOn: addWorkingDays(today, 12),
        workingDaysTaken: 12,
        late: true,
      });
      const entry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityId: body.id, action: 'REQUEST_EARLY_END' });
      expect(entry.changes).toEqual({ earlyEndRequestedOn: { old: null, new: today } });
    });

    it.each([
      ['honoured within 10 working days is on time', '2026-03-13', 9, false],
      ['honoured on the 10th working day is on time', '2026-03-16', 10, false],
      ['honoured on the 11th working day is late', '2026-03-17', 11, true],
    ])('a coordinator records a written request: %s', async (_name, actualEnd, days, late) => {
      const employee = await newEmployee();
      const body = await created(employee.id, '2026-01-05', '2026-12-31');
      const requested = await t.http
        .post(`/api/td-assignments/${body.id}/early-end-request`)
        .set(as(world.tokens.COORDINATOR))
        .send({ requestedOn: '2026-03-02' })
        .expect(200);
      expect(requested.body.earlyEndRequest).toMatchObject({
        requestedOn: '2026-03-02',
        dueBy: '2026-03-16',
      });
      const honoured = await t.http
        .patch(`/api/td-assignments/${body.id}`)
        .set(as(world.tokens.COORDINATOR))
        .send({ actualEndDate: actualEnd })
        .expect(200);
      expect(honoured.body.earlyEndRequest).toEqual({
        requestedOn: '2026-03-02',
        dueBy: '2026-03-16',
        honouredOn: actualEnd,
        workingDaysTaken: days,
        late,
      });
      const listed = await t.http
        .get('/api/td-assignments')
        .query({ employeeId: employee.id })
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      expect(listed.body.items[0].earlyEndRequest).toEqual(honoured.body.earlyEndRequest);
    });

    it('a request still unanswered past its due date shows as late', async () => {
      const employee = await newEmployee();
      const body = await created(employee.id, '2026-01-05', '2027-12-31');
      const response = await t.http
        .post(`/api/td-assignments/${body.id}/early-end-request`)
        .set(as(world.tokens.COORDINATOR))
        .send({ requestedOn: '2026-03-02' })
        .expect(200);
      expect(response.body.earlyEndRequest).toEqual({
        requestedOn: '2026-03-02',
        dueBy: '2026-03-16',
        honouredOn: null,
        workingDaysTaken: null,
        late: programToday() > '2026-03-16',
      });
    });

    it('refuses a request dated in the future, before the start, or on an ended assignment', async () => {
      const employee = await newEmployee();
      const body = await created(employee.id, '2026-01-05', '2026-06-30');
      const before = await snapshot();
      for (const requestedOn of [addDays(programToday(), 1), '2026-01-04', '2026-07-01']) {
        const response = await t.http
          .post(`/api/td-assignments/${body.id}/early-end-request`)
          .set(as(world.tokens.COORDINATOR))
          .send({ requestedOn })
          .expect(400);
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'requestedOn' })]);
      }
      expect(await snapshot()).toEqual(before);
      await t.http
        .patch(`/api/td-assignments/${body.id}`)
        .set(as(world.tokens.COORDINATOR))
        .send({ actualEndDate: '2026-03-31' })
        .expect(200);
      await t.http
        .post(`/api/td-assignments/${body.id}/early-end-request`)
        .set(as(world.tokens.COORDINATOR))
        .send({ requestedOn: '2026-03-02' })
        .expect(409);
    });
  });

  describe('reading and scope', () => {
    it('lists by scope with filters, shows the worst window, and answers 404 outside scope', async () => {
      const today = programToday();
      const peerAssignment = await created(world.employees.peer.id, '2026-01-05', '2026-03-31');
      const own = await t.http
        .get('/api/td-assignments')
        .set(as(world.tokens.EMPLOYEE))
        .expect(200);
      expect(
        (own.body.items as TdBody[]).every((a) => a.employeeId === world.employees.employee.id),
      ).toBe(true);
      expect(own.body.total).toBeGreaterThan(0);
      const supervisor = await t.http
        .get('/api/td-assignments')
        .query({ pageSize: 200 })
        .set(as(world.tokens.SUPERVISOR))
        .expect(200);
      expect((supervisor.body.items as TdBody[]).map((a) => a.id)).not.toContain(peerAssignment.id);
      const coordinator = await t.http
        .get('/api/td-assignments')
        .query({ employeeId: world.employees.peer.id, activeOn: '2026-02-01' })
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      expect((coordinator.body.items as TdBody[]).map((a) => a.id)).toEqual([peerAssignment.id]);
      expect(coordinator.body.items[0].monthsInWorstWindow).toBeCloseTo(2 + 27 / 31, 1);
      const inactive = await t.http
        .get('/api/td-assignments')
        .query({ employeeId: world.employees.peer.id, activeOn: '2026-04-01' })
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      expect(inactive.body.items).toEqual([]);
      const requested = await t.http
        .get('/api/td-assignments')
        .query({ earlyEndRequested: 'true', sort: 'plannedEndDate', order: 'desc', pageSize: 200 })
        .set(as(world.tokens.ADMIN))
        .expect(200);
      const items = requested.body.items as TdBody[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((a) => a.earlyEndRequest !== null)).toBe(true);
      const ends = items.map((a) => a.plannedEndDate);
      expect(ends).toEqual([...ends].sort().reverse());
      const elsewhere = await t.http
        .get('/api/td-assignments')
        .set(as(world.tokens.otherCoordinator))
        .expect(200);
      expect(elsewhere.body.total).toBe(0);
      await t.http.get('/api/td-assignments').set(as(world.tokens.AUDITOR)).expect(403);
      await t.http
        .get('/api/td-assignments')
        .query({ sort: 'hostUnit' })
        .set(as(world.tokens.ADMIN))
        .expect(400);

      const url = `/api/td-assignments/${peerAssignment.id}`;
      await t.http.get(url).set(as(world.tokens.COORDINATOR)).expect(200);
      await t.http.get(url).set(as(world.tokens.ADMIN)).expect(200);
      await t.http.get(url).set(as(world.tokens.EMPLOYEE)).expect(404);
      await t.http.get(url).set(as(world.tokens.SUPERVISOR)).expect(404);
      await t.http.get(url).set(as(world.tokens.otherCoordinator)).expect(404);
      await t.http.get(url).set(as(world.tokens.AUDITOR)).expect(403);
      expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });
});
