import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { DEMOGRAPHIC_FIELDS } from '../src/modules/employees/demographics';
import { Employee } from '../src/modules/employees/employee.entity';
import { ExamListEligibility } from '../src/modules/employees/exam-eligibility.entity';
import { auditCount, makeClassification, makeEmployee, makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

type Caller = keyof RoleWorld['tokens'];
interface Listed {
  id: string;
  [key: string]: unknown;
}

describe('Employees, self-identification and exam lists (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  const as = (caller: Caller) => ({ Authorization: `Bearer ${world.tokens[caller]}` });
  const employees = () => t.dataSource.getRepository(Employee);
  const audits = (action: string) =>
    t.dataSource.getRepository(AuditEntry).find({ where: { action }, order: { id: 'ASC' } });
  const ids = (body: { items: Listed[] }) => body.items.map((item) => item.id).sort();

  const validBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    employeeNumber: `N${Math.random().toString(36).slice(2, 10)}`,
    firstName: 'Pat',
    lastName: 'Lee',
    classCode: world.classification.classCode,
    hireDate: '2021-03-01',
    ...overrides,
  });

  /** The request must fail with `status`, name `field`, and write no row and no audit entry. */
  async function expectRefused(
    caller: Caller,
    body: Record<string, unknown>,
    status: number,
    field: string,
  ): Promise<void> {
    const rows = await employees().count();
    const entries = await auditCount(t.dataSource);
    const response = await t.http.post('/api/employees').set(as(caller)).send(body);
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status });
    expect((response.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    expect(await employees().count()).toBe(rows);
    expect(await auditCount(t.dataSource)).toBe(entries);
  }

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
  });
  afterAll(() => t.close());

  describe('creating', () => {
    it('lets ADMIN create in any department and a COORDINATOR in their own, audited', async () => {
      const byAdmin = await t.http
        .post('/api/employees')
        .set(as('ADMIN'))
        .send(
          validBody({
            departmentId: world.other.id,
            timeBase: 'PART_TIME',
            timeBaseFraction: 0.5,
            educationLevel: 'ASSOCIATE',
            collegeSemesterUnits: 62.5,
            licenses: ['CPA'],
            ethnicities: ['ASIAN_KOREAN', 'HISPANIC'],
            gender: 'DECLINED',
          }),
        )
        .expect(201);
      expect(byAdmin.body).toMatchObject({
        departmentId: world.other.id,
        classCode: world.classification.classCode,
        timeBase: 'PART_TIME',
        timeBaseFraction: 0.5,
        collegeSemesterUnits: 62.5,
        licenses: ['CPA'],
        status: 'ACTIVE',
        separatedOn: null,
        ethnicities: ['ASIAN_KOREAN', 'HISPANIC'],
        gender: 'DECLINED',
        disability: null,
        veteran: null,
        version: 1,
      });
      const entry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityId: byAdmin.body.id, action: 'CREATE' });
      expect(entry).toMatchObject({ entityType: 'employee', departmentId: world.other.id });
      // Demographic values never enter the log in clear.
      expect(entry.changes).toMatchObject({
        ethnicities: { old: null, new: '***' },
        gender: { old: null, new: '***' },
        lastName: { old: null, new: 'Lee' },
      });

      const byCoordinator = await t.http
        .post('/api/employees')
        .set(as('COORDINATOR'))
        .send(
          validBody({
            classificationId: world.classification.id,
            classCode: undefined,
            supervisorId: world.employees.supervisor.id,
            timeBase: 'INTERMITTENT',
          }),
        )
        .expect(201);
      expect(byCoordinator.body).toMatchObject({
        departmentId: world.home.id,
        supervisorId: world.employees.supervisor.id,
        timeBase: 'INTERMITTENT',
        timeBaseFraction: 0,
      });
    });

    it.each([
      ['an unknown class code', { classCode: 'ZZZ999' }, 'classCode'],
      [
        'an unknown class id',
        { classificationId: '7f000000-0000-4000-8000-000000000000' },
        'classificationId',
      ],
      ['no class at all', { classCode: undefined }, 'classCode'],
      ['a supervisor from another department', { supervisorId: 'OTHER' }, 'supervisorId'],
      [
        'a supervisor who does not exist',
        { supervisorId: '7f000000-0000-4000-8000-000000000000' },
        'supervisorId',
      ],
      ['PART_TIME without its fraction', { timeBase: 'PART_TIME' }, 'timeBaseFraction'],
      ['PART_TIME at 1', { timeBase: 'PART_TIME', timeBaseFraction: 1 }, 'timeBaseFraction'],
      ['FULL_TIME at 0.5', { timeBase: 'FULL_TIME', timeBaseFraction: 0.5 }, 'timeBaseFraction'],
      [
        'INTERMITTENT at 0.3',
        { timeBase: 'INTERMITTENT', timeBaseFraction: 0.3 },
        'timeBaseFraction',
      ],
      ['DECLINED with another ethnicity', { ethnicities: ['DECLINED', 'WHITE'] }, 'ethnicities'],
      ['an unknown ethnicity code', { ethnicities: ['MARTIAN'] }, 'ethnicities'],
      ['an unknown gender code', { gender: 'X' }, 'gender'],
      ['SEPARATED without a date', { status: 'SEPARATED' }, 'separatedOn'],
      ['an impossible hire date', { hireDate: '2021-02-30' }, 'hireDate'],
      ['a null first name', { firstName: null }, 'firstName'],
      ['an unknown field', { salary: 1 }, 'salary'],
    ])('refuses %s with 400 naming the field, writing nothing', async (_why, overrides, field) => {
      const body = validBody(overrides);
      if (body.supervisorId === 'OTHER') body.supervisorId = world.employees.otherDepartment.id;
      await expectRefused('COORDINATOR', body, 400, field);
    });

    it('asks ADMIN for the department and refuses a COORDINATOR another one', async () => {
      await expectRefused('ADMIN', validBody(), 400, 'departmentId');
      await expectRefused(
        'ADMIN',
        validBody({ departmentId: '7f000000-0000-4000-8000-000000000000' }),
        400,
        'departmentId',
      );
      await expectRefused(
        'COORDINATOR',
        validBody({ departmentId: world.other.id }),
        403,
        'departmentId',
      );
    });

    it('answers a duplicate employee number in the department with 409 naming it', async () => {
      const body = validBody({ employeeNumber: 'DUP-1' });
      await t.http.post('/api/employees').set(as('COORDINATOR')).send(body).expect(201);
      await expectRefused('COORDINATOR', body, 409, 'employeeNumber');
      // The same number is free in another department.
      await t.http.post('/api/employees').set(as('otherCoordinator')).send(body).expect(201);
    });

    it.each(['SUPERVISOR', 'EMPLOYEE', 'AUDITOR'] as const)(
      'refuses a %s with 403, writing nothing',
      async (caller) => {
        const rows = await employees().count();
        await t.http.post('/api/employees').set(as(caller)).send(validBody()).expect(403);
        expect(await employees().count()).toBe(rows);
      },
    );
  });

  describe('reading with scoping', () => {
    it('lists what each role may see, and nothing to AUDITOR', async () => {
      const { supervisor, employee, peer, otherDepartment } = world.employees;
      const list = async (caller: Caller, query: Record<string, string> = {}) =>
        (
          await t.http
            .get('/api/employees')
            .query({ pageSize: '200', ...query })
            .set(as(caller))
            .expect(200)
        ).body as { items: Listed[]; total: number };

      const admin = await list('ADMIN');
      expect(ids(admin)).toEqual(
        expect.arrayContaining([supervisor.id, peer.id, otherDepartment.id]),
      );
      const adminHome = await list('ADMIN', { departmentId: world.other.id });
      expect(adminHome.items.every((item) => item.departmentId === world.other.id)).toBe(true);
      expect(ids(adminHome)).toContain(otherDepartment.id);

      const coordinator = await list('COORDINATOR');
      expect(coordinator.items.every((item) => item.departmentId === world.home.id)).toBe(true);
      expect(ids(coordinator)).toEqual(
        expect.arrayContaining([supervisor.id, employee.id, peer.id]),
      );
      expect(coordinator.total).toBe(coordinator.items.length);
      // Asking for another department does not widen the scope.
      expect((await list('COORDINATOR', { departmentId: world.other.id })).items).toEqual([]);

      // The supervisor: themselves and exactly their direct reports (other tests add reports).
      const team = await employees().find({
        where: [{ id: supervisor.id }, { supervisorId: supervisor.id }],
      });
      const supervisorView = ids(await list('SUPERVISOR'));
      expect(supervisorView).toEqual(team.map((e) => e.id).sort());
      expect(supervisorView).toEqual(expect.arrayContaining([supervisor.id, employee.id]));
      expect(supervisorView).not.toContain(peer.id);
      expect(ids(await list('EMPLOYEE'))).toEqual([employee.id]);
      await t.http.get('/api/employees').set(as('AUDITOR')).expect(403);
    });

    it('filters, searches (LIKE-escaped) and sorts', async () => {
      const searchClass = await makeClassification(t.dataSource, { classCode: '1441' });
      const a = await makeEmployee(t.dataSource, world.home.id, searchClass.id, {
        firstName: 'Zed',
        lastName: 'Aardvark_100%',
        employeeNumber: 'SRCH-1',
        status: 'SEPARATED',
        separatedOn: '2024-01-01',
      });
      const b = await makeEmployee(t.dataSource, world.home.id, searchClass.id, {
        firstName: 'Zed',
        lastName: 'Aardvarkx1000',
        employeeNumber: 'SRCH-2',
        supervisorId: world.employees.peer.id,
      });
      const get = (query: Record<string, string>) =>
        t.http.get('/api/employees').query(query).set(as('COORDINATOR')).expect(200);

      expect(ids((await get({ classCode: '1441' })).body)).toEqual([a.id, b.id].sort());
      expect(ids((await get({ classCode: '1441', status: 'SEPARATED' })).body)).toEqual([a.id]);
      expect(ids((await get({ supervisorId: world.employees.peer.id })).body)).toEqual([b.id]);
      // `_` and `%` are literal characters, not wildcards.
      expect(ids((await get({ q: 'k_100%' })).body)).toEqual([a.id]);
      expect(ids((await get({ q: 'srch-2' })).body)).toEqual([b.id]);
      expect(ids((await get({ q: 'zed aardvarkx' })).body)).toEqual([b.id]);
      const sorted = await get({ classCode: '1441', sort: 'employeeNumber', order: 'desc' });
      expect((sorted.body.items as Listed[]).map((e) => e.employeeNumber)).toEqual([
        'SRCH-2',
        'SRCH-1',
      ]);
      const paged = await get({
        classCode: '1441',
        sort: 'employeeNumber',
        pageSize: '1',
        page: '2',
      });
      expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect((paged.body.items as Listed[]).map((e) => e.id)).toEqual([b.id]);

      const badSort = await t.http
        .get('/api/employees')
        .query({ sort: 'ethnicities' })
        .set(as('COORDINATOR'))
        .expect(400);
      expect(badSort.body.errors).toEqual([expect.objectContaining({ field: 'sort' })]);
    });

    it('filters by the designation in force today', async () => {
      const lpel = await makeClassification(t.dataSource, { classCode: '1139' });
      const designated = await makeEmployee(t.dataSource, world.home.id, lpel.id);
      await t.http
        .put(`/api/departments/${world.home.id}/designations/2020-21`)
        .set(as('COORDINATOR'))
        .send({ designations: [{ classCode: '1139', designation: 'LPEL' }] })
        .expect(200);
      const lpelOnly = await t.http
        .get('/api/employees')
        .query({ designation: 'LPEL' })
        .set(as('COORDINATOR'))
        .expect(200);
      expect(ids(lpelOnly.body)).toEqual([designated.id]);
      const none = await t.http
        .get('/api/employees')
        .query({ designation: 'NONE', pageSize: '200' })
        .set(as('COORDINATOR'))
        .expect(200);
      expect(ids(none.body)).not.toContain(designated.id);
      expect(ids(none.body)).toContain(world.employees.peer.id);
    });

    it.each([
      ['ADMIN', 'otherDepartment', 200],
      ['COORDINATOR', 'peer', 200],
      ['COORDINATOR', 'otherDepartment', 404],
      ['otherCoordinator', 'peer', 404],
      ['SUPERVISOR', 'employee', 200],
      ['SUPERVISOR', 'supervisor', 200],
      ['SUPERVISOR', 'peer', 404],
      ['EMPLOYEE', 'employee', 200],
      ['EMPLOYEE', 'supervisor', 404],
      ['AUDITOR', 'employee', 403],
    ] as const)('GET one: %s reading %s -> %s', async (caller, whom, status) => {
      await t.http.get(`/api/employees/${world.employees[whom].id}`).set(as(caller)).expect(status);
    });
  });

  describe('demographics', () => {
    let subject: Employee;

    beforeAll(async () => {
      subject = await makeEmployee(t.dataSource, world.home.id, world.classification.id, {
        supervisorId: world.employees.supervisor.id,
        ethnicities: ['FILIPINO'],
        gender: 'FEMALE',
        disability: 'NO',
        veteran: 'DECLINED',
      });
    });

    it.each(['ADMIN', 'COORDINATOR'] as const)(
      'shows them to %s on a record and audits the read',
      async (caller) => {
        const before = (await audits('READ_DEMOGRAPHICS')).length;
        const response = await t.http
          .get(`/api/employees/${subject.id}`)
          .set(as(caller))
          .expect(200);
        expect(response.body).toMatchObject({
          ethnicities: ['FILIPINO'],
          gender: 'FEMALE',
          disability: 'NO',
          veteran: 'DECLINED',
        });
        const reads = await audits('READ_DEMOGRAPHICS');
        expect(reads).toHaveLength(before + 1);
        expect(reads[reads.length - 1]).toMatchObject({
          actorUserId: world.users[caller].id,
          entityType: 'employee',
          entityId: subject.id,
          departmentId: world.home.id,
          changes: { employeeIds: [subject.id] },
        });
      },
    );

    it('audits a list read once, naming every employee read', async () => {
      const before = (await audits('READ_DEMOGRAPHICS')).length;
      const response = await t.http
        .get('/api/employees')
        .query({ pageSize: '200' })
        .set(as('COORDINATOR'))
        .expect(200);
      const items = response.body.items as Listed[];
      for (const item of items) {
        for (const field of DEMOGRAPHIC_FIELDS) expect(item).toHaveProperty(field);
      }
      const reads = await audits('READ_DEMOGRAPHICS');
      expect(reads).toHaveLength(before + 1);
      const listed = (reads[reads.length - 1].changes as { employeeIds: string[] }).employeeIds;
      expect([...listed].sort()).toEqual(ids(response.body));
    });

    it.each([
      ['SUPERVISOR', 'a direct report'],
      ['EMPLOYEE', 'their own record'],
    ] as const)(
      'never sends the keys to a %s reading %s, and audits nothing',
      async (caller, _whom) => {
        const whom = caller === 'EMPLOYEE' ? world.employees.employee.id : subject.id;
        const entries = await auditCount(t.dataSource);
        const one = await t.http.get(`/api/employees/${whom}`).set(as(caller)).expect(200);
        const list = await t.http.get('/api/employees').set(as(caller)).expect(200);
        for (const record of [one.body as Listed, ...(list.body.items as Listed[])]) {
          for (const field of DEMOGRAPHIC_FIELDS) expect(Object.keys(record)).not.toContain(field);
        }
        expect(JSON.stringify(list.body)).not.toMatch(/FILIPINO|ethnicities|veteran/);
        expect(await auditCount(t.dataSource)).toBe(entries);
      },
    );

    it('lets the owner set and read their own answers on the self-identification route', async () => {
      const path = `/api/employees/${world.employees.employee.id}/self-identification`;
      const entries = await auditCount(t.dataSource);
      const put = await t.http
        .put(path)
        .set(as('EMPLOYEE'))
        .send({ ethnicities: ['BLACK', 'WHITE'], gender: 'NONBINARY', veteran: 'DECLINED' })
        .expect(200);
      expect(put.body).toEqual({
        employeeId: world.employees.employee.id,
        ethnicities: ['BLACK', 'WHITE'],
        gender: 'NONBINARY',
        disability: null,
        veteran: 'DECLINED',
      });
      const update = await t.dataSource.getRepository(AuditEntry).findOneOrFail({
        where: { entityId: world.employees.employee.id, action: 'UPDATE_SELF_IDENTIFICATION' },
        order: { id: 'DESC' },
      });
      expect(update.changes).toEqual({
        ethnicities: { old: null, new: '***' },
        gender: { old: null, new: '***' },
        veteran: { old: null, new: '***' },
      });
      const read = await t.http.get(path).set(as('EMPLOYEE')).expect(200);
      expect(read.body).toEqual(put.body);
      // One entry: the change. Reading one's own answers is not audited.
      expect(await auditCount(t.dataSource)).toBe(entries + 1);

      // PUT replaces the whole: an omitted answer is "not answered".
      const replaced = await t.http
        .put(path)
        .set(as('EMPLOYEE'))
        .send({ gender: 'DECLINED' })
        .expect(200);
      expect(replaced.body).toMatchObject({ ethnicities: null, gender: 'DECLINED', veteran: null });
    });

    it('lets the department COORDINATOR read the answers, audited; a supervisor never', async () => {
      const path = `/api/employees/${subject.id}/self-identification`;
      const before = (await audits('READ_DEMOGRAPHICS')).length;
      const read = await t.http.get(path).set(as('COORDINATOR')).expect(200);
      expect(read.body).toMatchObject({ ethnicities: ['FILIPINO'], gender: 'FEMALE' });
      expect(await audits('READ_DEMOGRAPHICS')).toHaveLength(before + 1);

      const entries = await auditCount(t.dataSource);
      await t.http.get(path).set(as('SUPERVISOR')).expect(403);
      await t.http.put(path).set(as('SUPERVISOR')).send({ gender: 'MALE' }).expect(403);
      await t.http.get(path).set(as('EMPLOYEE')).expect(404);
      await t.http.get(path).set(as('otherCoordinator')).expect(404);
      await t.http.get(path).set(as('AUDITOR')).expect(403);
      expect(await auditCount(t.dataSource)).toBe(entries);
      expect((await employees().findOneByOrFail({ id: subject.id })).gender).toBe('FEMALE');
    });

    it('refuses DECLINED mixed with another answer, writing nothing', async () => {
      const path = `/api/employees/${world.employees.employee.id}/self-identification`;
      const entries = await auditCount(t.dataSource);
      const response = await t.http
        .put(path)
        .set(as('EMPLOYEE'))
        .send({ ethnicities: ['DECLINED', 'ASIAN_CHINESE'] })
        .expect(400);
      expect(response.body.errors).toEqual([
        { field: 'ethnicities', message: 'DECLINED cannot be combined with other codes' },
      ]);
      expect(await auditCount(t.dataSource)).toBe(entries);
    });
  });

  describe('updating', () => {
    let target: Employee;
    beforeEach(async () => {
      target = await makeEmployee(t.dataSource, world.home.id, world.classification.id, {
        employeeNumber: `U${Math.random().toString(36).slice(2, 10)}`,
      });
    });
    const patch = (caller: Caller, body: Record<string, unknown>, id = target.id) =>
      t.http.patch(`/api/employees/${id}`).set(as(caller)).send(body);

    it('changes fields, bumps the version and audits the change', async () => {
      const response = await patch('COORDINATOR', {
        version: 1,
        positionNumber: '301-123-1441-001',
        timeBase: 'PART_TIME',
        timeBaseFraction: 0.75,
        educationLevel: 'BACHELOR',
        disability: 'YES',
      }).expect(200);
      expect(response.body).toMatchObject({
        positionNumber: '301-123-1441-001',
        timeBase: 'PART_TIME',
        timeBaseFraction: 0.75,
        educationLevel: 'BACHELOR',
        disability: 'YES',
        version: 2,
      });
      const entry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityId: target.id, action: 'UPDATE' });
      expect(entry.changes).toEqual({
        positionNumber: { old: null, new: '301-123-1441-001' },
        timeBase: { old: 'FULL_TIME', new: 'PART_TIME' },
        timeBaseFraction: { old: 1, new: 0.75 },
        educationLevel: { old: null, new: 'BACHELOR' },
        disability: { old: null, new: '***' },
      });
      // The response carried the record's answers: that read is audited too.
      const read = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityId: target.id, action: 'READ_DEMOGRAPHICS' });
      expect(read.changes).toEqual({ employeeIds: [target.id] });
      // Going back to FULL_TIME needs no fraction: it is 1.
      const full = await patch('ADMIN', { timeBase: 'FULL_TIME' }).expect(200);
      expect(full.body).toMatchObject({ timeBase: 'FULL_TIME', timeBaseFraction: 1, version: 3 });
    });

    it('answers a stale version with 409 and changes nothing', async () => {
      await patch('COORDINATOR', { firstName: 'First' }).expect(200);
      const entries = await auditCount(t.dataSource);
      const stale = await patch('COORDINATOR', { version: 1, firstName: 'Second' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
      expect((await employees().findOneByOrFail({ id: target.id })).firstName).toBe('First');
      expect(await auditCount(t.dataSource)).toBe(entries);
    });

    it.each([
      ['a fraction that does not fit FULL_TIME', { timeBaseFraction: 0.5 }, 'timeBaseFraction'],
      ['SEPARATED without a date', { status: 'SEPARATED' }, 'separatedOn'],
      [
        'a separation before the hire date',
        { status: 'SEPARATED', separatedOn: '2019-01-01' },
        'separatedOn',
      ],
      ['supervising oneself', { supervisorId: 'SELF' }, 'supervisorId'],
      ['a reporting loop', { supervisorId: 'REPORT' }, 'supervisorId'],
      ['a class change (that is an appointment)', { classCode: '5157' }, 'classCode'],
      ['a department change', { departmentId: 'OTHER' }, 'departmentId'],
      ['a null status', { status: null }, 'status'],
      ['a duplicate employee number', { employeeNumber: 'TAKEN' }, 'employeeNumber'],
    ])('refuses %s naming the field, writing nothing', async (_why, overrides, field) => {
      const report = await makeEmployee(t.dataSource, world.home.id, world.classification.id, {
        supervisorId: target.id,
      });
      const body: Record<string, unknown> = { ...overrides };
      if (body.supervisorId === 'SELF') body.supervisorId = target.id;
      if (body.supervisorId === 'REPORT') body.supervisorId = report.id;
      if (body.departmentId === 'OTHER') body.departmentId = world.other.id;
      if (body.employeeNumber === 'TAKEN')
        body.employeeNumber = world.employees.peer.employeeNumber;
      const before = await employees().findOneByOrFail({ id: target.id });
      const entries = await auditCount(t.dataSource);
      const response = await patch('COORDINATOR', body);
      expect([400, 409]).toContain(response.status);
      expect((response.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
      expect(await employees().findOneByOrFail({ id: target.id })).toEqual(before);
      expect(await auditCount(t.dataSource)).toBe(entries);
    });

    it('hides records out of scope (404) and refuses other roles (403)', async () => {
      await patch('otherCoordinator', { firstName: 'X' }).expect(404);
      await patch('SUPERVISOR', { firstName: 'X' }).expect(403);
      await patch('EMPLOYEE', { firstName: 'X' }, world.employees.employee.id).expect(403);
      await patch('AUDITOR', { firstName: 'X' }).expect(403);
      expect((await employees().findOneByOrFail({ id: target.id })).firstName).toBe('Test');
    });
  });

  describe('exam list eligibility', () => {
    const path = () => `/api/employees/${world.employees.employee.id}/exam-lists`;

    it('records a list place, shows it to whoever sees the employee, and deletes it, audited', async () => {
      const analyst = await makeClassification(t.dataSource, { classCode: '5157', title: 'SSA' });
      const created = await t.http
        .post(path())
        .set(as('COORDINATOR'))
        .send({ classCode: '5157', listDate: '2025-03-01', expiresOn: '2027-03-01' })
        .expect(201);
      expect(created.body).toMatchObject({
        employeeId: world.employees.employee.id,
        classificationId: analyst.id,
        classCode: '5157',
        listDate: '2025-03-01',
        expiresOn: '2027-03-01',
      });
      await t.http
        .post(path())
        .set(as('ADMIN'))
        .send({
          classCode: world.classification.classCode,
          listDate: '2020-01-01',
          expiresOn: '2021-01-01',
        })
        .expect(201);
      const createEntry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityId: created.body.id, action: 'CREATE' });
      expect(createEntry).toMatchObject({
        entityType: 'exam_list_eligibility',
        departmentId: world.home.id,
      });

      for (const caller of ['EMPLOYEE', 'SUPERVISOR', 'COORDINATOR', 'ADMIN'] as const) {
        const list = await t.http.get(path()).set(as(caller)).expect(200);
        expect(list.body.total).toBe(2);
      }
      const active = await t.http
        .get(path())
        .query({ activeOn: '2026-01-01' })
        .set(as('EMPLOYEE'))
        .expect(200);
      expect((active.body.items as Listed[]).map((l) => l.id)).toEqual([created.body.id]);
      const sorted = await t.http
        .get(path())
        .query({ sort: 'listDate', order: 'desc' })
        .set(as('EMPLOYEE'))
        .expect(200);
      expect((sorted.body.items as Listed[])[0].id).toBe(created.body.id);
      await t.http.get(path()).set(as('otherCoordinator')).expect(404);
      await t.http.get(path()).set(as('AUDITOR')).expect(403);
      await t.http
        .get(`/api/employees/${world.employees.peer.id}/exam-lists`)
        .set(as('EMPLOYEE'))
        .expect(404);

      await t.http.delete(`${path()}/${created.body.id}`).set(as('EMPLOYEE')).expect(403);
      await t.http.delete(`${path()}/${created.body.id}`).set(as('otherCoordinator')).expect(404);
      // The list place belongs to another employee than the one in the path: 404.
      await t.http
        .delete(`/api/employees/${world.employees.peer.id}/exam-lists/${created.body.id}`)
        .set(as('COORDINATOR'))
        .expect(404);
      await t.http.delete(`${path()}/${created.body.id}`).set(as('COORDINATOR')).expect(204);
      expect(
        await t.dataSource.getRepository(ExamListEligibility).existsBy({ id: created.body.id }),
      ).toBe(false);
      const deleteEntry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityId: created.body.id, action: 'DELETE' });
      expect(deleteEntry.changes).toMatchObject({ classCode: { old: '5157', new: null } });
      await t.http.delete(`${path()}/${created.body.id}`).set(as('COORDINATOR')).expect(404);
    });

    it.each([
      ['an expiry on the list date', { expiresOn: '2025-03-01' }, 'expiresOn'],
      ['an expiry before the list date', { expiresOn: '2024-03-01' }, 'expiresOn'],
      ['an unknown class', { classCode: 'ZZZ999' }, 'classCode'],
      ['an impossible date', { listDate: '2025-13-01' }, 'listDate'],
    ])('refuses %s with 400 naming the field, writing nothing', async (_why, overrides, field) => {
      const rows = await t.dataSource.getRepository(ExamListEligibility).count();
      const entries = await auditCount(t.dataSource);
      const response = await t.http
        .post(path())
        .set(as('COORDINATOR'))
        .send({
          classCode: world.classification.classCode,
          listDate: '2025-03-01',
          expiresOn: '2026-03-01',
          ...overrides,
        })
        .expect(400);
      expect((response.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
      expect(await t.dataSource.getRepository(ExamListEligibility).count()).toBe(rows);
      expect(await auditCount(t.dataSource)).toBe(entries);
    });
  });
});
