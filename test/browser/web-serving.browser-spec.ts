import * as fs from 'node:fs';
import * as path from 'node:path';
import { webAppDirectory } from '../../src/app.factory';
import { scriptErrorsOf, startBrowserWorld } from './support/browser-world';
import type { BrowserWorld } from './support/browser-world';

/** How the service serves the built web app next to the API, and that Swagger UI still works. */
describe('Web app: served at / beside the API', () => {
  let world: BrowserWorld;

  beforeAll(async () => {
    world = await startBrowserWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  const http = () => world.t.http;

  it('answers page paths with index.html under a strict Content-Security-Policy', async () => {
    for (const page of ['/', '/me/plan', '/employees/7b1c3e52-0d0c-4b8e-9d43-2f7d1d9b3a10']) {
      const response = await http().get(page).set('Accept', 'text/html').expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('<div id="root"></div>');
      expect(response.headers['cache-control']).toBe('no-cache');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self';");
      expect(csp).not.toContain('unsafe-inline');
    }
  });

  it('serves hashed assets for good and a missing asset as 404, not as the page', async () => {
    const assets = fs.readdirSync(path.join(webAppDirectory(), 'assets'));
    const script = assets.find((name) => name.endsWith('.js'))!;
    const response = await http().get(`/assets/${script}`).expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await http().get('/assets/missing-0000.js').set('Accept', 'text/html');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<div id="root">');
  });

  it('leaves the API, the health checks and other methods alone', async () => {
    const api = await http().get('/api/no-such-route').set('Accept', 'text/html').expect(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    const health = await http().get('/health').set('Accept', 'text/html').expect(200);
    expect(health.headers['content-type']).toMatch(/json/);
    const post = await http().post('/me/plan').set('Accept', 'text/html');
    expect(post.status).toBe(404);
    expect(post.text).not.toContain('<div id="root">');
  });

  it('keeps Swagger UI working: its own looser policy, and it renders the operations in chromium', async () => {
    const docs = await http().get('/api/docs').expect(200);
    expect(String(docs.headers['content-security-policy'])).toContain("'unsafe-inline'");
    const page = await world.openPage();
    await page.goto('/api/docs');
    await page.locator('.swagger-ui .opblock').first().waitFor();
    expect(await page.locator('.swagger-ui .opblock').count()).toBeGreaterThan(50);
    expect(scriptErrorsOf(page)).toEqual([]);
  });
});
