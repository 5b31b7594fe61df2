import { fromDayNumber, toDayNumber } from '../program-calendar/fiscal-year.rule';
import {
  checkTdAssignmentLimit,
  equivalentHours,
  equivalentMonths,
  InvalidTdAssignmentError,
  maxEquivalentMonthsInAny36MonthWindow,
  monthsBetween,
  TdAssignment,
} from './td-assignment-limit.rule';

const LIMIT_MONTHS = 24;
/** 36 calendar months never hold more than 1,096 days. */
const MAX_WINDOW_DAYS = 1096;

function td(start: string, end: string, timeBaseFraction = 1): TdAssignment {
  return { start, end, timeBaseFraction };
}

// ---------------------------------------------------------------------------------------------
// A plainly slow reference, written independently of the rule: it weighs every day on the months
// counted from the window's first T&D day, and slides the window one day at a time.
// ---------------------------------------------------------------------------------------------

/** Same day of the month, `months` later, clamped to the end of a shorter month. */
function refAddMonths(dayNumber: number, months: number): number {
  const date = new Date(dayNumber * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDayOfTargetMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDayOfTargetMonth);
  return Date.UTC(year, month, day) / 86_400_000;
}

function addMonthsTo(date: string, months: number): string {
  return fromDayNumber(refAddMonths(toDayNumber(date), months));
}

/** grid(anchor)[k] = anchor + k calendar months, for k = 0..37; memoized, the tests reuse it. */
const grids = new Map<number, number[]>();
function grid(anchor: number): number[] {
  let months = grids.get(anchor);
  if (!months) {
    months = Array.from({ length: 38 }, (_, k) => refAddMonths(anchor, k));
    grids.set(anchor, months);
  }
  return months;
}

function refWindowLastDay(windowFirstDay: number): number {
  return refAddMonths(windowFirstDay, 36) - 1;
}

/** weights[i] = highest time base on day `from + i` (0 without T&D). */
function dayWeights(assignments: readonly TdAssignment[], from: number, to: number) {
  const weights = new Float64Array(to - from + 1);
  for (const a of assignments) {
    const lastDay = toDayNumber(a.end);
    for (let day = toDayNumber(a.start); day <= lastDay; day += 1) {
      weights[day - from] = Math.max(weights[day - from], a.timeBaseFraction);
    }
  }
  return weights;
}

/** Each day weighs its time base / the length of its month, counted from the first T&D day. */
function refMonthsInWindow(weights: Float64Array, from: number, windowFirstDay: number): number {
  const windowLastDay = refWindowLastDay(windowFirstDay);
  let total = 0;
  let months: number[] | null = null;
  let k = 0;
  for (let day = windowFirstDay; day <= windowLastDay; day += 1) {
    const weight = weights[day - from];
    if (weight === 0) continue;
    months ??= grid(day);
    while (day >= months[k + 1]) k += 1;
    total += weight / (months[k + 1] - months[k]);
  }
  return total;
}

/** The fullest window (touching `touching` if given); stops early once above `stopAbove`. */
function bruteForceMaxWindowMonths(
  assignments: readonly TdAssignment[],
  touching?: TdAssignment,
  stopAbove = Infinity,
): number {
  const from = Math.min(...assignments.map((a) => toDayNumber(a.start))) - MAX_WINDOW_DAYS;
  const to = Math.max(...assignments.map((a) => toDayNumber(a.end))) + MAX_WINDOW_DAYS;
  const weights = dayWeights(assignments, from, to);
  const touchFrom = touching ? toDayNumber(touching.start) : -Infinity;
  const touchTo = touching ? toDayNumber(touching.end) : Infinity;
  let best = 0;
  for (
    let start = Math.max(from, touchFrom - MAX_WINDOW_DAYS);
    start <= to - MAX_WINDOW_DAYS && best <= stopAbove;
    start += 1
  ) {
    if (start > touchTo || refWindowLastDay(start) < touchFrom) continue;
    best = Math.max(best, refMonthsInWindow(weights, from, start));
  }
  return best;
}

function fits(existing: readonly TdAssignment[], proposed: TdAssignment): boolean {
  const limit = LIMIT_MONTHS + 1e-9;
  return bruteForceMaxWindowMonths([...existing, proposed], proposed, limit) <= limit;
}

