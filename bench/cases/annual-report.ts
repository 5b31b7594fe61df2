/**
 * The annual report of the largest department: JSON, PDF and XLSX drafts against the floor, the
 * report's own SQL run alone (every aggregation query, and the loading of the LPEL/bridging
 * employees' records the eligibility pipeline measures) in one REPEATABLE READ snapshot.
 */
import { DataSource } from 'typeorm';
import { systemActor } from '../../src/common/auth/auth-user';
import { EligibilityFactsLoader } from '../../src/modules/eligibility/eligibility-facts.loader';
import { programToday } from '../../src/modules/program-calendar/program-date';
import { reportPeriod } from '../../src/modules/reports/annual-report.builder';
import { AnnualReportQueries } from '../../src/modules/reports/annual-report.queries';
import { AnnualReportService } from '../../src/modules/reports/annual-report.service';
import { applicationContext, largestDepartment, medianMs, runCase } from '../lib';
import type { Measurement } from '../lib';

const FISCAL_YEAR = process.env.BENCH_FISCAL_YEAR ?? '2025-26';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

runCase('annual-report', async () => {
  const app = await applicationContext();
  const dataSource = app.get(DataSource);
  const queries = app.get(AnnualReportQueries);
  const facts = app.get(EligibilityFactsLoader);
  const reports = app.get(AnnualReportService);
  const department = await largestDepartment(dataSource);
  const period = reportPeriod(FISCAL_YEAR, programToday());
  const actor = systemActor('bench');

  const floor = await medianMs(RUNS, () =>
    dataSource.transaction('REPEATABLE READ', async (manager) => {
      const id = department.id;
      await queries.department(manager, id);
      await queries.classes(manager, id, period);
      await queries.programCounts(manager, id, period);
      await queries.trainingHoursByKind(manager, id, period);
      await queries.movesByClass(manager, id, period);
      await queries.moveTotals(manager, id, period);
      await queries.goals(manager, id, period);
      await queries.demographics(manager, id, period);
      const ids = await queries.lpelOrBridgingOnAsOf(manager, id, period);
      await facts.forEmployees(manager, [...ids], period.asOf);
    }),
  );
  const draft = (format: 'json' | 'pdf' | 'xlsx') => () =>
    reports.drafts(department.id, FISCAL_YEAR, [format], 'department', actor);
  const measurements: Measurement[] = [];
  const label = `annual report ${FISCAL_YEAR}, ${department.code} (${department.employees} employees)`;
  for (const format of ['json', 'pdf', 'xlsx'] as const) {
    measurements.push({
      what: `${label}, ${format.toUpperCase()}`,
      ours: await medianMs(RUNS, draft(format)),
      floor,
      unit: 'ms',
      floorIs: "the report's SQL alone",
      target: format === 'json' ? '<= 1.5 x floor' : '< 3000 ms',
    });
  }
  await app.close();
  return measurements;
});
