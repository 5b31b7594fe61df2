/**
 * Text encodings of the scale data set's rows: PostgreSQL's COPY text format (tab-separated,
 * `\N` for NULL, backslash escapes) and RFC 4180 CSV for the import files. Dates are day numbers
 * (days since 1970-01-01), formatted through a cache because millions of rows share a few
 * thousand dates.
 */
import { fromDayNumber } from '../program-calendar/fiscal-year.rule';
import type { Instant } from './program.rule';

export const COPY_NULL = '\\N';
const COPY_SPECIAL = /[\\\t\n\r]/;

/** One text value in COPY text format (NULL for null). */
export function copyText(value: string | null): string {
  if (value === null) return COPY_NULL;
  if (!COPY_SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (ch) =>
    ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
  );
}

/** A number, boolean or NULL in COPY text format. */
export function copyValue(value: number | boolean | null): string {
  if (value === null) return COPY_NULL;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}

/** A text[] array literal: elements quoted, so any code or name survives. */
export function copyArray(values: readonly string[] | null): string {
  if (values === null) return COPY_NULL;
  const literal = `{${values.map((v) => `"${v.replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
  return copyText(literal);
}

export function copyJson(value: unknown): string {
  return value === null || value === undefined ? COPY_NULL : copyText(JSON.stringify(value));
}

export function copyRow(values: readonly string[]): string {
  return `${values.join('\t')}\n`;
}

const dateCache = new Map<number, string>();

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  let text = dateCache.get(day);
  if (text === undefined) {
    text = fromDayNumber(day);
    dateCache.set(day, text);
  }
  return text;
}

export function copyDate(day: number | null): string {
  return day === null ? COPY_NULL : isoDate(day);
}

/** A timestamptz literal in UTC. */
export function timestamp(instant: Instant): string {
  const hours = Math.floor(instant.second / 3600);
  const minutes = Math.floor((instant.second % 3600) / 60);
  const seconds = instant.second % 60;
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${isoDate(instant.day)} ${two(hours)}:${two(minutes)}:${two(seconds)}+00`;
}

export function copyTimestamp(instant: Instant | null): string {
  return instant === null ? COPY_NULL : timestamp(instant);
}

const CSV_SPECIAL = /[",\r\n]/;

/** One CSV cell (RFC 4180): quoted only when it must be; null is an empty cell. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return CSV_SPECIAL.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
