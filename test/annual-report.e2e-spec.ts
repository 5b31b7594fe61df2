import { createHash } from 'node:crypto';
import type { Workbook } from 'exceljs';
import type { Response } from 'supertest';
import { ProgramApplication } from '../src/modules/applications/program-application.entity';
import type { ApplicationStatus } from '../src/modules/applications/program-application.entity';
import { ProgramParticipation } from '../src/modules/applications/participation.entity';
import { Appointment } from '../src/modules/appointments/appointment.entity';
import type { AppointmentType } from '../src/modules/appointments/appointment.entity';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { CareerConversation } from '../src/modules/career-conversations/career-conversation.entity';
import { CareerPlan } from '../src/modules/career-plans/career-plan.entity';
import type { PlanState } from '../src/modules/career-plans/plan-workflow.rule';
import type { Classification } from '../src/modules/classifications/classification.entity';
import type { Employee } from '../src/modules/employees/employee.entity';
import type { ReportDiffDto, ReportVersionDto } from '../src/modules/reports/reports.dto';
import type {
  AnnualReportData,
  DiversityDecision,
  DiversityDimension,
} from '../src/modules/reports/annual-report.types';
import { TdAssignment } from '../src/modules/td-assignments/td-assignment.entity';
import { TrainingRecord } from '../src/modules/training/training-record.entity';
import type { TrainingKind, TrainingStatus } from '../src/modules/training/training-record.entity';
import { auditCount, makeClassification, makeEmployee, makeRoleWorld } from './support/fixtures';
import {
  asBytes,
  bodyBytes,
  pdfPages,
  readWorkbook,
  sheet,
  sheetRows,
} from './support/report-files';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

/**
 * The annual report of a department built with known data for FY 2024-25 (complete: figures
 * taken on 2025-06-30). Every figure of the draft is checked against a query written here,
 * independently of the report's own SQL (and a few against hand counts too).
 */

const FY = '2024-25';
const START = '2024-07-01';
const END = '2025-06-30';
const THRESHOLD = 3;
const HIDDEN = { value: null, suppressed: true };
const DEPARTMENT_NAME = '@Parks, "Rec" Dept';
const LPEL_TITLE = '=HYPERLINK("http://evil")';

type Demographics = Pick<Employee, 'ethnicities' | 'gender' | 'disability' | 'veteran'>;
const demo = (
  ethnicities: Employee['ethnicities'],
  gender: Employee['gender'],
  disability: Employee['disability'] = 'NO',
  veteran: Employee['veteran'] = 'NO',
): Demographics => ({ ethnicities, gender, disability, veteran });
const NONE: Demographics = { ethnicities: null, gender: null, disability: null, veteran: null };

const sha256 = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');

