import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { makeClassification, makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

describe('Classifications and UM designations (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
  });
  afterAll(() => t.close());

  it('creates a class, refuses a duplicate code and an inverted salary range', async () => {
    const body = {
      classCode: '5157',
      title: 'Staff Services Analyst (General)',
      occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
      salaryLow: 4322,
      salaryHigh: 5839.5,
      eeo4Category: 'PROFESSIONALS',
    };
    const created = await t.http
      .post('/api/classifications')
      .set(as(world.tokens.ADMIN))
      .send(body)
      .expect(201);
    expect(created.body).toMatchObject({ classCode: '5157', salaryHigh: 5839.5 });
    await t.http.post('/api/classifications').set(as(world.tokens.ADMIN)).send(body).expect(409);
    const inverted = await t.http
      .patch(`/api/classifications/${created.body.id}`)
      .set(as(world.tokens.ADMIN))
      .send({ salaryHigh: 100 })
      .expect(400);
    expect(inverted.body.errors).toEqual([
      { field: 'salaryHigh', message: 'must not be below salaryLow' },
    ]);
  });

  it('searches and filters the catalog', async () => {
    await makeClassification(t.dataSource, {
      classCode: '2006',
      title: 'Custodian',
      occupationalGroup: 'CUSTODIAL_DOMESTIC',
    });
    const page = await t.http
      .get('/api/classifications')
      .query({ q: 'custod', occupationalGroup: 'CUSTODIAL_DOMESTIC' })
      .set(as(world.tokens.EMPLOYEE))
      .expect(200);
    expect((page.body.items as { classCode: string }[]).map((c) => c.classCode)).toEqual(['2006']);
  });

  it('replaces a fiscal year of designations with ladders, audited, and reads them back', async () => {
    const lpel = await makeClassification(t.dataSource, {
      classCode: '1441',
      title: 'Office Assistant (General)',
    });
    const bridging = await makeClassification(t.dataSource, {
      classCode: '5278',
      title: 'Management Services Technician',
    });
    const target = await makeClassification(t.dataSource, {
      classCode: '4548',
      title: 'Accountant Trainee',
    });
    const path = `/api/departments/${world.home.id}/designations/2025-26`;
    await t.http
      .put(path)
      .set(as(world.tokens.COORDINATOR))
      .send({
        designations: [
          { classCode: lpel.classCode, designation: 'LPEL', ladderTargetClassCodes: ['4548'] },
          {
            classCode: bridging.classCode,
            designation: 'BRIDGING',
            ladderTargetClassCodes: ['4548'],
          },
          { classCode: target.classCode, designation: 'ELTPA' },
        ],
      })
      .expect(200);
    const read = await t.http.get(path).set(as(world.tokens.SUPERVISOR)).expect(200);
    expect(read.body.designations).toEqual([
      {
        classCode: '1441',
        title: 'Office Assistant (General)',
        designation: 'LPEL',
        ladderTargetClassCodes: ['4548'],
      },
      {
        classCode: '4548',
        title: 'Accountant Trainee',
        designation: 'ELTPA',
        ladderTargetClassCodes: [],
      },
      {
        classCode: '5278',
        title: 'Management Services Technician',
        designation: 'BRIDGING',
        ladderTargetClassCodes: ['4548'],
      },
    ]);
    const other = await t.http
      .get(`/api/departments/${world.home.id}/designations/2024-25`)
      .set(as(world.tokens.COORDINATOR))
      .expect(200);
    expect(other.body.designations).toEqual([]);
    const entry = await t.dataSource
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: 'REPLACE_DESIGNATIONS', entityId: `${world.home.id}:2025-26` });
    expect(entry.changes).toMatchObject({ '1441': { old: null, new: 'LPEL->4548' } });
  });

  it('refuses bad designations with every problem named, changing nothing', async () => {
    const path = `/api/departments/${world.home.id}/designations/2025-26`;
    const before = await t.http.get(path).set(as(world.tokens.COORDINATOR)).expect(200);
    const response = await t.http
      .put(path)
      .set(as(world.tokens.COORDINATOR))
      .send({
        designations: [
          { classCode: '0000', designation: 'LPEL' },
          { classCode: '1441', designation: 'LPEL', ladderTargetClassCodes: ['5278'] },
          { classCode: '1441', designation: 'ELTPA' },
          { classCode: '4548', designation: 'TPA' },
        ],
      })
      .expect(400);
    const fields = (response.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['designations[3].designation']));
    const semantic = await t.http
      .put(path)
      .set(as(world.tokens.COORDINATOR))
      .send({
        designations: [
          { classCode: '0000', designation: 'LPEL' },
          { classCode: '1441', designation: 'LPEL', ladderTargetClassCodes: ['5278'] },
          { classCode: '1441', designation: 'ELTPA' },
        ],
      })
      .expect(400);
    expect((semantic.body.errors as { field: string }[]).map((e) => e.field)).toEqual([
      'designations[0].classCode',
      'designations[1].ladderTargetClassCodes',
      'designations[2].classCode',
    ]);
    const after = await t.http.get(path).set(as(world.tokens.COORDINATOR)).expect(200);
    expect(after.body).toEqual(before.body);
    await t.http
      .get(`/api/departments/${world.home.id}/designations/2025-27`)
      .set(as(world.tokens.COORDINATOR))
      .expect(400);
  });
});
