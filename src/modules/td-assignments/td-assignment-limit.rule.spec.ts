import { fromDayNumber, toDayNumber } from '../program-calendar/fiscal-year.rule';
import {
  checkTdAssignmentLimit,
  DAYS_PER_MONTH,
  equivalentHours,
  equivalentMonths,
  InvalidTdAssignmentError,
  maxEquivalentMonthsInAny36MonthWindow,
  monthsBetween,
  TdAssignment,
} from './td-assignment-limit.rule';

const WINDOW_DAYS = 1096;
const LIMIT_DAYS = 730.5;

function td(start: string, end: string, timeBaseFraction = 1): TdAssignment {
  return { start, end, timeBaseFraction };
}

/** Plainly slow reference: weigh every day, slide the window one day at a time. */
function bruteForceWeights(assignments: readonly TdAssignment[], from: number, to: number) {
  const weights = new Array<number>(to - from + 1).fill(0);
  for (const a of assignments) {
    const lastDay = toDayNumber(a.end);
    for (let day = toDayNumber(a.start); day <= lastDay; day += 1) {
      weights[day - from] = Math.max(weights[day - from], a.timeBaseFraction);
    }
  }
  return weights;
}

function bruteForceMaxWindowDays(
  assignments: readonly TdAssignment[],
  touching?: TdAssignment,
): number {
  const from = Math.min(...assignments.map((a) => toDayNumber(a.start))) - WINDOW_DAYS;
  const to = Math.max(...assignments.map((a) => toDayNumber(a.end))) + WINDOW_DAYS;
  const weights = bruteForceWeights(assignments, from, to);
  // prefix[i] = total weight of the days before index i, so any window's sum is one subtraction.
  const prefix = [0];
  weights.forEach((weight, i) => prefix.push(prefix[i] + weight));
  const touchFrom = touching ? toDayNumber(touching.start) : -Infinity;
  const touchTo = touching ? toDayNumber(touching.end) : Infinity;
  let best = 0;
  for (let start = from; start + WINDOW_DAYS - 1 <= to; start += 1) {
    const end = start + WINDOW_DAYS - 1;
    if (start > touchTo || end < touchFrom) continue;
    best = Math.max(best, prefix[end - from + 1] - prefix[start - from]);
  }
  return best;
}

function fits(existing: readonly TdAssignment[], proposed: TdAssignment): boolean {
  return bruteForceMaxWindowDays([...existing, proposed], proposed) <= LIMIT_DAYS + 1e-9;
}

