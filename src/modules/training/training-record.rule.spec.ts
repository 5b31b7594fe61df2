import { exceedsStateTimeCap, hoursProblem, trainingRecordProblems } from './training-record.rule';
import type { TrainingRecordInput } from './training-record.rule';

const TODAY = '2026-03-15';

function input(overrides: Partial<TrainingRecordInput> = {}): TrainingRecordInput {
  return {
    kind: 'CLASSROOM',
    hours: 8,
    semesterUnits: null,
    startDate: '2026-01-05',
    completionDate: '2026-01-06',
    ...overrides,
  };
}

describe('hoursProblem', () => {
  it.each([
    [0.25, null],
    [1, null],
    [1.5, null],
    [7.75, null],
    [2000, null],
    [0, 'must be more than 0'],
    [-1, 'must be more than 0'],
    [Number.NaN, 'must be more than 0'],
    [Number.POSITIVE_INFINITY, 'must be more than 0'],
    [2000.25, 'must be at most 2000'],
    [1.1, 'must be in quarter hours (e.g. 1, 1.25, 1.5 or 1.75)'],
    [0.1, 'must be in quarter hours (e.g. 1, 1.25, 1.5 or 1.75)'],
    [3.33, 'must be in quarter hours (e.g. 1, 1.25, 1.5 or 1.75)'],
  ])('%p hours -> %p', (hours, expected) => {
    expect(hoursProblem(hours)).toBe(expected);
  });
});

describe('trainingRecordProblems', () => {
  it.each<[string, Partial<TrainingRecordInput>, { field: string; message: string }[]]>([
    ['a valid classroom course', {}, []],
    ['one day (start = completion)', { completionDate: '2026-01-05' }, []],
    ['completed today', { completionDate: TODAY }, []],
    ['a college course with units', { kind: 'COLLEGE_COURSE', semesterUnits: 3, hours: 45 }, []],
    [
      'a college course without units',
      { kind: 'COLLEGE_COURSE' },
      [{ field: 'semesterUnits', message: 'is required for a COLLEGE_COURSE' }],
    ],
    [
      'a college course with zero units',
      { kind: 'COLLEGE_COURSE', semesterUnits: 0 },
      [{ field: 'semesterUnits', message: 'must be more than 0' }],
    ],
    [
      'a college course with 2.25 units',
      { kind: 'COLLEGE_COURSE', semesterUnits: 2.25 },
      [{ field: 'semesterUnits', message: 'must have at most one decimal place' }],
    ],
    [
      'units on an online course',
      { kind: 'ONLINE', semesterUnits: 3 },
      [{ field: 'semesterUnits', message: 'only a COLLEGE_COURSE carries semester units' }],
    ],
    [
      'completion before start',
      { startDate: '2026-01-06', completionDate: '2026-01-05' },
      [{ field: 'completionDate', message: 'must not be before startDate' }],
    ],
    [
      'completion in the future',
      { completionDate: '2026-03-16' },
      [{ field: 'completionDate', message: 'must not be in the future (today is 2026-03-15)' }],
    ],
    [
      'impossible dates',
      { startDate: '2026-02-30', completionDate: '2026-13-01' },
      [
        { field: 'startDate', message: 'must be a real date' },
        { field: 'completionDate', message: 'must be a real date' },
      ],
    ],
    [
      'several problems at once',
      { hours: 0, kind: 'COLLEGE_COURSE', startDate: '2026-02-01', completionDate: '2026-01-01' },
      [
        { field: 'hours', message: 'must be more than 0' },
        { field: 'semesterUnits', message: 'is required for a COLLEGE_COURSE' },
        { field: 'completionDate', message: 'must not be before startDate' },
      ],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(trainingRecordProblems(input(overrides), TODAY)).toEqual(expected);
  });
});

describe('exceedsStateTimeCap', () => {
  it.each<[string, number | null, number, { hours: number; onStateTime: boolean }, boolean]>([
    ['no cap', null, 500, { hours: 100, onStateTime: true }, false],
    ['below the cap', 40, 20, { hours: 8, onStateTime: true }, false],
    ['exactly at the cap', 40, 32, { hours: 8, onStateTime: true }, false],
    ['a quarter hour over', 40, 32, { hours: 8.25, onStateTime: true }, true],
    ['this record alone over', 40, 0, { hours: 41, onStateTime: true }, true],
    ['own time never counts', 40, 40, { hours: 8, onStateTime: false }, false],
    ['a zero cap: any state time is over', 0, 0, { hours: 0.25, onStateTime: true }, true],
  ])('%s', (_name, cap, other, record, expected) => {
    expect(exceedsStateTimeCap(cap, other, record)).toBe(expected);
  });
});