/** The same length in calendar terms: as many whole months, then as many extra days. */
function shiftTo(assignment: TdAssignment, start: string): TdAssignment {
  const first = toDayNumber(assignment.start);
  const afterLast = toDayNumber(assignment.end) + 1;
  let wholeMonths = 0;
  while (refAddMonths(first, wholeMonths + 1) <= afterLast) wholeMonths += 1;
  const extraDays = afterLast - refAddMonths(first, wholeMonths);
  const end = refAddMonths(toDayNumber(start), wholeMonths) + extraDays - 1;
  return td(start, fromDayNumber(end), assignment.timeBaseFraction);
}

/** Deterministic pseudo-random scenarios, so a failure can be reproduced. */
function randomScenarios(count: number, seed: number): TdAssignment[][] {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const base = toDayNumber('2020-01-01');
  const fractions = [1, 1, 0.5, 0.75, 0.6, 0.4];
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
      const start = base + Math.floor(next() * 2200);
      const length = 30 + Math.floor(next() * 800);
      return td(
        fromDayNumber(start),
        fromDayNumber(start + length),
        fractions[Math.floor(next() * fractions.length)],
      );
    }),
  );
}

function daysFrom(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = toDayNumber(start); day <= toDayNumber(end); day += 1) {
    days.push(fromDayNumber(day));
  }
  return days;
}

