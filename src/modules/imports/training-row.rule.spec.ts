import { TRAINING_KINDS } from '../training/training-record.entity';
import { IMPORT_TRAINING_KINDS, validateTrainingRow } from './training-row.rule';

const context = { today: '2026-03-15' };

const VALID: Record<string, string> = {
  employee_number: 'A-1001',
  title: 'Writing for analysts',
  provider: 'CalHR',
  kind: 'CLASSROOM',
  hours: '7.5',
  semester_units: '',
  start_date: '2025-09-08',
  completion_date: '2025-09-09',
  on_state_time: 'true',
  cost: '250',
};

function row(overrides: Record<string, string | undefined>): Map<string, string> {
  const cells = new Map(Object.entries(VALID));
  for (const [column, value] of Object.entries(overrides)) {
    if (value === undefined) cells.delete(column);
    else cells.set(column, value);
  }
  return cells;
}

describe('validateTrainingRow', () => {
  it('restates the entity’s training kinds exactly', () => {
    expect([...IMPORT_TRAINING_KINDS]).toEqual([...TRAINING_KINDS]);
  });

  it('reads a valid row, with the fiscal year of its completion date', () => {
    const { row: values, problems } = validateTrainingRow(row({}), context);
    expect(problems).toEqual([]);
    expect(values).toEqual({
      employeeNumber: 'A-1001',
      title: 'Writing for analysts',
      provider: 'CalHR',
      kind: 'CLASSROOM',
      hours: 7.5,
      semesterUnits: null,
      startDate: '2025-09-08',
      completionDate: '2025-09-09',
      fiscalYear: '2025-26',
      onStateTime: true,
      cost: 250,
    });
  });

  it.each([
    ['a missing title', { title: '' }, 'title', 'is required'],
    [
      'a title of 301 characters',
      { title: 'x'.repeat(301) },
      'title',
      'must be at most 300 characters (is 301)',
    ],
    [
      'an unknown kind',
      { kind: 'WEBINAR' },
      'kind',
      'must be one of CLASSROOM, ONLINE, COLLEGE_COURSE, OJT, MENTORING, CONFERENCE',
    ],
    ['zero hours', { hours: '0' }, 'hours', 'must be more than 0'],
    ['hours over 2000', { hours: '2000.25' }, 'hours', 'must be at most 2000'],
    [
      'hours not in quarters',
      { hours: '1.1' },
      'hours',
      'must be in quarter hours (e.g. 1, 1.25, 1.5 or 1.75)',
    ],
    [
      'hours as words',
      { hours: 'two' },
      'hours',
      'must be a number with at most 2 decimals (e.g. 7.5; no separators or signs)',
    ],
    [
      'a bad start date',
      { start_date: '2025-02-30' },
      'start_date',
      'must be a real date written YYYY-MM-DD',
    ],
    [
      'completion before start',
      { completion_date: '2025-09-01' },
      'completion_date',
      'must not be before startDate',
    ],
    [
      'completion in the future',
      { completion_date: '2026-03-16' },
      'completion_date',
      'must not be in the future (today is 2026-03-15)',
    ],
    [
      'a college course without units',
      { kind: 'COLLEGE_COURSE' },
      'semester_units',
      'is required for a COLLEGE_COURSE',
    ],
    [
      'units on a classroom course',
      { semester_units: '3' },
      'semester_units',
      'only a COLLEGE_COURSE carries semester units',
    ],
    [
      'an unclear on_state_time',
      { on_state_time: 'sometimes' },
      'on_state_time',
      'must be true or false',
    ],
    ['a negative cost', { cost: '-1' }, 'cost', 'must be between 0 and 99999999.99'],
    [
      'an unknown employee number format',
      { employee_number: 'A_1' },
      'employee_number',
      'must be 1-20 letters, digits or -',
    ],
  ])('refuses %s', (_case, overrides, column, message) => {
    const { problems } = validateTrainingRow(row(overrides), context);
    expect(problems).toEqual([{ column, value: expect.any(String) as string, message }]);
  });

  it.each([
    ['a college course with units', { kind: 'college_course', semester_units: '3' }],
    ['no provider or cost columns', { provider: undefined, cost: undefined }],
    ['yes for on_state_time', { on_state_time: 'Yes' }],
    ['US dates as Excel saves them', { start_date: '9/8/2025', completion_date: '9/9/2025' }],
    ['a formula-like title', { title: '=HYPERLINK("http://example.com")' }],
    ['completion today', { completion_date: '2026-03-15' }],
  ])('accepts %s', (_case, overrides) => {
    expect(validateTrainingRow(row(overrides), context).problems).toEqual([]);
  });

  it('does not report a refused cell twice (bad hours are not also judged by the rule)', () => {
    const { problems } = validateTrainingRow(
      row({ hours: '', start_date: 'later', kind: 'nope' }),
      context,
    );
    expect(problems.map((problem) => `${problem.column}: ${problem.message}`)).toEqual([
      'kind: must be one of CLASSROOM, ONLINE, COLLEGE_COURSE, OJT, MENTORING, CONFERENCE',
      'hours: is required',
      'start_date: must be a real date written YYYY-MM-DD',
    ]);
  });
});
