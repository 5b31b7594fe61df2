/**
 * Adverse impact of a selection (advancement, a career plan, training) on each group, by the
 * four-fifths rule of the Uniform Guidelines (29 CFR 1607.4(D)) with a significance test beside
 * it, because "greater differences in selection rate may not constitute adverse impact where
 * the differences are based on small numbers and are not statistically significant".
 *
 * Decisions:
 * - Every group given is reported, "decline to state" included: it is a group like any other
 *   and may even be the reference. Group names must be distinct.
 * - A group's rate is selected / total; a group with total 0 has rate null, is reported with
 *   nulls and never flagged, and cannot be the reference.
 * - The reference is the group with the highest rate (the first such group in input order when
 *   several tie; ties give the same ratios and tests either way). When every rate is 0 nobody
 *   was selected at all: there is no reference, every ratio is null and nothing is flagged.
 * - impactRatio = rate / reference rate, computed as (selected * refTotal) / (total *
 *   refSelected) so that exactly four-fifths (e.g. 48% against 60%) gives exactly 0.8 and is
 *   not flagged; `fourFifthsFlag` is ratio < 0.8. The reference's own ratio is 1.
 * - Each other group with a rate is tested against the reference, two-sided, on the 2x2 table
 *   [selected, not selected] x [group, reference]:
 *     Fisher's exact test when either group has fewer than 30 people or any expected count
 *     (row total * column total / n) is below 5 (Cochran's rule for the normal and chi-squared
 *     approximations; 30 is the usual "large sample" floor), else the pooled two-proportion
 *     z-test. `significant` is p < alpha (default 0.05). The reference itself is not tested.
 * - Pure: no I/O, nothing mutated; invalid counts (negative, fractional, selected > total)
 *   throw a RangeError.
 */
import { fisherExactTwoSided, twoProportionZTest } from './fisher-exact.rule';

export const FOUR_FIFTHS = 0.8;
export const DEFAULT_ALPHA = 0.05;
/** Below this many people in the group or in the reference group, Fisher's exact test is used. */
export const EXACT_TEST_MIN_GROUP_TOTAL = 30;
/** Below this expected count in any cell of the 2x2 table, Fisher's exact test is used. */
export const EXACT_TEST_MIN_EXPECTED_COUNT = 5;

export interface GroupCount {
  group: string;
  /** People selected (advanced, given a plan, trained). */
  selected: number;
  /** People who could have been selected. */
  total: number;
}

export interface GroupRate extends GroupCount {
  /** selected / total; null when total is 0. */
  rate: number | null;
}

export type SignificanceTest = 'FISHER' | 'Z';

export interface GroupImpact extends GroupRate {
  isReference: boolean;
  /** rate / reference rate; null without a rate or without a reference. */
  impactRatio: number | null;
  /** impactRatio < 0.8. */
  fourFifthsFlag: boolean;
  /** Test against the reference group; null for the reference itself or without a rate. */
  test: SignificanceTest | null;
  /** z statistic (this group minus the reference: negative when lower) when test is 'Z'. */
  z: number | null;
  /** Two-sided p-value of the test; null when there is no test. */
  pValue: number | null;
  /** pValue < alpha. */
  significant: boolean;
}

export interface AdverseImpactOptions {
  /** Significance level, 0 < alpha < 1. Default 0.05. */
  alpha?: number;
}

export interface AdverseImpactReport {
  referenceGroup: string | null;
  referenceRate: number | null;
  alpha: number;
  /** One entry per input group, in input order. */
  groups: GroupImpact[];
}

/** Selection rate of each group, in input order (null for a group of nobody). */
export function selectionRates(groups: readonly GroupCount[]): GroupRate[] {
  assertGroups(groups);
  return groups.map(({ group, selected, total }) => ({
    group,
    selected,
    total,
    rate: total === 0 ? null : selected / total,
  }));
}

/**
 * Which test compares `group` with `reference`: Fisher's exact test for small groups or small
 * expected counts, else the two-proportion z-test.
 */
export function chooseSignificanceTest(
  group: GroupCount,
  reference: GroupCount,
): SignificanceTest {
  if (
    group.total < EXACT_TEST_MIN_GROUP_TOTAL ||
    reference.total < EXACT_TEST_MIN_GROUP_TOTAL
  ) {
    return 'FISHER';
  }
  const n = group.total + reference.total;
  const selected = group.selected + reference.selected;
  const notSelected = n - selected;
  const smallestExpected =
    (Math.min(group.total, reference.total) * Math.min(selected, notSelected)) / n;
  return smallestExpected < EXACT_TEST_MIN_EXPECTED_COUNT ? 'FISHER' : 'Z';
}

export function adverseImpact(
  groups: readonly GroupCount[],
  options: AdverseImpactOptions = {},
): AdverseImpactReport {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 1)) {
    throw new RangeError(`alpha must be between 0 and 1, got ${alpha}`);
  }
  const rates = selectionRates(groups);
  const reference = highestRate(rates);

  return {
    referenceGroup: reference?.group ?? null,
    referenceRate: reference?.rate ?? null,
    alpha,
    groups: rates.map((rate) => impactOf(rate, reference, alpha)),
  };
}

function highestRate(rates: readonly GroupRate[]): GroupRate | null {
  let best: GroupRate | null = null;
  for (const candidate of rates) {
    if (candidate.rate === null || candidate.rate === 0) continue;
    if (best === null || best.rate === null || candidate.rate > best.rate) best = candidate;
  }
  return best;
}

function impactOf(rate: GroupRate, reference: GroupRate | null, alpha: number): GroupImpact {
  const none = {
    ...rate,
    isReference: false,
    impactRatio: null,
    fourFifthsFlag: false,
    test: null,
    z: null,
    pValue: null,
    significant: false,
  };
  if (reference === null || rate.rate === null) return none;
  if (rate === reference) return { ...none, isReference: true, impactRatio: 1 };

  const impactRatio = (rate.selected * reference.total) / (rate.total * reference.selected);
  const test = chooseSignificanceTest(rate, reference);
  let z: number | null = null;
  let pValue: number;
  if (test === 'FISHER') {
    pValue = fisherExactTwoSided(
      rate.selected,
      rate.total - rate.selected,
      reference.selected,
      reference.total - reference.selected,
    );
  } else {
    const result = twoProportionZTest(rate.selected, rate.total, reference.selected, reference.total);
    z = result.z;
    pValue = result.pValue;
  }
  return {
    ...none,
    impactRatio,
    fourFifthsFlag: impactRatio < FOUR_FIFTHS,
    test,
    z,
    pValue,
    significant: pValue < alpha,
  };
}

function assertGroups(groups: readonly GroupCount[]): void {
  const seen = new Set<string>();
  for (const { group, selected, total } of groups) {
    if (seen.has(group)) throw new RangeError(`Group "${group}" is listed twice`);
    seen.add(group);
    if (!Number.isSafeInteger(total) || total < 0) {
      throw new RangeError(`Group "${group}": total must be a whole number >= 0, got ${total}`);
    }
    if (!Number.isSafeInteger(selected) || selected < 0) {
      throw new RangeError(
        `Group "${group}": selected must be a whole number >= 0, got ${selected}`,
      );
    }
    if (selected > total) {
      throw new RangeError(`Group "${group}": ${selected} selected out of only ${total}`);
    }
  }
}
