import { toDayNumber } from '../program-calendar/fiscal-year.rule';
import { buildGoals, movesByFiscalYear } from './goals.rule';
import { prngFor } from './prng.rule';
import { PROFILES } from './scale-catalog';
import type { FiscalYearSpan } from './training.rule';
import type { WorkforceEmployee } from './workforce.rule';
import { buildWorkforce, UM_MOVE_RATE } from './workforce.rule';

const YEARS: FiscalYearSpan[] = [2023, 2024, 2025, 2026].map((year) => ({
  label: `${year}-${String(year + 1).slice(2)}`,
  start: toDayNumber(`${year}-07-01`),
  end: toDayNumber(`${year + 1}-06-30`),
}));

describe('generated annual goals', () => {
  const employees = buildWorkforce(
    {
      departmentCode: 'D004',
      departmentIndex: 3,
      size: 4_000,
      profile: PROFILES.GENERAL,
      today: toDayNumber('2026-11-26'),
      windowStart: YEARS[0].start,
    },
    prngFor(1, 'D004', 'employees'),
    prngFor(1, 'D004', 'employee-ids'),
  );

  it('sets one goal per fiscal year near the move rate, with class goals within the total', () => {
    const goals = buildGoals(employees, YEARS, PROFILES.GENERAL, prngFor(1, 'D004', 'goals'));
    expect(goals.map((g) => g.fiscalYear)).toEqual(YEARS.map((fy) => fy.label));
    const lowPaying = employees.filter((e) => e.lowPayingClass !== null).length;
    for (const goal of goals) {
      expect(goal.moveGoal).toBeGreaterThan(0);
      expect(goal.moveGoal).toBeLessThanOrEqual(Math.ceil(lowPaying * UM_MOVE_RATE * 1.3));
      const byClass = goal.moveGoalsByClass.reduce((sum, c) => sum + c.count, 0);
      expect(byClass).toBeLessThanOrEqual(goal.moveGoal);
      expect(
        goal.moveGoalsByClass.every((c) =>
          PROFILES.GENERAL.eltpa.some(([code]) => code === c.classCode),
        ),
      ).toBe(true);
      expect(goal.planGoal).toBeLessThanOrEqual(goal.participantGoal);
    }
  });

  it('explains a goal missed two years in a row in the next year, and only then', () => {
    const moveIn = (day: number) => ({ moveDay: day }) as WorkforceEmployee;
    const none = employees.map((e) => ({ ...e, moveDay: null }));
    const goals = buildGoals(none, YEARS, PROFILES.GENERAL, prngFor(1, 'D004', 'goals'));
    expect(movesByFiscalYear(none, YEARS)).toEqual([0, 0, 0, 0]);
    expect(goals.map((g) => g.missedGoalsExplanation !== null)).toEqual([false, false, true, true]);
    expect(goals.map((g) => g.twoYearPlan !== null)).toEqual([false, false, true, true]);

    // Enough moves in 2024-25 to meet its goal: 2025-26 missed once only, so 2026-27 explains nothing.
    const met = [...none, ...Array.from({ length: 1_000 }, () => moveIn(YEARS[1].start + 10))];
    const again = buildGoals(met, YEARS, PROFILES.GENERAL, prngFor(1, 'D004', 'goals'));
    expect(again.map((g) => g.missedGoalsExplanation !== null)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
