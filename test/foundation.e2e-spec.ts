import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

describe('Service foundation (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ BODY_LIMIT: '10kb' });
  });
  afterAll(() => testApp.close());

  it('GET /health answers while the process lives', async () => {
    const response = await testApp.http.get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('GET /health/ready reports the database up and every migration applied', async () => {
    const response = await testApp.http.get('/health/ready').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.details.database.status).toBe('up');
    expect(response.body.details.migrations).toMatchObject({
      status: 'up',
      applied: testApp.dataSource.migrations.length,
    });
  });

  it('GET /health/ready is 503 when a migration is missing', async () => {
    const last = testApp.dataSource.migrations[testApp.dataSource.migrations.length - 1];
    await testApp.dataSource.query('DELETE FROM schema_migrations WHERE name = $1', [last.name]);
    try {
      const response = await testApp.http.get('/health/ready').expect(503);
      expect(response.body.details.migrations.status).toBe('down');
    } finally {
      await testApp.dataSource.query(
        'INSERT INTO schema_migrations ("timestamp", name) VALUES ($1, $2)',
        [Number(/(\d{13})$/.exec(last.name ?? '')?.[1]), last.name],
      );
    }
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const json = await testApp.http.get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(json.body.info.title).toBe('Upward Mobility Program API');
    const ui = await testApp.http.get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('answers an unknown route with RFC 9457 problem+json and a request id', async () => {
    const response = await testApp.http.get('/api/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      instance: '/api/no-such-thing',
      requestId: response.headers['x-request-id'],
    });
    expect(response.body.type).toMatch(/^urn:upward-mobility:problem:/);
  });

  it('keeps a well-formed caller request id and replaces a malformed one', async () => {
    const kept = await testApp.http.get('/health').set('X-Request-Id', 'trace-12345678');
    expect(kept.headers['x-request-id']).toBe('trace-12345678');
    const replaced = await testApp.http.get('/health').set('X-Request-Id', 'bad id!');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses malformed JSON with 400 naming the body', async () => {
    const response = await testApp.http
      .post('/api/anything')
      .set('Content-Type', 'application/json')
      .send('{"broken": ')
      .expect(400);
    expect(response.body.errors).toEqual([
      { field: 'body', message: 'The body is not valid JSON' },
    ]);
  });

  it('refuses a body over the configured limit with 413', async () => {
    const response = await testApp.http
      .post('/api/anything')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(20 * 1024) }))
      .expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sends security headers and no X-Powered-By', async () => {
    const response = await testApp.http.get('/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
