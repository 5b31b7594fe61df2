import { criteriaProblems, scoreProblems, totalScore } from './selection-score.rule';
import type { Criterion } from './selection-score.rule';

const CRITERIA: Criterion[] = [
  { key: 'interest', label: 'Interest in the target class', weight: 40, maxPoints: 10 },
  { key: 'experience', label: 'Related experience', weight: 35, maxPoints: 5 },
  { key: 'interview', label: 'Interview', weight: 25, maxPoints: 20 },
];

describe('totalScore: sum of (points / maxPoints) x weight', () => {
  it.each([
    [{ interest: 10, experience: 5, interview: 20 }, 100],
    [{ interest: 0, experience: 0, interview: 0 }, 0],
    [{ interest: 5, experience: 5, interview: 10 }, 20 + 35 + 12.5],
    [{ interest: 7, experience: 3, interview: 15 }, 28 + 21 + 18.75],
    // One third of a weight of 40 keeps three decimals: 13.333.
    [{ interest: 10 / 3, experience: 0, interview: 0 }, 13.333],
    [{ interest: 2.5, experience: 1, interview: 0.5 }, 10 + 7 + 0.625],
  ])('%j -> %d', (scores, expected) => {
    expect(totalScore(CRITERIA, scores)).toBe(expected);
  });

  it('does not depend on the scale a criterion uses', () => {
    const tenPoints: Criterion[] = [{ key: 'a', label: 'A', weight: 3, maxPoints: 10 }];
    const hundredPoints: Criterion[] = [{ key: 'a', label: 'A', weight: 3, maxPoints: 100 }];
    expect(totalScore(tenPoints, { a: 7 })).toBe(totalScore(hundredPoints, { a: 70 }));
  });
});

describe('scoreProblems', () => {
  it('accepts a complete score sheet', () => {
    expect(scoreProblems(CRITERIA, { interest: 10, experience: 0, interview: 12.5 })).toEqual([]);
  });

  it.each([
    [
      { interest: 10, experience: 5 },
      [{ field: 'scores.interview', message: 'is required (Interview)' }],
    ],
    [
      { interest: 11, experience: 5, interview: 20 },
      [{ field: 'scores.interest', message: 'must be between 0 and 10' }],
    ],
    [
      { interest: -1, experience: 5, interview: 20 },
      [{ field: 'scores.interest', message: 'must be between 0 and 10' }],
    ],
    [
      { interest: '7', experience: 5, interview: 20 },
      [{ field: 'scores.interest', message: 'must be a number' }],
    ],
    [
      { interest: Number.NaN, experience: 5, interview: 20 },
      [{ field: 'scores.interest', message: 'must be a number' }],
    ],
    [
      { interest: 1, experience: 1, interview: 1, seniority: 3 },
      [{ field: 'scores.seniority', message: 'is not a criterion of the current set' }],
    ],
  ])('%j -> %j', (scores, problems) => {
    expect(scoreProblems(CRITERIA, scores)).toEqual(problems);
  });
});

describe('criteriaProblems', () => {
  it('accepts unique keys with positive weights and maxima', () => {
    expect(criteriaProblems(CRITERIA)).toEqual([]);
  });

  it.each([
    [[], [{ field: 'criteria', message: 'needs at least one criterion' }]],
    [
      [CRITERIA[0], { ...CRITERIA[1], key: 'interest' }],
      [{ field: 'criteria[1].key', message: 'interest is listed twice' }],
    ],
    [
      [{ ...CRITERIA[0], weight: 0 }],
      [{ field: 'criteria[0].weight', message: 'must be greater than 0' }],
    ],
    [
      [{ ...CRITERIA[0], maxPoints: -5 }],
      [{ field: 'criteria[0].maxPoints', message: 'must be greater than 0' }],
    ],
  ])('%j -> %j', (criteria, problems) => {
    expect(criteriaProblems(criteria)).toEqual(problems);
  });
});