describe('monthsBetween / equivalentMonths (calendar months)', () => {
  it.each([
    ['2025-01-01', '2025-01-01', 1 / 31],
    ['2025-02-01', '2025-02-01', 1 / 28],
    ['2025-01-01', '2025-12-31', 12],
    ['2024-01-01', '2024-12-31', 12],
    ['2023-07-01', '2025-06-30', 24],
    ['2023-07-01', '2025-07-01', 24 + 1 / 31],
    // One month to 02-14, then 15 days of the 28-day month 02-15..03-14.
    ['2025-01-15', '2025-03-01', 1 + 15 / 28],
    // January 31 + 1 month is clamped to the end of February.
    ['2025-01-31', '2025-02-27', 1],
    ['2024-01-31', '2024-02-28', 1],
    ['2025-01-31', '2025-02-28', 1 + 1 / 31],
  ])('%s to %s (inclusive) is %d months', (start, end, months) => {
    expect(monthsBetween(start, end)).toBeCloseTo(months, 12);
  });

  it('counts D .. D + N months - 1 day as exactly N months from any day, and a day more as more', () => {
    const wrong: string[] = [];
    for (const start of daysFrom('2022-12-01', '2025-03-31')) {
      for (const n of [1, 2, 11, 12, 24, 36, 48]) {
        const end = addMonthsTo(start, n);
        const exact = monthsBetween(start, fromDayNumber(toDayNumber(end) - 1));
        const dayMore = monthsBetween(start, end);
        if (exact !== n || !(dayMore > n)) wrong.push(`${start} + ${n}: ${exact}, ${dayMore}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => monthsBetween('2025-02-01', '2025-01-31')).toThrow(InvalidTdAssignmentError);
  });

  it.each([
    [td('2025-01-01', '2025-12-31', 1), 12],
    [td('2025-01-01', '2025-12-31', 0.5), 6],
    [td('2023-07-01', '2025-06-30', 1), 24],
    [td('2025-01-01', '2028-12-31', 0.5), 24],
    [td('2025-01-01', '2025-01-31', 0.6), 0.6],
  ])('equivalentMonths(%p) = %d', (assignment, months) => {
    expect(equivalentMonths(assignment)).toBeCloseTo(months, 12);
  });

  it('24 full-time months are the regulation’s 4,159.92 part-time hours', () => {
    expect(equivalentHours(24)).toBeCloseTo(4159.92, 10);
    expect(equivalentHours(12)).toBeCloseTo(2079.96, 10);
  });
});

describe('maxEquivalentMonthsInAny36MonthWindow', () => {
  it('is null without assignments', () => {
    expect(maxEquivalentMonthsInAny36MonthWindow([])).toBeNull();
  });

  it.each([
    {
      name: 'one full-time year; the window is 36 calendar months',
      assignments: [td('2025-01-01', '2025-12-31')],
      months: 12,
      windowStart: '2025-01-01',
      windowEnd: '2027-12-31',
    },
    {
      name: 'exactly 24 calendar months across February 29 (731 days)',
      assignments: [td('2023-07-01', '2025-06-30')],
      months: 24,
      windowStart: '2023-07-01',
      windowEnd: '2026-06-30',
    },
    {
      name: 'a window starting on February 29 ends the day before the clamped February 28',
      assignments: [td('2024-02-29', '2024-03-28')],
      months: 1,
      windowStart: '2024-02-29',
      windowEnd: '2027-02-27',
    },
    {
      name: 'half-time for 48 calendar months: 18 equivalent months in any window',
      assignments: [td('2025-01-01', '2028-12-31', 0.5)],
      months: 18,
      windowStart: '2025-01-01',
      windowEnd: '2027-12-31',
    },
    {
      name: 'overlapping days count once, at the higher time base',
      // Jan-Jun full-time (6 months) + Jul-Sep half-time (1.5); a naive sum would give 9.
      assignments: [td('2025-01-01', '2025-06-30', 1), td('2025-04-01', '2025-09-30', 0.5)],
      months: 6 + 1.5,
      windowStart: '2025-01-01',
      windowEnd: '2027-12-31',
    },
    {
      name: 'the same assignment entered twice counts once',
      assignments: [td('2025-01-01', '2025-12-31'), td('2025-01-01', '2025-12-31')],
      months: 12,
      windowStart: '2025-01-01',
      windowEnd: '2027-12-31',
    },
    {
      name: 'a stretch split into records counts like one span',
      assignments: [td('2023-07-01', '2024-02-15'), td('2024-02-16', '2025-06-30')],
      months: 24,
      windowStart: '2023-07-01',
      windowEnd: '2026-06-30',
    },
    {
      name: 'the window slides to the two later assignments',
      // 2020 shares a window with half of B at most; B and C share the window from B's start.
      assignments: [
        td('2020-01-01', '2020-12-31'),
        td('2022-07-01', '2023-06-30'),
        td('2024-01-01', '2024-12-31'),
      ],
      months: 24,
      windowStart: '2022-07-01',
      windowEnd: '2025-06-30',
    },
    {
      name: 'the fullest window can end at an assignment end without starting at any start',
      // Half-time 2019-2021, then full-time 2022: the best window is 2020-01-01..2022-12-31.
      assignments: [td('2019-01-01', '2021-12-31', 0.5), td('2022-01-01', '2022-12-31', 1)],
      months: 12 + 12,
      windowStart: '2020-01-01',
      windowEnd: '2022-12-31',
    },
    {
      // 2021-01-28..02-27 and 2021-01-31..02-27 are both exactly one month, so the window can
      // start 3 days later at no cost and reach 3 more days of the 2024 assignment. Starting on
      // February 1 loses 1/28 of a month and gains only 1/31.
      name: 'the fullest window can start inside an assignment, at no assignment boundary',
      assignments: [td('2021-01-28', '2021-02-27'), td('2024-01-20', '2024-02-29')],
      months: 1 + 11 / 31,
      windowStart: '2021-01-31',
      windowEnd: '2024-01-30',
    },
    {
      name: 'assignments more than 36 months apart never share a window',
      assignments: [td('2015-01-01', '2015-12-31'), td('2019-01-01', '2019-06-30')],
      months: 12,
      windowStart: '2015-01-01',
      windowEnd: '2017-12-31',
    },
  ])('$name', ({ assignments, months, windowStart, windowEnd }) => {
    expect(maxEquivalentMonthsInAny36MonthWindow(assignments)).toEqual({
      months: expect.closeTo(months, 10),
      windowStart,
      windowEnd,
    });
    expect(bruteForceMaxWindowMonths(assignments)).toBeCloseTo(months, 10);
  });

  it.each(
    randomScenarios(25, 20_250_701).map((scenario, index): [number, TdAssignment[]] => [
      index,
      scenario,
    ]),
  )('agrees with sliding day by day (random scenario %i)', (_index, assignments) => {
    const result = maxEquivalentMonthsInAny36MonthWindow(assignments);
    expect(result?.months).toBeCloseTo(bruteForceMaxWindowMonths(assignments), 9);
  });
});

describe('checkTdAssignmentLimit: exactly 24 calendar months always fit, a day more never', () => {
  // Starts around two leap days: the 24 months hold 731 days from 2022-03-01 to 2024-02-28 and
  // from 2023-03-01 to 2024-02-29, and 730 days otherwise.
  const starts = [...daysFrom('2021-12-25', '2022-03-05'), ...daysFrom('2023-12-25', '2024-03-05')];

  it.each(starts)('from %s', (start) => {
    const end = fromDayNumber(toDayNumber(addMonthsTo(start, 24)) - 1);
    expect(checkTdAssignmentLimit([], td(start, end))).toEqual({ ok: true, usedMonths: 24 });
    const dayMore = checkTdAssignmentLimit([], td(start, addMonthsTo(start, 24)));
    expect(dayMore).toMatchObject({ ok: false, windowStart: start, earliestFittingStart: null });
    expect(dayMore.usedMonths).toBeGreaterThan(24);
  });
});

describe('checkTdAssignmentLimit: allowed', () => {
  it.each([
    {
      name: 'exactly at the limit: half-time 2019-2021 then full-time 2022',
      existing: [td('2019-01-01', '2021-12-31', 0.5)],
      proposed: td('2022-01-01', '2022-12-31'),
      months: 24,
    },
    {
      name: 'exactly 24 calendar months across February 29 (731 days)',
      existing: [],
      proposed: td('2023-07-01', '2025-06-30'),
      months: 24,
    },
    {
      name: 'a second full-time year right after the first, across February 29',
      existing: [td('2023-01-01', '2023-12-31')],
      proposed: td('2024-01-01', '2024-12-31'),
      months: 24,
    },
    {
      name: 'half-time for 48 calendar months (18 equivalent months in any window)',
      existing: [],
      proposed: td('2025-01-01', '2028-12-31', 0.5),
      months: 18,
    },
    {
      name: 'overlap with an existing assignment is not counted twice',
      existing: [td('2025-01-01', '2025-12-31')],
      proposed: td('2025-07-01', '2026-12-31'),
      months: 24,
    },
    {
      name: 'an old overrun outside every window touching the proposal does not block it',
      existing: [td('2010-01-01', '2012-12-31')],
      proposed: td('2025-01-01', '2025-12-31'),
      months: 12,
    },
    {
      // Every window touching 2025 holds at most 24 months: as it slides, it loses the earlier
      // assignment's months as fast as it gains 2025's.
      name: 'a new assignment once enough of the earlier one has left every window',
      existing: [td('2022-01-01', '2023-12-31')],
      proposed: td('2025-01-01', '2025-12-31'),
      months: 24,
    },
  ])('$name', ({ existing, proposed, months }) => {
    expect(checkTdAssignmentLimit(existing, proposed)).toEqual({
      ok: true,
      usedMonths: expect.closeTo(months, 10),
    });
    expect(bruteForceMaxWindowMonths([...existing, proposed], proposed)).toBeCloseTo(months, 10);
  });
});

describe('checkTdAssignmentLimit: refused', () => {
  it.each([
    {
      name: '24 calendar months and a day, across February 29 (never fits)',
      existing: [],
      proposed: td('2023-07-01', '2025-07-01'),
      months: 24 + 1 / 31,
      windowStart: '2023-07-01',
      earliestFittingStart: null,
    },
    {
      name: '24 calendar months and a day, no February 29 (never fits)',
      existing: [],
      proposed: td('2025-01-01', '2027-01-01'),
      months: 24 + 1 / 31,
      windowStart: '2025-01-01',
      earliestFittingStart: null,
    },
    {
      // Half-time 2019-2021 and full-time 2022 fill a window exactly; one more day tips it over.
      // The fullest window starts a day later, losing a half-time day and gaining a full one.
      name: 'one full-time day more than exactly reaching the limit',
      existing: [td('2019-01-01', '2021-12-31', 0.5)],
      proposed: td('2022-01-01', '2023-01-01'),
      months: 24 + 0.5 / 31,
      windowStart: '2020-01-02',
      earliestFittingStart: '2022-01-02',
    },
    {
      // Moved a year later, the window 2023-01-01..2025-12-31 holds 12 + 12 months, and the
      // window from 2023-01-02 holds 11 months 30 days + 1 day + 12 months.
      name: 'a second full-time year and a day right after the first',
      existing: [td('2023-01-01', '2023-12-31')],
      proposed: td('2024-01-01', '2025-01-01'),
      months: 24 + 1 / 31,
      windowStart: '2023-01-01',
      earliestFittingStart: '2025-01-01',
    },
    {
      // The window 2025-01-01..2027-12-31 holds 12 months and a day full-time, then 24 months
      // less that day half-time. Moved a day later, the proposal leaves a one-day gap: it holds
      // 23 months and 29 days half-time, half a day less than the 24 months.
      name: 'half-time days count half: a full-time year and a day, then half-time',
      existing: [td('2025-01-01', '2026-01-01')],
      proposed: td('2026-01-02', '2028-12-31', 0.5),
      months: 12 + 1 / 31 + (24 - 1 / 31) * 0.5,
      windowStart: '2025-01-01',
      earliestFittingStart: '2026-01-03',
    },
    {
      // Together they cover 2024-07-01..2026-07-01: 24 calendar months and a day. Moved later,
      // the proposal (18 months and a day) fits once it leaves 12 months after the existing one.
      name: 'overlapping proposal that extends an existing assignment too far',
      existing: [td('2024-07-01', '2025-06-30')],
      proposed: td('2025-01-01', '2026-07-01'),
      months: 24 + 1 / 31,
      windowStart: '2024-07-01',
      earliestFittingStart: '2026-07-01',
    },
  ])('$name', ({ existing, proposed, months, windowStart, earliestFittingStart }) => {
    const result = checkTdAssignmentLimit(existing, proposed);
    expect(result).toEqual({
      ok: false,
      limitMonths: 24,
      windowMonths: 36,
      usedMonths: expect.closeTo(months, 10),
      windowStart,
      windowEnd: fromDayNumber(refWindowLastDay(toDayNumber(windowStart))),
      earliestFittingStart,
    });
    expect(bruteForceMaxWindowMonths([...existing, proposed], proposed)).toBeCloseTo(months, 10);
    if (earliestFittingStart === null) return;
    expect(fits(existing, shiftTo(proposed, earliestFittingStart))).toBe(true);
    const dayBefore = fromDayNumber(toDayNumber(earliestFittingStart) - 1);
    expect(fits(existing, shiftTo(proposed, dayBefore))).toBe(false);
  });

  it('finds the earliest fitting start when escaping one assignment runs into another', () => {
    // A (18 months) refuses starts before 2024-07-01; from then on the proposal (12 months)
    // shares a window with all of B (18 months), until it overlaps B enough for the two to
    // cover 24 months together (overlapping days count once). The answer must fit and every
    // earlier day must not.
    const existing = [td('2022-01-01', '2023-06-30'), td('2026-01-01', '2027-06-30')];
    const proposed = td('2023-07-01', '2024-06-30');
    const result = checkTdAssignmentLimit(existing, proposed);
    if (result.ok || result.earliestFittingStart === null) throw new Error('expected a start');
    expect(result.earliestFittingStart).toBe('2025-07-01');
    const earliest = toDayNumber(result.earliestFittingStart);
    expect(fits(existing, shiftTo(proposed, result.earliestFittingStart))).toBe(true);
    for (let day = toDayNumber(proposed.start); day < earliest; day += 1) {
      expect(fits(existing, shiftTo(proposed, fromDayNumber(day)))).toBe(false);
    }
  });

  it.each(
    randomScenarios(40, 438).map((scenario, index): [number, TdAssignment[], TdAssignment] => [
      index,
      scenario.slice(0, -1),
      scenario[scenario.length - 1],
    ]),
  )('agrees with a day-by-day reference (random scenario %i)', (_index, existing, proposed) => {
    const result = checkTdAssignmentLimit(existing, proposed);
    expect(result.ok).toBe(fits(existing, proposed));
    expect(result.usedMonths).toBeCloseTo(
      bruteForceMaxWindowMonths([...existing, proposed], proposed),
      9,
    );
    if (result.ok) return;
    // Null means it can never fit on its own. For these scenarios (at most 28 months, part-time
    // at most 0.75) that is the same as not fitting on its own at its proposed start.
    expect(result.earliestFittingStart === null).toBe(!fits([], proposed));
    if (result.earliestFittingStart === null) return;
    const earliest = toDayNumber(result.earliestFittingStart);
    expect(fits(existing, shiftTo(proposed, result.earliestFittingStart))).toBe(true);
    // A refused proposal does not fit at its own start, so the day before the answer is in range.
    expect(fits(existing, shiftTo(proposed, fromDayNumber(earliest - 1)))).toBe(false);
  });
});

describe('checkTdAssignmentLimit: invalid input', () => {
  it.each([
    ['an end before the start', td('2025-02-01', '2025-01-31'), 'ends (2025-01-31) before'],
    ['a zero time base', td('2025-01-01', '2025-12-31', 0), 'time base'],
    ['a time base above full-time', td('2025-01-01', '2025-12-31', 1.5), 'time base'],
    ['a time base that is not a number', td('2025-01-01', '2025-12-31', Number.NaN), 'time base'],
  ])('refuses %s', (_name, assignment, message) => {
    expect(() => checkTdAssignmentLimit([], assignment)).toThrow(InvalidTdAssignmentError);
    expect(() => checkTdAssignmentLimit([assignment], td('2025-01-01', '2025-01-31'))).toThrow(
      message,
    );
    expect(() => maxEquivalentMonthsInAny36MonthWindow([assignment])).toThrow(
      InvalidTdAssignmentError,
    );
  });
});
