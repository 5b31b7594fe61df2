import { DataSource } from 'typeorm';
import { AuditService } from '../modules/audit/audit.service';
import { parseGenerateCommand } from '../modules/scale-data/generate-command';
import { generateScaleData, ScaleDataRefused } from '../modules/scale-data/scale-data.generator';
import type {
  ScaleDataProgress,
  ScaleDataSummary,
} from '../modules/scale-data/scale-data.generator';
import { finish, progress, withApplicationContext } from './cli-context';

/** `npm run generate -- --employees 230000 --departments 180 --years 3 --seed 1 [--csv dir]` */
async function main(): Promise<void> {
  const options = parseGenerateCommand(process.argv.slice(2));
  const bar = progress('generate');
  // progress() prints every update that carries a note: keep to five lines a second.
  let last = 0;
  const onProgress = (p: ScaleDataProgress) => {
    const now = Date.now();
    if (now - last < 200 && p.employeesDone !== p.employeesTotal) return;
    last = now;
    bar.update(p.employeesDone, p.employeesTotal, `${p.department} ${p.step}`);
  };
  const summary = options.csvOnly
    ? await generateScaleData(null, options, onProgress)
    : await withApplicationContext((app) =>
        generateScaleData(
          { dataSource: app.get(DataSource), audit: app.get(AuditService) },
          options,
          onProgress,
        ),
      );
  bar.end();
  printSummary(summary);
}

function printSummary(summary: ScaleDataSummary): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`as of ${summary.today}; fiscal years ${summary.fiscalYears.join(', ')}`);
  out(
    `${summary.departments} departments; largest ${summary.largest.code} (${summary.largest.name}): ${summary.largest.employees} employees`,
  );
  const width = Math.max(...Object.keys(summary.rows).map((table) => table.length));
  for (const [table, count] of Object.entries(summary.rows)) {
    out(`  ${table.padEnd(width)}  ${count.toLocaleString('en-US').padStart(11)}`);
  }
  const total = Object.values(summary.rows).reduce((sum, count) => sum + count, 0);
  out(`  ${'total'.padEnd(width)}  ${total.toLocaleString('en-US').padStart(11)}`);
  if (summary.csvFiles.length > 0) out(`${summary.csvFiles.length} CSV files written`);
  out(`${summary.seconds.toFixed(1)} s`);
}

finish(
  main().catch((error: unknown) => {
    if (!(error instanceof ScaleDataRefused)) throw error;
    process.stderr.write(`generate: refused: ${error.message}\n`);
    process.exitCode = 1;
  }),
  'generate',
);
