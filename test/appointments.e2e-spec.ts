import { Appointment } from '../src/modules/appointments/appointment.entity';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { Classification } from '../src/modules/classifications/classification.entity';
import { Employee } from '../src/modules/employees/employee.entity';
import {
  auditCount,
  login,
  makeClassification,
  makeDepartment,
  makeEmployee,
  makeRoleWorld,
  makeUser,
} from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

type Caller = keyof RoleWorld['tokens'];

/** Office Assistant, Office Technician (LPEL), Management Services Technician (bridging),
 * Staff Services Analyst and Associate Governmental Program Analyst (ELTPA), Program Technician
 * (not designated). */
const CLASSES = {
  OA: '1441',
  OT: '1138',
  MST: '5278',
  SSA: '5157',
  AGPA: '5393',
  PT: '9928',
} as const;
type ClassKey = keyof typeof CLASSES;

const DESIGNATIONS_2025_26 = [
  { classCode: CLASSES.OA, designation: 'LPEL' },
  { classCode: CLASSES.OT, designation: 'LPEL' },
  { classCode: CLASSES.MST, designation: 'BRIDGING' },
  { classCode: CLASSES.SSA, designation: 'ELTPA' },
  { classCode: CLASSES.AGPA, designation: 'ELTPA' },
];

