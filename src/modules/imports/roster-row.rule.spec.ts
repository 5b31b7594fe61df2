import { TIME_BASES } from '../employees/employee.entity';
import { ROSTER_TIME_BASES, validateRosterRow } from './roster-row.rule';

const KNOWN_CLASSES = new Set(['1441', '5157']);
const context = { isKnownClass: (code: string) => KNOWN_CLASSES.has(code) };

const VALID: Record<string, string> = {
  employee_number: 'A-1001',
  first_name: 'Pat',
  last_name: 'Lee',
  work_email: 'pat.lee@dgs.ca.gov',
  class_code: '1441',
  position_number: '301-123-1441-001',
  time_base: 'FULL_TIME',
  time_base_fraction: '',
  hire_date: '2020-01-06',
  supervisor_employee_number: 'A-1000',
  ethnicities: 'FILIPINO',
  gender: 'FEMALE',
  disability: 'NO',
  veteran: 'DECLINED',
};

function row(overrides: Record<string, string | undefined>): Map<string, string> {
  const cells = new Map(Object.entries(VALID));
  for (const [column, value] of Object.entries(overrides)) {
    if (value === undefined) cells.delete(column);
    else cells.set(column, value);
  }
  return cells;
}

describe('validateRosterRow', () => {
  it('restates the entity’s time bases exactly', () => {
    expect([...ROSTER_TIME_BASES]).toEqual([...TIME_BASES]);
  });

  it('reads a complete valid row', () => {
    const { row: values, problems } = validateRosterRow(row({}), context);
    expect(problems).toEqual([]);
    expect(values).toEqual({
      employeeNumber: 'A-1001',
      firstName: 'Pat',
      lastName: 'Lee',
      workEmail: 'pat.lee@dgs.ca.gov',
      classCode: '1441',
      positionNumber: '301-123-1441-001',
      timeBase: 'FULL_TIME',
      timeBaseFraction: 1,
      hireDate: '2020-01-06',
      supervisorNumber: 'A-1000',
      ethnicities: ['FILIPINO'],
      gender: 'FEMALE',
      disability: 'NO',
      veteran: 'DECLINED',
    });
  });

  it.each([
    ['a missing employee number', { employee_number: '' }, 'employee_number', 'is required'],
    [
      'an employee number with spaces',
      { employee_number: 'A 1' },
      'employee_number',
      'must be 1-20 letters, digits or -',
    ],
    ['a missing first name', { first_name: '' }, 'first_name', 'is required'],
    [
      'a last name of 101 characters',
      { last_name: 'x'.repeat(101) },
      'last_name',
      'must be at most 100 characters (is 101)',
    ],
    ['a bad e-mail', { work_email: 'pat at dgs' }, 'work_email', 'must be an e-mail address'],
    ['an unknown class code', { class_code: '9999' }, 'class_code', 'unknown class code 9999'],
    [
      'a class code in lower case',
      { class_code: 'ab12' },
      'class_code',
      'must be 3-10 digits or upper-case letters',
    ],
    [
      'an unknown time base',
      { time_base: 'SEASONAL' },
      'time_base',
      'must be one of FULL_TIME, PART_TIME, INTERMITTENT',
    ],
    [
      'part time without a fraction',
      { time_base: 'PART_TIME' },
      'time_base_fraction',
      'is required for PART_TIME',
    ],
    [
      'part time at 1',
      { time_base: 'PART_TIME', time_base_fraction: '1' },
      'time_base_fraction',
      'must be between 0 and 1 (exclusive) for PART_TIME',
    ],
    [
      'full time at one half',
      { time_base_fraction: '0.5' },
      'time_base_fraction',
      'must be 1 for FULL_TIME',
    ],
    [
      'a fraction with four decimals',
      { time_base: 'PART_TIME', time_base_fraction: '0.3333' },
      'time_base_fraction',
      'must be a number with at most 3 decimals (e.g. 7.5; no separators or signs)',
    ],
    [
      'a bad hire date',
      { hire_date: '2020-02-30' },
      'hire_date',
      'must be a real date written YYYY-MM-DD',
    ],
    [
      'a supervisor who is the employee',
      { supervisor_employee_number: 'A-1001' },
      'supervisor_employee_number',
      'an employee cannot supervise themselves',
    ],
    [
      'an unknown ethnicity code',
      { ethnicities: 'WHITE;MARTIAN' },
      'ethnicities',
      'unknown ethnicity code MARTIAN (codes are separated by ;)',
    ],
    [
      'DECLINED with another code',
      { ethnicities: 'DECLINED;WHITE' },
      'ethnicities',
      'DECLINED cannot be combined with other codes',
    ],
    [
      'the same code twice',
      { ethnicities: 'WHITE; white' },
      'ethnicities',
      'must not list a code twice',
    ],
    [
      'an unknown gender',
      { gender: 'F' },
      'gender',
      'must be one of FEMALE, MALE, NONBINARY, DECLINED',
    ],
    [
      'an unknown veteran answer',
      { veteran: 'MAYBE' },
      'veteran',
      'must be one of YES, NO, DECLINED',
    ],
  ])('refuses %s', (_case, overrides, column, message) => {
    const { problems } = validateRosterRow(row(overrides), context);
    expect(problems).toEqual([{ column, value: expect.any(String) as string, message }]);
  });

  it.each([
    ['part time at one half', { time_base: 'PART_TIME', time_base_fraction: '0.5' }, 0.5],
    ['intermittent without a fraction', { time_base: 'INTERMITTENT' }, 0],
    ['a lower-case time base', { time_base: 'full_time' }, 1],
  ])('accepts %s', (_case, overrides, fraction) => {
    const { row: values, problems } = validateRosterRow(row(overrides), context);
    expect(problems).toEqual([]);
    expect(values.timeBaseFraction).toBe(fraction);
  });

  it('stores formula-like names as the text they are', () => {
    const { row: values, problems } = validateRosterRow(
      row({ first_name: '=1+2', last_name: '@SUM(A1)', position_number: '-5' }),
      context,
    );
    expect(problems).toEqual([]);
    expect([values.firstName, values.lastName, values.positionNumber]).toEqual([
      '=1+2',
      '@SUM(A1)',
      '-5',
    ]);
  });

  it('leaves optional columns the file does not have as null, without problems', () => {
    const cells = row({
      work_email: undefined,
      supervisor_employee_number: undefined,
      ethnicities: undefined,
      gender: undefined,
      disability: undefined,
      veteran: undefined,
    });
    const { row: values, problems } = validateRosterRow(cells, context);
    expect(problems).toEqual([]);
    expect([values.workEmail, values.supervisorNumber, values.ethnicities, values.gender]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('reports every problem of a row, and keeps the key for the checks across rows', () => {
    const { row: values, problems } = validateRosterRow(
      row({ class_code: '9999', hire_date: 'soon', gender: 'X' }),
      context,
    );
    expect(problems.map((problem) => problem.column)).toEqual([
      'class_code',
      'hire_date',
      'gender',
    ]);
    expect(values.employeeNumber).toBe('A-1001');
  });
});
