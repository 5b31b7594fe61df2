import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives development defaults when nothing is set', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: undefined,
      dataDir: '/srv/app/data',
      reportsDir: '/srv/app/reports',
      demoData: true,
      logLevel: 'info',
      jwtAccessTtlSeconds: 900,
    });
  });

  it('reads typed values from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db:5432/um',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      CORS_ORIGINS: 'https://a.ca.gov,https://b.ca.gov',
      JWT_ACCESS_TTL_SECONDS: '300',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@db:5432/um',
      demoData: false,
      logLevel: 'warn',
      corsOrigins: ['https://a.ca.gov', 'https://b.ca.gov'],
      jwtAccessTtlSeconds: 300,
    });
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['DEMO_DATA', { DEMO_DATA: 'maybe' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: '*' }],
    ['ADMIN_PASSWORD', { ADMIN_EMAIL: 'admin@ca.gov' }],
  ])('refuses a bad %s with a one-line message naming it', (variable, env) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(variable);
    expect(message).not.toContain('\n');
  });

  it('requires an explicit JWT secret in production and turns demo data off', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set/);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(config.demoData).toBe(false);
  });
});
