import { programToday } from '../src/modules/program-calendar/program-date';
import type { Employee } from '../src/modules/employees/employee.entity';
import type { Classification } from '../src/modules/classifications/classification.entity';
import { makeClassification, makeEmployee, makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

interface Item {
  employeeId: string;
  [key: string]: unknown;
}
interface Section {
  count: number;
  items: Item[];
}

describe('Compliance exceptions report (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  const AS_OF = '2025-10-15';
  const FY = '2025-26';
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const path = (departmentId: string, query = `?asOf=${AS_OF}`) =>
    `/api/departments/${departmentId}/reports/exceptions${query}`;

  const e: Record<string, Employee> = {};
  const ids: Record<string, string> = {};

  const sql = (text: string, params: unknown[]) => t.dataSource.query(text, params);
  const insertId = async (text: string, params: unknown[]): Promise<string> => {
    const rows = (await sql(`${text} RETURNING id`, params)) as { id: string }[];
    return rows[0].id;
  };

  const employee = async (key: string, classificationId: string, fraction = 1) => {
    e[key] = await makeEmployee(t.dataSource, world.home.id, classificationId);
    if (fraction !== 1) {
      await sql(
        `UPDATE employees SET time_base = 'PART_TIME', time_base_fraction = $2 WHERE id = $1`,
        [e[key].id, fraction],
      );
    }
    return e[key];
  };
  const plan = (emp: Employee, state: string) =>
    insertId(
      `INSERT INTO career_plans (department_id, employee_id, state, approved_at, version)
       VALUES ($1, $2, $3::career_plans_state_enum, CASE WHEN $3::text = 'APPROVED' THEN now() END, 1)`,
      [world.home.id, emp.id, state],
    );
  const conversation = (emp: Employee, heldOn: string) =>
    sql(
      `INSERT INTO career_conversations (department_id, employee_id, held_on, held_by_user_id, summary)
       VALUES ($1, $2, $3, $4, 'talk')`,
      [world.home.id, emp.id, heldOn, world.users.COORDINATOR.id],
    );
  const participation = async (emp: Employee, startedOn: string, withdrawnOn: string | null) => {
    const applicationId = await insertId(
      `INSERT INTO program_applications
         (department_id, employee_id, target_classification_id, submitted_on, status, version)
       VALUES ($1, $2, $3, $4, 'ACCEPTED', 1)`,
      [world.home.id, emp.id, world.classification.id, startedOn],
    );
    await sql(
      `INSERT INTO program_participations
         (department_id, employee_id, application_id, started_on, withdrawn_on)
       VALUES ($1, $2, $3, $4, $5)`,
      [world.home.id, emp.id, applicationId, startedOn, withdrawnOn],
    );
  };
  const training = (
    emp: Employee,
    facts: { hours: number; status: string; onStateTime: boolean; createdAt: string },
  ) =>
    insertId(
      `INSERT INTO training_records (department_id, employee_id, title, kind, hours, start_date,
         completion_date, fiscal_year, on_state_time, status, reported_by, version, created_at)
       VALUES ($1, $2, 'Course', 'CLASSROOM', $3, '2025-08-01', '2025-08-02', $4, $5, $6, $7, 1, $8)`,
      [
        world.home.id,
        emp.id,
        facts.hours,
        FY,
        facts.onStateTime,
        facts.status,
        world.users.EMPLOYEE.id,
        facts.createdAt,
      ],
    );
  const tdAssignment = (
    emp: Employee,
    facts: { start: string; end: string; actualEnd?: string; requestedOn?: string },
  ) =>
    insertId(
      `INSERT INTO td_assignments (department_id, employee_id, host_unit, work_classification_id,
         start_date, planned_end_date, actual_end_date, early_end_requested_on, version)
       VALUES ($1, $2, 'Host unit', $3, $4, $5, $6, $7, 1)`,
      [
        world.home.id,
        emp.id,
        world.classification.id,
        facts.start,
        facts.end,
        facts.actualEnd ?? null,
        facts.requestedOn ?? null,
      ],
    );
  const move = (emp: Employee, effectiveDate: string, upward: boolean) =>
    sql(
      `INSERT INTO appointments (employee_id, department_id, effective_date, type,
         is_upward_mobility_move)
       VALUES ($1, $2, $3, 'PROMOTION', $4)`,
      [emp.id, world.home.id, effectiveDate, upward],
    );

  let lpel: Classification;
  let bridging: Classification;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    lpel = await makeClassification(t.dataSource);
    bridging = await makeClassification(t.dataSource);
    const plain = world.classification.id;
    await sql(
      `INSERT INTO um_designations (department_id, fiscal_year, classification_id, designation)
       VALUES ($1, $2, $3, 'LPEL'), ($1, $2, $4, 'BRIDGING'), ($1, '2024-25', $5, 'LPEL')`,
      [world.home.id, FY, lpel.id, bridging.id, plain],
    );
    await sql('UPDATE departments SET state_time_training_cap_hours = 40 WHERE id = $1', [
      world.home.id,
    ]);

    // 1 and 6: LPEL / bridging employees, with and without approved plans, by time base.
    await employee('lpelNoPlan', lpel.id);
    await participation(e.lpelNoPlan, '2025-08-01', null);
    await employee('lpelWithPlan', lpel.id, 0.5);
    await plan(e.lpelWithPlan, 'APPROVED');
    await conversation(e.lpelWithPlan, '2025-09-01');
    await participation(e.lpelWithPlan, '2025-07-15', null);
    await employee('bridgeDraftPlan', bridging.id, 0.5);
    await plan(e.bridgeDraftPlan, 'DRAFT');
    await participation(e.bridgeDraftPlan, '2025-10-20', null); // starts after asOf
    await employee('bridgeWithdrawn', bridging.id);
    ids.bridgeWithdrawnPlan = await plan(e.bridgeWithdrawn, 'APPROVED');
    await participation(e.bridgeWithdrawn, '2025-07-01', '2025-09-01');
    await employee('separated', lpel.id);
    await sql(
      `UPDATE employees SET status = 'SEPARATED', separated_on = '2025-09-30' WHERE id = $1`,
      [e.separated.id],
    );

    // 2: approved plan whose last conversation (on or before asOf) is too old.
    await employee('staleTalk', plain);
    ids.staleTalkPlan = await plan(e.staleTalk, 'APPROVED');
    await conversation(e.staleTalk, '2025-04-01');
    await conversation(e.staleTalk, '2025-10-20'); // after asOf: not counted
    await employee('recentTalk', plain);
    await plan(e.recentTalk, 'APPROVED');
    await conversation(e.recentTalk, '2025-04-15'); // exactly six months: still recent

    // 3: training reported 44 days ago, 14 days ago, and verified long ago.
    await employee('trainee', plain);
    ids.staleTraining = await training(e.trainee, {
      hours: 8,
      status: 'REPORTED',
      onStateTime: false,
      createdAt: '2025-09-01T12:00:00-07:00',
    });
    await training(e.trainee, {
      hours: 8,
      status: 'REPORTED',
      onStateTime: false,
      createdAt: '2025-10-01T12:00:00-07:00',
    });
    await training(e.trainee, {
      hours: 8,
      status: 'VERIFIED',
      onStateTime: false,
      createdAt: '2025-08-01T12:00:00-07:00',
    });

    // 4: state-time hours over the cap of 40 (30 verified + 15 reported), and within it.
    const recent = '2025-10-10T12:00:00-07:00';
    await employee('overCap', plain);
    await training(e.overCap, {
      hours: 30,
      status: 'VERIFIED',
      onStateTime: true,
      createdAt: recent,
    });
    await training(e.overCap, {
      hours: 15,
      status: 'REPORTED',
      onStateTime: true,
      createdAt: recent,
    });
    await employee('underCap', plain);
    await training(e.underCap, {
      hours: 30,
      status: 'VERIFIED',
      onStateTime: true,
      createdAt: recent,
    });
    await training(e.underCap, {
      hours: 20,
      status: 'VERIFIED',
      onStateTime: false,
      createdAt: recent,
    });
    await training(e.underCap, {
      hours: 90,
      status: 'REJECTED',
      onStateTime: true,
      createdAt: recent,
    });

    // 5: T&D near the limit (24 months), a short one, an early end overdue, one honoured in time.
    await employee('tdNear', plain);
    ids.tdNear = await tdAssignment(e.tdNear, { start: '2024-01-01', end: '2025-12-31' });
    await employee('tdShort', plain);
    await tdAssignment(e.tdShort, { start: '2025-07-01', end: '2026-06-30' });
    await employee('tdLate', plain);
    ids.tdLate = await tdAssignment(e.tdLate, {
      start: '2025-01-01',
      end: '2026-06-30',
      requestedOn: '2025-09-01',
    });
    await employee('tdOnTime', plain);
    await tdAssignment(e.tdOnTime, {
      start: '2025-01-01',
      end: '2026-06-30',
      requestedOn: '2025-09-01',
      actualEnd: '2025-09-10',
    });

    // 7: one upward move in the FY up to asOf; goal 3.
    await sql(
      `INSERT INTO annual_goals (department_id, fiscal_year, move_goal, version) VALUES ($1, $2, 3, 1)`,
      [world.home.id, FY],
    );
    await employee('mover', plain);
    await move(e.mover, '2025-08-01', true);
    await move(e.mover, '2025-09-01', false);
    await move(e.mover, '2025-06-30', true); // previous FY
    await move(e.mover, '2025-10-20', true); // after asOf
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const sorted = (values: string[]) => [...values].sort();
  const employeesOf = (section: Section) => sorted(section.items.map((i) => i.employeeId));

  it('lists exactly the expected employees in each section', async () => {
    const response = await t.http.get(path(world.home.id)).set(as(world.tokens.COORDINATOR));
    expect(response.status).toBe(200);
    const body = response.body as Record<string, Section> & {
      asOf: string;
      fiscalYear: string;
      participation: unknown;
      goals: unknown;
    };
    expect(body.asOf).toBe(AS_OF);
    expect(body.fiscalYear).toBe(FY);

    expect(employeesOf(body.withoutApprovedPlan)).toEqual(
      sorted([e.lpelNoPlan.id, e.bridgeDraftPlan.id]),
    );
    expect(body.withoutApprovedPlan.count).toBe(2);
    expect(body.withoutApprovedPlan.items).toContainEqual({
      employeeId: e.lpelNoPlan.id,
      employeeNumber: e.lpelNoPlan.employeeNumber,
      name: `${e.lpelNoPlan.firstName} ${e.lpelNoPlan.lastName}`,
      classCode: expect.any(String) as string,
      designation: 'LPEL',
    });

    expect(body.conversationOverdue).toMatchObject({ since: '2025-04-15', count: 2 });
    expect(
      sorted(
        body.conversationOverdue.items.map(
          (i) => `${i.employeeId}:${String(i.planId)}:${String(i.lastConversationOn)}`,
        ),
      ),
    ).toEqual(
      sorted([
        `${e.staleTalk.id}:${ids.staleTalkPlan}:2025-04-01`,
        `${e.bridgeWithdrawn.id}:${ids.bridgeWithdrawnPlan}:null`,
      ]),
    );

    expect(body.unverifiedTraining.count).toBe(1);
    expect(body.unverifiedTraining.items[0]).toMatchObject({
      employeeId: e.trainee.id,
      trainingRecordId: ids.staleTraining,
      reportedOn: '2025-09-01',
      daysWaiting: 44,
    });

    expect(body.stateTimeCapExceeded).toMatchObject({ capHours: 40, count: 1 });
    expect(body.stateTimeCapExceeded.items[0]).toMatchObject({
      employeeId: e.overCap.id,
      hours: 45,
      capHours: 40,
    });

    expect(body.tdNearLimit.count).toBe(1);
    expect(body.tdNearLimit.items[0]).toMatchObject({
      employeeId: e.tdNear.id,
      assignmentId: ids.tdNear,
      usedMonths: 24,
      pastLimit: false,
    });
    expect(body.tdEarlyEndNotHonoured.count).toBe(1);
    expect(body.tdEarlyEndNotHonoured.items[0]).toMatchObject({
      employeeId: e.tdLate.id,
      assignmentId: ids.tdLate,
      requestedOn: '2025-09-01',
      honouredOn: null,
    });

    expect(body.participation).toEqual({
      partTime: { employees: 2, participants: 1, rate: 0.5 },
      fullTime: { employees: 2, participants: 1, rate: 0.5 },
    });
    // No ELTPA class has eligibility rules yet: the pipeline supplies nobody.
    expect(body.goals).toEqual({
      moveGoal: 3,
      actualMoves: 1,
      yearEnd: '2026-06-30',
      eligibleByYearEnd: 0,
      projectedMoves: 1,
      outlook: 'AT_RISK',
      atRisk: true,
    });
  });

  it('weighs in the eligibility pipeline: LPEL/bridging employees eligible by the year end', async () => {
    // An ELTPA target asking for 70 months in the LPEL or bridging class: people hired in
    // January 2020 qualify in November 2025, inside the fiscal year.
    const target = await makeClassification(t.dataSource, { title: 'Staff Services Analyst' });
    await sql(
      `INSERT INTO um_designations (department_id, fiscal_year, classification_id, designation)
       VALUES ($1, $2, $3, 'ELTPA')`,
      [world.home.id, FY, target.id],
    );
    await t.http
      .post('/api/rule-sets')
      .set(as(world.tokens.ADMIN))
      .send({
        classCode: target.classCode,
        effectiveFrom: '2020-07-01',
        patterns: [
          {
            id: 'I',
            label: 'Seventy months as an assistant or technician',
            requirements: [
              {
                kind: 'experience',
                months: 70,
                inClassCodes: [lpel.classCode, bridging.classCode],
              },
            ],
          },
        ],
      })
      .expect(201);

    // The oracle: the department eligibility listing, restricted to LPEL/bridging employees on
    // the as-of date, eligible now or projected by June 30.
    const listing = await t.http
      .get(`/api/departments/${world.home.id}/eligibility`)
      .query({ target: target.classCode, asOf: AS_OF })
      .set(as(world.tokens.COORDINATOR))
      .expect(200);
    const designated = new Set(
      [e.lpelNoPlan, e.lpelWithPlan, e.bridgeDraftPlan, e.bridgeWithdrawn].map((x) => x.id),
    );
    const listed = listing.body as {
      eligible: { id: string }[];
      within12Months: { id: string; projectedMetOn: string | null }[];
    };
    const expected = new Set(
      [
        ...listed.eligible,
        ...listed.within12Months.filter((x) => (x.projectedMetOn ?? '9999') <= '2026-06-30'),
      ]
        .map((x) => x.id)
        .filter((id) => designated.has(id)),
    );
    expect(expected.size).toBeGreaterThanOrEqual(2);

    const response = await t.http.get(path(world.home.id)).set(as(world.tokens.COORDINATOR));
    expect(response.status).toBe(200);
    expect((response.body as { goals: unknown }).goals).toEqual({
      moveGoal: 3,
      actualMoves: 1,
      yearEnd: '2026-06-30',
      eligibleByYearEnd: expected.size,
      projectedMoves: 1 + expected.size,
      outlook: 'ON_TRACK',
      atRisk: false,
    });
  });

  it('lets ADMIN read any department; no goal there is not at risk', async () => {
    const response = await t.http.get(path(world.other.id)).set(as(world.tokens.ADMIN));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      departmentId: world.other.id,
      withoutApprovedPlan: { count: 0, items: [] },
      stateTimeCapExceeded: { capHours: null, count: 0 },
      goals: { moveGoal: null, actualMoves: 0, outlook: 'NO_GOAL', atRisk: false },
    });
  });

  it('defaults asOf to today in California', async () => {
    const response = await t.http.get(path(world.home.id, '')).set(as(world.tokens.ADMIN));
    expect(response.status).toBe(200);
    expect((response.body as { asOf: string }).asOf).toBe(programToday());
  });

  it('scopes: other coordinator and unknown department 404; other roles 403; anonymous 401', async () => {
    const statuses: Record<string, number> = {};
    for (const key of ['otherCoordinator', 'SUPERVISOR', 'EMPLOYEE', 'AUDITOR'] as const) {
      statuses[key] = (await t.http.get(path(world.home.id)).set(as(world.tokens[key]))).status;
    }
    expect(statuses).toEqual({
      otherCoordinator: 404,
      SUPERVISOR: 403,
      EMPLOYEE: 403,
      AUDITOR: 403,
    });
    const unknown = await t.http
      .get(path('00000000-0000-4000-8000-000000000000'))
      .set(as(world.tokens.ADMIN));
    expect(unknown.status).toBe(404);
    expect((await t.http.get(path(world.home.id))).status).toBe(401);
  });

  it.each(['2025-02-30', '15/10/2025', 'today'])(
    'refuses asOf=%s with 400 naming asOf',
    async (asOf) => {
      const response = await t.http
        .get(path(world.home.id, `?asOf=${encodeURIComponent(asOf)}`))
        .set(as(world.tokens.COORDINATOR));
      expect(response.status).toBe(400);
      const errors = (response.body as { errors: { field: string }[] }).errors;
      expect(errors.map((error) => error.field)).toEqual(['asOf']);
    },
  );
});
