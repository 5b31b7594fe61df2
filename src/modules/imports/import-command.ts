/**
 * `npm run import -- <roster|training> <file> --department <code or id> [--dry-run]`: the
 * command line of the importer, parsed. Pure (no I/O), so the parsing is unit-tested on its own.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../../cli/usage-error';
import { IMPORT_KINDS } from './import-layout';
import type { ImportKind } from './import-layout';

export const IMPORT_USAGE = `usage: npm run import -- <kind> <file> --department <code or id> [--dry-run]

  kind          roster | training
  file          a .csv (UTF-8) or .xlsx file in the documented layout
                (src/modules/imports/import-layout.ts; templates: GET /api/imports/templates/<kind>)
  --department  the department's code (e.g. DEMO) or id
  --dry-run     check the file and say what it would do; write nothing

  Prints the counts (created / updated / unchanged / rejected) or the problems (the first 50),
  progress on stderr. Exit code 1 when the file has problems or cannot be read.
`;

export interface ImportCommand {
  kind: ImportKind;
  file: string;
  department: string;
  dryRun: boolean;
}

export function parseImportCommand(argv: readonly string[]): ImportCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        department: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(
      `${error instanceof Error ? error.message : String(error)}\n\n${IMPORT_USAGE}`,
    );
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) throw new UsageError(IMPORT_USAGE);
  const kind = IMPORT_KINDS.find((known) => known === positionals[0]);
  if (!kind) {
    throw new UsageError(`unknown import kind "${positionals[0]}"\n\n${IMPORT_USAGE}`);
  }
  const department = values.department?.trim();
  if (!department) throw new UsageError(`--department is required\n\n${IMPORT_USAGE}`);
  return { kind, file: positionals[1], department, dryRun: values['dry-run'] === true };
}

/** How a problem is printed: `row 3, class_code "9999": unknown class code 9999`. */
export function formatProblem(problem: {
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}): string {
  const where = [
    problem.row === null ? 'file' : `row ${problem.row}`,
    problem.column === null ? null : problem.column,
  ]
    .filter((part) => part !== null)
    .join(', ');
  const value = problem.value ? ` ${JSON.stringify(problem.value)}` : '';
  return `${where}${value}: ${problem.message}`;
}
