import { InvalidIsoDateError } from './fiscal-year.rule';
import {
  addWorkingDays,
  isWorkingDay,
  tdEarlyEndDecisionDueOn,
  TD_EARLY_END_RESPONSE_WORKING_DAYS,
  workingDaysBetween,
} from './working-days.rule';

// July 2025: the 1st is a Tuesday, the 4th (Independence Day) a Friday, the 5th/6th a weekend.
const INDEPENDENCE_DAY = new Set(['2025-07-04']);
const YEAR_END_HOLIDAYS = new Set(['2025-12-25', '2026-01-01']);
const NONE = new Set<string>();

describe('isWorkingDay', () => {
  it.each([
    ['2025-07-01', NONE, true],
    ['2025-07-04', NONE, true],
    ['2025-07-04', INDEPENDENCE_DAY, false],
    ['2025-07-05', NONE, false],
    ['2025-07-06', NONE, false],
    ['2025-07-07', INDEPENDENCE_DAY, true],
  ])('%s (holidays %p) -> %s', (date, holidays, expected) => {
    expect(isWorkingDay(date, holidays)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2025-07-01', 1, NONE, '2025-07-02'],
    ['2025-07-03', 1, NONE, '2025-07-04'],
    ['2025-07-03', 1, INDEPENDENCE_DAY, '2025-07-07'],
    ['2025-07-04', 1, NONE, '2025-07-07'],
    ['2025-07-05', 1, NONE, '2025-07-07'],
    ['2025-07-01', 10, NONE, '2025-07-15'],
    ['2025-07-01', 10, INDEPENDENCE_DAY, '2025-07-16'],
    ['2025-12-24', 3, YEAR_END_HOLIDAYS, '2025-12-30'],
    ['2025-12-31', 1, YEAR_END_HOLIDAYS, '2026-01-02'],
    ['2025-07-05', 0, NONE, '2025-07-05'],
    ['2025-07-07', -1, NONE, '2025-07-04'],
    ['2025-07-07', -1, INDEPENDENCE_DAY, '2025-07-03'],
    ['2025-07-15', -10, NONE, '2025-07-01'],
  ])('%s + %i working days (holidays %p) = %s', (date, n, holidays, expected) => {
    expect(addWorkingDays(date, n, holidays)).toBe(expected);
  });

  it('defaults to no holidays', () => {
    expect(addWorkingDays('2025-07-03', 1)).toBe('2025-07-04');
  });

  it.each([1.5, Number.NaN])('refuses a non-whole count %d', (n) => {
    expect(() => addWorkingDays('2025-07-01', n)).toThrow(RangeError);
  });

  it('refuses a malformed holiday instead of ignoring it', () => {
    expect(() => addWorkingDays('2025-07-01', 5, new Set(['2025-7-4']))).toThrow(
      InvalidIsoDateError,
    );
  });
});

describe('workingDaysBetween (after `from`, up to and including `to`)', () => {
  it.each([
    ['2025-07-01', '2025-07-01', NONE, 0],
    ['2025-07-01', '2025-07-02', NONE, 1],
    ['2025-07-04', '2025-07-06', NONE, 0],
    ['2025-07-04', '2025-07-07', NONE, 1],
    ['2025-07-01', '2025-07-15', NONE, 10],
    ['2025-07-01', '2025-07-15', INDEPENDENCE_DAY, 9],
    // A holiday on a weekend is not subtracted twice.
    ['2025-07-01', '2025-07-08', new Set(['2025-07-05']), 5],
    ['2025-12-24', '2026-01-02', YEAR_END_HOLIDAYS, 5],
    ['2025-07-15', '2025-07-01', NONE, -10],
  ])('%s -> %s (holidays %p) = %i', (from, to, holidays, expected) => {
    expect(workingDaysBetween(from, to, holidays)).toBe(expected);
  });

  it.each([
    ['2025-07-01', 10],
    ['2025-07-05', 10],
    ['2025-12-20', 7],
    ['2025-07-04', 1],
    ['2025-07-16', -9],
  ])('is the inverse of addWorkingDays from %s by %i', (start, n) => {
    const holidays = new Set([...INDEPENDENCE_DAY, ...YEAR_END_HOLIDAYS]);
    expect(workingDaysBetween(start, addWorkingDays(start, n, holidays), holidays)).toBe(n);
  });
});

describe('tdEarlyEndDecisionDueOn (2 CCR 438: grant within 10 working days)', () => {
  it('uses ten working days', () => {
    expect(TD_EARLY_END_RESPONSE_WORKING_DAYS).toBe(10);
  });

  it.each([
    ['2025-07-01', NONE, '2025-07-15'],
    ['2025-07-01', INDEPENDENCE_DAY, '2025-07-16'],
    // Received on a Saturday: the ten days start on Monday.
    ['2025-07-05', NONE, '2025-07-18'],
  ])('request received %s (holidays %p) must be granted by %s', (received, holidays, due) => {
    expect(tdEarlyEndDecisionDueOn(received, holidays)).toBe(due);
  });
});
