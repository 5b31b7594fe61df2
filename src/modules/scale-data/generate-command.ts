/**
 * `npm run generate -- ...`: the scale data generator's command line, parsed into options.
 * Pure (no I/O), so the parsing is unit-tested on its own; mistakes are UsageErrors (exit 2).
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../../cli/usage-error';
import { parseIsoDate } from '../program-calendar/fiscal-year.rule';
import { MIN_DEPARTMENT_SIZE } from './department-sizes.rule';
import type { ScaleDataOptions } from './scale-data.generator';
import { MAX_YEARS } from './scale-plan.rule';

export const GENERATE_USAGE = `usage: npm run generate -- [options]

  Builds a deterministic statewide-scale data set in the app's database (DATABASE_URL, or the
  embedded PostgreSQL in DATA_DIR), in one transaction, audited. Refused when one of the
  department codes it would create (D001, D002, ...) exists already.

  --employees <n>     employees in all (default 230000)
  --departments <n>   departments (default 180); D001 is the largest (about a quarter)
  --years <n>         fiscal years ending with the current one (default 3, at most ${MAX_YEARS})
  --seed <n>          0 to 4294967295 (default 1): same arguments and seed, same rows and ids
  --as-of <date>      YYYY-MM-DD taken as today (default: today in California); data ends the
                      day before. Fix it to reproduce a run on another day.
  --csv <dir>         also write the import CSV files there: <CODE>-roster.csv (active
                      employees) and <CODE>-training.csv (their training) for every department
  --csv-only          only write the CSV files (needs --csv); no database is opened
`;

function wholeNumber(
  value: string | undefined,
  option: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()))
    throw new UsageError(`${option} must be a whole number, not ${value}`);
  const parsed = Number(value.trim());
  if (parsed < min || parsed > max) {
    throw new UsageError(`${option} must be between ${min} and ${max}, not ${value}`);
  }
  return parsed;
}

export function parseGenerateCommand(argv: readonly string[]): ScaleDataOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        employees: { type: 'string' },
        departments: { type: 'string' },
        years: { type: 'string' },
        seed: { type: 'string' },
        'as-of': { type: 'string' },
        csv: { type: 'string' },
        'csv-only': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(
      `${error instanceof Error ? error.message : String(error)}\n\n${GENERATE_USAGE}`,
    );
  }
  const { values } = parsed;
  if (values.help) throw new UsageError(GENERATE_USAGE);
  const departments = wholeNumber(values.departments, '--departments', 180, 1, 99_999);
  const employees = wholeNumber(
    values.employees,
    '--employees',
    230_000,
    departments * MIN_DEPARTMENT_SIZE,
    10_000_000,
  );
  const years = wholeNumber(values.years, '--years', 3, 1, MAX_YEARS);
  const seed = wholeNumber(values.seed, '--seed', 1, 0, 4_294_967_295);
  let today: string | undefined;
  if (values['as-of'] !== undefined) {
    today = values['as-of'].trim();
    try {
      parseIsoDate(today);
    } catch {
      throw new UsageError(`--as-of must be a date written YYYY-MM-DD, not ${values['as-of']}`);
    }
  }
  const csvDir = values.csv?.trim() || null;
  const csvOnly = values['csv-only'] ?? false;
  if (csvOnly && csvDir === null) throw new UsageError('--csv-only needs --csv <dir>');
  return { employees, departments, years, seed, today, csvDir, csvOnly };
}
