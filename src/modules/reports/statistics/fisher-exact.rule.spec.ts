import {
  erf,
  erfc,
  fisherExactGreater,
  fisherExactLess,
  fisherExactTwoSided,
  hypergeometricProbability,
  logFactorial,
  normalCdf,
  twoProportionZTest,
} from './fisher-exact.rule';

type Table = [number, number, number, number];

/** |actual - expected| <= relative * |expected| (plus a hair for expected values of 0). */
function expectRelativelyClose(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-300);
}

describe('logFactorial', () => {
  it.each<[number, number]>([
    [0, 0],
    [1, 0],
    [5, Math.log(120)],
    [10, Math.log(3628800)],
    // 20! = 2432902008176640000 (exact integer, OEIS A000142).
    [20, Math.log(2432902008176640000)],
    // ln(1000!) = 5912.128178488163 (ln Gamma(1001); R: lfactorial(1000)).
    [1000, 5912.128178488163],
    // ln(100000!) = 1051299.221899122 (R: lfactorial(1e5)).
    [100000, 1051299.221899122],
  ])('ln(%d!)', (n, expected) => {
    expectRelativelyClose(logFactorial(n), expected, 1e-13);
  });

  it('is continuous where the table hands over to Stirling', () => {
    expect(logFactorial(256) - logFactorial(255)).toBeCloseTo(Math.log(256), 10);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p', (n) => {
    expect(() => logFactorial(n)).toThrow(RangeError);
  });
});

describe('Fisher exact test', () => {
  // Each row: name, table [a, b, c, d], P(table), P(A <= a), P(A >= a), two-sided p (null where
  // the source gives no value), and the decimals the source prints.
  it.each<[string, Table, number | null, number, number | null, number, number]>([
    [
      // Fisher's lady tasting tea (Fisher 1935; Agresti, Categorical Data Analysis 2002, p. 91;
      // R ?fisher.test, TeaTasting): margins all 4, the hypergeometric weights are 1, 16, 36,
      // 16, 1 out of 70. Greater: 17/70 = 0.2429 (R prints "p-value = 0.2429"); two-sided:
      // 34/70 = 0.4857; less: 69/70.
      'lady tasting tea',
      [3, 1, 1, 3],
      16 / 70,
      69 / 70,
      17 / 70,
      34 / 70,
      12,
    ],
    [
      // Fisher (1962, 1970), criminal convictions of like-sex twins (R ?fisher.test,
      // Convictions = matrix(c(2, 10, 15, 3), nrow = 2)): alternative "less" p = 0.0004652,
      // two-sided p = 0.0005367 as printed by R.
      'convictions of like-sex twins',
      [2, 15, 10, 3],
      null,
      0.0004652,
      null,
      0.0005367,
      7,
    ],
    [
      // Wikipedia, "Fisher's exact test", dieting example (men 1 dieting / 11 not, women 9 / 3,
      // read here as [1, 9, 11, 3]): the observed table has p = 0.001346, the more extreme one
      // adds 0.000034 (so P(A <= 1) = 0.001380) and the two-sided p-value is 0.002759.
      'Wikipedia dieting example',
      [1, 9, 11, 3],
      0.001346,
      0.00138,
      null,
      0.002759,
      6,
    ],
  ])('%s', (_name, table, point, less, greater, twoSided, decimals) => {
    if (point !== null) expect(hypergeometricProbability(...table)).toBeCloseTo(point, decimals);
    expect(fisherExactLess(...table)).toBeCloseTo(less, decimals);
    if (greater !== null) expect(fisherExactGreater(...table)).toBeCloseTo(greater, decimals);
    expect(fisherExactTwoSided(...table)).toBeCloseTo(twoSided, decimals);
  });

  it.each<[string, Table, number]>([
    // Exact fractions worked by hand (weights C(5,x)C(10,5-x) = 252, 1050, 1200, 450, 50, 1 of
    // 3003): observed x = 1 has weight 1050; every weight <= 1050 sums to 1803.
    ['1 of 5 against 4 of 10', [1, 4, 4, 6], 1803 / 3003],
    // A symmetric table: the observed (most probable) table makes p = 1.
    ['equal rates', [5, 5, 5, 5], 1],
    // Nothing in one margin: only one table is possible.
    ['nobody selected', [0, 10, 0, 20], 1],
    ['empty table', [0, 0, 0, 0], 1],
    // Symmetric support: the tolerance makes the mirror table (equal probability up to
    // rounding) count. Weights C(4,x)C(4,4-x) = 1, 16, 36, 16, 1 of 70: x = 1 and x = 3 tie.
    ['ties within the tolerance are included', [1, 3, 3, 1], 34 / 70],
  ])('two-sided: %s', (_name, table, expected) => {
    expect(fisherExactTwoSided(...table)).toBeCloseTo(expected, 12);
  });

  it('keeps one-sided p-values complementary (they overlap in the observed table)', () => {
    const table: Table = [7, 12, 3, 19];
    expect(fisherExactLess(...table) + fisherExactGreater(...table)).toBeCloseTo(
      1 + hypergeometricProbability(...table),
      12,
    );
  });

  it('handles large tables without underflow', () => {
    // Same proportions as the tea table, 1000 times larger: still a valid probability.
    const p = fisherExactTwoSided(3000, 1000, 1000, 3000);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-100);
    expect(fisherExactTwoSided(2000, 2000, 2000, 2000)).toBeCloseTo(1, 12);
  });

  it.each<Table>([
    [-1, 0, 0, 0],
    [0, 1.5, 0, 0],
    [0, 0, Number.NaN, 0],
  ])('refuses %p', (...table) => {
    expect(() => fisherExactTwoSided(...table)).toThrow(RangeError);
  });
});

