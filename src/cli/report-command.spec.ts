import { UsageError } from './usage-error';
import { parseReportCommand } from './report-command';

describe('parseReportCommand', () => {
  it('reads the annual report command of the README', () => {
    expect(
      parseReportCommand([
        'annual',
        '--department',
        'DEMO',
        '--fy',
        '2025-26',
        '--format',
        'pdf,xlsx',
      ]),
    ).toEqual({
      kind: 'annual',
      department: 'DEMO',
      fiscalYear: '2025-26',
      formats: ['pdf', 'xlsx'],
      audience: 'department',
      version: null,
      out: null,
    });
  });

  it('takes a certified version, the oversight audience and an output folder', () => {
    expect(
      parseReportCommand([
        'annual',
        '--department=DGS',
        '--fy=2024-25',
        '--format=JSON,csv,json',
        '--audience=oversight',
        '--version=3',
        '--out=/tmp/x',
      ]),
    ).toMatchObject({ formats: ['json', 'csv'], audience: 'oversight', version: 3, out: '/tmp/x' });
  });

  it('reads the exceptions and statewide commands with their defaults', () => {
    expect(parseReportCommand(['exceptions', '--department', 'DEMO'])).toEqual({
      kind: 'exceptions',
      department: 'DEMO',
      asOf: null,
      formats: ['json', 'csv'],
      out: null,
    });
    expect(parseReportCommand(['statewide', '--fy', '2025-26']).formats).toEqual(['pdf', 'xlsx']);
    expect(parseReportCommand(['statewide', '--fy', '2025-26', '--format', 'csv'])).toEqual({
      kind: 'statewide',
      fiscalYear: '2025-26',
      formats: ['csv'],
      out: null,
    });
  });

  it('reads the audit packet command of the README', () => {
    expect(
      parseReportCommand([
        'audit',
        '--department',
        'DEMO',
        '--from',
        '2023-07-01',
        '--to',
        '2026-06-30',
      ]),
    ).toEqual({
      kind: 'audit',
      department: 'DEMO',
      from: '2023-07-01',
      to: '2026-06-30',
      formats: ['pdf', 'xlsx'],
      audience: 'department',
      out: null,
    });
    expect(
      parseReportCommand(['audit', '--department', 'DEMO', '--audience', 'oversight']),
    ).toMatchObject({
      from: null,
      to: null,
      audience: 'oversight',
    });
  });

  it.each([
    [[], /usage/],
    [['audit', '--department', 'X', '--from', '2023-7-1'], /--from must be a date/],
    [['audit', '--department', 'X', '--format', 'csv'], /csv is not one of json, pdf, xlsx/],
    [['weekly'], /unknown report kind "weekly"/],
    [['annual', '--fy', '2025-26'], /--department is required/],
    [['annual', '--department', 'X'], /--fy is required/],
    [['annual', '--department', 'X', '--fy', '2025'], /--fy must look like 2025-26/],
    [
      ['annual', '--department', 'X', '--fy', '2025-26', '--format', 'pdf,docx'],
      /docx is not one of/,
    ],
    [['annual', '--department', 'X', '--fy', '2025-26', '--audience', 'public'], /--audience/],
    [['annual', '--department', 'X', '--fy', '2025-26', '--version', '0'], /--version/],
    [['exceptions', '--department', 'X', '--as-of', '2025-13'], /--as-of/],
    [
      ['statewide', '--fy', '2025-26', '--format', 'docx'],
      /docx is not one of json, csv, pdf, xlsx/,
    ],
    [['statewide', '--fy', '2025-26', '--colour'], /Unknown option '--colour'/],
  ])('refuses %j with a usage error', (argv, message) => {
    const attempt = () => parseReportCommand(argv);
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(message);
  });
});
