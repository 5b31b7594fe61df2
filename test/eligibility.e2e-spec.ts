import { Appointment } from '../src/modules/appointments/appointment.entity';
import type { AppointmentType } from '../src/modules/appointments/appointment.entity';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { addCalendarMonths } from '../src/modules/career-conversations/conversation-due.rule';
import { CareerPlan } from '../src/modules/career-plans/career-plan.entity';
import type { PlanState } from '../src/modules/career-plans/plan-workflow.rule';
import { programToday } from '../src/modules/program-calendar/program-date';
import type { Classification } from '../src/modules/classifications/classification.entity';
import { UmDesignationRecord } from '../src/modules/classifications/um-designation.entity';
import type { Department } from '../src/modules/departments/department.entity';
import { seedDemoRuleSets } from '../src/modules/eligibility/demo-rule-sets.seed';
import { EligibilityRuleSet } from '../src/modules/eligibility/eligibility-rule-set.entity';
import { Employee } from '../src/modules/employees/employee.entity';
import { ExamListEligibility } from '../src/modules/employees/exam-eligibility.entity';
import { TdAssignment } from '../src/modules/td-assignments/td-assignment.entity';
import { TrainingRecord } from '../src/modules/training/training-record.entity';
import { addDays } from '../src/modules/program-calendar/fiscal-year.rule';
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

interface RequirementBody {
  index: number;
  kind: string;
  met: boolean;
  have: { value: number | null; explanation: string };
  need: { value: number | null; explanation: string };
  gap: number | null;
  projectedMetOn: string | null;
  sources: { type: string; classCode: string; start: string; end: string }[];
  explanation: string;
}

interface TargetBody {
  classCode: string;
  title: string;
  ruleSetId: string;
  ruleSetEffectiveFrom: string;
  illustrative: boolean;
  status: string;
  nearestPatternId: string | null;
  patterns: {
    patternId: string;
    met: boolean;
    projectedMetOn: string | null;
    requirements: RequirementBody[];
  }[];
}

interface ListedEmployee {
  id: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  classCode: string;
  status: string;
  projectedMetOn: string | null;
}

/** Minimum qualifications in the shape POST /rule-sets takes (the title comes from the catalog). */
const SSA_2020 = {
  classCode: '5157',
  effectiveFrom: '2020-07-01',
  patterns: [
    {
      id: 'I',
      label: 'Two years as an Office Technician',
      requirements: [{ kind: 'experience', months: 24, inClassCodes: ['1138', '1139'] }],
    },
    {
      id: 'II',
      label: 'One year as an Office Technician and two years of college',
      requirements: [
        { kind: 'experience', months: 12, inClassCodes: ['1138', '1139'] },
        { kind: 'education', semesterUnits: 60 },
      ],
    },
  ],
};

/** A later, stricter version: three years. */
const SSA_2025 = {
  classCode: '5157',
  effectiveFrom: '2025-07-01',
  patterns: [
    {
      id: 'I',
      label: 'Three years as an Office Technician',
      requirements: [{ kind: 'experience', months: 36, inClassCodes: ['1138', '1139'] }],
    },
  ],
};

