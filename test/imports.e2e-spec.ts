import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { Department } from '../src/modules/departments/department.entity';
import { Employee } from '../src/modules/employees/employee.entity';
import { ImportLimits } from '../src/modules/imports/import-upload.interceptor';
import { ImportRun } from '../src/modules/imports/import-run.entity';
import { ROSTER_COLUMNS, TRAINING_COLUMNS } from '../src/modules/imports/import-layout';
import { TrainingRecord } from '../src/modules/training/training-record.entity';
import { auditCount, makeClassification, makeEmployee, makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

interface Problem {
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

const ROSTER_HEADER =
  'employee_number,first_name,last_name,work_email,class_code,position_number,time_base,time_base_fraction,hire_date,supervisor_employee_number,ethnicities,gender,disability,veteran';
const TRAINING_HEADER =
  'employee_number,title,provider,kind,hours,semester_units,start_date,completion_date,on_state_time,cost';

/** A CSV from rows of cells (cells with a comma or a quote are quoted). */
function csv(header: string, rows: string[][]): string {
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [header, ...rows.map((row) => row.map(cell).join(','))].join('\n') + '\n';
}

const problemsOf = (response: Response): string[] =>
  (response.body.problems as Problem[]).map((p) => `${p.row}|${p.column}|${p.value}|${p.message}`);

describe('Imports of the roster and of training records (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  let classCode: string;
  let otherClassCode: string;
  /** A prefix per test, so employee numbers never collide between tests. */
  let prefix = 0;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const next = () => `T${(prefix += 1)}`;

  const upload = (
    token: string,
    kind: string,
    content: string | Buffer,
    options: { query?: string; filename?: string; contentType?: string } = {},
  ) =>
    t.http
      .post(`/api/imports/${kind}${options.query ? `?${options.query}` : ''}`)
      .set(as(token))
      .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), {
        filename: options.filename ?? `${kind}.csv`,
        contentType: options.contentType ?? 'text/csv',
      });

  const employeesOf = (departmentId: string) =>
    t.dataSource
      .getRepository(Employee)
      .find({ where: { departmentId }, order: { employeeNumber: 'ASC' } });
  const employee = (departmentId: string, employeeNumber: string) =>
    t.dataSource.getRepository(Employee).findOneBy({ departmentId, employeeNumber });

  /** A clean roster of `size` employees numbered `<p>-1...`, each supervised by the first. */
  const roster = (
    p: string,
    size: number,
    overrides: (i: number) => Partial<Record<string, string>> = () => ({}),
  ) =>
    csv(
      ROSTER_HEADER,
      Array.from({ length: size }, (_, index) => {
        const i = index + 1;
        const row: Record<string, string> = {
          employee_number: `${p}-${i}`,
          first_name: `First${i}`,
          last_name: `Last${i}`,
          work_email: `person${i}@dgs.ca.gov`,
          class_code: classCode,
          position_number: `301-${i}`,
          time_base: i % 2 === 0 ? 'PART_TIME' : 'FULL_TIME',
          time_base_fraction: i % 2 === 0 ? '0.5' : '',
          hire_date: '2020-01-06',
          supervisor_employee_number: i === 1 ? '' : `${p}-1`,
          ethnicities: i % 3 === 0 ? 'ASIAN_KOREAN;WHITE' : 'HISPANIC',
          gender: 'FEMALE',
          disability: 'NO',
          veteran: 'DECLINED',
          ...overrides(i),
        };
        return ROSTER_COLUMNS.map((column) => row[column.name] ?? '');
      }),
    );

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    classCode = world.classification.classCode;
    otherClassCode = (await makeClassification(t.dataSource)).classCode;
  });
  afterAll(() => t.close());

  describe('templates', () => {
    it('downloads the CSV template: the documented header row, and it imports once filled', async () => {
      const response = await t.http
        .get('/api/imports/templates/roster')
        .set(as(world.tokens.COORDINATOR))
        .buffer(true)
        .expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toContain('um-roster-import-template.csv');
      const text = Buffer.from(response.text, 'utf8')
        .toString('utf8')
        .replace(/^\uFEFF/, '');
      expect(text.trim()).toBe(ROSTER_COLUMNS.map((column) => column.name).join(','));

      const p = next();
      const filled = `${response.text.trimEnd()}\r\n${p}-1,Ana,Reyes,,${classCode},,FULL_TIME,,2021-03-01,,,,,\r\n${p}-2,Bo,Chan,,${classCode},,INTERMITTENT,,2021-03-01,${p}-1,,,,\r\n`;
      const imported = await upload(world.tokens.COORDINATOR, 'roster', filled).expect(201);
      expect(imported.body).toMatchObject({
        status: 'APPLIED',
        counts: { created: 2, updated: 0, unchanged: 0, rejected: 0 },
      });
      const bo = await employee(world.home.id, `${p}-2`);
      expect(bo).toMatchObject({ timeBase: 'INTERMITTENT', timeBaseFraction: '0.000' });
      expect(bo?.supervisorId).toBe((await employee(world.home.id, `${p}-1`))?.id);
    });

    it('downloads the XLSX template, and it imports once filled (XLSX input, date cells)', async () => {
      const response = await t.http
        .get('/api/imports/templates/training?format=xlsx')
        .set(as(world.tokens.ADMIN))
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Uint8Array.from(response.body as Buffer).buffer);
      const sheet = workbook.worksheets[0];
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
        TRAINING_COLUMNS.map((column) => column.name),
      );

      const p = next();
      await upload(world.tokens.COORDINATOR, 'roster', roster(p, 1)).expect(201);
      sheet.addRow([
        `${p}-1`,
        'Excel for analysts',
        'CalHR',
        'ONLINE',
        3.5,
        null,
        new Date(Date.UTC(2025, 8, 8)),
        new Date(Date.UTC(2025, 8, 9)),
        false,
        40,
      ]);
      sheet.addRow([
        `${p}-1`,
        'Budgets',
        '',
        'college_course',
        45,
        3,
        '2025-08-25',
        '2025-12-12',
        'yes',
        null,
      ]);
      const filled = Buffer.from(await workbook.xlsx.writeBuffer());
      const imported = await upload(world.tokens.COORDINATOR, 'training', filled, {
        filename: 'training.xlsx',
        contentType: 'application/octet-stream',
      }).expect(201);
      expect(imported.body).toMatchObject({
        status: 'APPLIED',
        format: 'xlsx',
        counts: { created: 2 },
      });
      const records = await t.dataSource.getRepository(TrainingRecord).find({
        where: { employeeId: (await employee(world.home.id, `${p}-1`))!.id },
        order: { title: 'ASC' },
      });
      expect(
        records.map((r) => [
          r.title,
          r.kind,
          r.hours,
          r.semesterUnits,
          r.startDate,
          r.completionDate,
          r.fiscalYear,
          r.onStateTime,
          r.cost,
        ]),
      ).toEqual([
        [
          'Budgets',
          'COLLEGE_COURSE',
          '45.00',
          '3.0',
          '2025-08-25',
          '2025-12-12',
          '2025-26',
          true,
          null,
        ],
        [
          'Excel for analysts',
          'ONLINE',
          '3.50',
          null,
          '2025-09-08',
          '2025-09-09',
          '2025-26',
          false,
          '40.00',
        ],
      ]);
    });

    it('documents the column layouts in the OpenAPI description', async () => {
      const docs = await t.http.get('/api/docs-json').expect(200);
      const upload = (docs.body as { paths: Record<string, { post?: { description?: string } }> })
        .paths['/api/imports/{kind}']?.post?.description;
      for (const column of [...ROSTER_COLUMNS, ...TRAINING_COLUMNS]) {
        expect(upload).toContain(`| ${column.name} |`);
      }
      expect(upload).toContain('employee_number + title + start_date + completion_date');
    });

    it('refuses an unknown kind or format', async () => {
      await t.http.get('/api/imports/templates/payroll').set(as(world.tokens.ADMIN)).expect(400);
      await t.http
        .get('/api/imports/templates/roster?format=pdf')
        .set(as(world.tokens.ADMIN))
        .expect(400);
    });
  });

  describe('roster', () => {
    it('a dry run reports every problem (row, column, value, message) and writes nothing', async () => {
      const p = next();
      const file = csv(ROSTER_HEADER, [
        [
          `${p}-1`,
          'Ana',
          'Reyes',
          '',
          classCode,
          '',
          'FULL_TIME',
          '',
          '2020-01-06',
          '',
          '',
          '',
          '',
          '',
        ],
        [
          `${p}-2`,
          'Bo',
          'Chan',
          '',
          '9999',
          '',
          'FULL_TIME',
          '',
          '2020-02-30',
          '',
          'MARTIAN',
          '',
          '',
          '',
        ],
        [
          `${p}-1`,
          'Cy',
          'Doe',
          '',
          classCode,
          '',
          'PART_TIME',
          '',
          '2020-01-06',
          `${p}-99`,
          '',
          'X',
          '',
          '',
        ],
        [
          `${p}-4`,
          'Di',
          'Eng',
          'not-an-email',
          classCode,
          '',
          'FULL_TIME',
          '1.5',
          '2020-01-06',
          world.employees.otherDepartment.employeeNumber,
          'DECLINED;WHITE',
          '',
          'MAYBE',
          '',
        ],
        [
          `${p}-5`,
          'Ed',
          'Fox',
          '',
          classCode,
          '',
          'FULL_TIME',
          '',
          '2020-01-06',
          `${p}-1`,
          '',
          '',
          '',
          '',
        ],
      ]);
      const before = {
        employees: (await employeesOf(world.home.id)).length,
        audit: await auditCount(t.dataSource),
      };
      const response = await upload(world.tokens.COORDINATOR, 'roster', file, {
        query: 'dryRun=true',
      }).expect(200);

      expect(response.body).toMatchObject({
        status: 'REJECTED',
        dryRun: true,
        rowCount: 5,
        counts: { created: 0, updated: 0, unchanged: 0, rejected: 3 },
        problemsOmitted: 0,
      });
      expect(problemsOf(response)).toEqual([
        '3|class_code|9999|unknown class code 9999',
        '3|hire_date|2020-02-30|must be a real date written YYYY-MM-DD',
        '3|ethnicities|MARTIAN|unknown ethnicity code MARTIAN (codes are separated by ;)',
        `4|employee_number|${p}-1|appears more than once in the file (first on row 2)`,
        '4|time_base_fraction||is required for PART_TIME',
        `4|supervisor_employee_number|${p}-99|no employee with this number in the department or in the file`,
        '4|gender|X|must be one of FEMALE, MALE, NONBINARY, DECLINED',
        '5|work_email|not-an-email|must be an e-mail address',
        '5|time_base_fraction|1.5|must be 1 for FULL_TIME',
        // Another department's employee is not a supervisor here.
        `5|supervisor_employee_number|${world.employees.otherDepartment.employeeNumber}|no employee with this number in the department or in the file`,
        '5|ethnicities|DECLINED;WHITE|DECLINED cannot be combined with other codes',
        '5|disability|MAYBE|must be one of YES, NO, DECLINED',
      ]);
      expect(response.body.problemCount).toBe(12);
      expect((await employeesOf(world.home.id)).length).toBe(before.employees);
      expect(await auditCount(t.dataSource)).toBe(before.audit);

      const read = await t.http
        .get(`/api/imports/${response.body.id}`)
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      expect(read.body).toMatchObject({
        status: 'REJECTED',
        dryRun: true,
        problemCount: 12,
        departmentId: world.home.id,
      });
      expect(read.body.problems).toEqual(response.body.problems);
    });

    it('reports header problems: an unknown column and a missing required column', async () => {
      const file = `employee_number,first_name,surname,class_code,time_base,hire_date\nX1,Ana,Reyes,${classCode},FULL_TIME,2020-01-06\n`;
      const response = await upload(world.tokens.COORDINATOR, 'roster', file, {
        query: 'dryRun=true',
      }).expect(200);
      expect(
        (response.body.problems as Problem[]).map((p) => [
          p.row,
          p.column,
          p.message.split(' (')[0],
        ]),
      ).toEqual([
        [1, 'last_name', 'required column is missing'],
        [1, 'surname', 'unknown column'],
      ]);
    });

    it('without dryRun, a file with one bad row writes nothing: 422 with the problems', async () => {
      const p = next();
      const file = roster(p, 4, (i) => (i === 3 ? { class_code: '9999' } : {}));
      const before = {
        employees: (await employeesOf(world.home.id)).length,
        audit: await auditCount(t.dataSource),
      };
      const response = await upload(world.tokens.COORDINATOR, 'roster', file).expect(422);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({
        code: 'RULE_VIOLATION',
        problemCount: 1,
        counts: { created: 0, updated: 0, unchanged: 0, rejected: 1 },
        errors: [{ field: 'rows[4].class_code', message: 'unknown class code 9999' }],
        problems: [
          { row: 4, column: 'class_code', value: '9999', message: 'unknown class code 9999' },
        ],
      });
      expect((await employeesOf(world.home.id)).length).toBe(before.employees);
      expect(await auditCount(t.dataSource)).toBe(before.audit);
      const run = await t.dataSource
        .getRepository(ImportRun)
        .findOneByOrFail({ id: response.body.importRunId });
      expect(run).toMatchObject({ status: 'REJECTED', dryRun: false, problemCount: 1 });
    });

    it('applies a clean file in one go, audited; the same file again changes nothing', async () => {
      const p = next();
      const file = roster(p, 6);
      const auditBefore = await auditCount(t.dataSource);
      const dry = await upload(world.tokens.COORDINATOR, 'roster', file, {
        query: 'dryRun=true',
      }).expect(200);
      expect(dry.body).toMatchObject({
        status: 'VALIDATED',
        counts: { created: 6, updated: 0, unchanged: 0, rejected: 0 },
      });
      expect(await auditCount(t.dataSource)).toBe(auditBefore);

      const applied = await upload(world.tokens.COORDINATOR, 'roster', file).expect(201);
      expect(applied.body).toMatchObject({
        status: 'APPLIED',
        dryRun: false,
        rowCount: 6,
        counts: { created: 6, updated: 0, unchanged: 0, rejected: 0 },
      });
      const imported = (await employeesOf(world.home.id)).filter((e) =>
        e.employeeNumber.startsWith(`${p}-`),
      );
      expect(imported).toHaveLength(6);
      const first = imported.find((e) => e.employeeNumber === `${p}-1`)!;
      const second = imported.find((e) => e.employeeNumber === `${p}-2`)!;
      expect(second).toMatchObject({
        firstName: 'First2',
        workEmail: 'person2@dgs.ca.gov',
        classificationId: world.classification.id,
        timeBase: 'PART_TIME',
        timeBaseFraction: '0.500',
        hireDate: '2020-01-06',
        supervisorId: first.id,
        ethnicities: ['HISPANIC'],
        gender: 'FEMALE',
        status: 'ACTIVE',
        version: 1,
      });
      expect(first.supervisorId).toBeNull();

      // One CREATE per employee (demographics masked) and one IMPORT for the run.
      const creates = await t.dataSource
        .getRepository(AuditEntry)
        .createQueryBuilder('entry')
        .where('entry.entity_type = :type AND entry.action = :action', {
          type: 'employee',
          action: 'CREATE',
        })
        .andWhere('entry.entity_id IN (:...ids)', { ids: imported.map((e) => e.id) })
        .getMany();
      expect(creates).toHaveLength(6);
      const secondEntry = creates.find((entry) => entry.entityId === second.id)!;
      expect(secondEntry.departmentId).toBe(world.home.id);
      expect(secondEntry.changes).toMatchObject({
        employeeNumber: { old: null, new: `${p}-2` },
        supervisorId: { old: null, new: first.id },
        ethnicities: { old: null, new: '***' },
        gender: { old: null, new: '***' },
      });
      expect(JSON.stringify(creates.map((entry) => entry.changes))).not.toContain('HISPANIC');
      expect(await auditCount(t.dataSource)).toBe(auditBefore + 6 + 1);
      const importEntry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityType: 'import_run', entityId: applied.body.id });
      expect(importEntry).toMatchObject({ action: 'IMPORT', departmentId: world.home.id });

      // Idempotent: the same file again is all unchanged, with no audit entry and no new version.
      const again = await upload(world.tokens.COORDINATOR, 'roster', file).expect(201);
      expect(again.body).toMatchObject({
        status: 'APPLIED',
        counts: { created: 0, updated: 0, unchanged: 6, rejected: 0 },
      });
      expect(await auditCount(t.dataSource)).toBe(auditBefore + 7);
      expect((await employee(world.home.id, `${p}-2`))?.version).toBe(1);
    });

    it('a changed row is an update with its audit diff; empty self-identification keeps the answer', async () => {
      const p = next();
      await upload(world.tokens.COORDINATOR, 'roster', roster(p, 3)).expect(201);
      const before = (await employee(world.home.id, `${p}-2`))!;
      const auditBefore = await auditCount(t.dataSource);
      const changed = roster(p, 3, (i) =>
        i === 2 ? { last_name: 'Married', position_number: '', ethnicities: '', gender: '' } : {},
      );
      const response = await upload(world.tokens.COORDINATOR, 'roster', changed).expect(201);
      expect(response.body.counts).toEqual({ created: 0, updated: 1, unchanged: 2, rejected: 0 });
      const after = (await employee(world.home.id, `${p}-2`))!;
      expect(after).toMatchObject({
        lastName: 'Married',
        positionNumber: null,
        ethnicities: before.ethnicities,
        gender: before.gender,
        version: before.version + 1,
      });
      const update = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityId: before.id, action: 'UPDATE' });
      expect(update.changes).toEqual({
        lastName: { old: 'Last2', new: 'Married' },
        positionNumber: { old: '301-2', new: null },
      });
      expect(await auditCount(t.dataSource)).toBe(auditBefore + 2); // the UPDATE and the IMPORT
    });

    it('an absent optional column leaves the field alone', async () => {
      const p = next();
      await upload(world.tokens.COORDINATOR, 'roster', roster(p, 2)).expect(201);
      const slim = `employee_number,first_name,last_name,class_code,time_base,hire_date\n${p}-1,First1,Last1,${classCode},FULL_TIME,2020-01-06\n`;
      const response = await upload(world.tokens.COORDINATOR, 'roster', slim).expect(201);
      expect(response.body.counts).toMatchObject({ unchanged: 1, updated: 0 });
      expect(await employee(world.home.id, `${p}-1`)).toMatchObject({
        workEmail: 'person1@dgs.ca.gov',
        positionNumber: '301-1',
      });
    });

    it('refuses a class change (it is an appointment) and a reporting line that loops', async () => {
      const p = next();
      await upload(world.tokens.COORDINATOR, 'roster', roster(p, 3)).expect(201);
      const file = roster(p, 3, (i) =>
        i === 1
          ? { supervisor_employee_number: `${p}-3` }
          : i === 2
            ? { class_code: otherClassCode }
            : {},
      );
      const response = await upload(world.tokens.COORDINATOR, 'roster', file).expect(422);
      expect(problemsOf(response)).toEqual([
        `2|supervisor_employee_number|${p}-3|the reporting line would loop: ${p}-1 would end up supervising themselves`,
        `3|class_code|${otherClassCode}|differs from the employee's current class ${classCode}: record a class change as an appointment (POST /employees/:id/appointments)`,
      ]);
    });

    it('stores formula-like cells as the text they are', async () => {
      const p = next();
      const file = roster(p, 1, () => ({
        first_name: '=1+2',
        last_name: '+SUM(A1:A9)',
        position_number: '-5',
        work_email: '',
      }));
      await upload(world.tokens.COORDINATOR, 'roster', file).expect(201);
      expect(await employee(world.home.id, `${p}-1`)).toMatchObject({
        firstName: '=1+2',
        lastName: '+SUM(A1:A9)',
        positionNumber: '-5',
      });
    });
  });

  describe('training records', () => {
    it('imports REPORTED records with the fiscal year and the state-time cap flag, idempotently', async () => {
      const department = await t.dataSource
        .getRepository(Department)
        .save(
          t.dataSource
            .getRepository(Department)
            .create({ code: `CAP${prefix}`, name: 'Capped', stateTimeTrainingCapHours: '10.00' }),
        );
      const cls = world.classification;
      const person = await makeEmployee(t.dataSource, department.id, cls.id, {
        employeeNumber: 'C-1',
      });
      const row = (
        title: string,
        hours: string,
        onStateTime: string,
        [start, completion] = ['2025-07-01', '2025-07-10'],
      ) => ['C-1', title, 'CalHR', 'CLASSROOM', hours, '', start, completion, onStateTime, ''];
      const file = csv(TRAINING_HEADER, [
        row('A', '6', 'true'),
        row('B', '4', 'true'),
        row('C', '0.25', 'true'),
        row('D', '20', 'false'),
        row('E', '8', 'true', ['2025-06-20', '2025-06-30']),
      ]);
      const applied = await upload(world.tokens.ADMIN, 'training', file, {
        query: `departmentId=${department.id}`,
      }).expect(201);
      expect(applied.body.counts).toEqual({ created: 5, updated: 0, unchanged: 0, rejected: 0 });
      const records = await t.dataSource
        .getRepository(TrainingRecord)
        .find({ where: { employeeId: person.id }, order: { title: 'ASC' } });
      expect(
        records.map((r) => [r.title, r.status, r.fiscalYear, r.exceedsStateTimeCap, r.reportedBy]),
      ).toEqual([
        ['A', 'REPORTED', '2025-26', false, world.users.ADMIN.id],
        ['B', 'REPORTED', '2025-26', false, world.users.ADMIN.id],
        // 6 + 4 + 0.25 passes the cap of 10 state-time hours in 2025-26.
        ['C', 'REPORTED', '2025-26', true, world.users.ADMIN.id],
        ['D', 'REPORTED', '2025-26', false, world.users.ADMIN.id],
        ['E', 'REPORTED', '2024-25', false, world.users.ADMIN.id],
      ]);
      const creates = await t.dataSource
        .getRepository(AuditEntry)
        .countBy({ entityType: 'training_record', action: 'CREATE', departmentId: department.id });
      expect(creates).toBe(5);

      const auditBefore = await auditCount(t.dataSource);
      const again = await upload(world.tokens.ADMIN, 'training', file, {
        query: `departmentId=${department.id}`,
      }).expect(201);
      expect(again.body.counts).toEqual({ created: 0, updated: 0, unchanged: 5, rejected: 0 });
      expect(await auditCount(t.dataSource)).toBe(auditBefore);

      // Changed hours update the REPORTED record (audited); a VERIFIED one is not changed.
      await t.dataSource
        .getRepository(TrainingRecord)
        .update(
          { employeeId: person.id, title: 'D' },
          { status: 'VERIFIED', verifiedBy: world.users.ADMIN.id },
        );
      const changedA = csv(TRAINING_HEADER, [row('A', '6.5', 'true')]);
      const updated = await upload(world.tokens.ADMIN, 'training', changedA, {
        query: `departmentId=${department.id}`,
      }).expect(201);
      expect(updated.body.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
      const a = await t.dataSource
        .getRepository(TrainingRecord)
        .findOneByOrFail({ employeeId: person.id, title: 'A' });
      expect(a).toMatchObject({ hours: '6.50', version: 2 });
      const entry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityId: a.id, action: 'UPDATE' });
      // The cap is judged again: 4 + 0.25 other state-time hours + 6.5 pass 10.
      expect(entry.changes).toEqual({
        hours: { old: 6, new: 6.5 },
        exceedsStateTimeCap: { old: false, new: true },
      });

      const changedD = csv(TRAINING_HEADER, [row('D', '21', 'false')]);
      const refused = await upload(world.tokens.ADMIN, 'training', changedD, {
        query: `departmentId=${department.id}`,
      }).expect(422);
      expect(problemsOf(refused)).toEqual([
        '2|hours|21|the stored record is VERIFIED: an import does not change a reviewed record (it differs in hours)',
      ]);
    });

    it('reports unknown employees, duplicates, out-of-range hours and bad dates; nothing is written', async () => {
      const p = next();
      await upload(world.tokens.COORDINATOR, 'roster', roster(p, 1)).expect(201);
      const file = csv(TRAINING_HEADER, [
        [`${p}-1`, 'Writing', '', 'CLASSROOM', '7.5', '', '2025-09-08', '2025-09-09', 'true', ''],
        [`${p}-404`, 'Writing', '', 'CLASSROOM', '7.5', '', '2025-09-08', '2025-09-09', 'true', ''],
        [
          world.employees.otherDepartment.employeeNumber,
          'Writing',
          '',
          'CLASSROOM',
          '1',
          '',
          '2025-09-08',
          '2025-09-09',
          'false',
          '',
        ],
        [`${p}-1`, 'Writing', '', 'CLASSROOM', '7.5', '', '2025-09-08', '2025-09-09', 'true', ''],
        [
          `${p}-1`,
          'Marathon',
          '',
          'WEBINAR',
          '2001',
          '',
          '2025-09-08',
          '2025-09-01',
          'maybe',
          '-4',
        ],
      ]);
      const records = await t.dataSource.getRepository(TrainingRecord).count();
      const response = await upload(world.tokens.COORDINATOR, 'training', file).expect(422);
      expect(problemsOf(response)).toEqual([
        `3|employee_number|${p}-404|no employee with this number in the department`,
        `4|employee_number|${world.employees.otherDepartment.employeeNumber}|no employee with this number in the department`,
        '5|title|Writing|the same employee, title, start and completion dates appear more than once in the file (first on row 2)',
        '6|kind|WEBINAR|must be one of CLASSROOM, ONLINE, COLLEGE_COURSE, OJT, MENTORING, CONFERENCE',
        '6|hours|2001|must be at most 2000',
        '6|completion_date|2025-09-01|must not be before startDate',
        '6|on_state_time|maybe|must be true or false',
        '6|cost|-4|must be between 0 and 99999999.99',
      ]);
      expect(await t.dataSource.getRepository(TrainingRecord).count()).toBe(records);
    });
  });

  describe('scope and hostile input', () => {
    it('a coordinator imports into their own department only (another: 404); ADMIN names it', async () => {
      const file = roster(next(), 1);
      await upload(world.tokens.COORDINATOR, 'roster', file, {
        query: `departmentId=${world.other.id}`,
      }).expect(404);
      await upload(world.tokens.otherCoordinator, 'roster', file, {
        query: `departmentId=${world.home.id}`,
      }).expect(404);
      const noDepartment = await upload(world.tokens.ADMIN, 'roster', file).expect(400);
      expect(noDepartment.body.errors).toEqual([
        { field: 'query.departmentId', message: 'is required for ADMIN' },
      ]);
      await upload(world.tokens.ADMIN, 'roster', file, {
        query: 'departmentId=00000000-0000-4000-8000-000000000000',
      }).expect(404);
      await upload(world.tokens.SUPERVISOR, 'roster', file).expect(403);
    });

    it('an import run is read by its department’s coordinator and ADMIN only', async () => {
      const response = await upload(world.tokens.COORDINATOR, 'roster', roster(next(), 1), {
        query: 'dryRun=true',
      }).expect(200);
      await t.http.get(`/api/imports/${response.body.id}`).set(as(world.tokens.ADMIN)).expect(200);
      await t.http
        .get(`/api/imports/${response.body.id}`)
        .set(as(world.tokens.otherCoordinator))
        .expect(404);
      const list = await t.http
        .get('/api/imports?kind=roster')
        .set(as(world.tokens.otherCoordinator))
        .expect(200);
      expect((list.body as { items: { id: string }[] }).items.map((run) => run.id)).not.toContain(
        response.body.id,
      );
      const own = await t.http.get('/api/imports').set(as(world.tokens.COORDINATOR)).expect(200);
      expect(own.body.items[0]).toMatchObject({
        id: response.body.id,
        status: 'VALIDATED',
        counts: { created: 1 },
      });
    });

    it('refuses invalid UTF-8 with a 400 naming the row, writing nothing', async () => {
      const p = next();
      // Row 2 spans lines 2-3 (a quoted line break); the Latin-1 é is on line 4, in row 3.
      const latin1 = Buffer.concat([
        Buffer.from(
          `${ROSTER_HEADER}\n${p}-1,"Ana\nMaria",Reyes,,${classCode},,FULL_TIME,,2020-01-06,,,,,\n${p}-2,Jos`,
        ),
        Buffer.from([0xe9]),
        Buffer.from(`,Pena,,${classCode},,FULL_TIME,,2020-01-06,,,,,\n`),
      ]);
      const before = await auditCount(t.dataSource);
      const response = await upload(world.tokens.COORDINATOR, 'roster', latin1).expect(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [
          {
            field: 'file',
            message: expect.stringContaining('row 3 is not valid UTF-8 text (line 4)') as string,
          },
        ],
        problems: [{ row: 3, column: null }],
      });
      expect(await employee(world.home.id, `${p}-1`)).toBeNull();
      expect(await auditCount(t.dataSource)).toBe(before);
    });

    it('refuses an empty file, a header without rows, a wrong type, a broken workbook and a missing file', async () => {
      const cases: [string | Buffer, string, number, RegExp][] = [
        ['', 'roster.csv', 400, /empty/],
        [`${ROSTER_HEADER}\n`, 'roster.csv', 400, /no data rows/],
        ['%PDF-1.4', 'roster.pdf', 415, /\.pdf/],
        [Buffer.from('PK\u0003\u0004garbage'), 'roster.csv', 415, /ZIP or XLSX/],
        [
          Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 1)]),
          'roster.xlsx',
          400,
          /not a readable XLSX/,
        ],
      ];
      for (const [content, filename, status, message] of cases) {
        const response = await upload(world.tokens.COORDINATOR, 'roster', content, { filename });
        expect({ filename, status: response.status }).toEqual({ filename, status });
        expect(response.body.errors[0].message).toMatch(message);
      }
      await t.http
        .post('/api/imports/roster')
        .set(as(world.tokens.COORDINATOR))
        .field('note', 'x')
        .expect(400);
      await t.http
        .post('/api/imports/roster')
        .set(as(world.tokens.COORDINATOR))
        .send({ file: 'a,b' })
        .expect(415);
      await t.http.post('/api/imports/roster').set(as(world.tokens.COORDINATOR)).expect(400);
    });

    it('refuses a file over the size limit with 413, keeping nothing on disk', async () => {
      const limits = t.app.get(ImportLimits);
      const saved = limits.maxBytes;
      limits.maxBytes = 1024;
      try {
        const response = await upload(
          world.tokens.COORDINATOR,
          'roster',
          roster(next(), 40),
        ).expect(413);
        expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: 1024 });
      } finally {
        limits.maxBytes = saved;
      }
      expect(fs.readdirSync(path.join(t.config.dataDir, 'tmp', 'imports'))).toEqual([]);
    });
  });
});
