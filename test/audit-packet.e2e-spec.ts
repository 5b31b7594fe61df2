import { Appointment } from '../src/modules/appointments/appointment.entity';
import type { AppointmentType } from '../src/modules/appointments/appointment.entity';
import type { Classification } from '../src/modules/classifications/classification.entity';
import type { Employee } from '../src/modules/employees/employee.entity';
import { employeeRef } from '../src/modules/reports/audit-packet/audit-packet.rule';
import type { AuditPacketData } from '../src/modules/reports/audit-packet/audit-packet.types';
import { TdAssignment } from '../src/modules/td-assignments/td-assignment.entity';
import { auditCount, makeClassification, makeEmployee, makeRoleWorld } from './support/fixtures';
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
 * A department whose last three fiscal years (2023-07-01 .. 2026-06-30) hold one lawful and one
 * unlawful appointment into an ELTPA class (the second made before the 24 months of experience
 * were met), an over-long T&D assignment, an early end honoured late, and one in order.
 */
const FROM = '2023-07-01';
const TO = '2026-06-30';

describe('Compliance audit packet (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  let technician: Classification;
  let analyst: Classification;
  const people = {} as Record<'lawful' | 'unlawful' | 'longTd' | 'lateEnd' | 'fineTd', Employee>;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const url = () => `/api/departments/${world.home.id}/reports/audit`;
  const packet = async (query: Record<string, string> = {}, token = world.tokens.COORDINATOR) =>
    (
      await t.http
        .get(url())
        .query({ format: 'json', ...query })
        .set(as(token))
        .expect(200)
    ).body as AuditPacketData;

  async function employee(
    key: keyof typeof people,
    hireDate: string,
    steps: [string, AppointmentType, Classification][],
  ) {
    people[key] = await makeEmployee(t.dataSource, world.home.id, steps.at(-1)![2].id, {
      hireDate,
      lastName: key,
    });
    let from: Classification | null = null;
    for (const [effectiveDate, type, to] of steps) {
      await t.dataSource.getRepository(Appointment).insert({
        employeeId: people[key].id,
        departmentId: world.home.id,
        effectiveDate,
        type,
        fromClassificationId: type === 'HIRE' ? null : (from?.id ?? null),
        toClassificationId: to.id,
        fromDesignation: type === 'HIRE' ? 'NONE' : 'LPEL',
        toDesignation: to === analyst ? 'ELTPA' : 'NONE',
        isUpwardMobilityMove: to === analyst,
      });
      from = to;
    }
  }

  const td = (
    who: Employee,
    start: string,
    plannedEnd: string,
    extra: Partial<TdAssignment> = {},
  ) =>
    t.dataSource.getRepository(TdAssignment).insert({
      departmentId: world.home.id,
      employeeId: who.id,
      hostUnit: 'Budgets',
      workClassificationId: analyst.id,
      startDate: start,
      plannedEndDate: plannedEnd,
      actualEndDate: null,
      timeBaseFraction: '1.000',
      ...extra,
    });

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    technician = await makeClassification(t.dataSource, { title: 'Office Technician' });
    analyst = await makeClassification(t.dataSource, { title: 'Staff Services Analyst' });
    for (const fiscalYear of ['2023-24', '2024-25', '2025-26']) {
      await t.http
        .put(`/api/departments/${world.home.id}/designations/${fiscalYear}`)
        .set(as(world.tokens.ADMIN))
        .send({
          designations: [
            {
              classCode: technician.classCode,
              designation: 'LPEL',
              ladderTargetClassCodes: [analyst.classCode],
            },
            { classCode: analyst.classCode, designation: 'ELTPA' },
          ],
        })
        .expect(200);
    }
    await t.http
      .post('/api/rule-sets')
      .set(as(world.tokens.ADMIN))
      .send({
        classCode: analyst.classCode,
        effectiveFrom: '2020-07-01',
        patterns: [
          {
            id: 'I',
            label: 'Two years as an Office Technician',
            requirements: [
              { kind: 'experience', months: 24, inClassCodes: [technician.classCode] },
            ],
          },
        ],
      })
      .expect(201);

    // 26 months as a technician before the promotion: lawful.
    await employee('lawful', '2022-01-03', [
      ['2022-01-03', 'HIRE', technician],
      ['2024-03-01', 'PROMOTION', analyst],
    ]);
    // 15 months: appointed before the experience requirement was met.
    await employee('unlawful', '2023-06-01', [
      ['2023-06-01', 'HIRE', technician],
      ['2024-09-03', 'PROMOTION', analyst],
    ]);
    await employee('longTd', '2020-01-06', [['2020-01-06', 'HIRE', technician]]);
    await td(people.longTd, '2023-08-01', '2025-12-31'); // 29 months
    await employee('lateEnd', '2020-01-06', [['2020-01-06', 'HIRE', technician]]);
    await td(people.lateEnd, '2024-01-02', '2024-12-31', {
      earlyEndRequestedOn: '2024-06-03',
      actualEndDate: '2024-07-15', // 30 working days later
    });
    await employee('fineTd', '2020-01-06', [['2020-01-06', 'HIRE', technician]]);
    await td(people.fineTd, '2024-01-02', '2024-06-28', {
      earlyEndRequestedOn: '2024-05-01',
      actualEndDate: '2024-05-10',
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('defaults to the last three complete fiscal years and flags exactly the unlawful appointment', async () => {
    const data = await packet();
    expect(data.header).toMatchObject({
      periodStart: FROM,
      periodEnd: TO,
      fiscalYears: ['2023-24', '2024-25', '2025-26'],
    });
    expect(data.appointments.map((a) => [a.employee.name, a.outcome, a.flagged])).toEqual([
      [`${people.unlawful.firstName} unlawful`, 'NOT_QUALIFIED', true],
      [`${people.lawful.firstName} lawful`, 'QUALIFIED', false],
    ]);
    const [unlawful, lawful] = data.appointments;
    expect(unlawful).toMatchObject({ effectiveDate: '2024-09-03', evaluatedAsOf: '2024-09-02' });
    expect(unlawful.note).toMatch(/lacked/);
    expect(lawful.pattern).toMatchObject({ id: 'I', met: true });
    // By which facts: the technician appointment, counted to the day before the promotion.
    expect(lawful.evidence[0].sources).toEqual([
      expect.objectContaining({
        type: 'APPOINTMENT',
        classCode: technician.classCode,
        start: '2022-01-03',
        end: '2024-02-29',
      }),
    ]);
    expect(data.summary).toMatchObject({
      eltpaAppointments: 2,
      appointmentsFlagged: 1,
      appointmentsNotEvaluable: 0,
    });
  });

  it('flags exactly the over-long T&D assignment and the early end honoured late', async () => {
    const data = await packet();
    const byPerson = Object.fromEntries(data.tdAssignments.map((a) => [a.employee.ref, a]));
    expect(byPerson[employeeRef(people.longTd.id)]).toMatchObject({
      overLimit: true,
      flagged: true,
    });
    expect(byPerson[employeeRef(people.longTd.id)].monthsInFullestWindow).toBeGreaterThan(24);
    expect(byPerson[employeeRef(people.lateEnd.id)]).toMatchObject({
      overLimit: false,
      flagged: true,
      earlyEnd: {
        requestedOn: '2024-06-03',
        honouredOn: '2024-07-15',
        workingDaysTaken: 30,
        late: true,
      },
    });
    expect(byPerson[employeeRef(people.fineTd.id)]).toMatchObject({
      flagged: false,
      earlyEnd: { late: false },
    });
    expect(
      data.tdAssignments
        .filter((a) => a.flagged)
        .map((a) => a.employee.ref)
        .sort(),
    ).toEqual([employeeRef(people.longTd.id), employeeRef(people.lateEnd.id)].sort());
    expect(data.summary).toMatchObject({ tdAssignments: 3, tdOverLimit: 1, tdEarlyEndsLate: 1 });
  });

  it('shows the same flags in the PDF text and the XLSX cells', async () => {
    const pdf = await asBytes(t.http.get(url()).set(as(world.tokens.COORDINATOR))).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfPages(bodyBytes(pdf))).join('\n');
    const findings = text.slice(text.indexOf('Findings'));
    expect(findings.indexOf(employeeRef(people.unlawful.id))).toBeGreaterThanOrEqual(0);
    expect(text).toContain(employeeRef(people.longTd.id));
    expect(text).toContain(employeeRef(people.lateEnd.id));

    const xlsx = await asBytes(
      t.http.get(url()).query({ format: 'xlsx' }).set(as(world.tokens.COORDINATOR)),
    ).expect(200);
    const workbook = await readWorkbook(bodyBytes(xlsx));
    const refOf = (row: Record<string, unknown>) =>
      String(Object.entries(row).find(([header]) => /ref/i.test(header))?.[1]);
    const flaggedOf = (row: Record<string, unknown>) =>
      Object.entries(row).find(([header]) => /^flag/i.test(header))?.[1];
    const appointments = sheetRows(sheet(workbook, 'Appointments'));
    expect(
      appointments.filter((r) => ['Yes', true].includes(flaggedOf(r) as string)).map(refOf),
    ).toEqual([employeeRef(people.unlawful.id)]);
    const tds = sheetRows(sheet(workbook, 'T&D assignments'));
    expect(
      tds
        .filter((r) => ['Yes', true].includes(flaggedOf(r) as string))
        .map(refOf)
        .sort(),
    ).toEqual([employeeRef(people.longTd.id), employeeRef(people.lateEnd.id)].sort());
  });

  it('gives the same figures when generated again on unchanged data; every generation is audited', async () => {
    const before = await auditCount(t.dataSource);
    const first = await packet();
    const second = await packet();
    expect(await auditCount(t.dataSource)).toBe(before + 2);
    const figures = (data: AuditPacketData) => ({
      ...data,
      header: { ...data.header, generatedAt: null },
      integrity: { ...data.integrity, chainEntries: null, headHash: null },
    });
    expect(figures(second)).toEqual(figures(first));
    const rows = await t.dataSource.query<{ action: string; changes: { sha256: string } }[]>(
      `SELECT action, changes FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0].action).toBe('AUDIT_PACKET_GENERATE');
    expect(rows[0].changes.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(second.integrity).toMatchObject({ chainVerified: true });
    expect(second.integrity.chainEntries).toBe(before + 1);
  });

  it('shows a certified annual report whose data changed since, with the figures that moved', async () => {
    await t.http
      .post(`/api/departments/${world.home.id}/reports/annual/2024-25/certify`)
      .set(as(world.tokens.COORDINATOR))
      .expect(201);
    const unchanged = await packet();
    expect(unchanged.certifiedReports).toEqual([
      expect.objectContaining({
        fiscalYear: '2024-25',
        version: 1,
        changedFigures: 0,
        changes: [],
      }),
    ]);
    expect(Object.keys(unchanged.certifiedReports[0].sha256).sort()).toEqual([
      'csv',
      'json',
      'pdf',
      'xlsx',
    ]);
    // A move into the analyst class recorded late, dated inside the certified year.
    await employee('fineTd', '2020-01-06', [
      ['2020-01-06', 'HIRE', technician],
      ['2025-02-03', 'PROMOTION', analyst],
    ]);
    const changed = await packet();
    const report = changed.certifiedReports[0];
    expect(report.changedFigures).toBeGreaterThan(0);
    expect(report.changes.map((c) => c.path)).toContain('goalsVsResults.moves.fiscalYear.moves');
    expect(changed.summary.certifiedReportsWithChangedFigures).toBe(1);
  });

  it('AUDITOR: references only, never a name or employee number; the department edition is refused', async () => {
    const data = await packet({}, world.tokens.AUDITOR);
    expect(data.audience).toBe('oversight');
    const text = JSON.stringify(data);
    for (const person of Object.values(people)) {
      expect(text).not.toContain(person.employeeNumber);
      expect(text).not.toContain(person.lastName);
      expect(text).toContain(employeeRef(person.id));
    }
    await t.http
      .get(url())
      .query({ audience: 'department', format: 'json' })
      .set(as(world.tokens.AUDITOR))
      .expect(403);
  });

  it('refuses other roles and departments, and names bad dates (nothing audited)', async () => {
    const before = await auditCount(t.dataSource);
    for (const role of ['SUPERVISOR', 'EMPLOYEE'] as const) {
      await t.http.get(url()).set(as(world.tokens[role])).expect(403);
    }
    await t.http.get(url()).set(as(world.tokens.otherCoordinator)).expect(404);
    const bad = await t.http
      .get(url())
      .query({ from: '2023-02-30' })
      .set(as(world.tokens.COORDINATOR))
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('from');
    const reversed = await t.http
      .get(url())
      .query({ from: '2026-01-01', to: '2025-01-01' })
      .set(as(world.tokens.COORDINATOR))
      .expect(400);
    expect(JSON.stringify(reversed.body)).toContain('query.to');
    expect(await auditCount(t.dataSource)).toBe(before);
  });
});
