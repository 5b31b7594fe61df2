import { analyseHeader, rowCells } from './import-header.rule';
import { ROSTER_COLUMNS } from './import-layout';

const ROSTER_HEADER = ROSTER_COLUMNS.map((column) => column.name);

describe('analyseHeader', () => {
  it('accepts the documented columns in any order and any case', () => {
    const header = analyseHeader(
      'roster',
      [...ROSTER_HEADER].reverse().map((n) => n.toUpperCase()),
    );
    expect(header.problems).toEqual([]);
    expect([...header.present].sort()).toEqual([...ROSTER_HEADER].sort());
  });

  it.each([
    [
      'an unknown column',
      [...ROSTER_HEADER, 'salary'],
      [{ column: 'salary', message: expect.stringMatching(/^unknown column/) as string }],
    ],
    [
      'a missing required column',
      ROSTER_HEADER.filter((name) => name !== 'hire_date'),
      [{ column: 'hire_date', message: 'required column is missing' }],
    ],
    [
      'a column twice',
      [...ROSTER_HEADER, 'Gender'],
      [{ column: 'gender', message: 'column appears twice' }],
    ],
    [
      'a header with spaces instead of underscores',
      [...ROSTER_HEADER.filter((name) => name !== 'last_name'), 'Last Name'],
      [
        { column: 'Last Name', message: expect.stringMatching(/^unknown column/) as string },
        { column: 'last_name', message: 'required column is missing' },
      ],
    ],
  ])('reports %s', (_case, cells, expected) => {
    expect(analyseHeader('roster', cells).problems).toEqual(
      expected.map((problem) => expect.objectContaining(problem) as unknown),
    );
  });

  it('only requires the optional columns it is given', () => {
    const required = ROSTER_COLUMNS.filter((c) => c.required).map((c) => c.name);
    expect(analyseHeader('roster', required).problems).toEqual([]);
  });

  it('knows the training layout apart from the roster', () => {
    const problems = analyseHeader('training', ROSTER_HEADER).problems;
    expect(problems.map((p) => p.message)).toContain('required column is missing');
    expect(problems.some((p) => p.column === 'title')).toBe(true);
  });
});

describe('rowCells', () => {
  const header = analyseHeader('roster', ['employee_number', '', 'first_name', 'salary']);

  it('maps cells to their columns, trimmed, and leaves absent trailing cells empty', () => {
    expect(Object.fromEntries(rowCells(header, ['  A1 ']).cells)).toEqual({
      employee_number: 'A1',
      first_name: '',
    });
  });

  it('reports a value under a column without a name, or beyond the header', () => {
    const { problems } = rowCells(header, ['A1', 'stray', 'Pat', '99999', 'more']);
    expect(problems.map((problem) => [problem.column, problem.value])).toEqual([
      ['column 2', 'stray'],
      ['column 5', 'more'],
    ]);
  });

  it('ignores the cells of a refused column (reported once, with the header)', () => {
    expect(rowCells(header, ['A1', '', 'Pat', '99999']).problems).toEqual([]);
  });
});
