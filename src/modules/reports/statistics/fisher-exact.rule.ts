/**
 * Significance tests for comparing two selection rates, as plain functions.
 *
 * The 2x2 table is read as
 *
 *                 selected   not selected
 *     group 1        a            b
 *     group 2        c            d
 *
 * - Fisher's exact test conditions on both margins: the top-left count then follows the
 *   hypergeometric distribution. Probabilities come from log-factorials, are rescaled by the
 *   largest one (so nothing underflows) and normalised by their own sum. The two-sided p-value
 *   adds every table no more probable than the observed one, with the relative tolerance
 *   R's `fisher.test` uses (1 + 1e-7) so that tables equally probable up to rounding count.
 * - The two-proportion z-test uses the pooled proportion under the null hypothesis; its
 *   two-sided p-value is `2 * (1 - Phi(|z|))`, computed as `erfc(|z| / sqrt 2)` so that small
 *   p-values keep their relative precision.
 * - `erf`/`erfc` use the power series of Abramowitz & Stegun 7.1.6 below 2 and the continued
 *   fraction of A&S 7.1.14 from 2 up (modified Lentz). Both are summed until the next term no
 *   longer changes a double, which keeps the relative error near 1e-15 (far inside the 1e-7
 *   asked for), including the tails.
 */

/** R's `fisher.test` treats tables whose probability is within this factor as equally likely. */
export const FISHER_RELATIVE_TOLERANCE = 1 + 1e-7;

export interface ZTestResult {
  /** (p1 - p2) / pooled standard error: negative when the first rate is the lower one. */
  z: number;
  /** Two-sided p-value. */
  pValue: number;
}

// ---------------------------------------------------------------------------------------------
// Log-factorials
// ---------------------------------------------------------------------------------------------

const LOG_FACTORIAL_TABLE_SIZE = 256;

const LOG_FACTORIAL_TABLE: readonly number[] = (() => {
  const table = [0];
  for (let n = 1; n < LOG_FACTORIAL_TABLE_SIZE; n += 1) table.push(table[n - 1] + Math.log(n));
  return table;
})();

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln(n!) for a whole n >= 0: summed exactly below 256, Stirling's series above (its next term,
 * 1/(1680 n^7), is below 1e-19 there).
 */
export function logFactorial(n: number): number {
  assertCount(n, 'n');
  if (n < LOG_FACTORIAL_TABLE_SIZE) return LOG_FACTORIAL_TABLE[n];
  const inverse = 1 / n;
  const inverseSquared = inverse * inverse;
  const correction =
    inverse * (1 / 12 - inverseSquared * (1 / 360 - inverseSquared * (1 / 1260)));
  return (n + 0.5) * Math.log(n) - n + HALF_LOG_TWO_PI + correction;
}

// ---------------------------------------------------------------------------------------------
// Fisher's exact test
// ---------------------------------------------------------------------------------------------

/** The hypergeometric distribution of `a` given the margins of the table. */
interface ConditionalDistribution {
  /** Smallest possible `a`. */
  low: number;
  /** Probability of `a = low + i`, each divided by the largest (so the largest is 1). */
  weights: number[];
  /** Sum of `weights` (the normalising constant). */
  totalWeight: number;
}

function conditionalDistribution(a: number, b: number, c: number, d: number): ConditionalDistribution {
  assertCount(a, 'a');
  assertCount(b, 'b');
  assertCount(c, 'c');
  assertCount(d, 'd');
  const row1 = a + b;
  const row2 = c + d;
  const column1 = a + c;
  const column2 = b + d;
  const n = row1 + row2;
  const low = Math.max(0, column1 - row2);
  const high = Math.min(row1, column1);
  const constant =
    logFactorial(row1) +
    logFactorial(row2) +
    logFactorial(column1) +
    logFactorial(column2) -
    logFactorial(n);
  const logs: number[] = [];
  for (let x = low; x <= high; x += 1) {
    logs.push(
      constant -
        logFactorial(x) -
        logFactorial(row1 - x) -
        logFactorial(column1 - x) -
        logFactorial(row2 - column1 + x),
    );
  }
  const largest = Math.max(...logs);
  const weights = logs.map((log) => Math.exp(log - largest));
  return { low, weights, totalWeight: sum(weights) };
}

/**
 * Probability of exactly this table given its margins (the hypergeometric point probability).
 */
