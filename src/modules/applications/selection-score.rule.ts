/**
 * Selecting participants by the department's written criteria (Gov Code 19401; CalHR HR Manual
 * 1005: a written "program participation application and selection criteria"). Each criterion
 * has a weight and a maximum of points; an applicant's score is the weighted share of points:
 *   total = sum over criteria of (points / maxPoints) x weight
 * so the total's maximum is the sum of the weights, whatever scale each criterion uses.
 */

export interface Criterion {
  key: string;
  label: string;
  weight: number;
  maxPoints: number;
}

export interface ScoreProblem {
  field: string;
  message: string;
}

/** Decimal places kept for a total (the column is numeric(7,3)). */
export const TOTAL_SCORE_DECIMALS = 3;

/** A criteria set must have at least one criterion, unique keys, positive weights and maxima. */
export function criteriaProblems(criteria: readonly Criterion[]): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  if (criteria.length === 0)
    problems.push({ field: 'criteria', message: 'needs at least one criterion' });
  const seen = new Set<string>();
  criteria.forEach((criterion, index) => {
    if (seen.has(criterion.key)) {
      problems.push({
        field: `criteria[${index}].key`,
        message: `${criterion.key} is listed twice`,
      });
    }
    seen.add(criterion.key);
    if (!(Number.isFinite(criterion.weight) && criterion.weight > 0)) {
      problems.push({ field: `criteria[${index}].weight`, message: 'must be greater than 0' });
    }
    if (!(Number.isFinite(criterion.maxPoints) && criterion.maxPoints > 0)) {
      problems.push({ field: `criteria[${index}].maxPoints`, message: 'must be greater than 0' });
    }
  });
  return problems;
}

/** Every criterion scored, nothing else, each between 0 and its maximum. */
export function scoreProblems(
  criteria: readonly Criterion[],
  scores: Readonly<Record<string, unknown>>,
): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const keys = new Set(criteria.map((criterion) => criterion.key));
  for (const criterion of criteria) {
    const points = scores[criterion.key];
    const field = `scores.${criterion.key}`;
    if (points === undefined) {
      problems.push({ field, message: `is required (${criterion.label})` });
    } else if (typeof points !== 'number' || !Number.isFinite(points)) {
      problems.push({ field, message: 'must be a number' });
    } else if (points < 0 || points > criterion.maxPoints) {
      problems.push({ field, message: `must be between 0 and ${criterion.maxPoints}` });
    }
  }
  for (const key of Object.keys(scores).sort()) {
    if (!keys.has(key)) {
      problems.push({ field: `scores.${key}`, message: 'is not a criterion of the current set' });
    }
  }
  return problems;
}

/** The weighted total, rounded to TOTAL_SCORE_DECIMALS. Call after `scoreProblems` is empty. */
export function totalScore(
  criteria: readonly Criterion[],
  scores: Readonly<Record<string, number>>,
): number {
  const total = criteria.reduce(
    (sum, criterion) => sum + (scores[criterion.key] / criterion.maxPoints) * criterion.weight,
    0,
  );
  const factor = 10 ** TOTAL_SCORE_DECIMALS;
  return Math.round(total * factor) / factor;
}
