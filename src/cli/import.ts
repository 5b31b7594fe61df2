import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { systemActor } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { Department } from '../modules/departments/department.entity';
import { formatProblem, parseImportCommand } from '../modules/imports/import-command';
import { ImportsService } from '../modules/imports/imports.service';
import { finish, progress, withApplicationContext } from './cli-context';

/** Problems printed before "... and N more". */
const PRINTED_PROBLEMS = 50;

/** `npm run import -- roster roster.csv --department DEMO [--dry-run]` */
async function main(): Promise<void> {
  const command = parseImportCommand(process.argv.slice(2));
  if (!fs.existsSync(command.file) || !fs.statSync(command.file).isFile()) {
    throw new Error(`cannot read ${command.file}: no such file`);
  }
  const bar = progress(`import ${command.kind}`);
  const started = Date.now();
  const outcome = await withApplicationContext(async (app) => {
    const departments = app.get(DataSource).getRepository(Department);
    const department = await departments.findOneBy(
      isUUID(command.department) ? { id: command.department } : { code: command.department },
    );
    if (!department) throw new Error(`no department ${command.department}`);
    return app.get(ImportsService).run(
      {
        kind: command.kind,
        departmentId: department.id,
        dryRun: command.dryRun,
        filePath: path.resolve(command.file),
        fileName: path.basename(command.file),
      },
      systemActor(`cli-import-${command.kind}`),
      (step, done, total) => bar.update(done, total, step),
    );
  });
  bar.end();

  const { run, problems } = outcome;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`${command.kind} import of ${run.fileName}: ${run.status} (run ${run.id}, ${seconds} s)`);
  out(
    `rows ${run.rowCount}  created ${run.createdCount}  updated ${run.updatedCount}  ` +
      `unchanged ${run.unchangedCount}  rejected ${run.rejectedCount}`,
  );
  if (run.problemCount > 0) {
    out(`${run.problemCount} problem(s); nothing was written:`);
    for (const problem of problems.slice(0, PRINTED_PROBLEMS)) out(`  ${formatProblem(problem)}`);
    if (run.problemCount > PRINTED_PROBLEMS) {
      out(`  ... and ${run.problemCount - PRINTED_PROBLEMS} more`);
    }
    process.exitCode = 1;
  }
}

/** A refusal names its fields (e.g. `file: send a .csv or .xlsx file`): print them too. */
function withFields(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.fields.length === 0) return error;
  const fields = error.fields.map((field) => `${field.field}: ${field.message}`).join('; ');
  return new Error(`${error.message} (${fields})`);
}

finish(
  main().catch((error: unknown) => {
    throw withFields(error);
  }),
  'import',
);
