import { suppressSmallCells } from './small-cell-suppression.rule';
import type { CountTable, SuppressedTable } from './small-cell-suppression.rule';

const labels = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

const table = (cells: number[][]): CountTable => ({
  rows: labels('r', cells.length),
  columns: labels('c', cells[0]?.length ?? 0),
  cells,
});

// ---------------------------------------------------------------------------------------------
// Independent checks (not sharing code with the rule)
// ---------------------------------------------------------------------------------------------

/**
 * The table with its margins as one (R+1) x (C+1) grid, `null` where hidden: row R holds the
 * column totals, column C the row totals, [R][C] the grand total.
 */
function shownGrid(result: SuppressedTable): (number | null)[][] {
  return [
    ...result.cells.map((row, r) => [...row, result.rowTotals[r]]),
    [...result.columnTotals, result.grandTotal],
  ];
}

function fullGrid(input: CountTable): number[][] {
  const rows = input.cells.map((row) => [...row, row.reduce((s, v) => s + v, 0)]);
  const width = input.columns.length + 1;
  const totals = Array.from({ length: width }, (_, c) => rows.reduce((s, row) => s + row[c], 0));
  return [...rows, totals];
}

function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  const width = m[0]?.length ?? 0;
  let found = 0;
  for (let c = 0; c < width && found < m.length; c += 1) {
    let pivot = -1;
    for (let r = found; r < m.length; r += 1) {
      if (Math.abs(m[r][c]) > 1e-9 && (pivot < 0 || Math.abs(m[r][c]) > Math.abs(m[pivot][c]))) {
        pivot = r;
      }
    }
    if (pivot < 0) continue;
    [m[found], m[pivot]] = [m[pivot], m[found]];
    for (let r = found + 1; r < m.length; r += 1) {
      const factor = m[r][c] / m[found][c];
      for (let k = c; k < width; k += 1) m[r][k] -= factor * m[found][k];
    }
    found += 1;
  }
  return found;
}

/**
 * Hidden entries whose value follows from the shown ones by the table's equations (every row
 * and column of the grid: last entry = sum of the others), found by linear algebra: unknown k
 * is determined when the unit vector e_k lies in the row space of the equations.
 */
function determinedHiddenEntries(result: SuppressedTable): [number, number][] {
  const grid = shownGrid(result);
  const height = grid.length;
  const width = grid[0].length;
  const unknowns: [number, number][] = [];
  grid.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null) unknowns.push([r, c]);
    }),
  );
  if (unknowns.length === 0) return [];
  const sign = (r: number, c: number): number => {
    const margins = (r === height - 1 ? 1 : 0) + (c === width - 1 ? 1 : 0);
    return margins === 1 ? -1 : 1; // y = cell, -total, +grand total: every line sums to 0
  };
  const equations: number[][] = [];
  for (let r = 0; r < height; r += 1) {
    equations.push(unknowns.map(([ur, uc]) => (ur === r ? sign(ur, uc) : 0)));
  }
  for (let c = 0; c < width; c += 1) {
    equations.push(unknowns.map(([ur, uc]) => (uc === c ? sign(ur, uc) : 0)));
  }
  const base = rank(equations);
  return unknowns.filter((_, k) => {
    const unit = unknowns.map((__, j) => (j === k ? 1 : 0));
    return rank([...equations, unit]) === base;
  });
}

function linesWithOneHiddenEntry(result: SuppressedTable): string[] {
  const grid = shownGrid(result);
  const found: string[] = [];
  grid.forEach((row, r) => {
    if (row.filter((v) => v === null).length === 1) found.push(`row ${r}`);
  });
  grid[0].forEach((_, c) => {
    if (grid.filter((row) => row[c] === null).length === 1) found.push(`column ${c}`);
  });
  return found;
}

function checkInvariants(input: CountTable, result: SuppressedTable, threshold: number): void {
  const full = fullGrid(input);
  const shown = shownGrid(result);
  let hidden = 0;
  full.forEach((row, r) =>
    row.forEach((value, c) => {
      const visible = shown[r][c];
      if (visible === null) {
        hidden += 1;
      } else {
        // Every visible entry is the true count, and no small count is visible.
        expect(visible).toBe(value);
        expect(value === 0 || value >= threshold).toBe(true);
      }
    }),
  );
  expect(linesWithOneHiddenEntry(result)).toEqual([]);
  expect(determinedHiddenEntries(result)).toEqual([]);
  // The list names every hidden entry once; PRIMARY exactly for the small non-zero counts.
  expect(result.suppressed).toHaveLength(hidden);
  const height = full.length - 1;
  const width = full[0].length - 1;
  const keys = new Set<string>();
  for (const entry of result.suppressed) {
    const r = entry.rowIndex ?? height;
    const c = entry.columnIndex ?? width;
    keys.add(`${r},${c}`);
    expect(shown[r][c]).toBeNull();
    const small = full[r][c] > 0 && full[r][c] < threshold;
    expect(entry.reason).toBe(small ? 'PRIMARY' : 'COMPLEMENTARY');
  }
  expect(keys.size).toBe(hidden);
  // The input is untouched and comes back in the same shape.
  expect(result.rows).toEqual(input.rows);
  expect(result.columns).toEqual(input.columns);
}

