import {
  parseCode,
  parseDecimal,
  parseImportDate,
  parseYesNo,
  problemValue,
  RowReader,
  textProblem,
} from './import-cells.rule';

describe('parseImportDate', () => {
  it.each([
    ['2025-09-08', '2025-09-08'],
    ['2024-02-29', '2024-02-29'],
    ['9/8/2025', '2025-09-08'],
    ['12/31/2025', '2025-12-31'],
    ['2025-02-30', null],
    ['2025-13-01', null],
    ['2/30/2025', null],
    ['13/1/2025', null],
    ['2025-9-8', null],
    ['08.09.2025', null],
    ['yesterday', null],
    ['2025-09-08T00:00:00Z', null],
    ['', null],
  ])('%j -> %j', (value, expected) => {
    expect(parseImportDate(value)).toBe(expected);
  });
});

describe('parseDecimal', () => {
  it.each([
    ['7', 2, 7],
    ['7.5', 2, 7.5],
    ['7.50', 2, 7.5],
    ['.25', 2, 0.25],
    ['7.500', 2, 7.5],
    ['-3', 2, -3],
    ['+3', 2, 3],
    ['7.125', 2, null],
    ['1,250.00', 2, null],
    ['$12', 2, null],
    ['1e3', 2, null],
    ['seven', 2, null],
    ['0.125', 3, 0.125],
    ['', 2, null],
  ])('%j with %i decimals -> %j', (value, decimals, expected) => {
    expect(parseDecimal(value, decimals)).toBe(expected);
  });
});

describe('parseYesNo', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['Yes', true],
    ['y', true],
    ['1', true],
    ['false', false],
    ['No', false],
    ['0', false],
    ['maybe', null],
    ['', null],
  ])('%j -> %j', (value, expected) => {
    expect(parseYesNo(value)).toBe(expected);
  });
});

describe('parseCode', () => {
  const allowed = ['FULL_TIME', 'PART_TIME'] as const;
  it.each([
    ['FULL_TIME', 'FULL_TIME'],
    ['full_time', 'FULL_TIME'],
    ['Part_Time', 'PART_TIME'],
    ['FULL TIME', null],
    ['', null],
  ])('%j -> %j', (value, expected) => {
    expect(parseCode(value, allowed)).toBe(expected);
  });
});

describe('textProblem', () => {
  it.each([
    ['Pat', 10, null],
    ['=HYPERLINK("http://x")', 100, null],
    ['0123456789', 10, null],
    ['01234567890', 10, 'must be at most 10 characters (is 11)'],
    // Characters as PostgreSQL counts them: an emoji is one, not two UTF-16 units.
    ['😀😀😀', 3, null],
    ['a\u0000b', 10, 'must not contain control characters'],
    ['a\nb', 10, 'must not contain control characters'],
  ])('%j (max %i) -> %j', (value, max, expected) => {
    expect(textProblem(value, max)).toBe(expected);
  });
});

describe('problemValue', () => {
  it('keeps short values and shortens long ones', () => {
    expect(problemValue('abc')).toBe('abc');
    expect(problemValue('x'.repeat(500))).toHaveLength(201);
  });
});

describe('RowReader', () => {
  it('reports an empty required cell only when the file has the column', () => {
    const withColumn = new RowReader(new Map([['title', '']]));
    expect(withColumn.text('title', 10, true)).toBeNull();
    expect(withColumn.problems).toEqual([{ column: 'title', value: '', message: 'is required' }]);

    const withoutColumn = new RowReader(new Map());
    expect(withoutColumn.text('title', 10, true)).toBeNull();
    expect(withoutColumn.problems).toEqual([]);
  });

  it('names the column, the value and the reason of each refused cell', () => {
    const reader = new RowReader(
      new Map([
        ['hire_date', '2025-02-30'],
        ['hours', 'two'],
        ['on_state_time', 'perhaps'],
        ['kind', 'lecture'],
      ]),
    );
    expect(reader.date('hire_date', true)).toBeNull();
    expect(reader.decimal('hours', 2, true)).toBeNull();
    expect(reader.yesNo('on_state_time', true)).toBeNull();
    expect(reader.code('kind', ['CLASSROOM', 'ONLINE'], true)).toBeNull();
    expect(reader.problems.map((p) => [p.column, p.value])).toEqual([
      ['hire_date', '2025-02-30'],
      ['hours', 'two'],
      ['on_state_time', 'perhaps'],
      ['kind', 'lecture'],
    ]);
    expect(reader.problems[3].message).toBe('must be one of CLASSROOM, ONLINE');
  });
});
