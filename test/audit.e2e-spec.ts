import { AuditService } from '../src/modules/audit/audit.service';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';
import { makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';

describe('Audit trail (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
  });
  afterAll(() => t.close());

  it('records a change with who, what, old and new values and the request id', async () => {
    const response = await t.http
      .patch(`/api/departments/${world.home.id}`)
      .set(as(world.tokens.ADMIN))
      .set('X-Request-Id', 'req-audit-0001')
      .send({ smallCellThreshold: 7 })
      .expect(200);
    expect(response.body.smallCellThreshold).toBe(7);
    const page = await t.http
      .get('/api/audit')
      .query({ entityType: 'department', entityId: world.home.id, action: 'UPDATE' })
      .set(as(world.tokens.ADMIN))
      .expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({
      actorUserId: world.users.ADMIN.id,
      actorRole: 'ADMIN',
      departmentId: world.home.id,
      requestId: 'req-audit-0001',
      changes: { smallCellThreshold: { old: 5, new: 7 } },
    });
  });

  it('masks password changes in the log', async () => {
    await t.http
      .patch(`/api/users/${world.users.EMPLOYEE.id}`)
      .set(as(world.tokens.ADMIN))
      .send({ password: 'a brand new secret phrase' })
      .expect(200);
    const page = await t.http
      .get('/api/audit')
      .query({ entityId: world.users.EMPLOYEE.id, action: 'UPDATE' })
      .set(as(world.tokens.ADMIN))
      .expect(200);
    expect(page.body.items[0].changes.passwordHash).toEqual({ old: '***', new: '***' });
  });

  it("shows a coordinator their own department's entries only", async () => {
    const page = await t.http
      .get('/api/audit')
      .query({ pageSize: 200 })
      .set(as(world.tokens.COORDINATOR))
      .expect(200);
    expect(page.body.total).toBeGreaterThan(0);
    for (const entry of page.body.items) expect(entry.departmentId).toBe(world.home.id);
  });

  it('filters by date range and validates the filters', async () => {
    const future = await t.http
      .get('/api/audit')
      .query({ from: '2999-01-01T00:00:00Z' })
      .set(as(world.tokens.AUDITOR))
      .expect(200);
    expect(future.body.total).toBe(0);
    const bad = await t.http
      .get('/api/audit')
      .query({ from: 'yesterday', sort: 'hash; DROP TABLE users' })
      .set(as(world.tokens.AUDITOR))
      .expect(400);
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['from', 'sort']);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table in the database itself', async () => {
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'X'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('keeps one unforked chain under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        t.http
          .post('/api/departments')
          .set(as(world.tokens.ADMIN))
          .send({ code: `CONC${i}`, name: `Concurrent department ${i}` })
          .expect(201),
      ),
    );
    const verdict = await t.http.get('/api/audit/verify').set(as(world.tokens.AUDITOR)).expect(200);
    expect(verdict.body.ok).toBe(true);
    const rows: { count: string }[] = await t.dataSource.query('SELECT count(*) FROM audit_log');
    expect(verdict.body.count).toBe(Number(rows[0].count));
    const forks: unknown[] = await t.dataSource.query(
      'SELECT prev_hash FROM audit_log GROUP BY prev_hash HAVING count(*) > 1',
    );
    expect(forks).toEqual([]);
  });

  it('writes a bulk batch (by COPY) in chain order, rolled back with its transaction or kept whole', async () => {
    const audit = t.app.get(AuditService);
    const batch = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        action: 'BULK_TEST',
        entityType: 'bulk',
        entityId: `row-${i}`,
        departmentId: world.home.id,
        changes: { row: i, note: 'tab\there, quote " and back\\slash' },
      }));
    const count = async () =>
      Number(
        (
          await t.dataSource.query<{ n: string }[]>(
            `SELECT count(*) AS n FROM audit_log WHERE action = 'BULK_TEST'`,
          )
        )[0].n,
      );
    await expect(
      t.dataSource.transaction(async (manager) => {
        await audit.record(manager, null, batch(2500));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(0);
    await t.dataSource.transaction((manager) => audit.record(manager, null, batch(2500)));
    expect(await count()).toBe(2500);
    const verdict = await t.http.get('/api/audit/verify').set(as(world.tokens.AUDITOR)).expect(200);
    expect(verdict.body.ok).toBe(true);
    const last: { changes: Record<string, unknown> }[] = await t.dataSource.query(
      `SELECT changes FROM audit_log WHERE action = 'BULK_TEST' ORDER BY id DESC LIMIT 1`,
    );
    expect(last[0].changes).toEqual({ row: 2499, note: 'tab\there, quote " and back\\slash' });
  });

  it('finds an entry edited behind the application’s back', async () => {
    const before = await t.http.get('/api/audit/verify').set(as(world.tokens.ADMIN)).expect(200);
    expect(before.body.ok).toBe(true);
    const [{ id }]: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM audit_log WHERE action = 'UPDATE' AND entity_type = 'department' ORDER BY id LIMIT 1`,
    );
    await t.dataSource.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await t.dataSource.query(
      `UPDATE audit_log SET changes = '{"smallCellThreshold":{"old":5,"new":1}}' WHERE id = $1`,
      [id],
    );
    await t.dataSource.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    const after = await t.http.get('/api/audit/verify').set(as(world.tokens.AUDITOR)).expect(200);
    expect(after.body).toMatchObject({ ok: false, firstInvalidId: id, reason: 'CONTENT_CHANGED' });
  });
});