/** Deterministic pseudo-random numbers (mulberry32) so that failures can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Worked examples
// ---------------------------------------------------------------------------------------------

describe('suppressSmallCells: worked examples', () => {
  it('shows a table with nothing small as it is (zeros included)', () => {
    const result = suppressSmallCells(table([[10, 20], [30, 0]]));
    expect(result).toEqual({
      rows: ['r1', 'r2'],
      columns: ['c1', 'c2'],
      cells: [
        [10, 20],
        [30, 0],
      ],
      rowTotals: [30, 30],
      columnTotals: [40, 20],
      grandTotal: 60,
      threshold: 5,
      suppressed: [],
    });
  });

  it('hides one small cell with three complements forming a rectangle', () => {
    // r1 x c3 = 3 is primary. Its row needs a second hidden cell: the smallest, 10 (r1 x c1).
    // Column c1 then needs one: the smallest, 8 (r3 x c1). Row r3 then needs one: 40 in
    // column c3 rather than the smaller 25, because column c3 also has a single hidden cell,
    // so one more cell closes both lines (hiding 25 would cascade through four more cells).
    const result = suppressSmallCells(
      table([
        [10, 20, 3],
        [12, 15, 30],
        [8, 25, 40],
      ]),
    );
    expect(result.cells).toEqual([
      [null, 20, null],
      [12, 15, 30],
      [null, 25, null],
    ]);
    expect(result.rowTotals).toEqual([33, 57, 73]);
    expect(result.columnTotals).toEqual([30, 60, 73]);
    expect(result.grandTotal).toBe(163);
    expect(result.suppressed).toEqual([
      { kind: 'CELL', row: 'r1', column: 'c3', rowIndex: 0, columnIndex: 2, reason: 'PRIMARY' },
      {
        kind: 'CELL',
        row: 'r1',
        column: 'c1',
        rowIndex: 0,
        columnIndex: 0,
        reason: 'COMPLEMENTARY',
      },
      {
        kind: 'CELL',
        row: 'r3',
        column: 'c1',
        rowIndex: 2,
        columnIndex: 0,
        reason: 'COMPLEMENTARY',
      },
      {
        kind: 'CELL',
        row: 'r3',
        column: 'c3',
        rowIndex: 2,
        columnIndex: 2,
        reason: 'COMPLEMENTARY',
      },
    ]);
  });

  it('prefers a non-zero complement to a zero', () => {
    const result = suppressSmallCells(
      table([
        [2, 0, 7],
        [9, 6, 8],
        [7, 9, 6],
      ]),
    );
    expect(result.cells[0]).toEqual([null, 0, null]);
    expect(result.suppressed.map((entry) => entry.reason)).toContain('COMPLEMENTARY');
    checkInvariants(
      table([
        [2, 0, 7],
        [9, 6, 8],
        [7, 9, 6],
      ]),
      result,
      5,
    );
  });

  it('hides a total below the threshold, and what would give it away', () => {
    // Row r1 totals 3: hidden with its two cells. Column c1 then has one hidden cell (2), so
    // 10 goes; row r2 then needs one: 20, whose column already has one. Finally the row totals
    // 3 and 30 add up to the grand total 33, so 30 is hidden too.
    const input = table([
      [2, 1],
      [10, 20],
    ]);
    const result = suppressSmallCells(input);
    expect(result.cells).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(result.rowTotals).toEqual([null, null]);
    expect(result.columnTotals).toEqual([12, 21]);
    expect(result.grandTotal).toBe(33);
    expect(result.suppressed.filter((entry) => entry.reason === 'PRIMARY')).toEqual([
      { kind: 'CELL', row: 'r1', column: 'c1', rowIndex: 0, columnIndex: 0, reason: 'PRIMARY' },
      { kind: 'CELL', row: 'r1', column: 'c2', rowIndex: 0, columnIndex: 1, reason: 'PRIMARY' },
      {
        kind: 'ROW_TOTAL',
        row: 'r1',
        column: null,
        rowIndex: 0,
        columnIndex: null,
        reason: 'PRIMARY',
      },
    ]);
    checkInvariants(input, result, 5);
  });

  it('hides a small grand total and column totals of a one-row table', () => {
    const input = table([[1, 2]]);
    const result = suppressSmallCells(input);
    expect(result).toMatchObject({
      cells: [[null, null]],
      rowTotals: [null],
      columnTotals: [null, null],
      grandTotal: null,
    });
    expect(result.suppressed.map((entry) => entry.kind)).toEqual([
      'CELL',
      'CELL',
      'ROW_TOTAL',
      'COLUMN_TOTAL',
      'COLUMN_TOTAL',
      'GRAND_TOTAL',
    ]);
    checkInvariants(input, result, 5);
  });

  it('closes a hidden cell that only joins two protected blocks (a bridge)', () => {
    // Two 2x2 blocks of small counts, joined by r1 x c3 = 1. Every row and column has two or
    // more hidden cells, yet rows r1 + r2 minus columns c1 + c2 give r1 x c3 exactly
    // (65 - 60 - 4 = 1). One more hidden cell linking the blocks closes a cycle through it.
    const input = table([
      [1, 1, 1, 20],
      [1, 1, 20, 20],
      [20, 20, 1, 1],
      [20, 20, 1, 1],
    ]);
    const result = suppressSmallCells(input);
    const complementary = result.suppressed.filter((entry) => entry.reason === 'COMPLEMENTARY');
    expect(complementary).toEqual([
      {
        kind: 'CELL',
        row: 'r1',
        column: 'c4',
        rowIndex: 0,
        columnIndex: 3,
        reason: 'COMPLEMENTARY',
      },
    ]);
    checkInvariants(input, result, 5);
  });

  it.each<[number, number[][], (number | null)[][]]>([
    // Threshold 3 hides 1 and 2 only: the 3 and 4 of row r3 stay (the 2 and its three
    // complements form a rectangle in rows r1-r2, columns c1-c2).
    [
      3,
      [
        [2, 9, 9],
        [9, 9, 9],
        [9, 3, 4],
      ],
      [
        [null, null, 9],
        [null, null, 9],
        [9, 3, 4],
      ],
    ],
    // Threshold 1 hides nothing.
    [
      1,
      [
        [1, 0],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
    ],
  ])('threshold %p', (threshold, cells, expected) => {
    const input = table(cells);
    const result = suppressSmallCells(input, { threshold });
    expect(result.threshold).toBe(threshold);
    expect(result.cells).toEqual(expected);
    checkInvariants(input, result, threshold);
  });

  it('an empty table', () => {
    expect(suppressSmallCells({ rows: [], columns: [], cells: [] })).toEqual({
      rows: [],
      columns: [],
      cells: [],
      rowTotals: [],
      columnTotals: [],
      grandTotal: 0,
      threshold: 5,
      suppressed: [],
    });
  });

  it('does not change its input', () => {
    const input = table([
      [1, 9],
      [9, 9],
    ]);
    const copy = structuredClone(input);
    suppressSmallCells(input);
    expect(input).toEqual(copy);
  });

  it.each<[string, CountTable, number | undefined]>([
    ['fewer cell rows than labels', { rows: ['a', 'b'], columns: ['x'], cells: [[1]] }, undefined],
    ['a ragged row', { rows: ['a'], columns: ['x', 'y'], cells: [[1]] }, undefined],
    ['a negative count', table([[-1, 2]]), undefined],
    ['a fractional count', table([[1.5, 2]]), undefined],
    ['threshold 0', table([[1]]), 0],
    ['a fractional threshold', table([[1]]), 2.5],
  ])('refuses %s', (_name, input, threshold) => {
    expect(() => suppressSmallCells(input, { threshold })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random tables
// ---------------------------------------------------------------------------------------------

describe('suppressSmallCells: random tables', () => {
  const next = random(20240501);
  const cases: [number, CountTable, number][] = [];
  for (let i = 0; i < 400; i += 1) {
    const height = 1 + Math.floor(next() * 6);
    const width = 1 + Math.floor(next() * 6);
    const threshold = [3, 5, 5, 5, 10][Math.floor(next() * 5)];
    const cells = Array.from({ length: height }, () =>
      Array.from({ length: width }, () => {
        const kind = next();
        if (kind < 0.2) return 0;
        if (kind < 0.55) return 1 + Math.floor(next() * (threshold - 1));
        return threshold + Math.floor(next() * 40);
      }),
    );
    cases.push([i, table(cells), threshold]);
  }

  it.each(cases)(
    'table %#: visible cells are true, no line has one hidden entry, nothing recoverable',
    (_i, input, threshold) => {
      const result = suppressSmallCells(input, { threshold });
      checkInvariants(input, result, threshold);
      // Deterministic.
      expect(suppressSmallCells(input, { threshold })).toEqual(result);
    },
  );
});