describe('Appointments: class history and upward mobility moves (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  const classes = {} as Record<ClassKey, Classification>;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const by = (caller: Caller) => as(world.tokens[caller]);
  const appointmentCount = () => t.dataSource.getRepository(Appointment).count();

  const newEmployee = (classKey: ClassKey, overrides: Partial<Employee> = {}) =>
    makeEmployee(t.dataSource, world.home.id, classes[classKey].id, {
      hireDate: '2020-01-06',
      supervisorId: world.employees.supervisor.id,
      ...overrides,
    });
  const appoint = (
    employeeId: string,
    body: Record<string, unknown>,
    caller: Caller = 'COORDINATOR',
  ) => t.http.post(`/api/employees/${employeeId}/appointments`).set(by(caller)).send(body);
  /** Read as the supervisor: no demographics, so no READ_DEMOGRAPHICS entry in the counts. */
  const currentClass = async (employeeId: string) =>
    (await t.http.get(`/api/employees/${employeeId}`).set(by('SUPERVISOR')).expect(200)).body as {
      classCode: string;
      status: string;
      separatedOn: string | null;
      version: number;
    };

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    for (const [key, classCode] of Object.entries(CLASSES)) {
      classes[key as ClassKey] = await makeClassification(t.dataSource, {
        classCode,
        title: `Class ${key}`,
      });
    }
    await t.http
      .put(`/api/departments/${world.home.id}/designations/2025-26`)
      .set(by('COORDINATOR'))
      .send({ designations: DESIGNATIONS_2025_26 })
      .expect(200);
  });
  afterAll(() => t.close());

  describe('judging upward mobility moves', () => {
    it('flags LPEL -> ELTPA with the designations of the fiscal year, updates the class, audits both', async () => {
      const employee = await newEmployee('OA');
      const entries = await auditCount(t.dataSource);
      const response = await appoint(employee.id, {
        effectiveDate: '2025-09-01',
        type: 'PROMOTION',
        toClassCode: CLASSES.SSA,
        notes: 'Passed the SSA exam, list rank 3',
      }).expect(201);
      expect(response.body).toMatchObject({
        employeeId: employee.id,
        departmentId: world.home.id,
        effectiveDate: '2025-09-01',
        type: 'PROMOTION',
        fromClassCode: CLASSES.OA,
        toClassCode: CLASSES.SSA,
        fromDesignation: 'LPEL',
        toDesignation: 'ELTPA',
        isUpwardMobilityMove: true,
        timeBaseFraction: 1,
        notes: 'Passed the SSA exam, list rank 3',
        appliedToEmployee: true,
      });
      expect((await currentClass(employee.id)).classCode).toBe(CLASSES.SSA);

      expect(await auditCount(t.dataSource)).toBe(entries + 2);
      const created = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityId: response.body.id, action: 'CREATE' });
      expect(created).toMatchObject({ entityType: 'appointment', departmentId: world.home.id });
      expect(created.changes).toMatchObject({
        isUpwardMobilityMove: { old: null, new: true },
        fromDesignation: { old: null, new: 'LPEL' },
      });
      const updated = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityId: employee.id, action: 'UPDATE' });
      expect(updated.changes).toEqual({
        classificationId: { old: classes.OA.id, new: classes.SSA.id },
      });
    });

    it.each([
      ['BRIDGING -> ELTPA', 'MST', 'PROMOTION', 'SSA', '2025-09-01', ['BRIDGING', 'ELTPA'], true],
      [
        'LPEL -> ELTPA by transfer',
        'OT',
        'TRANSFER',
        'AGPA',
        '2026-01-15',
        ['LPEL', 'ELTPA'],
        true,
      ],
      ['ELTPA -> ELTPA', 'SSA', 'PROMOTION', 'AGPA', '2025-09-01', ['ELTPA', 'ELTPA'], false],
      ['LPEL -> LPEL', 'OA', 'PROMOTION', 'OT', '2025-09-01', ['LPEL', 'LPEL'], false],
      ['LPEL -> BRIDGING', 'OA', 'PROMOTION', 'MST', '2025-09-01', ['LPEL', 'BRIDGING'], false],
      ['ELTPA -> LPEL', 'SSA', 'DEMOTION', 'OA', '2025-09-01', ['ELTPA', 'LPEL'], false],
      ['undesignated -> ELTPA', 'PT', 'PROMOTION', 'SSA', '2025-09-01', ['NONE', 'ELTPA'], false],
      [
        'before the first designated year',
        'OA',
        'PROMOTION',
        'SSA',
        '2025-06-30',
        ['NONE', 'NONE'],
        false,
      ],
      [
        'a later year keeps the designations in force',
        'OA',
        'PROMOTION',
        'SSA',
        '2027-02-01',
        ['LPEL', 'ELTPA'],
        true,
      ],
      [
        'a T&D assignment is temporary, not a move',
        'OA',
        'TD_START',
        'SSA',
        '2025-09-01',
        ['LPEL', 'ELTPA'],
        false,
      ],
    ] as const)('%s', async (_why, from, type, to, date, [fromD, toD], isMove) => {
      const employee = await newEmployee(from);
      const response = await appoint(employee.id, {
        effectiveDate: date,
        type,
        toClassCode: CLASSES[to],
      }).expect(201);
      expect(response.body).toMatchObject({
        fromClassCode: CLASSES[from],
        toClassCode: CLASSES[to],
        fromDesignation: fromD,
        toDesignation: toD,
        isUpwardMobilityMove: isMove,
      });
      expect((await currentClass(employee.id)).classCode).toBe(CLASSES[to]);
    });

    it('takes a new time base from the appointment', async () => {
      const employee = await newEmployee('OA');
      await appoint(employee.id, {
        effectiveDate: '2025-09-01',
        type: 'PROMOTION',
        toClassCode: CLASSES.OT,
        timeBaseFraction: 0.5,
      }).expect(201);
      const record = await t.dataSource
        .getRepository(Employee)
        .findOneByOrFail({ id: employee.id });
      expect({ timeBase: record.timeBase, fraction: Number(record.timeBaseFraction) }).toEqual({
        timeBase: 'PART_TIME',
        fraction: 0.5,
      });
    });
  });

  describe('the class history', () => {
    it('accepts a back-dated appointment without changing the current class', async () => {
      const employee = await newEmployee('OA');
      await appoint(employee.id, {
        effectiveDate: '2025-09-01',
        type: 'PROMOTION',
        toClassCode: CLASSES.SSA,
      }).expect(201);
      const version = (await currentClass(employee.id)).version;

      // The hire, recorded late: from outside, and it does not undo the promotion.
      const hire = await appoint(employee.id, {
        effectiveDate: '2020-01-06',
        type: 'HIRE',
        toClassCode: CLASSES.OA,
      }).expect(201);
      expect(hire.body).toMatchObject({ fromClassCode: null, appliedToEmployee: false });
      // A correction between the two: its from class is the class held then, not today's.
      const entries = await auditCount(t.dataSource);
      const correction = await appoint(employee.id, {
        effectiveDate: '2023-03-01',
        type: 'PROMOTION',
        toClassCode: CLASSES.OT,
      }).expect(201);
      expect(correction.body).toMatchObject({
        fromClassCode: CLASSES.OA,
        toClassCode: CLASSES.OT,
        appliedToEmployee: false,
      });
      expect(await auditCount(t.dataSource)).toBe(entries + 1);
      const after = await currentClass(employee.id);
      expect(after).toMatchObject({ classCode: CLASSES.SSA, version });

      const history = await t.http
        .get(`/api/employees/${employee.id}/appointments`)
        .set(by('EMPLOYEE'))
        .expect(404);
      expect(history.body.code).toBe('NOT_FOUND');
      const read = await t.http
        .get(`/api/employees/${employee.id}/appointments`)
        .set(by('SUPERVISOR'))
        .expect(200);
      expect(
        (read.body.items as { effectiveDate: string; toClassCode: string }[]).map(
          (a) => `${a.effectiveDate} ${a.toClassCode}`,
        ),
      ).toEqual([
        `2020-01-06 ${CLASSES.OA}`,
        `2023-03-01 ${CLASSES.OT}`,
        `2025-09-01 ${CLASSES.SSA}`,
      ]);
      expect(read.body.total).toBe(3);
      const newestFirst = await t.http
        .get(`/api/employees/${employee.id}/appointments`)
        .query({ order: 'desc', type: 'PROMOTION' })
        .set(by('COORDINATOR'))
        .expect(200);
      expect(
        (newestFirst.body.items as { effectiveDate: string }[]).map((a) => a.effectiveDate),
      ).toEqual(['2025-09-01', '2023-03-01']);
    });

    it('separates, refuses moving a separated employee, and rehires', async () => {
      const employee = await newEmployee('OA');
      const separation = await appoint(employee.id, {
        effectiveDate: '2025-10-31',
        type: 'SEPARATION',
      }).expect(201);
      expect(separation.body).toMatchObject({
        fromClassCode: CLASSES.OA,
        toClassCode: null,
        fromDesignation: 'LPEL',
        toDesignation: 'NONE',
        isUpwardMobilityMove: false,
      });
      expect(await currentClass(employee.id)).toMatchObject({
        classCode: CLASSES.OA,
        status: 'SEPARATED',
        separatedOn: '2025-10-31',
      });

      const rows = await appointmentCount();
      const entries = await auditCount(t.dataSource);
      const refused = await appoint(employee.id, {
        effectiveDate: '2025-11-15',
        type: 'PROMOTION',
        toClassCode: CLASSES.SSA,
      }).expect(422);
      expect(refused.body.errors).toEqual([
        {
          field: 'type',
          message: 'The employee is separated: record a HIRE before a PROMOTION',
        },
      ]);
      expect(await appointmentCount()).toBe(rows);
      expect(await auditCount(t.dataSource)).toBe(entries);

      await appoint(employee.id, {
        effectiveDate: '2026-01-05',
        type: 'HIRE',
        toClassCode: CLASSES.SSA,
      }).expect(201);
      expect(await currentClass(employee.id)).toMatchObject({
        classCode: CLASSES.SSA,
        status: 'ACTIVE',
        separatedOn: null,
      });
    });

    it.each([
      ['a promotion without a target class', { toClassCode: undefined }, 'toClassCode'],
      ['a separation with a target class', { type: 'SEPARATION' }, 'toClassCode'],
      ['an unknown target class', { toClassCode: 'ZZZ999' }, 'toClassCode'],
      ['an unknown type', { type: 'RETIREMENT' }, 'type'],
      ['a date before the hire date', { effectiveDate: '2019-12-31' }, 'effectiveDate'],
      ['an impossible date', { effectiveDate: '2025-02-29' }, 'effectiveDate'],
      ['a time base above 1', { timeBaseFraction: 1.5 }, 'timeBaseFraction'],
      ['notes too long', { notes: 'x'.repeat(501) }, 'notes'],
    ])('refuses %s with 400 naming the field, writing nothing', async (_why, overrides, field) => {
      const employee = await newEmployee('OA');
      const rows = await appointmentCount();
      const entries = await auditCount(t.dataSource);
      const body = {
        effectiveDate: '2025-09-01',
        type: 'PROMOTION',
        toClassCode: CLASSES.SSA,
        ...overrides,
      };
      const response = await appoint(employee.id, body).expect(400);
      expect((response.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
      expect(await appointmentCount()).toBe(rows);
      expect(await auditCount(t.dataSource)).toBe(entries);
      expect((await currentClass(employee.id)).classCode).toBe(CLASSES.OA);
    });

    it('scopes recording and reading to the department and the team', async () => {
      const employee = await newEmployee('OA');
      const body = { effectiveDate: '2025-09-01', type: 'PROMOTION', toClassCode: CLASSES.SSA };
      const rows = await appointmentCount();
      await appoint(employee.id, body, 'otherCoordinator').expect(404);
      for (const caller of ['SUPERVISOR', 'EMPLOYEE', 'AUDITOR'] as const) {
        await appoint(employee.id, body, caller).expect(403);
      }
      expect(await appointmentCount()).toBe(rows);
      await appoint(employee.id, body, 'ADMIN').expect(201);

      const own = `/api/employees/${world.employees.employee.id}/appointments`;
      await t.http.get(own).set(by('EMPLOYEE')).expect(200);
      await t.http.get(own).set(by('SUPERVISOR')).expect(200);
      await t.http.get(own).set(by('AUDITOR')).expect(403);
      await t.http.get(own).set(by('otherCoordinator')).expect(404);
      await t.http
        .get(`/api/employees/${world.employees.peer.id}/appointments`)
        .set(by('EMPLOYEE'))
        .expect(404);
    });
  });

  describe('GET /departments/:id/upward-moves', () => {
    it('counts moves by target class; names only for the department COORDINATOR', async () => {
      const department = await makeDepartment(t.dataSource);
      const coordinator = await makeUser(t.dataSource, 'COORDINATOR', {
        departmentId: department.id,
      });
      const token = (await login(t.http, coordinator.email)).accessToken;
      await t.http
        .put(`/api/departments/${department.id}/designations/2024-25`)
        .set(as(token))
        .send({ designations: DESIGNATIONS_2025_26 })
        .expect(200);
      const hire = (classKey: ClassKey, lastName: string) =>
        makeEmployee(t.dataSource, department.id, classes[classKey].id, {
          hireDate: '2019-01-02',
          lastName,
        });
      const moves: [ClassKey, ClassKey, string, string][] = [
        ['OA', 'SSA', '2025-02-01', 'Alvarez'],
        ['MST', 'SSA', '2025-05-01', 'Baker'],
        ['OT', 'AGPA', '2025-12-31', 'Chen'],
        ['OA', 'SSA', '2024-12-31', 'Early'], // before the range
        ['OA', 'OT', '2025-03-01', 'Within'], // LPEL -> LPEL: not a move
        ['SSA', 'AGPA', '2025-03-01', 'Ladder'], // ELTPA -> ELTPA: not a move
      ];
      for (const [from, to, date, name] of moves) {
        const employee = await hire(from, name);
        await t.http
          .post(`/api/employees/${employee.id}/appointments`)
          .set(as(token))
          .send({ effectiveDate: date, type: 'PROMOTION', toClassCode: CLASSES[to] })
          .expect(201);
      }
      const path = `/api/departments/${department.id}/upward-moves`;
      const range = { from: '2025-01-01', to: '2025-12-31' };
      const expectedCounts = {
        departmentId: department.id,
        from: '2025-01-01',
        to: '2025-12-31',
        total: 3,
        byTargetClass: [
          { classCode: CLASSES.SSA, title: 'Class SSA', count: 2 },
          { classCode: CLASSES.AGPA, title: 'Class AGPA', count: 1 },
        ].sort((a, b) => a.classCode.localeCompare(b.classCode)),
      };

      const named = await t.http.get(path).query(range).set(as(token)).expect(200);
      expect(named.body).toMatchObject(expectedCounts);
      expect((named.body.moves as { lastName: string }[]).map((m) => m.lastName)).toEqual([
        'Alvarez',
        'Baker',
        'Chen',
      ]);
      expect(named.body.moves[1]).toMatchObject({
        fromClassCode: CLASSES.MST,
        toClassCode: CLASSES.SSA,
        fromDesignation: 'BRIDGING',
        effectiveDate: '2025-05-01',
      });

      for (const caller of ['ADMIN', 'AUDITOR'] as const) {
        const counts = await t.http.get(path).query(range).set(by(caller)).expect(200);
        expect(counts.body).toEqual(expectedCounts);
        expect(JSON.stringify(counts.body)).not.toMatch(/Alvarez|Baker|Chen/);
      }
      await t.http.get(path).query(range).set(by('COORDINATOR')).expect(404);
      await t.http.get(path).query(range).set(by('SUPERVISOR')).expect(403);
      await t.http.get(path).query(range).set(by('EMPLOYEE')).expect(403);
      await t.http
        .get('/api/departments/7f000000-0000-4000-8000-000000000000/upward-moves')
        .query(range)
        .set(by('ADMIN'))
        .expect(404);
      const inverted = await t.http
        .get(path)
        .query({ from: '2025-12-31', to: '2025-01-01' })
        .set(by('ADMIN'))
        .expect(400);
      expect(inverted.body.errors).toEqual([{ field: 'to', message: 'must not be before from' }]);
      const missing = await t.http.get(path).set(by('ADMIN')).expect(400);
      expect((missing.body.errors as { field: string }[]).map((e) => e.field)).toEqual(
        expect.arrayContaining(['from', 'to']),
      );
    });
  });
});