function shiftTo(assignment: TdAssignment, start: string): TdAssignment {
  const length = toDayNumber(assignment.end) - toDayNumber(assignment.start);
  return td(start, fromDayNumber(toDayNumber(start) + length), assignment.timeBaseFraction);
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

describe('monthsBetween / equivalentMonths (a month is 365.25 / 12 days)', () => {
  it('uses 30.4375 days a month', () => {
    expect(DAYS_PER_MONTH).toBe(30.4375);
  });

  it.each([
    ['2025-01-01', '2025-01-01', 1 / 30.4375],
    ['2025-01-01', '2025-12-31', 365 / 30.4375],
    ['2024-01-01', '2024-12-31', 366 / 30.4375],
    ['2025-01-01', '2026-12-31', 730 / 30.4375],
  ])('%s to %s (inclusive) is %d months', (start, end, months) => {
    expect(monthsBetween(start, end)).toBeCloseTo(months, 10);
  });

  it.each([
    [td('2025-01-01', '2025-12-31', 1), 365 / 30.4375],
    [td('2025-01-01', '2025-12-31', 0.5), 182.5 / 30.4375],
    [td('2025-01-01', '2028-12-31', 0.5), 24],
  ])('equivalentMonths(%p) = %d', (assignment, months) => {
    expect(equivalentMonths(assignment)).toBeCloseTo(months, 10);
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
      name: 'one full-time year',
      assignments: [td('2025-01-01', '2025-12-31')],
      days: 365,
      windowStart: '2025-01-01',
      windowEnd: '2028-01-01',
    },
    {
      name: 'overlapping days count once, at the higher time base',
      // Jan-Jun full-time (181 days) + Jul-Sep half-time (92 days); a naive sum would give 272.5.
      assignments: [td('2025-01-01', '2025-06-30', 1), td('2025-04-01', '2025-09-30', 0.5)],
      days: 181 + 46,
      windowStart: '2025-01-01',
      windowEnd: '2028-01-01',
    },
    {
      name: 'the same assignment entered twice counts once',
      assignments: [td('2025-01-01', '2025-12-31'), td('2025-01-01', '2025-12-31')],
      days: 365,
      windowStart: '2025-01-01',
      windowEnd: '2028-01-01',
    },
    {
      name: 'the window slides to the two later assignments',
      // 2020 (366 d) fits with half of B; B (365 d) + C (366 d) share the window from B's start.
      assignments: [
        td('2020-01-01', '2020-12-31'),
        td('2022-07-01', '2023-06-30'),
        td('2024-01-01', '2024-12-31'),
      ],
      days: 365 + 366,
      windowStart: '2022-07-01',
      windowEnd: '2025-06-30',
    },
    {
      name: 'the fullest window can end at an assignment end without starting at any start',
      // Half-time 2019-2021, then full-time 2022: the best window is 2020-01-01..2022-12-31.
      assignments: [td('2019-01-01', '2021-12-31', 0.5), td('2022-01-01', '2022-12-31', 1)],
      days: 731 * 0.5 + 365,
      windowStart: '2020-01-01',
      windowEnd: '2022-12-31',
    },
    {
      name: 'assignments more than 36 months apart never share a window',
      assignments: [td('2015-01-01', '2015-12-31'), td('2019-01-01', '2019-06-30')],
      days: 365,
      windowStart: '2015-01-01',
      windowEnd: '2017-12-31',
    },
  ])('$name', ({ assignments, days, windowStart, windowEnd }) => {
    expect(maxEquivalentMonthsInAny36MonthWindow(assignments)).toEqual({
      months: expect.closeTo(days / DAYS_PER_MONTH, 10),
      windowStart,
      windowEnd,
    });
  });

  it.each(
    randomScenarios(25, 20_250_701).map((scenario, index): [number, TdAssignment[]] => [
      index,
      scenario,
    ]),
  )('agrees with sliding day by day (random scenario %i)', (_index, assignments) => {
    const result = maxEquivalentMonthsInAny36MonthWindow(assignments);
    expect(result?.months).toBeCloseTo(bruteForceMaxWindowDays(assignments) / DAYS_PER_MONTH, 8);
  });
});

describe('checkTdAssignmentLimit: allowed', () => {
  it.each([
    {
      name: 'exactly at the limit: half-time 2019-2021 then full-time 2022 (730.5 days)',
      existing: [td('2019-01-01', '2021-12-31', 0.5)],
      proposed: td('2022-01-01', '2022-12-31'),
      months: 24,
    },
    {
      name: 'two non-leap calendar years full-time (730 days)',
      existing: [],
      proposed: td('2025-01-01', '2026-12-31'),
      months: 730 / 30.4375,
    },
    {
      name: 'half-time for 48 calendar months (18 equivalent months in any window)',
      existing: [],
      proposed: td('2025-01-01', '2028-12-31', 0.5),
      months: (1096 * 0.5) / 30.4375,
    },
    {
      name: 'overlap with an existing assignment is not counted twice',
      existing: [td('2025-01-01', '2025-12-31')],
      proposed: td('2025-07-01', '2026-12-31'),
      months: 730 / 30.4375,
    },
    {
      name: 'an old overrun outside every window touching the proposal does not block it',
      existing: [td('2010-01-01', '2012-12-31')],
      proposed: td('2025-01-01', '2025-12-31'),
      months: 365 / 30.4375,
    },
    {
      name: 'a new assignment once enough of the earlier one has left every window',
      existing: [td('2022-01-01', '2023-12-30')],
      proposed: td('2025-01-01', '2025-12-31'),
      months: (364 + 365) / 30.4375,
    },
  ])('$name', ({ existing, proposed, months }) => {
    expect(checkTdAssignmentLimit(existing, proposed)).toEqual({
      ok: true,
      usedMonths: expect.closeTo(months, 10),
    });
  });
});

