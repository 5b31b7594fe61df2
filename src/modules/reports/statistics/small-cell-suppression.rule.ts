/**
 * Small-cell suppression for a table of counts that leaves a department (for example employees
 * by ethnicity x job category). No official rule was found, so the threshold is a setting
 * (default 5), as the domain notes ask.
 *
 * The table is read together with its margins: one total per row, one per column and the grand
 * total, all computed here from the cells (so they always add up).
 *
 * 1. Primary suppression: every count from 1 to threshold - 1 is hidden, cells and totals alike
 *    (a total below the threshold would show a small group by itself). Zeros are shown: a 0
 *    says nobody, which is no one's data; hiding every 0 would also hide most of a sparse
 *    table for nothing.
 * 2. Complementary suppression, so that no hidden count can be worked back from what is shown.
 *    Each row (with its total) and each column (with its total) is an equation, and so are the
 *    row of column totals and the column of row totals (their total is the grand total).
 *    a) A line with exactly one hidden entry gives it away by subtraction: hide one more entry
 *       of that line. The choice, in order of preference: a cell rather than a total (the grand
 *       total last); a non-zero count rather than a 0 (a hidden 0 protects little: one would
 *       guess it); an entry whose crossing line also has exactly one hidden entry (one extra
 *       hidden cell then protects two lines, which turns the usual cascade into a rectangle);
 *       the smallest count; the first in reading order.
 *    b) Rule (a) alone is not enough: two separately protected blocks joined through one
 *       hidden cell let that cell be computed by adding up the block's equations. In graph
 *       terms (rows and columns as vertices, hidden entries as edges) a hidden entry is
 *       recoverable exactly when it is a bridge. So, once no line has a single hidden entry,
 *       each bridge is closed into a cycle by hiding one more entry that links the two sides
 *       (same preferences, without the crossing-line one). Then back to (a), until neither
 *       applies. This terminates: each step hides one more entry.
 *    The result: no hidden count is determined by the linear equations of the shown table.
 *    Not covered (as in most simple suppression schemes; tau-Argus-style audits do it): the
 *    range a hidden count can take given that counts are never negative.
 *
 * Pure: the input is not changed; invalid input (ragged or non-integer cells, a threshold
 * below 1) throws a RangeError.
 */

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export interface CountTable {
  rows: readonly string[];
  columns: readonly string[];
  /** cells[r][c] counts rows[r] x columns[c]. */
  cells: readonly (readonly number[])[];
}

export interface SuppressionOptions {
  /** Counts from 1 to threshold - 1 are hidden. A whole number >= 1; default 5. */
  threshold?: number;
}

export type SuppressionReason = 'PRIMARY' | 'COMPLEMENTARY';

export type SuppressedEntryKind = 'CELL' | 'ROW_TOTAL' | 'COLUMN_TOTAL' | 'GRAND_TOTAL';

export interface SuppressedEntry {
  kind: SuppressedEntryKind;
  /** Row label; null for a column total or the grand total. */
  row: string | null;
  /** Column label; null for a row total or the grand total. */
  column: string | null;
  rowIndex: number | null;
  columnIndex: number | null;
  reason: SuppressionReason;
}

export interface SuppressedTable {
  rows: string[];
  columns: string[];
  /** The input counts, null where suppressed. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  grandTotal: number | null;
  threshold: number;
  /** Primary suppressions first (cells in reading order, then totals), then complementary ones
   * in the order they were chosen. Values are never listed. */
  suppressed: SuppressedEntry[];
}

/**
 * The table extended with its margins: `values[r][c]` for r <= R, c <= C where row R holds the
 * column totals, column C the row totals and [R][C] the grand total. Every line (row or column
 * of this grid) is one equation: its last entry is the sum of the others.
 */
interface Grid {
  rowCount: number;
  columnCount: number;
  values: number[][];
  hidden: (SuppressionReason | null)[][];
  order: [number, number][];
}

interface Position {
  row: number;
  column: number;
}

