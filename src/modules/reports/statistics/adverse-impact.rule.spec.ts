import {
  adverseImpact,
  chooseSignificanceTest,
  selectionRates,
} from './adverse-impact.rule';
import type { GroupCount, GroupImpact } from './adverse-impact.rule';

const g = (group: string, selected: number, total: number): GroupCount => ({
  group,
  selected,
  total,
});

function byGroup(groups: readonly GroupImpact[], name: string): GroupImpact {
  const found = groups.find((entry) => entry.group === name);
  if (!found) throw new Error(`no group ${name}`);
  return found;
}

describe('selectionRates', () => {
  it.each<[string, GroupCount[], (number | null)[]]>([
    ['rates in input order', [g('A', 48, 80), g('B', 12, 40)], [0.6, 0.3]],
    ['a group of nobody has no rate', [g('A', 0, 0), g('B', 0, 5)], [null, 0]],
    ['everybody selected', [g('A', 7, 7)], [1]],
    ['no groups', [], []],
  ])('%s', (_name, groups, expected) => {
    expect(selectionRates(groups).map((entry) => entry.rate)).toEqual(expected);
  });

  it.each<[string, GroupCount[]]>([
    ['more selected than the total', [g('A', 6, 5)]],
    ['a negative total', [g('A', 0, -1)]],
    ['a negative selection', [g('A', -1, 5)]],
    ['a fractional count', [g('A', 1.5, 5)]],
    ['NaN', [g('A', Number.NaN, 5)]],
    ['the same group twice', [g('A', 1, 5), g('A', 2, 5)]],
  ])('refuses %s', (_name, groups) => {
    expect(() => selectionRates(groups)).toThrow(RangeError);
    expect(() => adverseImpact(groups)).toThrow(RangeError);
  });
});

describe('adverseImpact: four-fifths rule', () => {
  // Uniform Guidelines Questions and Answers, Q&A 12 (44 FR 11996, 1979): hiring rates of 60%
  // (whites), 45% (American Indians), 48% (Hispanics) and 51% (Blacks) give impact ratios of
  // 75%, 80% and 85%: adverse impact is indicated for American Indians but not for Hispanics or
  // Blacks. The Q&A gives rates only; 100 applicants per group reproduce them.
  const report = adverseImpact([
    g('White', 60, 100),
    g('American Indian', 45, 100),
    g('Hispanic', 48, 100),
    g('Black', 51, 100),
  ]);

  it('takes the group with the highest rate as the reference', () => {
    expect(report.referenceGroup).toBe('White');
    expect(report.referenceRate).toBe(0.6);
    expect(byGroup(report.groups, 'White')).toMatchObject({
      isReference: true,
      impactRatio: 1,
      fourFifthsFlag: false,
      test: null,
      pValue: null,
      significant: false,
    });
  });

  it.each<[string, number, boolean]>([
    ['American Indian', 0.75, true],
    // Exactly four-fifths is not "less than four-fifths": not flagged (and exactly 0.8).
    ['Hispanic', 0.8, false],
    ['Black', 0.85, false],
  ])('%s: ratio %p, flagged %p', (name, ratio, flagged) => {
    const entry = byGroup(report.groups, name);
    expect(entry.impactRatio).toBeCloseTo(ratio, 15);
    expect(entry.fourFifthsFlag).toBe(flagged);
  });

  it('reports exactly 0.8 for exactly four-fifths (no floating-point 0.7999...)', () => {
    expect(byGroup(report.groups, 'Hispanic').impactRatio).toBe(0.8);
  });

  it.each<[string, number, number, boolean]>([
    // Pooled z-tests against 60 of 100 (each twoProportionZTest(x, 100, 60, 100)):
    // 45: z = -2.1240, p = 0.0337; 48: z = -1.7025, p = 0.0887; 51: z = -1.2806, p = 0.2003.
    ['American Indian', -2.124, 0.0337, true],
    ['Hispanic', -1.7025, 0.0887, false],
    ['Black', -1.2806, 0.2003, false],
  ])('%s: z-test against the reference', (name, z, pValue, significant) => {
    const entry = byGroup(report.groups, name);
    expect(entry.test).toBe('Z');
    expect(entry.z).toBeCloseTo(z, 3);
    expect(entry.pValue).toBeCloseTo(pValue, 4);
    expect(entry.significant).toBe(significant);
  });
});

