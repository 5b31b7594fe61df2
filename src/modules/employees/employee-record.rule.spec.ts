import {
  employmentStatusProblems,
  resolveTimeBase,
  timeBaseForFraction,
} from './employee-record.rule';
import type { TimeBaseResult } from './employee-record.rule';

describe('resolveTimeBase', () => {
  const ok = (fraction: number): TimeBaseResult => ({ ok: true, fraction });
  const refused = (message: string): TimeBaseResult => ({
    ok: false,
    problem: { field: 'timeBaseFraction', message },
  });

  it.each([
    // [timeBase, fraction sent, expected]
    ['FULL_TIME', undefined, ok(1)],
    ['FULL_TIME', 1, ok(1)],
    ['FULL_TIME', 0.5, refused('must be 1 for FULL_TIME')],
    ['FULL_TIME', 0, refused('must be 1 for FULL_TIME')],
    ['INTERMITTENT', undefined, ok(0)],
    ['INTERMITTENT', 0, ok(0)],
    ['INTERMITTENT', 0.25, refused('must be 0 for INTERMITTENT')],
    ['PART_TIME', undefined, refused('is required for PART_TIME')],
    ['PART_TIME', 0.5, ok(0.5)],
    ['PART_TIME', 0.001, ok(0.001)],
    ['PART_TIME', 0.999, ok(0.999)],
    ['PART_TIME', 0, refused('must be between 0 and 1 (exclusive) for PART_TIME')],
    ['PART_TIME', 1, refused('must be between 0 and 1 (exclusive) for PART_TIME')],
    ['PART_TIME', 1.5, refused('must be between 0 and 1 (exclusive) for PART_TIME')],
    ['PART_TIME', -0.5, refused('must be between 0 and 1 (exclusive) for PART_TIME')],
  ] as const)('%s with %s -> %j', (timeBase, fraction, expected) => {
    expect(resolveTimeBase(timeBase, fraction)).toEqual(expected);
  });
});

describe('timeBaseForFraction', () => {
  it.each([
    [1, 'FULL_TIME'],
    [0, 'INTERMITTENT'],
    [0.5, 'PART_TIME'],
    [0.999, 'PART_TIME'],
    [0.001, 'PART_TIME'],
  ] as const)('%s -> %s', (fraction, expected) => {
    expect(timeBaseForFraction(fraction)).toBe(expected);
  });
});

describe('employmentStatusProblems', () => {
  it.each([
    // [status, separatedOn, hireDate, expected problem message or null]
    ['ACTIVE', null, '2020-01-06', null],
    ['ACTIVE', '2024-01-01', '2020-01-06', 'must be empty while the employee is ACTIVE'],
    ['SEPARATED', null, '2020-01-06', 'is required when status is SEPARATED'],
    ['SEPARATED', '2020-01-05', '2020-01-06', 'must not be before hireDate'],
    ['SEPARATED', '2020-01-06', '2020-01-06', null],
    ['SEPARATED', '2024-06-30', '2020-01-06', null],
  ] as const)('%s, separated %s, hired %s -> %s', (status, separatedOn, hireDate, message) => {
    expect(employmentStatusProblems({ status, separatedOn, hireDate })).toEqual(
      message === null ? [] : [{ field: 'separatedOn', message }],
    );
  });
});
