import { addCalendarMonths } from '../career-conversations/conversation-due.rule';
import { fromDayNumber, toDayNumber } from '../program-calendar/fiscal-year.rule';
import { monthsBetween } from '../td-assignments/td-assignment-limit.rule';
import {
  addMonthsToCivil,
  civilFromDayNumber,
  dayNumberFromCivil,
  isoFromDayNumber,
  monthsFromAnchor,
  monthsInclusive,
  untilReachingMonths,
} from './calendar-months';

function dayRange(start: string, end: string): number[] {
  const days: number[] = [];
  for (let day = toDayNumber(start); day <= toDayNumber(end); day += 1) days.push(day);
  return days;
}

describe('calendar-months', () => {
  it('converts day numbers exactly like program-calendar, across leap years and centuries', () => {
    const wrong: string[] = [];
    const days = [
      ...dayRange('1899-12-25', '1900-03-05'),
      ...dayRange('1999-12-01', '2001-03-31'),
      ...dayRange('2023-12-01', '2028-03-31'),
      ...dayRange('2099-12-25', '2100-03-05'),
    ];
    for (const day of days) {
      const iso = fromDayNumber(day);
      const { year, month, day: dayOfMonth } = civilFromDayNumber(day);
      if (isoFromDayNumber(day) !== iso || dayNumberFromCivil(year, month, dayOfMonth) !== day) {
        wrong.push(iso);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('adds months like addCalendarMonths (same day, clamped to a shorter month)', () => {
    const wrong: string[] = [];
    for (const day of dayRange('2023-01-25', '2024-03-05')) {
      for (const months of [1, 6, 12, 13, 24]) {
        const expected = addCalendarMonths(fromDayNumber(day), months);
        if (isoFromDayNumber(addMonthsToCivil(civilFromDayNumber(day), months)) !== expected) {
          wrong.push(`${fromDayNumber(day)} + ${months}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['2025-01-01', '2025-01-01', 1 / 31],
    ['2023-07-01', '2025-06-30', 24],
    ['2025-01-15', '2025-03-01', 1 + 15 / 28],
    ['2025-01-31', '2025-02-27', 1],
    ['2024-02-29', '2025-02-27', 12],
    ['2023-03-01', '2024-02-29', 12],
  ])('%s..%s (inclusive) is %d months, as monthsBetween says', (start, end, months) => {
    expect(monthsInclusive(toDayNumber(start), toDayNumber(end))).toBeCloseTo(months, 12);
    expect(monthsBetween(start, end)).toBeCloseTo(months, 12);
  });

  it('equals monthsBetween for every span from many starts (lengths up to five years)', () => {
    const wrong: string[] = [];
    const lengths = [0, 1, 27, 28, 29, 30, 31, 59, 180, 364, 365, 366, 730, 731, 1095, 1826];
    for (const first of dayRange('2023-01-01', '2025-01-31')) {
      for (const length of lengths) {
        const start = fromDayNumber(first);
        const end = fromDayNumber(first + length);
        if (monthsInclusive(first, first + length) !== monthsBetween(start, end)) {
          wrong.push(`${start}..${end}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('finds the first day a month total is reached, the inverse of monthsFromAnchor', () => {
    const wrong: string[] = [];
    for (const anchor of dayRange('2023-12-20', '2024-03-10')) {
      const anchorDate = civilFromDayNumber(anchor);
      for (const target of [0.25, 1, 1.5, 11.999, 12, 12.0001, 23.5, 24, 48]) {
        const until = untilReachingMonths(anchorDate, target);
        const reached = monthsFromAnchor(anchor, anchorDate, until) >= target - 1e-9;
        const dayEarlier = monthsFromAnchor(anchor, anchorDate, until - 1) >= target - 1e-9;
        if (!reached || dayEarlier) wrong.push(`${fromDayNumber(anchor)} + ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reaches N whole months exactly on D + N months', () => {
    const anchor = toDayNumber('2024-01-31');
    const until = untilReachingMonths(civilFromDayNumber(anchor), 1);
    expect(isoFromDayNumber(until)).toBe('2024-02-29');
  });
});
