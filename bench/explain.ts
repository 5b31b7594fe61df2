/**
 * `node dist-bench/bench/explain.js` (DATABASE_URL set, data generated): EXPLAIN ANALYZE of the
 * annual report's heaviest queries for the largest department, for the benchmark note.
 */
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { programToday } from '../src/modules/program-calendar/program-date';
import { reportPeriod } from '../src/modules/reports/annual-report.builder';
import { AnnualReportQueries } from '../src/modules/reports/annual-report.queries';
import { applicationContext, largestDepartment } from './lib';

async function main(): Promise<void> {
  const app = await applicationContext();
  const dataSource = app.get(DataSource);
  const queries = app.get(AnnualReportQueries);
  const department = await largestDepartment(dataSource);
  const period = reportPeriod(process.env.BENCH_FISCAL_YEAR ?? '2025-26', programToday());
  const captured: { sql: string; params: unknown[] }[] = [];
  // A manager that only records what it is asked, then answers with nothing.
  const recorder = {
    query: (sql: string, params: unknown[] = []) => {
      captured.push({ sql, params });
      return Promise.resolve([]);
    },
  } as unknown as EntityManager;
  await queries.classes(recorder, department.id, period);
  await queries.demographics(recorder, department.id, period);
  await queries.programCounts(recorder, department.id, period);
  for (const { sql, params } of captured) {
    const plan: { 'QUERY PLAN': string }[] = await dataSource.query(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`,
      params,
    );
    process.stdout.write(`\n-- ${sql.replace(/\s+/g, ' ').slice(0, 160)}...\n`);
    process.stdout.write(`${plan.map((row) => row['QUERY PLAN']).join('\n')}\n`);
  }
  await app.close();
}

void main();
