/**
 * Shared by the benchmark runner and its cases. Each case runs in its own Node process (so its
 * peak RSS is its own) against DATABASE_URL, and prints one JSON line: its measurements.
 */
import * as os from 'node:os';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import type { ResolvedAppConfig } from '../src/config/app-config';

export interface Measurement {
  /** What was measured, in words. */
  what: string;
  ours: number;
  floor: number | null;
  /** Unit of `ours` and `floor`: ms (lower is better) or req/s (higher is better). */
  unit: 'ms' | 'req/s';
  /** What the floor is, in words. */
  floorIs: string | null;
  target: string | null;
  extra?: string;
}

export interface CaseResult {
  case: string;
  measurements: Measurement[];
  peakRssMb: number;
}

export const BENCH_JWT_SECRET = 'benchmark-secret-that-is-long-enough-for-hs256';

export function benchConfig(): ResolvedAppConfig {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('benchmark cases run against DATABASE_URL');
  return {
    ...loadConfig({ ...process.env, LOG_LEVEL: 'silent', DEMO_DATA: 'false' }),
    databaseUrl,
    jwtSecret: BENCH_JWT_SECRET,
  };
}

export async function applicationContext(): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(AppModule.forRoot(benchConfig()), { logger: false });
}

/** Median wall time of `runs` calls, in ms (one warm-up call first). */
export async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

export async function largestDepartment(
  dataSource: DataSource,
): Promise<{ id: string; code: string; employees: number }> {
  const rows: { id: string; code: string; employees: number }[] = await dataSource.query(
    `SELECT d.id, d.code, count(e.id)::int AS employees
       FROM departments d JOIN employees e ON e.department_id = d.id
      GROUP BY d.id, d.code ORDER BY employees DESC, d.code LIMIT 1`,
  );
  if (rows.length === 0) throw new Error('no data: generate the data set first');
  return rows[0];
}

/** Prints the case's result (the runner reads the last line of stdout). */
export function report(name: string, measurements: Measurement[]): void {
  const result: CaseResult = {
    case: name,
    measurements,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} x ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

export function runCase(name: string, main: () => Promise<Measurement[]>): void {
  main()
    .then((measurements) => {
      report(name, measurements);
      process.exit(0);
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `bench case ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    });
}
