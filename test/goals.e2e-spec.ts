import { Appointment } from '../src/modules/appointments/appointment.entity';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import type { Department } from '../src/modules/departments/department.entity';
import { AnnualGoal } from '../src/modules/goals/annual-goal.entity';
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

describe('Annual goals (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  let eltpaCode: string;
  let lpelCode: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  const goal = (overrides: Record<string, unknown> = {}) => ({
    moveGoal: 3,
    participantGoal: 40,
    planGoal: 30,
    trainingHoursGoal: 1200.5,
    narrative: 'Grow the Office Technician to Staff Services Analyst ladder',
    ...overrides,
  });

  const snapshot = async () => ({
    goals: (await t.dataSource.getRepository(AnnualGoal).find({ order: { id: 'ASC' } })).map(
      (g) => `${g.id}:${g.fiscalYear}:${g.version}`,
    ),
    audit: await auditCount(t.dataSource),
  });

  /** Upward mobility moves (and one ordinary promotion) written straight into appointments. */
  const moves = async (department: Department, dates: string[], upward = true) => {
    const employee = await makeEmployee(t.dataSource, department.id, world.classification.id);
    for (const effectiveDate of dates) {
      await t.dataSource.getRepository(Appointment).insert({
        employeeId: employee.id,
        departmentId: department.id,
        effectiveDate,
        type: 'PROMOTION',
        isUpwardMobilityMove: upward,
      });
    }
  };

  /** A department with its coordinator, for a story that must not mix with the others. */
  const freshDepartment = async () => {
    const department = await makeDepartment(t.dataSource);
    const coordinator = await makeUser(t.dataSource, 'COORDINATOR', {
      departmentId: department.id,
    });
    return { department, token: (await login(t.http, coordinator.email)).accessToken };
  };

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    const eltpa = await makeClassification(t.dataSource, { title: 'Staff Services Analyst' });
    const lpel = await makeClassification(t.dataSource, { title: 'Office Assistant' });
    eltpaCode = eltpa.classCode;
    lpelCode = lpel.classCode;
    await t.http
      .put(`/api/departments/${world.home.id}/designations/2025-26`)
      .set(as(world.tokens.COORDINATOR))
      .send({
        designations: [
          { classCode: lpelCode, designation: 'LPEL', ladderTargetClassCodes: [eltpaCode] },
          { classCode: eltpaCode, designation: 'ELTPA' },
        ],
      })
      .expect(200);
  });
  afterAll(() => t.close());

  it('a coordinator sets the year’s goals with class goals; everyone in the department reads them', async () => {
    const url = `/api/departments/${world.home.id}/goals/2025-26`;
    const saved = await t.http
      .put(url)
      .set(as(world.tokens.COORDINATOR))
      .send(
        goal({
          moveGoalsByClass: [{ classCode: eltpaCode, count: 3 }],
          budget: 25000,
          apprenticeGoal: 2,
        }),
      )
      .expect(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.body).toMatchObject({
      departmentId: world.home.id,
      fiscalYear: '2025-26',
      moveGoal: 3,
      moveGoalsByClass: [{ classCode: eltpaCode, count: 3 }],
      trainingHoursGoal: 1200.5,
      budget: 25000,
      apprenticeGoal: 2,
      missedGoalsExplanation: null,
      actualMoves: 0,
      missedPreviousTwoYears: false,
      version: 1,
    });
    for (const token of [
      world.tokens.SUPERVISOR,
      world.tokens.EMPLOYEE,
      world.tokens.AUDITOR,
      world.tokens.ADMIN,
    ]) {
      const read = await t.http.get(url).set(as(token)).expect(200);
      expect(read.body.id).toBe(saved.body.id);
    }
    await t.http.get(url).set(as(world.tokens.otherCoordinator)).expect(404);
    await t.http
      .get(`/api/departments/${world.home.id}/goals/2019-20`)
      .set(as(world.tokens.ADMIN))
      .expect(404);
    const entry = await t.dataSource
      .getRepository(AuditEntry)
      .findOneByOrFail({ entityType: 'annual_goal', entityId: saved.body.id, action: 'CREATE' });
    expect(entry).toMatchObject({ departmentId: world.home.id });
    expect(entry.changes).toMatchObject({ moveGoal: { old: null, new: 3 } });
  });

  it('refuses class goals that are not ELTPA that year, and bad input, naming the field and writing nothing', async () => {
    const url = `/api/departments/${world.home.id}/goals/2025-26`;
    const before = await snapshot();
    const cases: [Record<string, unknown>, string][] = [
      [{ moveGoalsByClass: [{ classCode: lpelCode, count: 1 }] }, 'moveGoalsByClass[0].classCode'],
      [
        {
          moveGoalsByClass: [
            { classCode: eltpaCode, count: 1 },
            { classCode: 'ZZZ999', count: 1 },
          ],
        },
        'moveGoalsByClass[1].classCode',
      ],
      [
        {
          moveGoalsByClass: [
            { classCode: eltpaCode, count: 1 },
            { classCode: eltpaCode, count: 2 },
          ],
        },
        'moveGoalsByClass[1].classCode',
      ],
      [{ moveGoalsByClass: [{ classCode: eltpaCode, count: -1 }] }, 'moveGoalsByClass[0].count'],
      [{ moveGoal: -1 }, 'moveGoal'],
      [{ moveGoal: 1.5 }, 'moveGoal'],
      [{ trainingHoursGoal: -3 }, 'trainingHoursGoal'],
      [{ narrative: undefined }, 'narrative'],
      [{ budget: -1 }, 'budget'],
      [{ secret: true }, 'secret'],
    ];
    for (const [overrides, field] of cases) {
      const response = await t.http
        .put(url)
        .set(as(world.tokens.COORDINATOR))
        .send(goal(overrides));
      expect({ overrides, status: response.status }).toEqual({ overrides, status: 400 });
      expect(response.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
    }
    // ELTPA in 2025-26 is not ELTPA in 2026-27 (no designations there).
    const otherYear = await t.http
      .put(`/api/departments/${world.home.id}/goals/2026-27`)
      .set(as(world.tokens.COORDINATOR))
      .send(goal({ moveGoalsByClass: [{ classCode: eltpaCode, count: 1 }] }))
      .expect(400);
    expect(otherYear.body.errors).toEqual([
      expect.objectContaining({ field: 'moveGoalsByClass[0].classCode' }),
    ]);
    const badYear = await t.http
      .put(`/api/departments/${world.home.id}/goals/2025-27`)
      .set(as(world.tokens.COORDINATOR))
      .send(goal())
      .expect(400);
    expect(badYear.body.errors).toEqual([expect.objectContaining({ field: 'path.fiscalYear' })]);
    expect(await snapshot()).toEqual(before);
  });

  it('requires an explanation and a two-year plan after two missed years (Gov Code 19402)', async () => {
    const { department, token } = await freshDepartment();
    const put = (year: string, body: Record<string, unknown>) =>
      t.http.put(`/api/departments/${department.id}/goals/${year}`).set(as(token)).send(body);

    await put('2023-24', goal({ moveGoal: 3 })).expect(200);
    await put('2024-25', goal({ moveGoal: 2 })).expect(200);
    await moves(department, ['2023-10-01', '2024-06-30']); // 2 of 3 in 2023-24
    await moves(department, ['2024-07-01']); // 1 of 2 in 2024-25
    await moves(department, ['2024-08-01', '2025-01-15'], false); // not upward mobility moves
    await moves(world.other, ['2024-09-01', '2024-10-01']); // another department's

    const before = await snapshot();
    const refused = await put('2025-26', goal()).expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'missedGoalsExplanation' }),
      expect.objectContaining({ field: 'twoYearPlan' }),
    ]);
    const blankPlan = await put(
      '2025-26',
      goal({ missedGoalsExplanation: 'A hiring freeze', twoYearPlan: '  ' }),
    ).expect(400);
    expect(blankPlan.body.errors).toEqual([expect.objectContaining({ field: 'twoYearPlan' })]);
    expect(await snapshot()).toEqual(before);

    const saved = await put(
      '2025-26',
      goal({
        missedGoalsExplanation: 'A hiring freeze stopped the SSA examinations',
        twoYearPlan: 'Two bridging classes a year and a continuous SSA examination',
      }),
    ).expect(200);
    expect(saved.body).toMatchObject({ missedPreviousTwoYears: true, actualMoves: 0 });

    const previous = await t.http
      .get(`/api/departments/${department.id}/goals/2024-25`)
      .set(as(token))
      .expect(200);
    expect(previous.body).toMatchObject({ actualMoves: 1, missedPreviousTwoYears: false });
    const list = await t.http
      .get(`/api/departments/${department.id}/goals`)
      .query({ order: 'desc' })
      .set(as(token))
      .expect(200);
    expect(list.body).toMatchObject({ total: 3, page: 1 });
    expect(
      (
        list.body.items as {
          fiscalYear: string;
          actualMoves: number;
          missedPreviousTwoYears: boolean;
        }[]
      ).map((g) => [g.fiscalYear, g.actualMoves, g.missedPreviousTwoYears]),
    ).toEqual([
      ['2025-26', 0, true],
      ['2024-25', 1, false],
      ['2023-24', 2, false],
    ]);
  });

  it('does not require them when one of the two years was met, or had no goal', async () => {
    const met = await freshDepartment();
    await t.http
      .put(`/api/departments/${met.department.id}/goals/2023-24`)
      .set(as(met.token))
      .send(goal({ moveGoal: 1 }))
      .expect(200);
    await t.http
      .put(`/api/departments/${met.department.id}/goals/2024-25`)
      .set(as(met.token))
      .send(goal({ moveGoal: 2 }))
      .expect(200);
    await moves(met.department, ['2025-01-01', '2025-06-30']); // 2 of 2 in 2024-25: met
    const saved = await t.http
      .put(`/api/departments/${met.department.id}/goals/2025-26`)
      .set(as(met.token))
      .send(goal())
      .expect(200);
    expect(saved.body.missedPreviousTwoYears).toBe(false);

    const noGoal = await freshDepartment();
    await t.http
      .put(`/api/departments/${noGoal.department.id}/goals/2024-25`)
      .set(as(noGoal.token))
      .send(goal({ moveGoal: 5 }))
      .expect(200);
    await t.http
      .put(`/api/departments/${noGoal.department.id}/goals/2025-26`)
      .set(as(noGoal.token))
      .send(goal())
      .expect(200);
  });

  it('guards replacements with If-Match and audits the update', async () => {
    const { department, token } = await freshDepartment();
    const url = `/api/departments/${department.id}/goals/2025-26`;
    const created = await t.http.put(url).set(as(token)).send(goal()).expect(200);
    const read = await t.http.get(url).set(as(token)).expect(200);
    expect(read.headers.etag).toBe('"1"');
    const updated = await t.http
      .put(url)
      .set(as(token))
      .set('If-Match', read.headers.etag)
      .send(goal({ moveGoal: 5 }))
      .expect(200);
    expect(updated.body).toMatchObject({ moveGoal: 5, version: 2 });
    expect(updated.headers.etag).toBe('"2"');

    const before = await snapshot();
    const stale = await t.http
      .put(url)
      .set(as(token))
      .set('If-Match', '"1"')
      .send(goal({ moveGoal: 9 }))
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    await t.http.put(url).set(as(token)).set('If-Match', 'yesterday').send(goal()).expect(400);
    await t.http
      .put(`/api/departments/${department.id}/goals/2030-31`)
      .set(as(token))
      .set('If-Match', '"1"')
      .send(goal())
      .expect(409);
    expect(await snapshot()).toEqual(before);

    // Without If-Match the last writer wins; the same content again writes nothing.
    await t.http
      .put(url)
      .set(as(token))
      .send(goal({ moveGoal: 5 }))
      .expect(200);
    expect(await snapshot()).toEqual(before);
    const actions = (
      await t.dataSource
        .getRepository(AuditEntry)
        .find({ where: { entityId: created.body.id }, order: { id: 'ASC' } })
    ).map((e) => e.action);
    expect(actions).toEqual(['CREATE', 'UPDATE']);
  });

  it('only the department’s coordinator and administrators write; others get 403 or 404', async () => {
    const url = `/api/departments/${world.home.id}/goals/2027-28`;
    const before = await snapshot();
    for (const [token, status] of [
      [world.tokens.SUPERVISOR, 403],
      [world.tokens.EMPLOYEE, 403],
      [world.tokens.AUDITOR, 403],
      [world.tokens.otherCoordinator, 404],
    ] as const) {
      await t.http.put(url).set(as(token)).send(goal()).expect(status);
    }
    await t.http.put(url).send(goal()).expect(401);
    await t.http
      .put('/api/departments/7f000000-0000-4000-8000-000000000000/goals/2027-28')
      .set(as(world.tokens.ADMIN))
      .send(goal())
      .expect(404);
    expect(await snapshot()).toEqual(before);
    await t.http.put(url).set(as(world.tokens.ADMIN)).send(goal()).expect(200);
    await t.http
      .get(`/api/departments/${world.home.id}/goals`)
      .set(as(world.tokens.otherCoordinator))
      .expect(404);
    const audited = await t.http
      .get(`/api/departments/${world.home.id}/goals`)
      .set(as(world.tokens.AUDITOR))
      .expect(200);
    expect((audited.body.items as { fiscalYear: string }[]).map((g) => g.fiscalYear)).toEqual([
      '2025-26',
      '2027-28',
    ]);
  });
});
