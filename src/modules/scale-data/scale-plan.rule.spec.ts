import { planScaleData } from './scale-plan.rule';
import { PROFILES } from './scale-catalog';

const ARGS = { employees: 230_000, departments: 180, years: 3, seed: 1, today: '2026-11-26' };

describe('the plan of a generation run', () => {
  it.each([
    ['2026-11-26', 3, ['2024-25', '2025-26', '2026-27']],
    ['2026-06-30', 2, ['2024-25', '2025-26']],
    ['2026-07-01', 1, ['2026-27']],
  ])('as of %s, %i years are %j', (today, years, labels) => {
    const plan = planScaleData({ ...ARGS, employees: 100, departments: 2, years, today });
    expect(plan.fiscalYears.map((fy) => fy.label)).toEqual(labels);
    expect(plan.windowStart).toBe(plan.fiscalYears[0].start);
  });

  it('plans the departments: codes, the largest first as the corrections agency, unique ids', () => {
    const plan = planScaleData(ARGS);
    expect(plan.departments).toHaveLength(180);
    expect(plan.departments.reduce((sum, d) => sum + d.size, 0)).toBe(230_000);
    expect(plan.departments[0]).toMatchObject({ code: 'D001', profile: PROFILES.CORRECTIONS });
    expect(plan.departments[179].code).toBe('D180');
    expect(new Set(plan.departments.map((d) => d.id)).size).toBe(180);
    expect(new Set(plan.departments.map((d) => d.profile.kind)).size).toBe(6);
    expect(plan.departments.some((d) => d.stateTimeCapHours !== null)).toBe(true);
    expect(plan.departments.some((d) => d.stateTimeCapHours === null)).toBe(true);
  });

  it('is the same for the same arguments and changes with the seed', () => {
    expect(planScaleData(ARGS)).toEqual(planScaleData(ARGS));
    expect(planScaleData({ ...ARGS, seed: 2 }).departments[0].id).not.toBe(
      planScaleData(ARGS).departments[0].id,
    );
  });

  it.each([0, 11, 1.5])('refuses %s years', (years) => {
    expect(() => planScaleData({ ...ARGS, years })).toThrow(RangeError);
  });
});