describe('adverseImpact: significance test', () => {
  // Each row: name, groups (reference first), the other group, expected test, p-value,
  // decimals, ratio, flagged, significant.
  it.each<
    [string, GroupCount[], string, 'FISHER' | 'Z', number, number, number, boolean, boolean]
  >([
    [
      // R ?fisher.test TeaTasting as selections: 3 of 4 against 1 of 4, two-sided p = 0.4857
      // (34/70). Four-fifths says adverse impact (1/3), the test says small numbers: UGESP
      // 4(D)'s "based on small numbers and not statistically significant".
      'tea tasting: flagged but not significant',
      [g('Reference', 3, 4), g('Small group', 1, 4)],
      'Small group',
      'FISHER',
      34 / 70,
      12,
      1 / 3,
      true,
      false,
    ],
    [
      // R ?fisher.test Convictions: 10 of 13 monozygotic against 2 of 17 dizygotic twins
      // convicted, two-sided p = 0.0005367. Ratio (2/17)/(10/13) = 26/170.
      'convictions of twins: flagged and significant',
      [g('Monozygotic', 10, 13), g('Dizygotic', 2, 17)],
      'Dizygotic',
      'FISHER',
      0.0005367,
      7,
      26 / 170,
      true,
      true,
    ],
    [
      // usablestats.com AskStats 866: 118 of 3303 against 80 of 3303, z = 2.74195,
      // p = 0.00611 (here z is negative: the group is below the reference).
      'large groups: z-test',
      [g('Reference', 118, 3303), g('Lower', 80, 3303)],
      'Lower',
      'Z',
      0.00611,
      5,
      80 / 118,
      true,
      true,
    ],
    [
      // Expected selected count in the smaller group: 40 * 7 / 90 = 3.1 < 5 -> Fisher despite
      // 40 and 50 people. By hand: weights C(40,x) C(50,7-x) for x = 0..7 are 99884400,
      // 635628000, 1652632800, 2275364000, 1791244000, 806059800, 191919000, 18643560 of
      // C(90,7) = 7471375560; those <= the observed x = 1 are x = 0, 1, 6, 7:
      // 946074960 / 7471375560 = 0.1266266.
      'large enough groups but a small expected count: Fisher',
      [g('Reference', 6, 50), g('Lower', 1, 40)],
      'Lower',
      'FISHER',
      946074960 / 7471375560,
      12,
      (1 * 50) / (40 * 6),
      true,
      false,
    ],
  ])('%s', (_name, groups, name, test, pValue, decimals, ratio, flagged, significant) => {
    const entry = byGroup(adverseImpact(groups).groups, name);
    expect(entry.test).toBe(test);
    expect(entry.pValue).toBeCloseTo(pValue, decimals);
    expect(entry.impactRatio).toBeCloseTo(ratio, 12);
    expect(entry.fourFifthsFlag).toBe(flagged);
    expect(entry.significant).toBe(significant);
    expect(entry.z === null).toBe(test === 'FISHER');
  });

  it('z is negative for a group selected less often than the reference', () => {
    const entry = byGroup(
      adverseImpact([g('Reference', 118, 3303), g('Lower', 80, 3303)]).groups,
      'Lower',
    );
    expect(entry.z).toBeCloseTo(-2.74195, 5);
  });

  it.each<[number, boolean]>([
    [0.05, true],
    [0.01, false],
  ])('alpha %p decides significance (p = 0.0337)', (alpha, significant) => {
    const report = adverseImpact([g('White', 60, 100), g('American Indian', 45, 100)], { alpha });
    expect(report.alpha).toBe(alpha);
    expect(byGroup(report.groups, 'American Indian').significant).toBe(significant);
  });

  it.each([0, 1, -0.1, Number.NaN])('refuses alpha %p', (alpha) => {
    expect(() => adverseImpact([g('A', 1, 2)], { alpha })).toThrow(RangeError);
  });
});

describe('chooseSignificanceTest', () => {
  it.each<[string, GroupCount, GroupCount, 'FISHER' | 'Z']>([
    ['both 30 or more, expected counts 15', g('A', 10, 30), g('B', 20, 30), 'Z'],
    ['a group of 29', g('A', 10, 29), g('B', 20, 30), 'FISHER'],
    ['a reference of 29', g('A', 10, 30), g('B', 20, 29), 'FISHER'],
    // Expected selected in A: 30 * 10 / 60 = 5 exactly -> not below 5.
    ['smallest expected count exactly 5', g('A', 4, 30), g('B', 6, 30), 'Z'],
    // 30 * 9 / 60 = 4.5 < 5.
    ['smallest expected count 4.5', g('A', 4, 30), g('B', 5, 30), 'FISHER'],
    // Few NOT selected count too: 30 * 9 / 60 = 4.5 for the "not selected" column.
    ['few not selected', g('A', 26, 30), g('B', 25, 30), 'FISHER'],
  ])('%s -> %s', (_name, group, reference, expected) => {
    expect(chooseSignificanceTest(group, reference)).toBe(expected);
  });
});