describe('checkTdAssignmentLimit: refused', () => {
  it.each([
    {
      name: 'one day over the limit, full-time (731 days, never fits)',
      existing: [],
      proposed: td('2025-01-01', '2027-01-01'),
      days: 731,
      windowStart: '2025-01-01',
      earliestFittingStart: null,
    },
    {
      // Half-time 2019-2021 and full-time 2022 fill a window exactly; one more day tips it over.
      name: 'one full-time day more than exactly reaching the limit',
      existing: [td('2019-01-01', '2021-12-31', 0.5)],
      proposed: td('2022-01-01', '2023-01-01'),
      days: 730 * 0.5 + 366,
      windowStart: '2020-01-02',
      earliestFittingStart: '2022-01-02',
    },
    {
      // Two calendar years that include February 29 are 731 days: half a day over 730.5.
      name: 'two calendar years across a leap day (consequence of 30.4375-day months)',
      existing: [],
      proposed: td('2023-07-01', '2025-06-30'),
      days: 731,
      windowStart: '2023-07-01',
      earliestFittingStart: null,
    },
    {
      name: 'a second full-time year right after the first pushes past 24 months',
      existing: [td('2023-01-01', '2023-12-31')],
      proposed: td('2024-01-01', '2024-12-31'),
      days: 365 + 366,
      windowStart: '2023-01-01',
      earliestFittingStart: '2025-01-01',
    },
    {
      // The window 2025-01-01..2028-01-01 holds 366 full-time days and 730 half-time days.
      name: 'half-time days count half: a full-time year and a day, then half-time',
      existing: [td('2025-01-01', '2026-01-01')],
      proposed: td('2026-01-02', '2028-12-31', 0.5),
      days: 366 + 730 * 0.5,
      windowStart: '2025-01-01',
      earliestFittingStart: '2026-01-03',
    },
    {
      // Together they cover 2024-07-01..2026-07-01 (731 days). Moved later, the proposal must
      // leave 367 days after the existing one ends so that a window holds at most 730.5 days.
      name: 'overlapping proposal that extends an existing assignment too far',
      existing: [td('2024-07-01', '2025-06-30')],
      proposed: td('2025-01-01', '2026-07-01'),
      days: 731,
      windowStart: '2024-07-01',
      earliestFittingStart: '2026-07-02',
    },
  ])('$name', ({ existing, proposed, days, windowStart, earliestFittingStart }) => {
    const result = checkTdAssignmentLimit(existing, proposed);
    if (result.ok) throw new Error('expected a refusal');
    expect(result).toEqual({
      ok: false,
      limitMonths: 24,
      windowMonths: 36,
      usedMonths: expect.closeTo(days / DAYS_PER_MONTH, 10),
      windowStart,
      windowEnd: fromDayNumber(toDayNumber(windowStart) + WINDOW_DAYS - 1),
      earliestFittingStart,
    });
  });

  it('finds the earliest fitting start when escaping one assignment runs into another', () => {
    // Starts late enough to leave A's window run into B's, until the proposal overlaps B by a
    // day (overlapping days count once). The answer must fit and every earlier day must not.
    const existing = [td('2022-01-01', '2023-06-30'), td('2026-07-01', '2027-06-30')];
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
    if (result.ok) return;
    const ownLength = toDayNumber(proposed.end) - toDayNumber(proposed.start) + 1;
    const fitsAlone = Math.min(ownLength, WINDOW_DAYS) * proposed.timeBaseFraction <= LIMIT_DAYS;
    expect(result.earliestFittingStart === null).toBe(!fitsAlone);
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