/** Minimal RFC 4180 reader: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('Annual Upward Mobility report (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  let dept: string;
  let url: string;
  const classes = {} as Record<'A' | 'B' | 'X' | 'Y', Classification>;
  const people = {} as Record<string, Employee>;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    t.dataSource.query<T[]>(sql, params);
  const one = async (sql: string, params: unknown[] = []) =>
    Number(Object.values((await q(sql, params))[0])[0]);

  /** Raw bytes of a response (JSON and CSV alike). */
  const bytes = (response: Response): Buffer => Buffer.from(response.text, 'utf8');
  const draft = async (query = '') => {
    const response = await t.http.get(`${url}${query}`).set(as(world.tokens.COORDINATOR));
    expect(response.status).toBe(200);
    return response;
  };

  // ---------------------------------------------------------------------------------------------
  // The department's year
  // ---------------------------------------------------------------------------------------------

  const employee = (
    key: string,
    cls: Classification,
    demographics: Demographics,
    overrides: Partial<Employee> = {},
  ) =>
    makeEmployee(t.dataSource, dept, cls.id, { ...demographics, ...overrides }).then((e) => {
      people[key] = e;
      return e;
    });

  const appointment = (
    e: Employee,
    effectiveDate: string,
    type: AppointmentType,
    from: Classification | null,
    to: Classification | null,
    upward = false,
  ) =>
    t.dataSource.getRepository(Appointment).insert({
      employeeId: e.id,
      departmentId: dept,
      effectiveDate,
      type,
      fromClassificationId: from?.id ?? null,
      toClassificationId: to?.id ?? null,
      fromDesignation: upward ? 'LPEL' : 'NONE',
      toDesignation: upward ? 'ELTPA' : 'NONE',
      isUpwardMobilityMove: upward,
    });

  const application = async (
    e: Employee,
    submittedOn: string,
    status: ApplicationStatus,
    decidedOn: string | null,
  ) =>
    t.dataSource.getRepository(ProgramApplication).save({
      departmentId: dept,
      employeeId: e.id,
      targetClassificationId: classes.X.id,
      submittedOn,
      status,
      decidedOn,
    });

  const participation = async (
    e: Employee,
    app: ProgramApplication,
    startedOn: string,
    withdrawnOn: string | null = null,
  ) =>
    t.dataSource.getRepository(ProgramParticipation).save({
      departmentId: dept,
      employeeId: e.id,
      applicationId: app.id,
      startedOn,
      withdrawnOn,
      withdrawalReason: withdrawnOn ? 'Personal reasons' : null,
    });

  const plan = (e: Employee, state: PlanState, approvedAt: string | null) =>
    t.dataSource.getRepository(CareerPlan).save({
      departmentId: dept,
      employeeId: e.id,
      state,
      approvedAt: approvedAt ? new Date(approvedAt) : null,
    });

  const conversation = (e: Employee, heldOn: string) =>
    t.dataSource.getRepository(CareerConversation).save({
      departmentId: dept,
      employeeId: e.id,
      heldOn,
      heldByUserId: world.users.COORDINATOR.id,
      summary: 'Talked about the analyst exam',
    });

  const training = (
    e: Employee,
    completionDate: string,
    fiscalYear: string,
    kind: TrainingKind,
    hours: string,
    onStateTime: boolean,
    status: TrainingStatus,
    cost: string | null,
  ) =>
    t.dataSource.getRepository(TrainingRecord).save({
      departmentId: dept,
      employeeId: e.id,
      title: `${kind} course`,
      kind,
      hours,
      startDate: completionDate,
      completionDate,
      fiscalYear,
      onStateTime,
      status,
      cost,
      reportedBy: world.users.COORDINATOR.id,
    });

  const td = (
    e: Employee,
    startDate: string,
    plannedEndDate: string,
    actualEndDate: string | null,
  ) =>
    t.dataSource.getRepository(TdAssignment).save({
      departmentId: dept,
      employeeId: e.id,
      hostUnit: 'Budget office',
      workClassificationId: classes.X.id,
      startDate,
      plannedEndDate,
      actualEndDate,
    });

  const putGoal = (fiscalYear: string, body: Record<string, unknown>) =>
    t.http
      .put(`/api/departments/${dept}/goals/${fiscalYear}`)
      .set(as(world.tokens.COORDINATOR))
      .send({ participantGoal: 0, planGoal: 0, trainingHoursGoal: 0, narrative: '', ...body });

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    dept = world.home.id;
    url = `/api/departments/${dept}/reports/annual/${FY}`;
    await t.dataSource.query(
      `UPDATE departments SET name = $2, um_coordinator_user_id = $3, small_cell_threshold = $4
        WHERE id = $1`,
      [dept, DEPARTMENT_NAME, world.users.COORDINATOR.id, THRESHOLD],
    );

    classes.A = await makeClassification(t.dataSource, { title: LPEL_TITLE });
    classes.B = await makeClassification(t.dataSource, { title: 'Office Technician' });
    classes.X = await makeClassification(t.dataSource, { title: 'Staff Services Analyst' });
    classes.Y = await makeClassification(t.dataSource, { title: 'Program Technician' });
    for (const fiscalYear of ['2023-24', FY]) {
      await t.http
        .put(`/api/departments/${dept}/designations/${fiscalYear}`)
        .set(as(world.tokens.COORDINATOR))
        .send({
          designations: [
            {
              classCode: classes.A.classCode,
              designation: 'LPEL',
              ladderTargetClassCodes: [classes.X.classCode],
            },
            {
              classCode: classes.B.classCode,
              designation: 'BRIDGING',
              ladderTargetClassCodes: [classes.Y.classCode],
            },
            { classCode: classes.X.classCode, designation: 'ELTPA' },
            { classCode: classes.Y.classCode, designation: 'ELTPA' },
          ],
        })
        .expect(200);
    }

    // LPEL employees
    const e1 = await employee('e1', classes.A, demo(['HISPANIC'], 'FEMALE'));
    const e2 = await employee('e2', classes.A, demo(['WHITE'], 'MALE', 'NO', 'YES'));
    const e3 = await employee(
      'e3',
      classes.A,
      demo(['ASIAN_CHINESE', 'ASIAN_KOREAN'], 'FEMALE', 'DECLINED'),
    );
    const e4 = await employee('e4', classes.A, demo(['BLACK', 'WHITE'], 'NONBINARY', 'YES'));
    const e5 = await employee(
      'e5',
      classes.A,
      demo(['DECLINED'], 'DECLINED', 'DECLINED', 'DECLINED'),
    );
    const e6 = await employee('e6', classes.A, NONE);
    await employee('s1', classes.A, demo(['HISPANIC'], 'MALE'), {
      status: 'SEPARATED',
      separatedOn: '2024-10-01',
    });
    await employee('h1', classes.A, demo(['WHITE'], 'FEMALE'), { hireDate: '2025-01-15' });
    await employee('f1', classes.A, demo(['WHITE'], 'FEMALE'), { hireDate: '2025-08-01' });
    // Bridging
    const e7 = await employee('e7', classes.B, demo(['FILIPINO'], 'FEMALE'));
    const e8 = await employee('e8', classes.B, demo(['HISPANIC'], 'MALE', 'YES'));
    // ELTPA from the start (not in the LPEL/bridging population), promoted within ELTPA.
    const e9 = await employee('e9', classes.Y, demo(['WHITE'], 'FEMALE'));
    await appointment(e9, '2024-12-01', 'PROMOTION', classes.X, classes.Y);
    // Upward mobility moves: two in the FY (one in calendar 2024), one in the year before.
    const m1 = await employee('m1', classes.X, demo(['HISPANIC'], 'FEMALE'));
    await appointment(m1, '2024-09-15', 'PROMOTION', classes.A, classes.X, true);
    const m2 = await employee('m2', classes.Y, demo(['PACIFIC_ISLANDER_SAMOAN'], 'MALE'), {
      hireDate: '2019-03-01',
    });
    await appointment(m2, '2019-03-01', 'HIRE', null, classes.B);
    await appointment(m2, '2025-03-01', 'PROMOTION', classes.B, classes.Y, true);
    const m3 = await employee('m3', classes.X, demo(['WHITE'], 'MALE'));
    await appointment(m3, '2024-05-01', 'PROMOTION', classes.A, classes.X, true);

    // Applications and participation
    const a1 = await application(e1, '2024-08-01', 'ACCEPTED', '2024-08-20');
    await application(e2, '2024-09-01', 'DECLINED', '2024-09-20');
    await application(e3, '2024-10-01', 'WAITLISTED', '2024-10-15');
    await application(e4, '2025-06-01', 'SUBMITTED', null);
    const a5 = await application(e5, '2024-06-15', 'ACCEPTED', '2024-07-10');
    const a6 = await application(e6, '2022-12-01', 'ACCEPTED', '2023-01-05');
    await participation(e1, a1, '2024-08-25');
    await participation(e5, a5, '2024-07-15', '2025-02-01');
    await participation(e6, a6, '2023-01-10', '2024-03-01');
    await plan(e1, 'APPROVED', '2024-10-01T16:00:00Z');
    await plan(e5, 'COMPLETED', '2024-09-01T16:00:00Z');
    await plan(e2, 'DRAFT', null);
    await conversation(e1, '2024-09-01');
    await conversation(e1, '2025-02-01');
    await conversation(e5, '2024-12-01');
    await conversation(e6, '2024-06-15');

    // Training: only VERIFIED counts
    await training(e1, '2024-11-10', FY, 'CLASSROOM', '10.00', true, 'VERIFIED', '100.00');
    await training(e2, '2025-03-01', FY, 'ONLINE', '5.50', false, 'VERIFIED', '50.25');
    await training(e4, '2025-04-01', FY, 'ONLINE', '8.00', true, 'REPORTED', '80.00');
    await training(e7, '2025-05-01', FY, 'OJT', '4.00', true, 'REJECTED', null);
    await training(
      e6,
      '2024-05-01',
      '2023-24',
      'COLLEGE_COURSE',
      '3.00',
      false,
      'VERIFIED',
      '300.00',
    );
    // T&D assignments: one runs through the FY, one ended before it
    await td(e7, '2024-11-01', '2025-10-31', null);
    await td(e8, '2023-01-01', '2024-06-30', '2024-06-30');

    // Minimum qualifications of X (60 semester units), which only e1 meets: the pipeline.
    await t.dataSource.query('UPDATE employees SET college_semester_units = 60 WHERE id = $1', [
      e1.id,
    ]);
    await t.http
      .post('/api/rule-sets')
      .set(as(world.tokens.ADMIN))
      .send({
        classCode: classes.X.classCode,
        effectiveFrom: '2020-07-01',
        patterns: [
          {
            id: 'I',
            label: 'Two years of college',
            requirements: [{ kind: 'education', semesterUnits: 60 }],
          },
        ],
      })
      .expect(201);

    // Goals: missed in 2023-24 (1 of 3) and in 2024-25 (2 of 4)
    await putGoal('2023-24', { moveGoal: 3 }).expect(200);
    await putGoal(FY, {
      moveGoal: 4,
      moveGoalsByClass: [
        { classCode: classes.X.classCode, count: 3 },
        { classCode: classes.Y.classCode, count: 1 },
      ],
      participantGoal: 2,
      planGoal: 2,
      trainingHoursGoal: 20,
      budget: 5000,
    }).expect(200);
  });
  afterAll(() => t.close());

  // ---------------------------------------------------------------------------------------------
  // Independent queries
  // ---------------------------------------------------------------------------------------------

  /** Class held on a date, written with DISTINCT ON (the report uses correlated subqueries). */
  const heldOn = (date: string) => `
    WITH last_step AS (
      SELECT DISTINCT ON (employee_id) employee_id, to_classification_id
        FROM appointments WHERE to_classification_id IS NOT NULL AND effective_date <= '${date}'
       ORDER BY employee_id, effective_date DESC, created_at DESC),
    next_step AS (
      SELECT DISTINCT ON (employee_id) employee_id, from_classification_id
        FROM appointments WHERE from_classification_id IS NOT NULL AND effective_date > '${date}'
       ORDER BY employee_id, effective_date, created_at)
    SELECT e.id, COALESCE(l.to_classification_id, n.from_classification_id, e.classification_id) AS class_id
      FROM employees e
      LEFT JOIN last_step l ON l.employee_id = e.id
      LEFT JOIN next_step n ON n.employee_id = e.id
     WHERE e.department_id = '${dept}' AND e.hire_date <= '${date}'
       AND (e.separated_on IS NULL OR e.separated_on > '${date}')`;

  const headcount = (classId: string) =>
    one(`SELECT count(*) FROM (${heldOn(END)}) h WHERE h.class_id = $1`, [classId]);

  /** The LPEL/bridging population of the year: class on July 1 (or at hire) or moved into one. */
  const populationSql = `
    SELECT DISTINCT e.id FROM employees e
     WHERE e.department_id = $1 AND e.hire_date <= '${END}'
       AND (e.separated_on IS NULL OR e.separated_on > '${START}')
       AND (
         COALESCE(
           (SELECT a.to_classification_id FROM appointments a WHERE a.employee_id = e.id
              AND a.to_classification_id IS NOT NULL AND a.effective_date <= GREATEST('${START}'::date, e.hire_date)
            ORDER BY a.effective_date DESC LIMIT 1),
           (SELECT a.from_classification_id FROM appointments a WHERE a.employee_id = e.id
              AND a.from_classification_id IS NOT NULL AND a.effective_date > GREATEST('${START}'::date, e.hire_date)
            ORDER BY a.effective_date LIMIT 1),
           e.classification_id) = ANY($2::uuid[])
         OR EXISTS (SELECT 1 FROM appointments a WHERE a.employee_id = e.id
                     AND a.effective_date BETWEEN '${START}' AND '${END}'
                     AND a.to_classification_id = ANY($2::uuid[])))`;

  /** Per decision: who is in the pool and who was selected (SQL over employee `e`). */
  const DECISIONS: Record<string, { pool: string; selected: string }> = {
    acceptedIntoProgram: {
      pool: `e.id IN (SELECT employee_id FROM program_applications WHERE department_id = $1
               AND decided_on BETWEEN '${START}' AND '${END}' AND status <> 'SUBMITTED' AND status <> 'WITHDRAWN')`,
      selected: `e.id IN (SELECT employee_id FROM program_applications WHERE department_id = $1
               AND decided_on BETWEEN '${START}' AND '${END}' AND status = 'ACCEPTED')`,
    },
    approvedPlan: {
      pool: `e.id IN (SELECT employee_id FROM program_participations WHERE department_id = $1
               AND started_on <= '${END}' AND COALESCE(withdrawn_on, '9999-12-31') >= '${START}')`,
      selected: `e.id IN (SELECT employee_id FROM career_plans WHERE department_id = $1
               AND state IN ('APPROVED', 'COMPLETED') AND approved_at < '2025-07-01T07:00:00Z')`,
    },
    trainingVerified: {
      pool: 'true',
      selected: `e.id IN (SELECT employee_id FROM training_records WHERE department_id = $1
               AND status = 'VERIFIED' AND completion_date BETWEEN '${START}' AND '${END}')`,
    },
    tdAssignment: {
      pool: 'true',
      selected: `e.id IN (SELECT employee_id FROM td_assignments WHERE department_id = $1
               AND start_date <= '${END}' AND COALESCE(actual_end_date, planned_end_date) >= '${START}')`,
    },
    appointedToEltpa: {
      pool: 'true',
      selected: `e.id IN (SELECT employee_id FROM appointments WHERE department_id = $1
               AND is_upward_mobility_move AND effective_date BETWEEN '${START}' AND '${END}')`,
    },
  };

  const GROUP_SQL: Record<string, string> = {
    ethnicity: `SELECT DISTINCT e.id, CASE WHEN x LIKE 'ASIAN\\_%' THEN 'ASIAN'
                    WHEN x LIKE 'PACIFIC\\_ISLANDER\\_%' THEN 'PACIFIC_ISLANDER' ELSE x END AS grp
                  FROM employees e,
                       unnest(CASE WHEN cardinality(e.ethnicities) > 0 THEN e.ethnicities
                                   ELSE ARRAY['NOT_PROVIDED']::varchar[] END) AS x`,
    ethnicitySubgroup: `SELECT DISTINCT e.id, x AS grp
                  FROM employees e,
                       unnest(CASE WHEN cardinality(e.ethnicities) > 0 THEN e.ethnicities
                                   ELSE ARRAY['NOT_PROVIDED']::varchar[] END) AS x`,
    gender: `SELECT e.id, COALESCE(e.gender, 'NOT_PROVIDED') AS grp FROM employees e`,
    disability: `SELECT e.id, COALESCE(e.disability, 'NOT_PROVIDED') AS grp FROM employees e`,
    veteran: `SELECT e.id, COALESCE(e.veteran, 'NOT_PROVIDED') AS grp FROM employees e`,
  };

  async function diversityBySql(
    decision: string,
    dimension: string,
    population: string[],
  ): Promise<Record<string, { selected: number; total: number }>> {
    const { pool, selected } = DECISIONS[decision];
    const rows = await q<{ grp: string; selected: number; total: number }>(
      `WITH g AS (${GROUP_SQL[dimension]})
       SELECT g.grp, count(*) FILTER (WHERE ${selected})::int AS selected, count(*)::int AS total
         FROM g JOIN employees e ON e.id = g.id
        WHERE e.id = ANY($2::uuid[]) AND ${pool}
        GROUP BY g.grp`,
      [dept, population],
    );
    return Object.fromEntries(rows.map((r) => [r.grp, { selected: r.selected, total: r.total }]));
  }

  // ---------------------------------------------------------------------------------------------
  // The draft
  // ---------------------------------------------------------------------------------------------

  describe('draft (live) JSON: each figure against an independent query', () => {
    let report: AnnualReportData;

    beforeAll(async () => {
      const response = await draft();
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['x-content-sha256']).toBe(sha256(bytes(response)));
      report = response.body as AnnualReportData;
    });

    it('header', () => {
      expect(report.schemaVersion).toBe(2);
      expect(report.audience).toBe('department');
      expect(report.disclosure).toEqual({
        smallCellThreshold: THRESHOLD,
        suppressionApplied: false,
      });
      expect(report.header).toMatchObject({
        departmentId: dept,
        departmentCode: world.home.code,
        departmentName: DEPARTMENT_NAME,
        fiscalYear: FY,
        periodStart: START,
        periodEnd: END,
        asOf: END,
        statutoryCalendarYear: 2024,
        coordinatorName: world.users.COORDINATOR.displayName,
        status: 'DRAFT',
        version: null,
      });
      expect(Date.parse(report.header.generatedAt)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('section 2: the designated classes with their headcounts on June 30', async () => {
      const designations = await q<{
        code: string;
        title: string;
        designation: string;
        id: string;
      }>(
        `SELECT c.class_code AS code, c.title, d.designation::text AS designation, c.id
           FROM um_designations d JOIN classifications c ON c.id = d.classification_id
          WHERE d.department_id = $1 AND d.fiscal_year = $2`,
        [dept, FY],
      );
      expect(report.classes.classes).toHaveLength(designations.length);
      for (const d of designations) {
        const shown = report.classes.classes.find(
          (c: { classCode: string }) => c.classCode === d.code,
        );
        expect(shown).toMatchObject({
          title: d.title,
          designation: d.designation,
          activeEmployees: await headcount(d.id),
        });
      }
      // By hand: A = e1-e6 and h1 (s1 left, f1 not hired yet, m1 moved); B = e7, e8 (m2 moved);
      // X = m1, m3; Y = m2 and e9 (promoted from X).
      expect(report.classes.activeEmployees).toEqual({
        LPEL: 7,
        BRIDGING: 2,
        ELTPA: 4,
        allDesignated: 13,
      });
      expect(await headcount(classes.A.id)).toBe(7);
    });

    it('section 3: participation', async () => {
      const population = await q<{ id: string }>(populationSql, [
        dept,
        [classes.A.id, classes.B.id],
      ]);
      const p = report.participation;
      expect(p.employeesInLpelOrBridging).toEqual({
        onAsOf: (await headcount(classes.A.id)) + (await headcount(classes.B.id)),
        duringYear: population.length,
      });
      // By hand: e1-e6, s1, h1, e7, e8, m1, m2.
      expect(population.map((r) => r.id).sort()).toEqual(
        ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 's1', 'h1', 'e7', 'e8', 'm1', 'm2']
          .map((key) => people[key].id)
          .sort(),
      );
      const apps = (where: string) =>
        one(`SELECT count(*) FROM program_applications WHERE department_id = $1 AND ${where}`, [
          dept,
        ]);
      expect(p.applications).toEqual({
        received: await apps(`submitted_on >= '${START}' AND submitted_on <= '${END}'`),
        accepted: await apps(
          `status = 'ACCEPTED' AND decided_on >= '${START}' AND decided_on <= '${END}'`,
        ),
        waitlisted: await apps(
          `status = 'WAITLISTED' AND decided_on >= '${START}' AND decided_on <= '${END}'`,
        ),
        declined: await apps(
          `status = 'DECLINED' AND decided_on >= '${START}' AND decided_on <= '${END}'`,
        ),
      });
      expect(p.applications).toEqual({ received: 4, accepted: 2, waitlisted: 1, declined: 1 });

      const overlapping = `department_id = $1 AND started_on <= '${END}'
                           AND (withdrawn_on IS NULL OR withdrawn_on >= '${START}')`;
      expect(p.participants).toEqual({
        duringYear: await one(
          `SELECT count(DISTINCT employee_id) FROM program_participations WHERE ${overlapping}`,
          [dept],
        ),
        withdrawnInYear: await one(
          `SELECT count(DISTINCT employee_id) FROM program_participations
            WHERE department_id = $1 AND withdrawn_on >= '${START}' AND withdrawn_on <= '${END}'`,
          [dept],
        ),
        withApprovedPlan: await one(
          `SELECT count(DISTINCT pp.employee_id) FROM program_participations pp
             JOIN career_plans cp ON cp.employee_id = pp.employee_id
            WHERE pp.department_id = $1 AND pp.started_on <= '${END}'
              AND (pp.withdrawn_on IS NULL OR pp.withdrawn_on >= '${START}')
              AND cp.state IN ('APPROVED', 'COMPLETED') AND cp.approved_at < '2025-07-01T07:00:00Z'`,
          [dept],
        ),
      });
      expect(p.participants).toEqual({ duringYear: 2, withdrawnInYear: 1, withApprovedPlan: 2 });

      const held = `department_id = $1 AND held_on >= '${START}' AND held_on <= '${END}'`;
      expect(p.careerConversations).toEqual({
        held: await one(`SELECT count(*) FROM career_conversations WHERE ${held}`, [dept]),
        employees: await one(
          `SELECT count(DISTINCT employee_id) FROM career_conversations WHERE ${held}`,
          [dept],
        ),
      });

      const verified = `department_id = $1 AND status = 'VERIFIED'
                        AND completion_date >= '${START}' AND completion_date <= '${END}'`;
      const hours = async (extra: string) =>
        one(
          `SELECT COALESCE(sum(hours), 0)::text FROM training_records WHERE ${verified} ${extra}`,
          [dept],
        );
      expect(p.training).toMatchObject({
        people: await one(
          `SELECT count(DISTINCT employee_id) FROM training_records WHERE ${verified}`,
          [dept],
        ),
        records: await one(`SELECT count(*) FROM training_records WHERE ${verified}`, [dept]),
        verifiedHours: await hours(''),
        stateTimeHours: await hours('AND on_state_time'),
        ownTimeHours: await hours('AND NOT on_state_time'),
      });
      expect(p.training.verifiedHours).toBe(15.5);
      for (const { kind, hours: shown } of p.training.hoursByKind as {
        kind: string;
        hours: number;
      }[]) {
        expect({ kind, hours: shown }).toEqual({
          kind,
          hours: await hours(`AND kind = '${kind}'`),
        });
      }

      const running = `department_id = $1 AND start_date <= '${END}'
                       AND COALESCE(actual_end_date, planned_end_date) >= '${START}'`;
      expect(p.tdAssignments).toEqual({
        active: await one(`SELECT count(*) FROM td_assignments WHERE ${running}`, [dept]),
        employees: await one(
          `SELECT count(DISTINCT employee_id) FROM td_assignments WHERE ${running}`,
          [dept],
        ),
      });
      const spending = await one(
        `SELECT COALESCE(sum(cost), 0)::text FROM training_records WHERE ${verified}`,
        [dept],
      );
      const budget = await one(
        `SELECT budget::text FROM annual_goals WHERE department_id = $1 AND fiscal_year = $2`,
        [dept, FY],
      );
      expect(p.budget).toEqual({ budget, spending, remaining: budget - spending });
      expect(spending).toBe(150.25);
    });

    it('section 4: goals against results; moves by target class, fiscal and calendar year', async () => {
      const moves = (from: string, to: string, extra = '', what = 'count(*)') =>
        one(
          `SELECT ${what} FROM appointments a JOIN classifications c ON c.id = a.to_classification_id
            WHERE a.department_id = $1 AND a.is_upward_mobility_move
              AND a.effective_date >= '${from}' AND a.effective_date <= '${to}' ${extra}`,
          [dept],
        );
      const g = report.goalsVsResults;
      expect(g.goalRecorded).toBe(true);
      expect(g.moves.goal).toBe(4);
      expect(g.moves.fiscalYear).toEqual({
        moves: await moves(START, END),
        employees: await moves(START, END, '', 'count(DISTINCT a.employee_id)'),
        met: false,
      });
      expect(g.moves.calendarYear).toEqual({
        year: 2024,
        moves: await moves('2024-01-01', '2024-12-31'),
        employees: await moves('2024-01-01', '2024-12-31', '', 'count(DISTINCT a.employee_id)'),
      });
      expect([g.moves.fiscalYear.moves, g.moves.calendarYear.moves]).toEqual([2, 2]);
      expect(g.moves.byTargetClass).toEqual(
        await Promise.all(
          [classes.X, classes.Y]
            .sort((a, b) => a.classCode.localeCompare(b.classCode))
            .map(async (c) => ({
              classCode: c.classCode,
              title: c.title,
              goal: c === classes.X ? 3 : 1,
              fiscalYearMoves: await moves(START, END, `AND c.id = '${c.id}'`),
              calendarYearMoves: await moves('2024-01-01', '2024-12-31', `AND c.id = '${c.id}'`),
            })),
        ),
      );
      expect(g.participants).toEqual({
        goal: 2,
        actual: report.participation.participants.duringYear,
        met: true,
      });
      expect(g.plans).toEqual({
        goal: 2,
        actual: report.participation.participants.withApprovedPlan,
        met: true,
      });
      expect(g.trainingHours).toEqual({ goal: 20, actual: 15.5, met: false });
    });

    it('section 5: the move goal was missed this year and last year; no response yet', async () => {
      const lastYearMoves = await one(
        `SELECT count(*) FROM appointments WHERE department_id = $1 AND is_upward_mobility_move
            AND effective_date >= '2023-07-01' AND effective_date <= '2024-06-30'`,
        [dept],
      );
      expect(report.missedGoals).toEqual({
        years: [
          { fiscalYear: FY, moveGoal: 4, actualMoves: 2, missed: true },
          { fiscalYear: '2023-24', moveGoal: 3, actualMoves: lastYearMoves, missed: true },
        ],
        missedTwoYearsInARow: true,
        responseFiscalYear: '2025-26',
        explanation: null,
        twoYearPlan: null,
        problems: [
          expect.objectContaining({ field: 'goals[2025-26].missedGoalsExplanation' }),
          expect.objectContaining({ field: 'goals[2025-26].twoYearPlan' }),
        ],
      });
    });

    it('sections 6 and 7: next year not recorded; pipeline per ELTPA class', async () => {
      expect(report.nextYearGoals).toMatchObject({
        fiscalYear: '2025-26',
        recorded: false,
        moveGoal: null,
      });
      const pipeline = Object.fromEntries(report.pipeline.map((p) => [p.classCode, p]));
      expect(Object.keys(pipeline).sort()).toEqual(
        [classes.X.classCode, classes.Y.classCode].sort(),
      );
      // X: every LPEL/bridging employee on June 30 measured; only e1 has the 60 units.
      expect(pipeline[classes.X.classCode]).toMatchObject({
        rulesInForce: true,
        evaluated: (await headcount(classes.A.id)) + (await headcount(classes.B.id)),
        eligible: 1,
        unusableRecords: 0,
      });
      // Y has no rules in force: nothing measured.
      expect(pipeline[classes.Y.classCode]).toMatchObject({ rulesInForce: false, evaluated: 0 });
    });

    it('diversity: every group of every decision and dimension', async () => {
      const population = (
        await q<{ id: string }>(populationSql, [dept, [classes.A.id, classes.B.id]])
      ).map((r) => r.id);
      let checked = 0;
      for (const decision of Object.keys(DECISIONS)) {
        for (const dimension of Object.keys(GROUP_SQL)) {
          const expected = await diversityBySql(decision, dimension, population);
          const table =
            report.diversity.decisions[decision as DiversityDecision].byDimension[
              dimension as DiversityDimension
            ];
          for (const group of table.groups as {
            group: string;
            selected: number;
            total: number;
            rate: number | null;
          }[]) {
            const want = expected[group.group] ?? { selected: 0, total: 0 };
            expect({
              decision,
              dimension,
              group: group.group,
              selected: group.selected,
              total: group.total,
            }).toEqual({
              decision,
              dimension,
              group: group.group,
              ...want,
            });
            expect(group.rate).toBe(
              want.total === 0 ? null : Math.round((want.selected / want.total) * 1e4) / 1e4,
            );
            checked++;
          }
          // No group found by SQL is missing from the report.
          expect(
            Object.keys(expected).every((grp) =>
              table.groups.some((g: { group: string }) => g.group === grp),
            ),
          ).toBe(true);
        }
      }
      expect(checked).toBe(5 * (10 + 20 + 5 + 4 + 4)); // groups, subgroups (19 codes + not provided), ...
      // By hand: decided applicants e1 (F, accepted), e2 (M), e3 (F), e5 (declined to state, accepted).
      const accepted = report.diversity.decisions.acceptedIntoProgram.byDimension.gender;
      expect(accepted.groups.map((g) => [g.group, g.selected, g.total])).toEqual([
        ['FEMALE', 1, 2],
        ['MALE', 0, 1],
        ['NONBINARY', 0, 0],
        ['DECLINED', 1, 1],
        ['NOT_PROVIDED', 0, 0],
      ]);
      expect(accepted.referenceGroup).toBe('DECLINED');
      expect(accepted.groups[0]).toMatchObject({
        impactRatio: 0.5,
        fourFifthsFlag: true,
        test: 'FISHER',
      });
    });
  });

  it('CSV: one row per figure, formulas neutralised', async () => {
    const response = await draft('?format=csv');
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="um-annual-report-.*-2024-25-draft-department\.csv"/,
    );
    expect(response.headers['x-content-sha256']).toBe(sha256(bytes(response)));
    const rows = parseCsv(response.text);
    expect(rows[0]).toEqual(['section', 'item', 'group', 'value']);
    expect(rows.every((row) => row.length === 4)).toBe(true);
    const value = (section: string, item: string, group = '') =>
      rows.find((r) => r[0] === section && r[1] === item && r[2] === group)?.[3];
    expect(value('header', 'departmentName')).toBe(`'${DEPARTMENT_NAME}`);
    expect(value('classes', 'classes.title', classes.A.classCode)).toBe(`'${LPEL_TITLE}`);
    expect(response.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(value('participation', 'applications.received')).toBe('4');
    expect(
      value('goalsVsResults', 'moves.byTargetClass.fiscalYearMoves', classes.X.classCode),
    ).toBe('1');
    expect(
      value(
        'diversity',
        'decisions.acceptedIntoProgram.byDimension.gender.groups.selected',
        'FEMALE',
      ),
    ).toBe('1');
    // No cell a spreadsheet would run as a formula.
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    // The JSON and the CSV carry the same figures.
    const json = (await draft()).body as Record<string, unknown>;
    expect(rows.length - 1).toBeGreaterThan(300);
    expect(JSON.stringify(json)).toContain('"received":4');
  });

  it('oversight audience of the draft: small counts suppressed with a marker', async () => {
    const report = (await draft('?audience=oversight')).body;
    expect(report.disclosure).toEqual({ smallCellThreshold: THRESHOLD, suppressionApplied: true });
    expect(report.participation.applications).toEqual({
      received: 4,
      accepted: HIDDEN,
      waitlisted: HIDDEN,
      declined: HIDDEN,
    });
    expect(report.participation.careerConversations.held).toBe(3);
    expect(report.classes.activeEmployees.LPEL).toBe(7);
    expect(report.classes.activeEmployees.BRIDGING).toEqual(HIDDEN);
  });

  describe('refusals of the draft', () => {
    it('AUDITOR, SUPERVISOR and EMPLOYEE: 403; the other department’s coordinator: 404', async () => {
      for (const token of [world.tokens.AUDITOR, world.tokens.SUPERVISOR, world.tokens.EMPLOYEE]) {
        await t.http.get(url).set(as(token)).expect(403);
      }
      await t.http.get(url).set(as(world.tokens.otherCoordinator)).expect(404);
      await t.http.get(url).expect(401);
      await t.http.get(url).set(as(world.tokens.ADMIN)).expect(200);
    });

    it.each([
      ['/api/departments/DEPT/reports/annual/2024-26', 'path.fiscalYear'],
      ['/api/departments/DEPT/reports/annual/2099-00', 'path.fiscalYear'],
      ['/api/departments/DEPT/reports/annual/2024-25?format=xml', 'format'],
      ['/api/departments/DEPT/reports/annual/2024-25?audience=public', 'audience'],
      ['/api/departments/not-a-uuid/reports/annual/2024-25', 'path.id'],
    ])('%s: 400 naming %s', async (path, field) => {
      const response = await t.http
        .get(path.replace('DEPT', dept))
        .set(as(world.tokens.COORDINATOR))
        .expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Certification, versions, downloads, diffs
  // ---------------------------------------------------------------------------------------------

  const versionCount = () => one('SELECT count(*) FROM report_versions');
  const auditOf = (action: string) =>
    t.dataSource.getRepository(AuditEntry).find({ where: { action }, order: { id: 'ASC' } });
  const download = (version: number, query = '', token = world.tokens.COORDINATOR) =>
    t.http.get(`${url}/versions/${version}${query}`).set(as(token));

  it('certification is refused (422) while the two missed years lack an explanation; nothing is written', async () => {
    const before = [await versionCount(), await auditCount(t.dataSource)];
    const response = await t.http
      .post(`${url}/certify`)
      .set(as(world.tokens.COORDINATOR))
      .expect(422);
    expect(response.body.code).toBe('RULE_VIOLATION');
    const problem = response.body as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toEqual([
      'goals[2025-26].missedGoalsExplanation',
      'goals[2025-26].twoYearPlan',
    ]);
    expect([await versionCount(), await auditCount(t.dataSource)]).toEqual(before);
  });

  let v1Json: Buffer;
  let v1Csv: Buffer;

  it('with the explanation and the two-year plan recorded, the coordinator certifies version 1', async () => {
    await putGoal('2025-26', {
      moveGoal: 5,
      narrative: '-2+3 analysts',
      missedGoalsExplanation: 'Hiring freeze in 2023 and 2024',
      twoYearPlan: 'Two analyst exams a year; bridging class for office technicians',
    }).expect(200);
    const audits = (await auditOf('REPORT_CERTIFY')).length;
    const response = await t.http
      .post(`${url}/certify`)
      .set(as(world.tokens.COORDINATOR))
      .expect(201);
    expect(response.body).toMatchObject({
      departmentId: dept,
      kind: 'ANNUAL',
      fiscalYear: FY,
      version: 1,
      status: 'CERTIFIED',
      schemaVersion: 2,
      smallCellThreshold: THRESHOLD,
      certifiedBy: world.users.COORDINATOR.id,
    });
    expect(
      (response.body as ReportVersionDto).files.map((f) => `${f.audience}.${f.format}`),
    ).toEqual([
      'department.json',
      'department.csv',
      'department.pdf',
      'department.xlsx',
      'oversight.json',
      'oversight.csv',
      'oversight.pdf',
      'oversight.xlsx',
    ]);
    const certify = await auditOf('REPORT_CERTIFY');
    expect(certify).toHaveLength(audits + 1);
    expect(certify[certify.length - 1]).toMatchObject({
      entityType: 'report_version',
      entityId: response.body.id,
      departmentId: dept,
      actorUserId: world.users.COORDINATOR.id,
    });

    const json = await download(1).expect(200);
    v1Json = bytes(json);
    expect(json.body.header).toMatchObject({
      status: 'CERTIFIED',
      version: 1,
      certifiedByName: world.users.COORDINATOR.displayName,
    });
    expect(json.body.missedGoals).toMatchObject({
      explanation: 'Hiring freeze in 2023 and 2024',
      problems: [],
    });
    expect(json.body.nextYearGoals).toMatchObject({ recorded: true, moveGoal: 5 });
    const csv = await download(1, '?format=csv').expect(200);
    v1Csv = bytes(csv);
    expect(parseCsv(csv.text).find((r) => r[1] === 'narrative')?.[3]).toBe("'-2+3 analysts");
    const listed = Object.fromEntries(
      (response.body as ReportVersionDto).files.map((f) => [`${f.audience}.${f.format}`, f]),
    );
    expect(listed['department.json']).toEqual({
      audience: 'department',
      format: 'json',
      sha256: sha256(v1Json),
      bytes: v1Json.length,
    });
    expect(listed['department.csv'].sha256).toBe(sha256(v1Csv));
  });

  describe('certified XLSX and PDF: their figures against independent queries', () => {
    let workbook: Workbook;
    let pages: string[];
    let json: AnnualReportData;

    beforeAll(async () => {
      const xlsx = await asBytes(download(1, '?format=xlsx')).expect(200);
      expect(xlsx.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      workbook = await readWorkbook(bodyBytes(xlsx));
      const pdf = await asBytes(download(1, '?format=pdf')).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      pages = await pdfPages(bodyBytes(pdf));
      json = JSON.parse(v1Json.toString('utf8')) as AnnualReportData;
    });

    const designatedBySql = () =>
      q<{ code: string; id: string; designation: string }>(
        `SELECT c.class_code AS code, c.id, d.designation::text AS designation
           FROM um_designations d JOIN classifications c ON c.id = d.classification_id
          WHERE d.department_id = $1 AND d.fiscal_year = $2 ORDER BY c.class_code`,
        [dept, FY],
      );
    const movesBySql = () =>
      q<{ code: string; fy: number; cy: number }>(
        `SELECT c.class_code AS code,
                count(*) FILTER (WHERE a.effective_date BETWEEN '${START}' AND '${END}')::int AS fy,
                count(*) FILTER (WHERE a.effective_date BETWEEN '2024-01-01' AND '2024-12-31')::int AS cy
           FROM appointments a JOIN classifications c ON c.id = a.to_classification_id
          WHERE a.department_id = $1 AND a.is_upward_mobility_move
          GROUP BY c.class_code HAVING count(*) FILTER (WHERE a.effective_date BETWEEN '${START}' AND '${END}'
                OR a.effective_date BETWEEN '2024-01-01' AND '2024-12-31') > 0
          ORDER BY c.class_code`,
        [dept],
      );

    it('XLSX "Classes": each designated class with its headcount on June 30', async () => {
      const rows = sheetRows(sheet(workbook, 'Classes'));
      const designated = await designatedBySql();
      expect(rows.map((r) => r['Class code']).sort()).toEqual(designated.map((d) => d.code));
      for (const d of designated) {
        const row = rows.find((r) => r['Class code'] === d.code)!;
        expect(row['Designation']).toBe(d.designation);
        const employees = Object.entries(row).find(([header]) => header.startsWith('Employees'));
        expect(employees?.[1]).toBe(await headcount(d.id));
      }
    });

    it('XLSX "Moves by class": fiscal-year and calendar-year moves per target class', async () => {
      const rows = sheetRows(sheet(workbook, 'Moves by class'));
      const moves = await movesBySql();
      expect(moves.length).toBeGreaterThan(0);
      for (const m of moves) {
        const row = rows.find((r) => r['Class code'] === m.code);
        expect(row?.[`Moves in FY ${FY}`]).toBe(m.fy);
        expect(row?.['Moves in calendar year 2024']).toBe(m.cy);
      }
    });

    it('XLSX "Diversity": selected and total of every decision, dimension and group', async () => {
      const rows = sheetRows(sheet(workbook, 'Diversity'));
      const population = (
        await q<{ id: string }>(populationSql, [dept, [classes.A.id, classes.B.id]])
      ).map((r) => r.id);
      let compared = 0;
      for (const decision of Object.keys(DECISIONS)) {
        for (const dimension of Object.keys(GROUP_SQL)) {
          const expected = await diversityBySql(decision, dimension, population);
          const shown = rows.filter(
            (r) => r['Decision'] === decision && r['Dimension'] === dimension,
          );
          expect(shown.length).toBeGreaterThan(0);
          for (const row of shown) {
            const sql = expected[String(row['Group'])] ?? { selected: 0, total: 0 };
            expect([row['Group'], row['Selected'], row['Total']]).toEqual([
              row['Group'],
              sql.selected,
              sql.total,
            ]);
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(60);
    });

    it('PDF: page X of Y and the JSON data hash on every page', () => {
      expect(pages.length).toBeGreaterThan(3);
      pages.forEach((text, index) => {
        expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
        expect(text.replace(/\s+/g, '')).toContain(sha256(v1Json));
      });
    });

    it('PDF: section 2 lists each designated class with its headcount; section 4 the moves', async () => {
      const text = pages.join('\n');
      const lines = text.split('\n');
      for (const d of await designatedBySql()) {
        const line = lines.find(
          (l) => l.startsWith(`${d.code} `) && l.toUpperCase().includes(` ${d.designation} `),
        );
        expect(line).toBeDefined();
        expect(line!.trim().split(/\s+/).at(-1)).toBe(String(await headcount(d.id)));
      }
      for (const m of await movesBySql()) {
        const line = lines.find(
          (l) => l.startsWith(`${m.code} `) && /\d+\s+\d+\s*$/.test(l) && !l.includes('LPEL'),
        );
        expect(line?.trim().split(/\s+/).slice(-2)).toEqual([String(m.fy), String(m.cy)]);
      }
      expect(json.header.departmentCode).toBeDefined();
    });
  });

  it('downloading again yields the identical bytes, with their hash in X-Content-SHA256; each download is audited', async () => {
    const before = (await auditOf('REPORT_DOWNLOAD')).length;
    for (let i = 0; i < 2; i++) {
      const json = await download(1).expect(200);
      expect(bytes(json).equals(v1Json)).toBe(true);
      expect(json.headers['x-content-sha256']).toBe(sha256(v1Json));
      const csv = await download(1, '?format=csv&audience=department').expect(200);
      expect(bytes(csv).equals(v1Csv)).toBe(true);
      expect(csv.headers['x-content-sha256']).toBe(sha256(v1Csv));
    }
    const downloads = await auditOf('REPORT_DOWNLOAD');
    expect(downloads).toHaveLength(before + 4);
    expect(downloads[downloads.length - 1]).toMatchObject({
      entityType: 'report_version',
      departmentId: dept,
      actorUserId: world.users.COORDINATOR.id,
      changes: expect.objectContaining({ version: 1, format: 'csv', audience: 'department' }),
    });
  });

  it('a restarted service serves the certified PDF and XLSX with the same bytes', async () => {
    const files = async () => ({
      pdf: bodyBytes(await asBytes(download(1, '?format=pdf')).expect(200)),
      xlsx: bodyBytes(await asBytes(download(1, '?format=xlsx&audience=oversight')).expect(200)),
    });
    const before = await files();
    await t.restart();
    const after = await files();
    expect(after.pdf.equals(before.pdf)).toBe(true);
    expect(after.xlsx.equals(before.xlsx)).toBe(true);
    expect(sha256(after.pdf)).toBe(
      (
        (await t.http.get(`${url}/versions`).set(as(world.tokens.COORDINATOR)).expect(200))
          .body as { items: ReportVersionDto[] }
      ).items[0].files.find((f) => f.audience === 'department' && f.format === 'pdf')?.sha256,
    );
  });

  it('right after certification nothing has moved against the current figures', async () => {
    const diff = await t.http
      .get(`${url}/versions/1/diff`)
      .set(as(world.tokens.COORDINATOR))
      .expect(200);
    expect(diff.body).toEqual({
      fiscalYear: FY,
      version: 1,
      against: 'current',
      audience: 'department',
      changes: [],
    });
  });

  it('after the data changes: the draft differs, version 1 does not, the diff lists the moved figures', async () => {
    // One more upward mobility move (April 2025) and one more verified training.
    const m5 = await employee('m5', classes.X, demo(['BLACK'], 'FEMALE'));
    await appointment(m5, '2025-04-01', 'PROMOTION', classes.A, classes.X, true);
    await training(people.e3, '2025-05-15', FY, 'MENTORING', '2.25', true, 'VERIFIED', null);

    const current = (await draft()).body;
    expect(current.goalsVsResults.moves.fiscalYear.moves).toBe(3);
    expect((await download(1).expect(200)).text).toBe(v1Json.toString('utf8'));
    expect(bytes(await download(1, '?format=csv').expect(200)).equals(v1Csv)).toBe(true);

    const diff = await t.http
      .get(`${url}/versions/1/diff?against=current`)
      .set(as(world.tokens.COORDINATOR))
      .expect(200);
    const moved = Object.fromEntries(
      (diff.body as ReportDiffDto).changes.map((c) => [c.path, [c.old, c.new]]),
    );
    expect(moved['goalsVsResults.moves.fiscalYear.moves']).toEqual([2, 3]);
    expect(moved['goalsVsResults.moves.fiscalYear.employees']).toEqual([2, 3]);
    expect(
      moved[`goalsVsResults.moves.byTargetClass[${classes.X.classCode}].fiscalYearMoves`],
    ).toEqual([1, 2]);
    expect(moved['participation.training.verifiedHours']).toEqual([15.5, 17.75]);
    expect(moved['participation.training.hoursByKind[MENTORING].hours']).toEqual([0, 2.25]);
    expect(moved['participation.employeesInLpelOrBridging.duringYear']).toEqual([12, 13]);
    expect(moved['classes.classes[' + classes.X.classCode + '].activeEmployees']).toEqual([2, 3]);
    // The calendar year count (2024) did not move; nor did the header's volatile fields count.
    expect(moved['goalsVsResults.moves.calendarYear.moves']).toBeUndefined();
    expect(moved['header.generatedAt']).toBeUndefined();
    expect((diff.body as ReportDiffDto).changes.every((c) => c.change === 'CHANGED')).toBe(true);
  });

  it('a second certification is version 2; version 1 is never changed', async () => {
    await t.http.post(`${url}/certify`).set(as(world.tokens.ADMIN)).expect(201);
    expect(bytes(await download(1).expect(200)).equals(v1Json)).toBe(true);
    const v2 = await download(2).expect(200);
    expect(v2.body.header).toMatchObject({ version: 2, status: 'CERTIFIED' });
    expect(v2.body.goalsVsResults.moves.fiscalYear.moves).toBe(3);

    const diff = await t.http
      .get(`${url}/versions/1/diff?against=2`)
      .set(as(world.tokens.COORDINATOR))
      .expect(200);
    expect(diff.body.against).toBe('2');
    expect(diff.body.changes).toContainEqual({
      path: 'goalsVsResults.moves.fiscalYear.moves',
      change: 'CHANGED',
      old: 2,
      new: 3,
    });
    const response = await t.http
      .get(`${url}/versions`)
      .set(as(world.tokens.COORDINATOR))
      .expect(200);
    const list = response.body as { items: ReportVersionDto[]; total: number };
    expect(list.total).toBe(2);
    expect(list.items.map((v) => v.version)).toEqual([1, 2]);
    expect(
      list.items[0].files.find((f) => f.audience === 'department' && f.format === 'json')?.sha256,
    ).toBe(sha256(v1Json));
    expect(list.items[1].certifiedBy).toBe(world.users.ADMIN.id);
  });

  it('the database itself refuses to change or delete a certified version', async () => {
    await expect(
      t.dataSource.query(`UPDATE report_versions SET version = 9 WHERE version = 1`),
    ).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM report_versions`)).rejects.toThrow(/append-only/);
    expect(await versionCount()).toBe(2);
  });

  describe('AUDITOR: certified versions only, oversight audience only', () => {
    it('lists the versions with the oversight files only', async () => {
      const response = await t.http
        .get(`${url}/versions`)
        .set(as(world.tokens.AUDITOR))
        .expect(200);
      const list = response.body as { items: ReportVersionDto[] };
      expect(list.items).toHaveLength(2);
      for (const item of list.items) {
        expect(item.files.map((f) => `${f.audience}.${f.format}`)).toEqual([
          'oversight.json',
          'oversight.csv',
          'oversight.pdf',
          'oversight.xlsx',
        ]);
      }
    });

    it('downloads the oversight rendering, small cells suppressed, and the download is audited', async () => {
      const before = (await auditOf('REPORT_DOWNLOAD')).length;
      const json = await download(1, '', world.tokens.AUDITOR).expect(200);
      const report = json.body;
      expect(json.headers['x-content-sha256']).toBe(sha256(bytes(json)));
      expect(report.audience).toBe('oversight');
      expect(report.header.version).toBe(1);
      expect(report.participation.applications).toEqual({
        received: 4,
        accepted: HIDDEN,
        waitlisted: HIDDEN,
        declined: HIDDEN,
      });
      expect(report.classes.activeEmployees.BRIDGING).toEqual(HIDDEN);
      const female = report.diversity.decisions.acceptedIntoProgram.byDimension.gender.groups[0];
      expect(female).toMatchObject({ group: 'FEMALE', suppressed: true, rate: null, pValue: null });
      // Nothing from 1 to threshold - 1 is left anywhere in the diversity tables.
      const counts =
        JSON.stringify(report.diversity).match(/"(selected|total|notSelected)":(\d+)/g) ?? [];
      expect(counts.filter((c) => [1, 2].includes(Number(c.split(':')[1])))).toEqual([]);

      const csv = await download(1, '?format=csv', world.tokens.AUDITOR).expect(200);
      const rows = parseCsv(csv.text);
      expect(rows.find((r) => r[1] === 'applications.waitlisted')?.[3]).toBe('SUPPRESSED');
      const downloads = await auditOf('REPORT_DOWNLOAD');
      expect(downloads).toHaveLength(before + 2);
      expect(downloads[downloads.length - 1]).toMatchObject({
        actorUserId: world.users.AUDITOR.id,
        changes: expect.objectContaining({ audience: 'oversight', format: 'csv' }),
      });
    });

    it('is refused the department audience, drafts and comparisons with the draft (403, nothing audited)', async () => {
      const before = await auditCount(t.dataSource);
      await download(1, '?audience=department', world.tokens.AUDITOR).expect(403);
      await t.http.get(url).set(as(world.tokens.AUDITOR)).expect(403);
      await t.http.get(`${url}/versions/1/diff`).set(as(world.tokens.AUDITOR)).expect(403);
      await t.http.post(`${url}/certify`).set(as(world.tokens.AUDITOR)).expect(403);
      expect(await auditCount(t.dataSource)).toBe(before);
      const diff = await t.http
        .get(`${url}/versions/1/diff?against=2`)
        .set(as(world.tokens.AUDITOR))
        .expect(200);
      expect(diff.body.audience).toBe('oversight');
    });
  });

  describe('scoping and refusals of versions', () => {
    it('the other department’s coordinator gets 404 everywhere; nothing is written', async () => {
      const before = [await versionCount(), await auditCount(t.dataSource)];
      const token = world.tokens.otherCoordinator;
      await t.http.post(`${url}/certify`).set(as(token)).expect(404);
      await t.http.get(`${url}/versions`).set(as(token)).expect(404);
      await download(1, '', token).expect(404);
      await t.http.get(`${url}/versions/1/diff?against=2`).set(as(token)).expect(404);
      for (const role of ['SUPERVISOR', 'EMPLOYEE'] as const) {
        await download(1, '', world.tokens[role]).expect(403);
        await t.http.post(`${url}/certify`).set(as(world.tokens[role])).expect(403);
      }
      expect([await versionCount(), await auditCount(t.dataSource)]).toEqual(before);
    });

    it.each([
      ['/versions/abc', 400, 'path.version'],
      ['/versions/0', 400, 'path.version'],
      ['/versions/99', 404, null],
      ['/versions/1?format=docx', 400, 'format'],
      ['/versions/1/diff?against=latest', 400, 'against'],
      ['/versions/1/diff?against=7', 404, null],
    ])('%s: %i', async (suffix, status, field) => {
      const before = await auditCount(t.dataSource);
      const response = await t.http
        .get(`${url}${suffix}`)
        .set(as(world.tokens.COORDINATOR))
        .expect(status);
      if (field) expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
      expect(await auditCount(t.dataSource)).toBe(before);
    });

    it('another fiscal year has no versions', async () => {
      const list = await t.http
        .get(`/api/departments/${dept}/reports/annual/2023-24/versions`)
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      expect(list.body).toMatchObject({ items: [], total: 0 });
    });
  });
});