describe('erf and erfc', () => {
  it.each<[number, number]>([
    // Abramowitz & Stegun, Table 7.1 (erf x).
    [0, 0],
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [1.5, 0.9661051464753108],
    [2, 0.9953222650189527],
    [3, 0.9999779095030014],
    [-1, -0.8427007929497149],
  ])('erf(%p)', (x, expected) => {
    expect(erf(x)).toBeCloseTo(expected, 14);
  });

  it.each<[number, number]>([
    // erfc tails (A&S 7.1; DLMF 7.2; R: 2 * pnorm(-x * sqrt(2))), checked in relative terms.
    [1.5, 0.033894853524689274],
    [2, 0.004677734981047265],
    [3, 2.209049699858544e-5],
    [4, 1.541725790028002e-8],
    [6, 2.1519736712498916e-17],
    [10, 2.088487583762545e-45],
  ])('erfc(%p)', (x, expected) => {
    expectRelativelyClose(erfc(x), expected, 1e-13);
  });

  it('is NaN for NaN', () => {
    expect(erf(Number.NaN)).toBeNaN();
    expect(erfc(Number.NaN)).toBeNaN();
  });
});

describe('normalCdf', () => {
  it.each<[number, number]>([
    // Abramowitz & Stegun, Table 26.1 (P(x)); the same values as R's pnorm(x).
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [1, 0.8413447460685429],
    [1.5, 0.9331927987311419],
    [1.96, 0.9750021048517795],
    [2, 0.9772498680518208],
    [2.5, 0.9937903346742238],
    [3, 0.9986501019683699],
    [-1, 0.15865525393145707],
    [-1.96, 0.024997895148220435],
  ])('Phi(%p)', (z, expected) => {
    expect(Math.abs(normalCdf(z) - expected)).toBeLessThan(1e-14);
  });

  it.each<[number, number]>([
    // Lower tail, relative accuracy (R: pnorm(-3) = 0.001349898, pnorm(-5) = 2.866516e-07,
    // pnorm(-8) = 6.220961e-16, pnorm(-10) = 7.619853e-24, pnorm(-20) = 2.753624e-89).
    [-3, 0.0013498980316300957],
    [-5, 2.866515718791946e-7],
    [-8, 6.220960574271819e-16],
    [-10, 7.619853024160593e-24],
    [-20, 2.7536241186063314e-89],
  ])('Phi(%p) in the tail', (z, expected) => {
    expectRelativelyClose(normalCdf(z), expected, 1e-12);
  });

  it('reaches the ends', () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });

  it('is symmetric: Phi(z) + Phi(-z) = 1', () => {
    for (let z = -6; z <= 6; z += 0.37) {
      expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 15);
    }
  });

  it('agrees with the quantiles printed in every z-table', () => {
    // z = 1.6448536269514722 and 2.5758293035489004 are the 95% and 99.5% quantiles
    // (R: qnorm(0.95), qnorm(0.995)).
    expect(normalCdf(1.6448536269514722)).toBeCloseTo(0.95, 15);
    expect(normalCdf(2.5758293035489004)).toBeCloseTo(0.995, 15);
  });
});

describe('twoProportionZTest', () => {
  // Each row: source, x1, n1, x2, n2, z, two-sided p, decimals checked.
  it.each<[string, number, number, number, number, number, number, number]>([
    // usablestats.com AskStats question 866 (breast cancer 118 of 3303 against 80 of 3303):
    // pooled 0.02997, SE 0.004196, z = 2.74195, two-sided p = 0.00611.
    ['usablestats AskStats 866', 118, 3303, 80, 3303, 2.74195, 0.00611, 5],
    // wizedu.com question 363496 (9 of 31 against 8 of 30): z = 0.20601333, p = 0.8368
    // (Excel 2 * NORMSDIST).
    ['wizedu 363496', 9, 31, 8, 30, 0.20601333, 0.8368, 4],
    // homeworksource.com 997366 (28 of 254 against 36 of 301): z = -0.344, two-sided p = 0.7307.
    ['homeworksource 997366', 28, 254, 36, 301, -0.344, 0.7307, 3],
  ])('%s', (_source, x1, n1, x2, n2, z, pValue, decimals) => {
    const result = twoProportionZTest(x1, n1, x2, n2);
    expect(result.z).toBeCloseTo(z, decimals);
    expect(result.pValue).toBeCloseTo(pValue, decimals);
  });

  it('homeworksource 1008622 (140 of 200 against 255 of 340): z = -1.266015', () => {
    expect(twoProportionZTest(140, 200, 255, 340).z).toBeCloseTo(-1.266015, 6);
  });

  it('z is antisymmetric in the two groups and the p-value is not', () => {
    const forward = twoProportionZTest(12, 40, 48, 80);
    const backward = twoProportionZTest(48, 80, 12, 40);
    expect(forward.z).toBeCloseTo(-backward.z, 14);
    expect(forward.pValue).toBeCloseTo(backward.pValue, 14);
  });

  it.each<[string, number, number, number, number]>([
    ['nobody selected in either group', 0, 10, 0, 20],
    ['everybody selected in both groups', 10, 10, 20, 20],
  ])('no variance (%s): z = 0, p = 1', (_name, x1, n1, x2, n2) => {
    expect(twoProportionZTest(x1, n1, x2, n2)).toEqual({ z: 0, pValue: 1 });
  });

  it.each<[string, number, number, number, number]>([
    ['an empty group', 0, 0, 1, 2],
    ['more selected than in the group', 3, 2, 1, 2],
    ['a negative count', -1, 2, 1, 2],
    ['a fraction', 0.5, 2, 1, 2],
  ])('refuses %s', (_name, x1, n1, x2, n2) => {
    expect(() => twoProportionZTest(x1, n1, x2, n2)).toThrow(RangeError);
  });
});
