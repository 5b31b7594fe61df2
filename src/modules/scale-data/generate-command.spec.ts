import { UsageError } from '../../cli/usage-error';
import { parseGenerateCommand } from './generate-command';

describe('parseGenerateCommand', () => {
  it('defaults to the statewide scale', () => {
    expect(parseGenerateCommand([])).toEqual({
      employees: 230_000,
      departments: 180,
      years: 3,
      seed: 1,
      today: undefined,
      csvDir: null,
      csvOnly: false,
    });
  });

  it('reads the command of the issue, a fixed date and the CSV options', () => {
    expect(
      parseGenerateCommand([
        '--employees',
        '3000',
        '--departments',
        '6',
        '--years',
        '2',
        '--seed',
        '42',
        '--as-of',
        '2026-11-26',
        '--csv',
        '/tmp/out',
        '--csv-only',
      ]),
    ).toEqual({
      employees: 3000,
      departments: 6,
      years: 2,
      seed: 42,
      today: '2026-11-26',
      csvDir: '/tmp/out',
      csvOnly: true,
    });
  });

  it.each([
    [['--employees', 'many'], /--employees must be a whole number/],
    [['--employees', '10', '--departments', '6'], /--employees must be between 30 and/],
    [['--years', '0'], /--years must be between 1 and 10/],
    [['--seed=-1'], /--seed must be a whole number/],
    [['--seed', '4294967296'], /--seed must be between 0 and 4294967295/],
    [['--as-of', '2026-02-30'], /--as-of must be a date/],
    [['--csv-only'], /--csv-only needs --csv/],
    [['--employes', '5'], /Unknown option/],
    [['--help'], /usage: npm run generate/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseGenerateCommand(argv)).toThrow(UsageError);
    expect(() => parseGenerateCommand(argv)).toThrow(message);
  });
});