export function suppressSmallCells(
  table: CountTable,
  options: SuppressionOptions = {},
): SuppressedTable {
  const threshold = options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  assertTable(table, threshold);
  const grid = extendedGrid(table);

  hidePrimary(grid, threshold);
  while (protectSingleHiddenLine(grid) || protectBridge(grid)) {
    // each pass hides one more entry; stop when neither rule applies
  }

  return present(table, grid, threshold);
}

// ---------------------------------------------------------------------------------------------
// Building and reading the grid
// ---------------------------------------------------------------------------------------------

function extendedGrid(table: CountTable): Grid {
  const rowCount = table.rows.length;
  const columnCount = table.columns.length;
  const values: number[][] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const cells = [...table.cells[r]];
    values.push([...cells, cells.reduce((total, value) => total + value, 0)]);
  }
  const totalsRow: number[] = [];
  for (let c = 0; c <= columnCount; c += 1) {
    totalsRow.push(values.reduce((total, row) => total + row[c], 0));
  }
  values.push(totalsRow);
  const hidden = values.map((row) => row.map((): SuppressionReason | null => null));
  return { rowCount, columnCount, values, hidden, order: [] };
}

function hide(grid: Grid, { row, column }: Position, reason: SuppressionReason): void {
  grid.hidden[row][column] = reason;
  grid.order.push([row, column]);
}

function isHidden(grid: Grid, { row, column }: Position): boolean {
  return grid.hidden[row][column] !== null;
}

/** The entries of grid row `r` or grid column `c`, in order. */
function line(grid: Grid, along: 'ROW' | 'COLUMN', index: number): Position[] {
  const positions: Position[] = [];
  if (along === 'ROW') {
    for (let c = 0; c <= grid.columnCount; c += 1) positions.push({ row: index, column: c });
  } else {
    for (let r = 0; r <= grid.rowCount; r += 1) positions.push({ row: r, column: index });
  }
  return positions;
}

function hiddenCount(grid: Grid, positions: readonly Position[]): number {
  return positions.filter((position) => isHidden(grid, position)).length;
}

