import { ETHNICITY_CODES, GENDER_CODES, YES_NO_DECLINED } from '../employees/demographics';
import { drawEducation, drawName, drawSelfIdentification } from './people.rule';
import type { SelfIdentification } from './people.rule';
import { prngFor } from './prng.rule';

const N = 100_000;

describe('self-identification of generated employees', () => {
  const prng = prngFor(1, 'people');
  const people: SelfIdentification[] = Array.from({ length: N }, () =>
    drawSelfIdentification(prng),
  );
  const share = (test: (p: SelfIdentification) => boolean) => people.filter(test).length / N;

  it.each([
    ['only White', (p: SelfIdentification) => p.ethnicities?.join() === 'WHITE', 0.31],
    ['only Hispanic', (p: SelfIdentification) => p.ethnicities?.join() === 'HISPANIC', 0.27],
    ['only Black', (p: SelfIdentification) => p.ethnicities?.join() === 'BLACK', 0.09],
    ['only Filipino', (p: SelfIdentification) => p.ethnicities?.join() === 'FILIPINO', 0.055],
    [
      'in an Asian subgroup, alone',
      (p: SelfIdentification) =>
        p.ethnicities?.length === 1 && p.ethnicities[0].startsWith('ASIAN_'),
      0.12,
    ],
    ['more than one race', (p: SelfIdentification) => (p.ethnicities?.length ?? 0) > 1, 0.04],
    ['declined ethnicity', (p: SelfIdentification) => p.ethnicities?.join() === 'DECLINED', 0.05],
    ['ethnicity not provided', (p: SelfIdentification) => p.ethnicities === null, 0.03],
    ['female', (p: SelfIdentification) => p.gender === 'FEMALE', 0.49],
    ['male', (p: SelfIdentification) => p.gender === 'MALE', 0.465],
    ['gender declined', (p: SelfIdentification) => p.gender === 'DECLINED', 0.023],
    ['gender not provided', (p: SelfIdentification) => p.gender === null, 0.015],
    ['with a disability', (p: SelfIdentification) => p.disability === 'YES', 0.07],
    ['disability declined', (p: SelfIdentification) => p.disability === 'DECLINED', 0.1],
    ['veterans', (p: SelfIdentification) => p.veteran === 'YES', 0.055],
    ['veteran status not provided', (p: SelfIdentification) => p.veteran === null, 0.035],
  ])('%s: about %p of the workforce', (_label, test, expected) => {
    const actual = share(test);
    // Within 10% of the share (or 0.3 points for small shares): sampling noise is far less.
    expect(Math.abs(actual - expected)).toBeLessThan(Math.max(expected * 0.1, 0.003));
  });

  it('uses only the codes of the state form; DECLINED is an answer of its own', () => {
    const known = new Set<string>(ETHNICITY_CODES);
    const codes = people.flatMap((p) => p.ethnicities ?? []);
    expect(codes.filter((code) => !known.has(code))).toEqual([]);
    expect(
      people.filter(
        (p) =>
          p.ethnicities !== null && p.ethnicities.length > 1 && p.ethnicities.includes('DECLINED'),
      ),
    ).toEqual([]);
    // Pacific Islander and Asian subgroups are kept apart (Gov Code 8310.5).
    for (const subgroup of [
      'PACIFIC_ISLANDER_HAWAIIAN',
      'PACIFIC_ISLANDER_SAMOAN',
      'ASIAN_LAOTIAN',
    ] as const) {
      expect(codes).toContain(subgroup);
    }
    const genders = new Set<string | null>([...GENDER_CODES, null]);
    const answers = new Set<string | null>([...YES_NO_DECLINED, null]);
    expect(people.every((p) => genders.has(p.gender))).toBe(true);
    expect(people.every((p) => answers.has(p.disability) && answers.has(p.veteran))).toBe(true);
  });

  it('names people, whatever they answered', () => {
    const named = people.slice(0, 2_000).map((p) => drawName(prng, p));
    expect(named.every((n) => n.firstName.length > 0 && n.lastName.length > 0)).toBe(true);
    expect(new Set(named.map((n) => n.lastName)).size).toBeGreaterThan(50);
  });

  it.each([
    [true, 'HIGH_SCHOOL'],
    [false, 'BACHELOR'],
  ] as const)(
    'entry level %s: the most common education is %s, with units to match',
    (entry, mode) => {
      const draws = Array.from({ length: 5_000 }, () => drawEducation(prng, entry));
      const counts = new Map<string, number>();
      for (const d of draws) counts.set(d.level, (counts.get(d.level) ?? 0) + 1);
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
      expect(top).toBe(mode);
      expect(draws.filter((d) => d.level === 'BACHELOR').every((d) => d.semesterUnits >= 120)).toBe(
        true,
      );
      expect(
        draws.filter((d) => d.level === 'HIGH_SCHOOL').every((d) => d.semesterUnits < 60),
      ).toBe(true);
    },
  );
});