export function hypergeometricProbability(a: number, b: number, c: number, d: number): number {
  const { low, weights, totalWeight } = conditionalDistribution(a, b, c, d);
  return weights[a - low] / totalWeight;
}

/**
 * Two-sided Fisher exact p-value: the probability of every table with these margins that is no
 * more probable than the observed one.
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  const { low, weights, totalWeight } = conditionalDistribution(a, b, c, d);
  const cutoff = weights[a - low] * FISHER_RELATIVE_TOLERANCE;
  return clampProbability(sum(weights.filter((weight) => weight <= cutoff)) / totalWeight);
}

/**
 * One-sided Fisher exact p-value, alternative "less" (odds ratio below 1, i.e. group 1 is
 * selected less often): P(A <= a).
 */
export function fisherExactLess(a: number, b: number, c: number, d: number): number {
  const { low, weights, totalWeight } = conditionalDistribution(a, b, c, d);
  return clampProbability(sum(weights.slice(0, a - low + 1)) / totalWeight);
}

/**
 * One-sided Fisher exact p-value, alternative "greater" (odds ratio above 1, i.e. group 1 is
 * selected more often): P(A >= a).
 */
export function fisherExactGreater(a: number, b: number, c: number, d: number): number {
  const { low, weights, totalWeight } = conditionalDistribution(a, b, c, d);
  return clampProbability(sum(weights.slice(a - low)) / totalWeight);
}

// ---------------------------------------------------------------------------------------------
// Normal distribution
// ---------------------------------------------------------------------------------------------

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);
const SERIES_LIMIT = 2;
const MAX_TERMS = 1000;

/** erf(x) for 0 <= x < 2, by the series A&S 7.1.6 (every term positive: no cancellation). */
function erfSeries(x: number): number {
  const twoXSquared = 2 * x * x;
  let term = x;
  let total = x;
  for (let n = 0; n < MAX_TERMS && term > total * Number.EPSILON * 0.5; n += 1) {
    term *= twoXSquared / (2 * n + 3);
    total += term;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * total;
}

/**
 * erfc(x) for x >= 2 by the continued fraction A&S 7.1.14,
 * erfc x = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated with the
 * modified Lentz method.
 */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let value = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < MAX_TERMS; k += 1) {
    const numerator = k / 2;
    d = x + numerator * d;
    if (d === 0) d = tiny;
    c = x + numerator / c;
    if (c === 0) c = tiny;
    d = 1 / d;
    const delta = c * d;
    value *= delta;
    if (Math.abs(delta - 1) <= Number.EPSILON) break;
  }
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / value;
}

/** The error function. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return -erf(-x);
  if (x === Number.POSITIVE_INFINITY) return 1;
  return x < SERIES_LIMIT ? erfSeries(x) : 1 - erfcContinuedFraction(x);
}

/** The complementary error function 1 - erf(x), accurate in relative terms for large x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x === Number.POSITIVE_INFINITY) return 0;
  return x < SERIES_LIMIT ? 1 - erfSeries(x) : erfcContinuedFraction(x);
}

/** Standard normal cumulative distribution function Phi(z) = P(Z <= z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

// ---------------------------------------------------------------------------------------------
// Two-proportion z-test
// ---------------------------------------------------------------------------------------------

/**
 * Pooled two-proportion z-test of x1/n1 against x2/n2 (two-sided). When the pooled proportion is
 * 0 or 1 (nobody, or everybody, selected in both groups) the rates are equal and there is no
 * variance: the result is z = 0, p = 1 rather than 0/0.
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): ZTestResult {
  assertProportion(x1, n1, 'x1', 'n1');
  assertProportion(x2, n2, 'x2', 'n2');
  const pooled = (x1 + x2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (variance === 0) return { z: 0, pValue: 1 };
  const z = (x1 / n1 - x2 / n2) / Math.sqrt(variance);
  return { z, pValue: clampProbability(erfc(Math.abs(z) / Math.SQRT2)) };
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function clampProbability(p: number): number {
  return Math.min(1, Math.max(0, p));
}

function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number >= 0, got ${value}`);
  }
}

function assertProportion(count: number, total: number, countName: string, totalName: string): void {
  assertCount(count, countName);
  assertCount(total, totalName);
  if (total === 0) throw new RangeError(`${totalName} must be at least 1`);
  if (count > total) {
    throw new RangeError(`${countName} (${count}) is larger than ${totalName} (${total})`);
  }
}
