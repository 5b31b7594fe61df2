import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..');

interface ComposeService {
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  image?: string;
}

/** No Docker engine runs here: check that the deployment files parse and stay honest. */
describe('Deployment files', () => {
  const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, ComposeService>;
  };
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

  it('runs PostgreSQL 16 beside the app, with the app health-checked on /health/ready', () => {
    expect(compose.services.db.image).toBe('postgres:16');
    expect(compose.services.app.healthcheck?.test.join(' ')).toContain('/health/ready');
    expect(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')).toContain('/health/ready');
  });

  it('passes only variables the README documents, and the production secrets', () => {
    const variables = Object.keys(compose.services.app.environment ?? {});
    expect(variables).toEqual(expect.arrayContaining(['DATABASE_URL', 'JWT_SECRET', 'NODE_ENV']));
    for (const variable of variables) expect(readme).toContain(`\`${variable}\``);
  });
});