/** 0 for a cell, 1 for a row or column total, 2 for the grand total. */
function marginRank(grid: Grid, { row, column }: Position): number {
  return (row === grid.rowCount ? 1 : 0) + (column === grid.columnCount ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Primary suppression
// ---------------------------------------------------------------------------------------------

function hidePrimary(grid: Grid, threshold: number): void {
  const positions: Position[] = [];
  for (let r = 0; r < grid.rowCount; r += 1) {
    for (let c = 0; c < grid.columnCount; c += 1) positions.push({ row: r, column: c });
  }
  for (let r = 0; r < grid.rowCount; r += 1) positions.push({ row: r, column: grid.columnCount });
  for (let c = 0; c <= grid.columnCount; c += 1) positions.push({ row: grid.rowCount, column: c });

  for (const position of positions) {
    const value = grid.values[position.row][position.column];
    if (value > 0 && value < threshold) hide(grid, position, 'PRIMARY');
  }
}

// ---------------------------------------------------------------------------------------------
// Complementary suppression (a): a line with a single hidden entry
// ---------------------------------------------------------------------------------------------

function protectSingleHiddenLine(grid: Grid): boolean {
  const lines: ['ROW' | 'COLUMN', number][] = [];
  for (let r = 0; r <= grid.rowCount; r += 1) lines.push(['ROW', r]);
  for (let c = 0; c <= grid.columnCount; c += 1) lines.push(['COLUMN', c]);

  for (const [along, index] of lines) {
    const positions = line(grid, along, index);
    if (hiddenCount(grid, positions) !== 1) continue;
    const crossing = (position: Position): Position[] =>
      along === 'ROW' ? line(grid, 'COLUMN', position.column) : line(grid, 'ROW', position.row);
    const choice = cheapest(
      grid,
      positions.filter((position) => !isHidden(grid, position)),
      (position) => (hiddenCount(grid, crossing(position)) === 1 ? 0 : 1),
    );
    // A line always has at least two entries (one cell and its total), so one is visible.
    if (choice !== null) {
      hide(grid, choice, 'COMPLEMENTARY');
      return true;
    }
  }
  return false;
}

/**
 * The preferred entry to hide among `candidates`: a cell before a total, non-zero before zero,
 * then `extra` (lower first), then the smallest count, then the first given.
 */
function cheapest(
  grid: Grid,
  candidates: readonly Position[],
  extra: (position: Position) => number,
): Position | null {
  const key = (position: Position): number[] => {
    const value = grid.values[position.row][position.column];
    return [marginRank(grid, position), value === 0 ? 1 : 0, extra(position), value];
  };
  let best: Position | null = null;
  let bestKey: number[] = [];
  for (const candidate of candidates) {
    const candidateKey = key(candidate);
    if (best === null || lexicographicallyLess(candidateKey, bestKey)) {
      best = candidate;
      bestKey = candidateKey;
    }
  }
  return best;
}

function lexicographicallyLess(left: readonly number[], right: readonly number[]): boolean {
  for (let i = 0; i < left.length; i += 1) {
    if (left[i] !== right[i]) return left[i] < right[i];
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Complementary suppression (b): a hidden entry that is a bridge
// ---------------------------------------------------------------------------------------------

/**
 * Graph of hidden entries: grid row r is vertex r, grid column c is vertex rowCount + 1 + c,
 * each hidden entry [r][c] an edge between them.
 */
interface HiddenGraph {
  edges: Position[];
  adjacency: { vertex: number; edge: number }[][];
}

function hiddenGraph(grid: Grid): HiddenGraph {
  const vertexCount = grid.rowCount + grid.columnCount + 2;
  const adjacency: { vertex: number; edge: number }[][] = Array.from(
    { length: vertexCount },
    () => [],
  );
  const edges: Position[] = [];
  for (let r = 0; r <= grid.rowCount; r += 1) {
    for (let c = 0; c <= grid.columnCount; c += 1) {
      if (!isHidden(grid, { row: r, column: c })) continue;
      const edge = edges.length;
      edges.push({ row: r, column: c });
      const columnVertex = columnVertexOf(grid, c);
      adjacency[r].push({ vertex: columnVertex, edge });
      adjacency[columnVertex].push({ vertex: r, edge });
    }
  }
  return { edges, adjacency };
}

function columnVertexOf(grid: Grid, column: number): number {
  return grid.rowCount + 1 + column;
}

/** Indices of the bridge edges (Tarjan's low-link algorithm). The graph has no parallel edges. */
function bridges(graph: HiddenGraph): Set<number> {
  const vertexCount = graph.adjacency.length;
  const discovered: number[] = new Array<number>(vertexCount).fill(-1);
  const low: number[] = new Array<number>(vertexCount).fill(0);
  const found = new Set<number>();
  let time = 0;

  const visit = (vertex: number, parentEdge: number): void => {
    discovered[vertex] = time;
    low[vertex] = time;
    time += 1;
    for (const { vertex: next, edge } of graph.adjacency[vertex]) {
      if (edge === parentEdge) continue;
      if (discovered[next] === -1) {
        visit(next, edge);
        low[vertex] = Math.min(low[vertex], low[next]);
        if (low[next] > discovered[vertex]) found.add(edge);
      } else {
        low[vertex] = Math.min(low[vertex], discovered[next]);
      }
    }
  };
  for (let vertex = 0; vertex < vertexCount; vertex += 1) {
    if (discovered[vertex] === -1) visit(vertex, -1);
  }
  return found;
}

/** Vertices reachable from `start` without using edge `skip`. */
function reachable(graph: HiddenGraph, start: number, skip: number): Set<number> {
  const seen = new Set<number>([start]);
  const queue = [start];
  for (let next = 0; next < queue.length; next += 1) {
    const vertex = queue[next];
    for (const { vertex: neighbour, edge } of graph.adjacency[vertex]) {
      if (edge === skip || seen.has(neighbour)) continue;
      seen.add(neighbour);
      queue.push(neighbour);
    }
  }
  return seen;
}

function protectBridge(grid: Grid): boolean {
  const graph = hiddenGraph(grid);
  const found = bridges(graph);
  if (found.size === 0) return false;
  const bridge = Math.min(...found);
  const { row, column } = graph.edges[bridge];
  const rowSide = reachable(graph, row, bridge);
  const columnSide = reachable(graph, columnVertexOf(grid, column), bridge);

  // Hiding [r][c] with row r on one side and column c on the other closes a cycle through the
  // bridge. After rule (a) both sides hold a row and a column, so such an entry exists, and it
  // is visible (a hidden one would be a second edge between the sides).
  const candidates: Position[] = [];
  for (let r = 0; r <= grid.rowCount; r += 1) {
    for (let c = 0; c <= grid.columnCount; c += 1) {
      const columnVertex = columnVertexOf(grid, c);
      const links =
        (rowSide.has(r) && columnSide.has(columnVertex)) ||
        (columnSide.has(r) && rowSide.has(columnVertex));
      if (links && !isHidden(grid, { row: r, column: c })) candidates.push({ row: r, column: c });
    }
  }
  const choice = cheapest(grid, candidates, () => 0);
  if (choice === null) return false;
  hide(grid, choice, 'COMPLEMENTARY');
  return true;
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

function present(table: CountTable, grid: Grid, threshold: number): SuppressedTable {
  const shown = (r: number, c: number): number | null =>
    grid.hidden[r][c] === null ? grid.values[r][c] : null;
  const rowCount = grid.rowCount;
  const columnCount = grid.columnCount;

  const cells: (number | null)[][] = [];
  const rowTotals: (number | null)[] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const row: (number | null)[] = [];
    for (let c = 0; c < columnCount; c += 1) row.push(shown(r, c));
    cells.push(row);
    rowTotals.push(shown(r, columnCount));
  }
  const columnTotals: (number | null)[] = [];
  for (let c = 0; c < columnCount; c += 1) columnTotals.push(shown(rowCount, c));

  const suppressed = grid.order.map(([r, c]): SuppressedEntry => {
    const isRowTotal = c === columnCount;
    const isColumnTotal = r === rowCount;
    const kind: SuppressedEntryKind =
      isRowTotal && isColumnTotal
        ? 'GRAND_TOTAL'
        : isRowTotal
          ? 'ROW_TOTAL'
          : isColumnTotal
            ? 'COLUMN_TOTAL'
            : 'CELL';
    return {
      kind,
      row: isColumnTotal ? null : table.rows[r],
      column: isRowTotal ? null : table.columns[c],
      rowIndex: isColumnTotal ? null : r,
      columnIndex: isRowTotal ? null : c,
      reason: grid.hidden[r][c] as SuppressionReason,
    };
  });

  return {
    rows: [...table.rows],
    columns: [...table.columns],
    cells,
    rowTotals,
    columnTotals,
    grandTotal: shown(rowCount, columnCount),
    threshold,
    suppressed,
  };
}

function assertTable(table: CountTable, threshold: number): void {
  if (!Number.isSafeInteger(threshold) || threshold < 1) {
    throw new RangeError(`threshold must be a whole number >= 1, got ${threshold}`);
  }
  if (table.cells.length !== table.rows.length) {
    throw new RangeError(
      `cells has ${table.cells.length} rows but ${table.rows.length} row labels were given`,
    );
  }
  table.cells.forEach((row, r) => {
    if (row.length !== table.columns.length) {
      throw new RangeError(
        `row ${r} has ${row.length} cells but ${table.columns.length} column labels were given`,
      );
    }
    row.forEach((value, c) => {
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new RangeError(`cell [${r}][${c}] must be a whole number >= 0, got ${value}`);
      }
    });
  });
}