describe('Explainable eligibility (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  const classes: Record<string, Classification> = {};
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const fields = (body: Record<string, unknown>) =>
    (body.errors as { field: string }[]).map((e) => e.field);

  async function ruleSetCount(): Promise<number> {
    return t.dataSource.getRepository(EligibilityRuleSet).count();
  }

  /** Records the class history directly: each step with its target class code. */
  async function history(
    employee: Employee,
    steps: [string, AppointmentType, string | null, number?][],
  ): Promise<void> {
    let from: string | null = null;
    for (const [effectiveDate, type, toCode, fraction] of steps) {
      const to = toCode === null ? null : classes[toCode].id;
      await t.dataSource.getRepository(Appointment).insert({
        employeeId: employee.id,
        departmentId: employee.departmentId,
        effectiveDate,
        type,
        fromClassificationId: type === 'HIRE' ? null : from,
        toClassificationId: to,
        timeBaseFraction: (fraction ?? 1).toFixed(3),
      });
      if (to !== null) from = to;
    }
  }

  async function employeeIn(
    department: Department,
    classCode: string,
    overrides: Partial<Employee> = {},
  ): Promise<Employee> {
    return makeEmployee(t.dataSource, department.id, classes[classCode].id, overrides);
  }

  const eligibility = (employeeId: string, token: string, query: Record<string, string> = {}) =>
    t.http.get(`/api/employees/${employeeId}/eligibility`).query(query).set(as(token));

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    const catalog: [string, string, Classification['occupationalGroup'], string][] = [
      ['1441', 'Office Assistant (General)', 'OFFICE_ALLIED', '3000.00'],
      ['1138', 'Office Technician (General)', 'OFFICE_ALLIED', '3500.00'],
      ['1139', 'Office Technician (Typing)', 'OFFICE_ALLIED', '3600.00'],
      ['5157', 'Staff Services Analyst (General)', 'FISCAL_MANAGEMENT_STAFF_SERVICES', '4800.00'],
      ['4548', 'Accountant Trainee', 'FISCAL_MANAGEMENT_STAFF_SERVICES', '4600.00'],
      ['9901', 'Program Analyst Trainee', 'FISCAL_MANAGEMENT_STAFF_SERVICES', '4700.00'],
    ];
    for (const [classCode, title, occupationalGroup, salaryLow] of catalog) {
      classes[classCode] = await makeClassification(t.dataSource, {
        classCode,
        title,
        occupationalGroup,
        salaryLow,
      });
    }
  });
  afterAll(() => t.close());

  describe('rule sets', () => {
    it('reports every bad node at once, with its path, and writes nothing', async () => {
      const before = { ruleSets: await ruleSetCount(), audit: await auditCount(t.dataSource) };
      const response = await t.http
        .post('/api/rule-sets')
        .set(as(world.tokens.ADMIN))
        .send({
          classCode: '5157',
          effectiveFrom: '2024-02-30',
          patterns: [
            {
              id: 'I',
              label: 'Fine label',
              requirements: [{ kind: 'experience', months: -3, inClassCodes: ['1138'] }],
            },
            {
              id: 'I',
              label: '',
              requirements: [
                { kind: 'educaton', semesterUnits: 60 },
                { kind: 'training', kinds: ['WEBINAR'], hours: 8 },
                { kind: 'experience', month: 12 },
              ],
            },
          ],
        })
        .expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(fields(response.body as Record<string, unknown>)).toEqual([
        'effectiveFrom',
        'patterns[0].requirements[0].months',
        'patterns[1].id',
        'patterns[1].label',
        'patterns[1].requirements[0].kind',
        'patterns[1].requirements[1].kinds[0]',
        'patterns[1].requirements[2].month',
        'patterns[1].requirements[2].months',
      ]);
      expect({ ruleSets: await ruleSetCount(), audit: await auditCount(t.dataSource) }).toEqual(
        before,
      );
    });

    it('refuses an unknown class, a title (it comes from the catalog) and a missing list', async () => {
      const before = { ruleSets: await ruleSetCount(), audit: await auditCount(t.dataSource) };
      const unknown = await t.http
        .post('/api/rule-sets')
        .set(as(world.tokens.ADMIN))
        .send({ ...SSA_2020, classCode: '0000' })
        .expect(400);
      expect(fields(unknown.body as Record<string, unknown>)).toEqual(['classCode']);
      const titled = await t.http
        .post('/api/rule-sets')
        .set(as(world.tokens.ADMIN))
        .send({ ...SSA_2020, title: 'Made up' })
        .expect(400);
      expect(fields(titled.body as Record<string, unknown>)).toEqual(['title']);
      const empty = await t.http
        .post('/api/rule-sets')
        .set(as(world.tokens.ADMIN))
        .send({ classCode: '5157', effectiveFrom: '2020-07-01', patterns: [] })
        .expect(400);
      expect(fields(empty.body as Record<string, unknown>)).toEqual(['patterns']);
      await t.http
        .post('/api/rule-sets')
        .set(as(world.tokens.COORDINATOR))
        .send(SSA_2020)
        .expect(403);
      expect({ ruleSets: await ruleSetCount(), audit: await auditCount(t.dataSource) }).toEqual(
        before,
      );
    });

    it('adds versions, audited; the same class and date twice is a conflict', async () => {
      const created = await t.http
        .post('/api/rule-sets')
        .set(as(world.tokens.ADMIN))
        .send({ ...SSA_2020, illustrative: true })
        .expect(201);
      expect(created.body).toMatchObject({
        classCode: '5157',
        title: 'Staff Services Analyst (General)',
        effectiveFrom: '2020-07-01',
        illustrative: true,
        createdBy: world.users.ADMIN.id,
        patterns: SSA_2020.patterns,
      });
      const entry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityType: 'eligibility_rule_set', entityId: created.body.id });
      expect(entry).toMatchObject({ action: 'CREATE', actorUserId: world.users.ADMIN.id });
      expect(entry.changes).toMatchObject({
        classCode: { old: null, new: '5157' },
        effectiveFrom: { old: null, new: '2020-07-01' },
      });

      const before = { ruleSets: await ruleSetCount(), audit: await auditCount(t.dataSource) };
      const twice = await t.http
        .post('/api/rule-sets')
        .set(as(world.tokens.ADMIN))
        .send({ ...SSA_2020, patterns: SSA_2025.patterns })
        .expect(409);
      expect(fields(twice.body as Record<string, unknown>)).toEqual(['effectiveFrom']);
      expect({ ruleSets: await ruleSetCount(), audit: await auditCount(t.dataSource) }).toEqual(
        before,
      );

      await t.http.post('/api/rule-sets').set(as(world.tokens.ADMIN)).send(SSA_2025).expect(201);
      const listed = await t.http
        .get('/api/rule-sets')
        .query({ classCode: '5157' })
        .set(as(world.tokens.AUDITOR))
        .expect(200);
      expect(listed.body).toMatchObject({ total: 2, page: 1 });
      expect(
        (listed.body.items as { effectiveFrom: string }[]).map((item) => item.effectiveFrom),
      ).toEqual(['2025-07-01', '2020-07-01']);
      const oldestFirst = await t.http
        .get('/api/rule-sets')
        .query({ classCode: '5157', order: 'asc', pageSize: 1 })
        .set(as(world.tokens.EMPLOYEE))
        .expect(200);
      expect(oldestFirst.body).toMatchObject({
        total: 2,
        items: [{ effectiveFrom: '2020-07-01' }],
      });
      const one = await t.http
        .get(`/api/rule-sets/${created.body.id}`)
        .set(as(world.tokens.SUPERVISOR))
        .expect(200);
      expect(one.body).toMatchObject({ id: created.body.id, effectiveFrom: '2020-07-01' });
      await t.http
        .get('/api/rule-sets')
        .query({ sort: 'title' })
        .set(as(world.tokens.ADMIN))
        .expect(400);
    });
  });

  describe('one employee', () => {
    let office: Employee;

    beforeAll(async () => {
      // 1441 from 2022-01-03, then 1138 from 2023-01-02; 12 units of college.
      office = await employeeIn(world.home, '1138', {
        hireDate: '2022-01-03',
        collegeSemesterUnits: '12.0',
        supervisorId: world.employees.supervisor.id,
      });
      await history(office, [
        ['2022-01-03', 'HIRE', '1441'],
        ['2023-01-02', 'PROMOTION', '1138'],
      ]);
      await t.http
        .post('/api/rule-sets')
        .set(as(world.tokens.ADMIN))
        .send({
          classCode: '4548',
          effectiveFrom: '2021-01-01',
          patterns: [
            {
              id: 'I',
              label: 'Accounting course and the list',
              requirements: [
                { kind: 'training', courses: ['Financial Accounting'] },
                { kind: 'examList', classCode: '4548' },
              ],
            },
          ],
        })
        .expect(201);
      await t.dataSource.getRepository(TrainingRecord).insert({
        departmentId: office.departmentId,
        employeeId: office.id,
        title: 'Financial Accounting',
        kind: 'CLASSROOM',
        hours: '30.00',
        startDate: '2024-01-15',
        completionDate: '2024-03-01',
        fiscalYear: '2023-24',
        onStateTime: true,
        status: 'VERIFIED',
        reportedBy: world.users.ADMIN.id,
      });
      await t.dataSource.getRepository(ExamListEligibility).insert({
        employeeId: office.id,
        classificationId: classes['4548'].id,
        listDate: '2024-05-01',
        expiresOn: '2026-05-01',
      });
    });

    it('explains the gaps and projects when experience will be enough', async () => {
      const response = await eligibility(office.id, world.tokens.COORDINATOR, {
        target: '5157',
        asOf: '2024-01-01',
      }).expect(200);
      expect(response.body).toMatchObject({ employeeId: office.id, asOf: '2024-01-01' });
      const [target] = response.body.targets as TargetBody[];
      expect(target).toMatchObject({
        classCode: '5157',
        title: 'Staff Services Analyst (General)',
        ruleSetEffectiveFrom: '2020-07-01',
        illustrative: true,
        status: 'NOT_YET',
        nearestPatternId: 'I',
      });
      const [patternI, patternII] = target.patterns;
      expect(patternI.requirements[0]).toMatchObject({
        kind: 'experience',
        met: false,
        have: { value: 12 },
        need: { value: 24 },
        gap: 12,
        projectedMetOn: '2025-01-01',
        sources: [
          { type: 'APPOINTMENT', classCode: '1138', start: '2023-01-02', end: '2024-01-01' },
        ],
      });
      expect(patternI.requirements[0].have.explanation).toContain('1138');
      expect(patternI.requirements[0].explanation).toMatch(
        /^Not met: needs 24 months of experience in class 1138 or 1139; has 12 months in 1138 .*projected to be met on 2025-01-01$/,
      );
      expect(patternII).toMatchObject({ met: false, projectedMetOn: null });
      expect(patternII.requirements.map((r) => [r.kind, r.met, r.gap])).toEqual([
        ['experience', true, 0],
        ['education', false, 48],
      ]);
    });

    it('uses the rules in force on the as-of date: the older version before the newer one', async () => {
      const older = await eligibility(office.id, world.tokens.ADMIN, {
        target: '5157',
        asOf: '2025-06-30',
      }).expect(200);
      expect(older.body.targets[0]).toMatchObject({
        ruleSetEffectiveFrom: '2020-07-01',
        status: 'ELIGIBLE',
        nearestPatternId: 'I',
      });
      const newer = await eligibility(office.id, world.tokens.ADMIN, {
        target: '5157',
        asOf: '2025-07-01',
      }).expect(200);
      // 30 months of the 36 now required; 36 are reached on 2026-01-01, within six months.
      expect(newer.body.targets[0]).toMatchObject({
        ruleSetEffectiveFrom: '2025-07-01',
        status: 'EXAM_ELIGIBLE',
        patterns: [{ patternId: 'I', projectedMetOn: '2026-01-01' }],
      });
      const before = await eligibility(office.id, world.tokens.ADMIN, {
        target: '5157',
        asOf: '2020-06-30',
      }).expect(404);
      expect(before.body).toMatchObject({ code: 'NOT_FOUND' });
      await eligibility(office.id, world.tokens.ADMIN, { target: '1441' }).expect(404);
    });

    it('uses only records dated on or before the as-of date', async () => {
      const statusOn = async (asOf: string) => {
        const response = await eligibility(office.id, world.tokens.ADMIN, {
          target: '4548',
          asOf,
        }).expect(200);
        const target = (response.body.targets as TargetBody[])[0];
        return {
          status: target.status,
          met: target.patterns[0].requirements.map((r) => r.met),
        };
      };
      // Training completed 2024-03-01; on the list from 2024-05-01.
      expect(await statusOn('2024-02-01')).toEqual({ status: 'NOT_YET', met: [false, false] });
      expect(await statusOn('2024-04-01')).toEqual({ status: 'EXAM_ELIGIBLE', met: [true, false] });
      expect(await statusOn('2024-06-01')).toEqual({ status: 'ELIGIBLE', met: [true, true] });
      // As of 2022-06-01 the employee was still in 1441: no 1138 months at all.
      const early = await eligibility(office.id, world.tokens.ADMIN, {
        target: '5157',
        asOf: '2022-06-01',
      }).expect(200);
      expect(early.body.targets[0].patterns[0].requirements[0]).toMatchObject({
        have: { value: 0 },
        projectedMetOn: null,
      });
    });

    it('without a target: every ELTPA class of the department with rules in force', async () => {
      await t.dataSource.getRepository(UmDesignationRecord).insert(
        (
          [
            ['5157', 'ELTPA'],
            ['9901', 'ELTPA'],
            ['1138', 'LPEL'],
          ] as const
        ).map(([code, designation]) => ({
          departmentId: world.home.id,
          fiscalYear: '2023-24',
          classificationId: classes[code].id,
          designation,
          ladderTargetClassCodes: [],
        })),
      );
      const response = await eligibility(office.id, world.tokens.SUPERVISOR, {
        asOf: '2024-01-01',
      }).expect(200);
      // 9901 has no rules in force; 4548 has rules but is not designated.
      expect((response.body.targets as TargetBody[]).map((target) => target.classCode)).toEqual([
        '5157',
      ]);
      // Designations carry over into a fiscal year without its own list (designationAt).
      const nextYear = await eligibility(office.id, world.tokens.ADMIN, {
        asOf: '2024-09-01',
      }).expect(200);
      expect((nextYear.body.targets as TargetBody[]).map((target) => target.classCode)).toEqual([
        '5157',
      ]);
      const otherDepartment = await eligibility(
        world.employees.otherDepartment.id,
        world.tokens.ADMIN,
        { asOf: '2024-01-01' },
      ).expect(200);
      expect(otherDepartment.body.targets).toEqual([]);
    });

    it('refuses malformed dates and targets', async () => {
      const badDate = await eligibility(office.id, world.tokens.ADMIN, {
        target: '5157',
        asOf: '2024-13-01',
      }).expect(400);
      expect(fields(badDate.body as Record<string, unknown>)).toEqual(['asOf']);
      const badTarget = await eligibility(office.id, world.tokens.ADMIN, {
        target: 'ssa!',
      }).expect(400);
      expect(fields(badTarget.body as Record<string, unknown>)).toEqual(['target']);
    });

    it('is scoped: the supervisor sees a report, not a peer; others 404; AUDITOR 403', async () => {
      const query = { target: '5157', asOf: '2024-01-01' };
      await eligibility(office.id, world.tokens.SUPERVISOR, query).expect(200);
      await eligibility(world.employees.peer.id, world.tokens.SUPERVISOR, query).expect(404);
      await eligibility(office.id, world.tokens.EMPLOYEE, query).expect(404);
      await eligibility(world.employees.employee.id, world.tokens.EMPLOYEE, query).expect(200);
      await eligibility(office.id, world.tokens.otherCoordinator, query).expect(404);
      await eligibility(office.id, world.tokens.AUDITOR, query).expect(403);
    });
  });

  describe('a department', () => {
    let department: Department;
    let coordinatorToken: string;
    const named: Record<string, Employee> = {};

    beforeAll(async () => {
      department = await makeDepartment(t.dataSource);
      const coordinator = await makeUser(t.dataSource, 'COORDINATOR', {
        departmentId: department.id,
      });
      coordinatorToken = (await login(t.http, coordinator.email)).accessToken;
      const person = async (
        name: string,
        classCode: string,
        hireDate: string,
        steps: [string, AppointmentType, string | null, number?][],
        overrides: Partial<Employee> = {},
      ) => {
        named[name] = await employeeIn(department, classCode, {
          lastName: name,
          hireDate,
          ...overrides,
        });
        await history(named[name], steps);
      };
      // As of 2024-07-01, under the 2020 rules (24 months in 1138/1139):
      await person('Adams', '1138', '2022-01-03', [['2022-01-03', 'HIRE', '1138']]); // 30 months
      await person('Baker', '1138', '2022-09-01', [['2022-09-01', 'HIRE', '1138']]); // 22: 2024-08-31
      await person('Clark', '1138', '2023-10-01', [['2023-10-01', 'HIRE', '1138']]); // 9: 2025-09-30
      // 1441, with a T&D assignment in 1139 planned to 2024-12-31: 24 months that day.
      await person('Davis', '1441', '2022-01-03', [['2022-01-03', 'HIRE', '1441']]);
      await t.dataSource.getRepository(TdAssignment).insert({
        departmentId: department.id,
        employeeId: named.Davis.id,
        hostUnit: 'Budgets',
        workClassificationId: classes['1139'].id,
        startDate: '2023-01-01',
        plannedEndDate: '2024-12-31',
        actualEndDate: null,
        timeBaseFraction: '1.000',
      });
      await person('Evans', '1138', '2023-04-01', [['2023-04-01', 'HIRE', '1138']]); // 15: 2025-03-31
      // Already a Staff Services Analyst: not a candidate.
      await person('Foster', '5157', '2021-01-04', [
        ['2021-01-04', 'HIRE', '1138'],
        ['2023-01-02', 'PROMOTION', '5157'],
      ]);
      // Separated before the as-of date; hired after it: not on the rolls.
      await person(
        'Green',
        '1138',
        '2020-01-06',
        [
          ['2020-01-06', 'HIRE', '1138'],
          ['2024-03-01', 'SEPARATION', null],
        ],
        { status: 'SEPARATED', separatedOn: '2024-03-01' },
      );
      await person('Hill', '1138', '2024-09-01', [['2024-09-01', 'HIRE', '1138']]);
    });

    const report = (token: string, query: Record<string, string>, id = department.id) =>
      t.http.get(`/api/departments/${id}/eligibility`).query(query).set(as(token));

    it('counts and lists who is eligible, exam eligible, and projected within 3, 6 and 12 months', async () => {
      const response = await report(coordinatorToken, {
        target: '5157',
        asOf: '2024-07-01',
      }).expect(200);
      const names = (list: ListedEmployee[]) => list.map((employee) => employee.lastName);
      expect(response.body).toMatchObject({
        departmentId: department.id,
        asOf: '2024-07-01',
        classCode: '5157',
        ruleSetEffectiveFrom: '2020-07-01',
        illustrative: true,
        counts: {
          evaluated: 5,
          eligible: 1,
          examEligible: 2,
          within3Months: 1,
          within6Months: 2,
          within12Months: 3,
          alreadyInTargetClass: 1,
          unusable: 0,
        },
      });
      expect(names(response.body.eligible)).toEqual(['Adams']);
      expect(names(response.body.examEligible)).toEqual(['Baker', 'Davis']);
      expect(names(response.body.within3Months)).toEqual(['Baker']);
      expect(names(response.body.within6Months)).toEqual(['Baker', 'Davis']);
      expect(names(response.body.within12Months)).toEqual(['Baker', 'Davis', 'Evans']);
      expect(response.body.within12Months).toEqual([
        expect.objectContaining({ lastName: 'Baker', projectedMetOn: '2024-08-31' }),
        expect.objectContaining({
          lastName: 'Davis',
          projectedMetOn: '2024-12-31',
          classCode: '1441',
        }),
        expect.objectContaining({
          id: named.Evans.id,
          employeeNumber: named.Evans.employeeNumber,
          firstName: 'Test',
          status: 'NOT_YET',
          projectedMetOn: '2025-03-31',
        }),
      ]);
      expect(response.body.eligible[0]).toMatchObject({
        id: named.Adams.id,
        classCode: '1138',
        status: 'ELIGIBLE',
        projectedMetOn: null,
      });
    });

    it('uses the newer rules after they take effect', async () => {
      const response = await report(world.tokens.ADMIN, {
        target: '5157',
        asOf: '2025-07-01',
      }).expect(200);
      // 36 months now: Adams has 42, Baker 34 (2025-08-31), Clark 21, Davis 24 and no more
      // 1139 time, Evans 27; Hill (hired 2024-09-01) is on the rolls now with 10.
      expect(response.body).toMatchObject({
        ruleSetEffectiveFrom: '2025-07-01',
        counts: { evaluated: 6, eligible: 1, examEligible: 1, within3Months: 1 },
      });
      const examEligible = response.body.examEligible as ListedEmployee[];
      expect(examEligible.map((e) => e.lastName)).toEqual(['Baker']);
    });

    it('lists records it cannot use instead of failing the department; one employee: 422', async () => {
      const broken = await employeeIn(department, '1138', { lastName: 'Irwin' });
      await history(broken, [['2020-01-06', 'HIRE', '1138']]);
      // Written past the API's checks: a T&D assignment ending before it starts.
      await t.dataSource.getRepository(TdAssignment).insert({
        departmentId: department.id,
        employeeId: broken.id,
        hostUnit: 'Typo',
        workClassificationId: classes['1139'].id,
        startDate: '2024-03-01',
        plannedEndDate: '2023-03-01',
        actualEndDate: null,
        timeBaseFraction: '1.000',
      });
      const response = await report(coordinatorToken, {
        target: '5157',
        asOf: '2024-07-01',
      }).expect(200);
      expect(response.body.counts).toMatchObject({ evaluated: 5, eligible: 1, unusable: 1 });
      expect(response.body.unusableRecords).toEqual([
        {
          id: broken.id,
          employeeNumber: broken.employeeNumber,
          problems: ['tdAssignments[0].end is before the start'],
        },
      ]);
      const one = await eligibility(broken.id, coordinatorToken, {
        target: '5157',
        asOf: '2024-07-01',
      }).expect(422);
      expect(fields(one.body as Record<string, unknown>)).toEqual(['records.tdAssignments[0].end']);
      await t.dataSource.getRepository(TdAssignment).delete({ employeeId: broken.id });
    });

    it('is for the department’s coordinator and administrators only', async () => {
      const query = { target: '5157', asOf: '2024-07-01' };
      await report(world.tokens.COORDINATOR, query).expect(404);
      await report(world.tokens.AUDITOR, query).expect(403);
      await report(world.tokens.SUPERVISOR, query).expect(403);
      await report(world.tokens.EMPLOYEE, query).expect(403);
      await report(coordinatorToken, query, world.home.id).expect(404);
      await report(world.tokens.COORDINATOR, query, world.home.id).expect(200);
      const missing = await report(coordinatorToken, { asOf: '2024-07-01' }).expect(400);
      expect(fields(missing.body as Record<string, unknown>)).toEqual(['target']);
      await report(coordinatorToken, { target: '9901' }).expect(404);
    });
  });

  describe('gaps into a career plan', () => {
    let today: string;
    let since: string;
    let owner: Employee;

    async function planOf(state: PlanState, targetClassCodes = ['9901']): Promise<CareerPlan> {
      await t.dataSource.query(
        `UPDATE career_plans SET state = 'WITHDRAWN' WHERE employee_id = $1 AND state NOT IN ('COMPLETED', 'WITHDRAWN')`,
        [owner.id],
      );
      return t.dataSource.getRepository(CareerPlan).save({
        departmentId: owner.departmentId,
        employeeId: owner.id,
        targetClassCodes,
        goals: 'Program Analyst Trainee',
        state,
      });
    }

    const fromGaps = (planId: string, token: string) =>
      t.http.post(`/api/career-plans/${planId}/activities/from-gaps`).set(as(token));

    async function written(): Promise<Record<string, number>> {
      const activities: { count: string }[] = await t.dataSource.query(
        'SELECT count(*) FROM career_plan_activities',
      );
      const versions: { sum: string | null }[] = await t.dataSource.query(
        'SELECT sum(version) FROM career_plans',
      );
      return {
        activities: Number(activities[0].count),
        versions: Number(versions[0].sum ?? 0),
        audit: await auditCount(t.dataSource),
      };
    }

    beforeAll(async () => {
      today = programToday();
      // The EMPLOYEE user's own record: 1138 for the last six months, 36 units, no training.
      owner = world.employees.employee;
      since = addCalendarMonths(today, -6);
      await t.dataSource.getRepository(Employee).update(owner.id, {
        hireDate: since,
        classificationId: classes['1138'].id,
        collegeSemesterUnits: '36.0',
      });
      await history(owner, [[since, 'HIRE', '1138']]);
      await t.http
        .post('/api/rule-sets')
        .set(as(world.tokens.ADMIN))
        .send({
          classCode: '9901',
          effectiveFrom: '2020-01-01',
          patterns: [
            {
              id: 'I',
              label: 'Everything at once',
              requirements: [
                { kind: 'experience', months: 12, inClassCodes: ['1138'] },
                { kind: 'education', semesterUnits: 60 },
                { kind: 'training', hours: 40, kinds: ['CLASSROOM'] },
                { kind: 'examList', classCode: '9901' },
                { kind: 'license', code: 'DL' },
              ],
            },
          ],
        })
        .expect(201);
    });

    it('adds one planned activity per gap, once, bumping the version and auditing each', async () => {
      const plan = await planOf('DRAFT');
      const before = await written();
      const first = await fromGaps(plan.id, world.tokens.EMPLOYEE).expect(200);
      expect(first.headers.etag).toBe(`"${plan.version + 1}"`);
      expect(first.body).toMatchObject({
        planId: plan.id,
        version: plan.version + 1,
        classCode: '9901',
        status: 'NOT_YET',
        nearestPatternId: 'I',
      });
      expect(first.body.added).toHaveLength(5);
      const activities = first.body.activities as {
        kind: string;
        description: string;
        targetDate: string | null;
        plannedHours: number | null;
        status: string;
        sourceRequirement: string;
      }[];
      expect(
        activities.map((a) => [a.sourceRequirement, a.kind, a.status, a.plannedHours]).sort(),
      ).toEqual([
        ['9901:I:0:experience', 'OJT', 'PLANNED', null],
        ['9901:I:1:education', 'COLLEGE_COURSE', 'PLANNED', null],
        ['9901:I:2:training', 'TRAINING', 'PLANNED', 40],
        ['9901:I:3:examList', 'EXAM', 'PLANNED', null],
        ['9901:I:4:license', 'OTHER', 'PLANNED', null],
      ]);
      const experience = activities.find((a) => a.kind === 'OJT')!;
      // Twelve months in 1138 from the hire date: the day before its first anniversary.
      expect(experience.targetDate).toBe(addDays(addCalendarMonths(since, 12), -1));
      expect(experience.description).toMatch(/^\d+(\.\d)? more months of experience in 1138 /);
      expect(activities.find((a) => a.kind === 'COLLEGE_COURSE')!.description).toBe(
        '24 more semester units',
      );
      expect(await written()).toEqual({
        activities: before.activities + 5,
        versions: before.versions + 1,
        audit: before.audit + 5,
      });
      const entries = await t.dataSource
        .getRepository(AuditEntry)
        .findBy({ entityType: 'career_plan_activity', actorUserId: world.users.EMPLOYEE.id });
      expect(
        entries.filter((entry) => (first.body.added as string[]).includes(entry.entityId ?? '')),
      ).toHaveLength(5);

      // Again: nothing new, no version, no audit entry.
      const again = await fromGaps(plan.id, world.tokens.EMPLOYEE).expect(200);
      expect(again.body).toMatchObject({ version: plan.version + 1, added: [] });
      expect(again.headers.etag).toBe(`"${plan.version + 1}"`);
      expect(again.body.activities).toHaveLength(5);
      expect(await written()).toEqual({
        activities: before.activities + 5,
        versions: before.versions + 1,
        audit: before.audit + 5,
      });

      // A gap whose activity was removed comes back; the others stay as they are.
      await t.dataSource.query(
        `DELETE FROM career_plan_activities WHERE plan_id = $1 AND source_requirement = '9901:I:4:license'`,
        [plan.id],
      );
      const refilled = await fromGaps(plan.id, world.tokens.COORDINATOR)
        .set('If-Match', `"${plan.version + 1}"`)
        .expect(200);
      expect(refilled.body).toMatchObject({ version: plan.version + 2 });
      expect(refilled.body.added).toHaveLength(1);
    });

    it('follows the plan rules: owner only while DRAFT or RETURNED, coordinator any time', async () => {
      const submitted = await planOf('SUBMITTED');
      const before = await written();
      const refused = await fromGaps(submitted.id, world.tokens.EMPLOYEE).expect(409);
      expect(refused.body).toMatchObject({ code: 'CONFLICT' });
      await fromGaps(submitted.id, world.tokens.SUPERVISOR).expect(403);
      await fromGaps(submitted.id, world.tokens.otherCoordinator).expect(404);
      await fromGaps(submitted.id, world.tokens.AUDITOR).expect(403);
      const stale = await fromGaps(submitted.id, world.tokens.COORDINATOR)
        .set('If-Match', '"99"')
        .expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT' });
      expect(await written()).toEqual(before);
      await fromGaps(submitted.id, world.tokens.COORDINATOR).expect(200);

      const returned = await planOf('RETURNED');
      await fromGaps(returned.id, world.tokens.EMPLOYEE).expect(200);
    });

    it('needs a target class with rules in force', async () => {
      const noTarget = await planOf('DRAFT', []);
      const afterPlan = await written();
      const none = await fromGaps(noTarget.id, world.tokens.EMPLOYEE).expect(422);
      expect(fields(none.body as Record<string, unknown>)).toEqual(['targetClassCodes']);
      const noRules = await planOf('DRAFT', ['1441']);
      const afterSecond = await written();
      const missing = await fromGaps(noRules.id, world.tokens.EMPLOYEE).expect(422);
      expect(fields(missing.body as Record<string, unknown>)).toEqual(['targetClassCodes[0]']);
      expect(await written()).toEqual(afterSecond);
      expect(afterSecond.audit).toBe(afterPlan.audit);
    });
  });

  describe('demo rule sets', () => {
    it('seeds the illustrative versions of catalog classes once, keeping existing ones', async () => {
      const first = await t.dataSource.transaction((manager) => seedDemoRuleSets(manager));
      // 5157 already has a 2020-07-01 version (kept); 4548 is in the catalog; 1401 and 8350 are not.
      expect(first).toBe(1);
      const seeded = await t.dataSource
        .getRepository(EligibilityRuleSet)
        .findOneByOrFail({ classificationId: classes['4548'].id, effectiveFrom: '2020-07-01' });
      expect(seeded).toMatchObject({ illustrative: true, createdBy: null });
      expect(seeded.definition).toMatchObject({
        classCode: '4548',
        title: 'Accountant Trainee',
        illustrative: true,
      });
      expect(await t.dataSource.transaction((manager) => seedDemoRuleSets(manager))).toBe(0);
      const kept = await t.dataSource
        .getRepository(EligibilityRuleSet)
        .findOneByOrFail({ classificationId: classes['5157'].id, effectiveFrom: '2020-07-01' });
      expect(kept.definition.patterns).toEqual(SSA_2020.patterns);
    });
  });
});