describe('adverseImpact: edge cases', () => {
  it('never drops "decline to state", which can be the reference', () => {
    const report = adverseImpact([
      g('Asian', 3, 10),
      g('Decline to state', 5, 10),
      g('Hispanic', 4, 10),
    ]);
    expect(report.groups.map((entry) => entry.group)).toEqual([
      'Asian',
      'Decline to state',
      'Hispanic',
    ]);
    expect(report.referenceGroup).toBe('Decline to state');
    expect(byGroup(report.groups, 'Asian').impactRatio).toBeCloseTo(0.6, 15);
    expect(byGroup(report.groups, 'Asian').fourFifthsFlag).toBe(true);
    expect(byGroup(report.groups, 'Hispanic').impactRatio).toBeCloseTo(0.8, 15);
    expect(byGroup(report.groups, 'Hispanic').fourFifthsFlag).toBe(false);
  });

  it('reports "decline to state" like any other group when it is low', () => {
    const entry = byGroup(
      adverseImpact([g('White', 6, 10), g('Decline to state', 1, 10)]).groups,
      'Decline to state',
    );
    expect(entry).toMatchObject({ impactRatio: 1 / 6, fourFifthsFlag: true, test: 'FISHER' });
  });

  it('all rates 0: no reference, no ratios, no flags, no tests', () => {
    const report = adverseImpact([g('A', 0, 10), g('B', 0, 3), g('C', 0, 0)]);
    expect(report.referenceGroup).toBeNull();
    expect(report.referenceRate).toBeNull();
    for (const entry of report.groups) {
      expect(entry).toMatchObject({
        isReference: false,
        impactRatio: null,
        fourFifthsFlag: false,
        test: null,
        z: null,
        pValue: null,
        significant: false,
      });
    }
    expect(report.groups.map((entry) => entry.rate)).toEqual([0, 0, null]);
  });

  it('a group of nobody is reported but is never the reference', () => {
    const report = adverseImpact([g('Empty', 0, 0), g('A', 2, 10), g('B', 1, 10)]);
    expect(report.referenceGroup).toBe('A');
    expect(byGroup(report.groups, 'Empty')).toEqual({
      group: 'Empty',
      selected: 0,
      total: 0,
      rate: null,
      isReference: false,
      impactRatio: null,
      fourFifthsFlag: false,
      test: null,
      z: null,
      pValue: null,
      significant: false,
    });
  });

  it('a group with nobody selected has ratio 0 and is flagged and tested', () => {
    const entry = byGroup(adverseImpact([g('A', 5, 10), g('B', 0, 10)]).groups, 'B');
    // Fisher, margins 10/10 and 5/15: P(A = 0) = P(A = 5) = C(10,5)/C(20,5) = 252/15504 each.
    expect(entry).toMatchObject({ impactRatio: 0, fourFifthsFlag: true, test: 'FISHER' });
    expect(entry.pValue).toBeCloseTo(504 / 15504, 12);
    expect(entry.significant).toBe(true);
  });

  it('ties for the highest rate: the first is the reference, the other has ratio 1', () => {
    const report = adverseImpact([g('A', 1, 4), g('B', 2, 8), g('C', 1, 8)]);
    expect(report.referenceGroup).toBe('A');
    expect(byGroup(report.groups, 'B')).toMatchObject({
      isReference: false,
      impactRatio: 1,
      fourFifthsFlag: false,
      pValue: 1,
      significant: false,
    });
    expect(byGroup(report.groups, 'C').impactRatio).toBeCloseTo(0.5, 15);
  });

  it('the reference alone', () => {
    const report = adverseImpact([g('Only', 3, 7)]);
    expect(report.referenceGroup).toBe('Only');
    expect(report.groups[0]).toMatchObject({ isReference: true, impactRatio: 1, test: null });
  });

  it('no groups at all', () => {
    expect(adverseImpact([])).toEqual({
      referenceGroup: null,
      referenceRate: null,
      alpha: 0.05,
      groups: [],
    });
  });

  it('does not change its input', () => {
    const groups = [g('A', 5, 10), g('B', 1, 10)];
    const copy = structuredClone(groups);
    adverseImpact(groups);
    expect(groups).toEqual(copy);
  });
});
