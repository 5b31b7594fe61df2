/**
 * California state fiscal year (July 1 - June 30, written `2025-26`) and the calendar-date
 * arithmetic the program's other rules share.
 *
 * Every date here is a calendar date written `YYYY-MM-DD`. We read the digits ourselves and do
 * arithmetic on UTC day numbers only: `new Date('2025-07-01')` or local-time getters would shift
 * a date by one day in some server time zones, and a fiscal year boundary is exactly such a day.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const FISCAL_YEAR_PATTERN = /^(\d{4})-(\d{2})$/;
/** The fiscal year starts in July: July 1 - June 30. */
const FISCAL_YEAR_FIRST_MONTH = 7;
/** Four-digit years only, so labels and ISO strings keep their fixed width and sort as text. */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

export class InvalidIsoDateError extends Error {
  constructor(readonly value: string) {
    super(`Invalid calendar date "${value}": expected an existing date written YYYY-MM-DD`);
    this.name = 'InvalidIsoDateError';
  }
}

export class InvalidFiscalYearError extends Error {
  constructor(
    readonly value: string,
    reason: string,
  ) {
    super(`Invalid fiscal year "${value}": ${reason}`);
    this.name = 'InvalidFiscalYearError';
  }
}

export interface CalendarDateParts {
  year: number;
  month: number;
  day: number;
}

/** An inclusive range of calendar dates. */
export interface DateRange {
  start: string;
  end: string;
}

export interface FiscalYear {
  label: string;
  startYear: number;
  /** July 1 of startYear. */
  start: string;
  /** June 30 of startYear + 1. */
  end: string;
}

// ---------------------------------------------------------------------------------------------
// Calendar dates
// ---------------------------------------------------------------------------------------------

/** Splits a `YYYY-MM-DD` string into numbers, refusing impossible dates such as `2025-02-30`. */
export function parseIsoDate(date: string): CalendarDateParts {
  const match = ISO_DATE_PATTERN.exec(date);
  if (!match) throw new InvalidIsoDateError(date);
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (parts.year < MIN_YEAR || parts.month < 1 || parts.month > 12 || parts.day < 1) {
    throw new InvalidIsoDateError(date);
  }
  if (parts.day > daysInMonth(parts.year, parts.month)) throw new InvalidIsoDateError(date);
  return parts;
}

export function formatIsoDate({ year, month, day }: CalendarDateParts): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; Date.UTC never looks at the local zone.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01: lets rules count and step through days with plain integers. */
export function toDayNumber(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): string {
  const utc = new Date(dayNumber * MS_PER_DAY);
  return formatIsoDate({
    year: utc.getUTCFullYear(),
    month: utc.getUTCMonth() + 1,
    day: utc.getUTCDate(),
  });
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday ... 6 = Saturday, like Date#getUTCDay. */
export function dayOfWeek(date: string): number {
  return new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
}

/** Inclusive on both ends, which is how assignment and reporting periods are written. */
export function isWithin(date: string, range: DateRange): boolean {
  const day = toDayNumber(date);
  return toDayNumber(range.start) <= day && day <= toDayNumber(range.end);
}

export function calendarYearRange(year: number): DateRange {
  assertFourDigitYear(year);
  return { start: `${pad(year, 4)}-01-01`, end: `${pad(year, 4)}-12-31` };
}

// ---------------------------------------------------------------------------------------------
// Fiscal years
// ---------------------------------------------------------------------------------------------

export function fiscalYearOf(date: string): string {
  const { year, month } = parseIsoDate(date);
  return fiscalYearLabel(month >= FISCAL_YEAR_FIRST_MONTH ? year : year - 1);
}

export function parseFiscalYear(label: string): FiscalYear {
  const match = FISCAL_YEAR_PATTERN.exec(label);
  if (!match) {
    throw new InvalidFiscalYearError(
      label,
      'expected a four-digit start year, "-", and a two-digit end year, e.g. 2025-26',
    );
  }
  const startYear = Number(match[1]);
  if (startYear < MIN_YEAR || startYear + 1 > MAX_YEAR) {
    throw new InvalidFiscalYearError(
      label,
      `start year must be between ${MIN_YEAR} and ${MAX_YEAR - 1}`,
    );
  }
  const expectedEnd = twoDigits(startYear + 1);
  if (match[2] !== expectedEnd) {
    throw new InvalidFiscalYearError(
      label,
      `a fiscal year ends the year after it starts, so ${startYear} must be followed by ${expectedEnd}`,
    );
  }
  return {
    label,
    startYear,
    start: `${pad(startYear, 4)}-07-01`,
    end: `${pad(startYear + 1, 4)}-06-30`,
  };
}

export function previousFiscalYear(label: string): string {
  return fiscalYearLabel(parseFiscalYear(label).startYear - 1);
}

export function nextFiscalYear(label: string): string {
  return fiscalYearLabel(parseFiscalYear(label).startYear + 1);
}

/** `2025` -> `2025-26`; the end year keeps two digits across a century (`1999-00`). */
export function fiscalYearLabel(startYear: number): string {
  assertFourDigitYear(startYear);
  if (startYear + 1 > MAX_YEAR) {
    throw new InvalidFiscalYearError(
      String(startYear),
      `start year must be at most ${MAX_YEAR - 1}`,
    );
  }
  return `${pad(startYear, 4)}-${twoDigits(startYear + 1)}`;
}

function assertFourDigitYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year ${year} is outside ${MIN_YEAR}-${MAX_YEAR}`);
  }
}

function twoDigits(year: number): string {
  return pad(year % 100, 2);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
