import { demoRoster, seededRandom } from './demo-roster';

describe('demoRoster', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(demoRoster(20, 7)).toEqual(demoRoster(20, 7));
    expect(demoRoster(20, 7)).not.toEqual(demoRoster(20, 8));
  });

  it('gives unique employee numbers and valid time bases', () => {
    const roster = demoRoster(500);
    expect(new Set(roster.map((e) => e.employeeNumber)).size).toBe(500);
    for (const e of roster) {
      expect(e.timeBase === 'FULL_TIME' ? e.timeBaseFraction === 1 : e.timeBaseFraction < 1).toBe(
        true,
      );
      expect(e.hireDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('includes "decline to state" answers and several ethnicities', () => {
    const roster = demoRoster(500);
    expect(roster.some((e) => e.ethnicities.includes('DECLINED'))).toBe(true);
    expect(roster.some((e) => e.gender === 'DECLINED')).toBe(true);
    expect(new Set(roster.flatMap((e) => e.ethnicities)).size).toBeGreaterThan(8);
    expect(roster.some((e) => e.ethnicities.length > 1)).toBe(true);
  });

  it('draws uniform numbers in [0, 1)', () => {
    const random = seededRandom(1);
    const draws = Array.from({ length: 1000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((a, b) => a + b, 0) / 1000).toBeGreaterThan(0.45);
  });
});
