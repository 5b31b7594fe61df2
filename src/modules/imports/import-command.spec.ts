import { UsageError } from '../../cli/usage-error';
import { formatProblem, parseImportCommand } from './import-command';

describe('parseImportCommand', () => {
  it.each([
    [
      ['roster', 'roster.csv', '--department', 'DEMO'],
      { kind: 'roster', file: 'roster.csv', department: 'DEMO', dryRun: false },
    ],
    [
      ['training', 'courses.xlsx', '--dry-run', '--department', 'DEMO'],
      { kind: 'training', file: 'courses.xlsx', department: 'DEMO', dryRun: true },
    ],
  ])('%j', (argv, expected) => {
    expect(parseImportCommand(argv)).toEqual(expected);
  });

  it.each([
    ['no arguments', []],
    ['no file', ['roster', '--department', 'DEMO']],
    ['an unknown kind', ['payroll', 'a.csv', '--department', 'DEMO']],
    ['no department', ['roster', 'a.csv']],
    ['an empty department', ['roster', 'a.csv', '--department', ' ']],
    ['an unknown option', ['roster', 'a.csv', '--department', 'DEMO', '--force']],
  ])('refuses %s as a usage error', (_case, argv) => {
    expect(() => parseImportCommand(argv)).toThrow(UsageError);
  });
});

describe('formatProblem', () => {
  it.each([
    [
      { row: 3, column: 'class_code', value: '9999', message: 'unknown class code 9999' },
      'row 3, class_code "9999": unknown class code 9999',
    ],
    [
      { row: 1, column: 'hire_date', value: '', message: 'required column is missing' },
      'row 1, hire_date: required column is missing',
    ],
    [
      { row: null, column: null, value: null, message: 'the file is empty' },
      'file: the file is empty',
    ],
  ])('%j', (problem, text) => {
    expect(formatProblem(problem)).toBe(text);
  });
});
