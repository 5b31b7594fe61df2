/** Names shared by the Jest global setup (which creates them) and the test files (which use them). */
export const TEST_ENV = {
  adminUrl: 'UM_TEST_ADMIN_URL',
  template: 'UM_TEST_TEMPLATE',
  runId: 'UM_TEST_RUN_ID',
} as const;

export function requireTestEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (global setup)`);
  return value;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
