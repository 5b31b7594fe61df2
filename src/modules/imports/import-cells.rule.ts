/**
 * Reading one cell of an import file: dates, decimals, yes/no and codes, each either a value or
 * null ("not that kind of value"); the row rules turn a null into a problem naming the column.
 * Pure functions, no Nest or TypeORM.
 */
import { formatIsoDate, parseIsoDate } from '../program-calendar/fiscal-year.rule';

/** One problem of one row: `row` is the spreadsheet row number (the header is row 1). */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

/** A problem of a cell, before the reader adds the row number. */
export interface CellProblem {
  column: string;
  value: string;
  message: string;
}

/** A problem report keeps at most this much of the offending value. */
export const MAX_PROBLEM_VALUE_LENGTH = 200;

/**
 * The offending value as a problem report shows it: cut to a readable length, and with control
 * characters written out (`\u0000`), since the report is stored and PostgreSQL holds no NUL.
 */
export function problemValue(value: string): string {
  const shown =
    value.length > MAX_PROBLEM_VALUE_LENGTH
      ? `${value.slice(0, MAX_PROBLEM_VALUE_LENGTH)}…`
      : value;
  return shown.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what is written out
    /[\u0000-\u001f\u007f]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * `YYYY-MM-DD`, or `M/D/YYYY` as Excel writes dates when it saves a CSV in the United States;
 * the normalized `YYYY-MM-DD`, or null for anything else or an impossible date (`2025-02-30`).
 */
export function parseImportDate(value: string): string | null {
  try {
    if (ISO_DATE.test(value)) return formatIsoDate(parseIsoDate(value));
    const us = US_DATE.exec(value);
    if (!us) return null;
    const date = formatIsoDate({ year: Number(us[3]), month: Number(us[1]), day: Number(us[2]) });
    return formatIsoDate(parseIsoDate(date));
  } catch {
    return null;
  }
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A plain decimal number (`7`, `7.5`, `.25`; no thousands separators, exponents or currency
 * signs) with at most `maxDecimals` decimals, or null.
 */
export function parseDecimal(value: string, maxDecimals: number): number | null {
  if (!DECIMAL.test(value)) return null;
  const decimals = value.includes('.') ? value.split('.')[1].replace(/0+$/, '').length : 0;
  if (decimals > maxDecimals) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** true/false (also yes/no, y/n, 1/0), case-insensitive; null for anything else. */
export function parseYesNo(value: string): boolean | null {
  const word = value.toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/** One of `allowed`, case-insensitive, as spelled in `allowed`; null if it is none of them. */
export function parseCode<T extends string>(value: string, allowed: readonly T[]): T | null {
  const upper = value.toUpperCase();
  return allowed.find((code) => code === upper) ?? null;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Why a text cell cannot be stored, or null: no control characters (PostgreSQL text cannot even
 * hold NUL) and at most `maxLength` characters (counted as the database counts them).
 */
export function textProblem(value: string, maxLength: number): string | null {
  if (CONTROL_CHARACTERS.test(value)) return 'must not contain control characters';
  const length = [...value].length;
  if (length > maxLength) return `must be at most ${maxLength} characters (is ${length})`;
  return null;
}

/** The cells of one row by column name (only the layout's columns the file has). */
export type RowCells = ReadonlyMap<string, string>;

/**
 * Collects a row's values and problems column by column. `text`, `required` and friends return
 * the value or null and record a problem when the cell is present but not acceptable.
 */
export class RowReader {
  readonly problems: CellProblem[] = [];

  constructor(private readonly cells: RowCells) {}

  has(column: string): boolean {
    return this.cells.has(column);
  }

  /** The trimmed cell; '' when empty or when the file has no such column. */
  raw(column: string): string {
    return this.cells.get(column) ?? '';
  }

  problem(column: string, message: string, value = this.raw(column)): void {
    this.problems.push({ column, value: problemValue(value), message });
  }

  hasProblem(column: string): boolean {
    return this.problems.some((problem) => problem.column === column);
  }

  /**
   * An empty required cell. A required column missing from the file is reported once, with the
   * header, not on every row.
   */
  private missing(column: string, required: boolean): void {
    if (required && this.cells.has(column)) this.problem(column, 'is required');
  }

  /** The cell, refused (null) when empty and `required`, or not storable as text. */
  text(column: string, maxLength: number, required: boolean): string | null {
    const value = this.raw(column);
    if (value === '') {
      this.missing(column, required);
      return null;
    }
    const problem = textProblem(value, maxLength);
    if (problem) {
      this.problem(column, problem);
      return null;
    }
    return value;
  }

  /** A text cell that must match `pattern` (described by `expected`). */
  matching(column: string, pattern: RegExp, expected: string, required: boolean): string | null {
    const value = this.text(column, Number.MAX_SAFE_INTEGER, required);
    if (value === null) return null;
    if (!pattern.test(value)) {
      this.problem(column, `must be ${expected}`);
      return null;
    }
    return value;
  }

  date(column: string, required: boolean): string | null {
    const value = this.raw(column);
    if (value === '') {
      this.missing(column, required);
      return null;
    }
    const date = parseImportDate(value);
    if (date === null) this.problem(column, 'must be a real date written YYYY-MM-DD');
    return date;
  }

  decimal(column: string, maxDecimals: number, required: boolean): number | null {
    const value = this.raw(column);
    if (value === '') {
      this.missing(column, required);
      return null;
    }
    const number = parseDecimal(value, maxDecimals);
    if (number === null) {
      this.problem(
        column,
        `must be a number with at most ${maxDecimals} decimals (e.g. 7.5; no separators or signs)`,
      );
    }
    return number;
  }

  yesNo(column: string, required: boolean): boolean | null {
    const value = this.raw(column);
    if (value === '') {
      this.missing(column, required);
      return null;
    }
    const answer = parseYesNo(value);
    if (answer === null) this.problem(column, 'must be true or false');
    return answer;
  }

  code<T extends string>(column: string, allowed: readonly T[], required: boolean): T | null {
    const value = this.raw(column);
    if (value === '') {
      this.missing(column, required);
      return null;
    }
    const code = parseCode(value, allowed);
    if (code === null) this.problem(column, `must be one of ${allowed.join(', ')}`);
    return code;
  }
}
