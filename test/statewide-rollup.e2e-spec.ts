import { Appointment } from '../src/modules/appointments/appointment.entity';
import type { Classification } from '../src/modules/classifications/classification.entity';
import type { Department } from '../src/modules/departments/department.entity';
import type { Employee } from '../src/modules/employees/employee.entity';
import type { StatewideRollupData } from '../src/modules/reports/statewide/statewide-rollup.types';
import {
  makeClassification,
  makeDepartment,
  makeEmployee,
  makeRoleWorld,
} from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import {
  asBytes,
  bodyBytes,
  pdfPages,
  readWorkbook,
  sheet,
  sheetRows,
} from './support/report-files';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

/**
 * The statewide roll-up over departments that certified FY 2025-26 and departments that did not.
 * Today (late 2026) is past the statutory July 1 due date: a department due on July 1 that
 * certifies now is LATE; one whose due date is December 31 is ON_TIME.
 */
const FY = '2025-26';
const HIDDEN = { value: null, suppressed: true };

describe('Statewide roll-up (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  let lpel: Classification;
  let eltpa: Classification;
  const departments = {} as Record<'onTime' | 'late' | 'overdue' | 'notYetDue', Department>;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** `moved` of `employees` LPEL employees move up in the FY; `women` of them are women. */
  async function populate(department: Department, employees: number, moved: number): Promise<void> {
    await t.http
      .put(`/api/departments/${department.id}/designations/${FY}`)
      .set(as(world.tokens.ADMIN))
      .send({
        designations: [
          {
            classCode: lpel.classCode,
            designation: 'LPEL',
            ladderTargetClassCodes: [eltpa.classCode],
          },
          { classCode: eltpa.classCode, designation: 'ELTPA' },
        ],
      })
      .expect(200);
    for (let i = 0; i < employees; i++) {
      const person: Employee = await makeEmployee(t.dataSource, department.id, lpel.id, {
        gender: i % 2 === 0 ? 'FEMALE' : 'MALE',
        ethnicities: i % 3 === 0 ? ['DECLINED'] : ['HISPANIC'],
        disability: 'NO',
        veteran: 'NO',
      });
      if (i < moved) {
        await t.dataSource.getRepository(Appointment).insert({
          employeeId: person.id,
          departmentId: department.id,
          effectiveDate: '2026-03-02',
          type: 'PROMOTION',
          fromClassificationId: lpel.id,
          toClassificationId: eltpa.id,
          fromDesignation: 'LPEL',
          toDesignation: 'ELTPA',
          isUpwardMobilityMove: true,
        });
      }
    }
  }

  const certify = (department: Department) =>
    t.http
      .post(`/api/departments/${department.id}/reports/annual/${FY}/certify`)
      .set(as(world.tokens.ADMIN))
      .expect(201);

  const rollup = async (token = world.tokens.AUDITOR) => {
    const response = await t.http.get(`/api/reports/statewide/${FY}`).set(as(token)).expect(200);
    return response.body as StatewideRollupData;
  };
  const row = (data: StatewideRollupData, department: Department) => {
    const found = data.departments.find((r) => r.departmentCode === department.code);
    if (!found) throw new Error(`no row for ${department.code}`);
    return found;
  };
  const movesBySql = async (department: Department) => {
    const rows = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM appointments WHERE department_id = $1
          AND is_upward_mobility_move AND effective_date BETWEEN '2025-07-01' AND '2026-06-30'`,
      [department.id],
    );
    return rows[0].n;
  };

  beforeAll(async () => {
    t = await startTestApp();
    world = await makeRoleWorld(t.dataSource, t.http);
    lpel = await makeClassification(t.dataSource, { title: 'Office Assistant' });
    eltpa = await makeClassification(t.dataSource, { title: 'Staff Services Analyst' });
    departments.onTime = await makeDepartment(t.dataSource, {
      code: 'SW-A',
      reportDueMonthDay: '12-31',
    });
    departments.late = await makeDepartment(t.dataSource, { code: 'SW-B' });
    departments.overdue = await makeDepartment(t.dataSource, { code: 'SW-C' });
    departments.notYetDue = await makeDepartment(t.dataSource, {
      code: 'SW-D',
      reportDueMonthDay: '12-31',
    });
    await populate(departments.onTime, 24, 9);
    await populate(departments.late, 30, 7);
    await populate(departments.overdue, 12, 3);
    await certify(departments.onTime);
    await certify(departments.late);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('lists every department with its certification and timeliness against its due date', async () => {
    const data = await rollup();
    expect(data.departments.map((r) => r.departmentCode)).toEqual(
      [...data.departments.map((r) => r.departmentCode)].sort(),
    );
    expect(row(data, departments.onTime)).toMatchObject({
      certified: true,
      certifiedVersion: 1,
      dueDate: '2026-12-31',
      timeliness: 'ON_TIME',
    });
    expect(row(data, departments.late)).toMatchObject({
      dueDate: '2026-07-01',
      timeliness: 'LATE',
    });
    expect(row(data, departments.overdue)).toMatchObject({
      certified: false,
      timeliness: 'OVERDUE',
      counts: null,
    });
    expect(row(data, departments.notYetDue)).toMatchObject({ timeliness: 'NOT_YET_DUE' });
    const total = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM departments',
    );
    expect(data.summary.departments).toBe(total[0].n);
    expect(data.summary.certified).toBe(2);
  });

  it('shows certified figures equal to the data, and a total that hides no single department', async () => {
    const data = await rollup();
    const onTime = await movesBySql(departments.onTime);
    const late = await movesBySql(departments.late);
    expect(row(data, departments.onTime).counts?.fiscalYearMoves).toBe(onTime);
    expect(row(data, departments.late).counts?.fiscalYearMoves).toBe(late);
    // Only certified departments count: the overdue one's moves are not added.
    expect(data.summary.counts.fiscalYearMoves).toBe(onTime + late);
    expect(row(data, departments.late).counts?.employeesInLpelOrBridging).toBe(30);
  });

  it('adds up the diversity counts of certified departments, keeps "decline to state", hides small cells', async () => {
    const data = await rollup();
    const groups = data.diversity.decisions.appointedToEltpa.byDimension.gender.groups;
    const women = await t.dataSource.query<{ selected: number; total: number }[]>(
      `SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM appointments a WHERE a.employee_id = e.id
                AND a.is_upward_mobility_move))::int AS selected, count(*)::int AS total
         FROM employees e WHERE e.department_id = ANY($1::uuid[]) AND e.gender = 'FEMALE'`,
      [[departments.onTime.id, departments.late.id]],
    );
    expect(groups.find((g) => g.group === 'FEMALE')).toMatchObject(women[0]);
    const ethnicity = data.diversity.decisions.appointedToEltpa.byDimension.ethnicity.groups;
    expect(ethnicity.find((g) => g.group === 'DECLINED')?.total).toBe(8 + 10);
    for (const group of ethnicity) {
      if (typeof group.selected === 'number') {
        expect(group.selected === 0 || group.selected >= 5).toBe(true);
      }
    }
  });

  it('hides a small certified count, and one more so that the total does not reveal it', async () => {
    const small = await makeDepartment(t.dataSource, { code: 'SW-E', reportDueMonthDay: '12-31' });
    await populate(small, 6, 2);
    await certify(small);
    const data = await rollup();
    expect(row(data, small).counts?.fiscalYearMoves).toEqual(HIDDEN);
    const visible = data.departments.filter((r) => typeof r.counts?.fiscalYearMoves === 'number');
    const hidden = data.departments.filter(
      (r) => r.counts !== null && typeof r.counts.fiscalYearMoves !== 'number',
    );
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(visible.length + hidden.length).toBe(3);
  });

  it('is the same for ADMIN, as CSV too; refused to every other role and without a token', async () => {
    const admin = await rollup(world.tokens.ADMIN);
    expect(admin.summary).toEqual((await rollup()).summary);
    const csv = await t.http
      .get(`/api/reports/statewide/${FY}?format=csv`)
      .set(as(world.tokens.AUDITOR))
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toContain('SW-A');
    for (const role of ['COORDINATOR', 'SUPERVISOR', 'EMPLOYEE'] as const) {
      await t.http.get(`/api/reports/statewide/${FY}`).set(as(world.tokens[role])).expect(403);
    }
    await t.http.get(`/api/reports/statewide/${FY}`).expect(401);
  });

  it("as XLSX and PDF: the certified departments' moves equal an independent count", async () => {
    const xlsx = await asBytes(
      t.http.get(`/api/reports/statewide/${FY}?format=xlsx`).set(as(world.tokens.AUDITOR)),
    ).expect(200);
    const rows = sheetRows(sheet(await readWorkbook(bodyBytes(xlsx)), 'Departments'));
    const onTime = rows.find((r) => r['Code'] === departments.onTime.code);
    expect(onTime?.[`Moves FY ${FY}`]).toBe(await movesBySql(departments.onTime));
    // Every certified department's cell as in the JSON: the count, or "suppressed".
    const json = await rollup();
    for (const department of json.departments.filter((d) => d.counts !== null)) {
      const moves = department.counts!.fiscalYearMoves;
      expect(rows.find((r) => r['Code'] === department.departmentCode)?.[`Moves FY ${FY}`]).toBe(
        typeof moves === 'number' ? moves : 'suppressed',
      );
    }
    const pdf = await asBytes(
      t.http.get(`/api/reports/statewide/${FY}?format=pdf`).set(as(world.tokens.AUDITOR)),
    ).expect(200);
    const pages = await pdfPages(bodyBytes(pdf));
    const line = pages
      .join('\n')
      .split('\n')
      .find((l) => l.startsWith(`${departments.onTime.code} `));
    expect(line).toContain(String(await movesBySql(departments.onTime)));
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
  });

  it('names the bad fiscal year or format in a 400', async () => {
    const badYear = await t.http
      .get('/api/reports/statewide/2025-27')
      .set(as(world.tokens.AUDITOR))
      .expect(400);
    expect(JSON.stringify(badYear.body)).toContain('path.fiscalYear');
    const badFormat = await t.http
      .get(`/api/reports/statewide/${FY}?format=docx`)
      .set(as(world.tokens.AUDITOR))
      .expect(400);
    expect(JSON.stringify(badFormat.body)).toContain('format');
  });
});
