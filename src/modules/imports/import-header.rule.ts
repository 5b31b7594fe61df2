/**
 * The header row of an import file against the documented layout (import-layout.ts), and the
 * cells of a data row by column name. Pure.
 */
import { problemValue } from './import-cells.rule';
import type { CellProblem, RowCells } from './import-cells.rule';
import { IMPORT_COLUMNS } from './import-layout';
import type { ImportKind } from './import-layout';

export interface ImportHeader {
  /** By position: the layout's column name, or null for a column that is ignored. */
  columns: (string | null)[];
  /** Positions of columns refused with the header (unknown or repeated): their cells are ignored. */
  refused: ReadonlySet<number>;
  /** The layout's columns the file has. */
  present: ReadonlySet<string>;
  problems: CellProblem[];
}

/** Names are compared trimmed and case-insensitively; `Employee Number` is not a column name. */
export function normalizeColumnName(cell: string): string {
  return cell.trim().toLowerCase();
}

export function analyseHeader(kind: ImportKind, cells: readonly string[]): ImportHeader {
  const layout = IMPORT_COLUMNS[kind];
  const known = new Set(layout.map((column) => column.name));
  const problems: CellProblem[] = [];
  const present = new Set<string>();
  const refused = new Set<number>();
  const columns = cells.map((cell, index) => {
    const name = normalizeColumnName(cell);
    if (name === '') return null;
    if (!known.has(name)) {
      problems.push({
        column: problemValue(cell.trim()),
        value: problemValue(cell),
        message: `unknown column (the ${kind} columns are ${[...known].join(', ')})`,
      });
      refused.add(index);
      return null;
    }
    if (present.has(name)) {
      problems.push({
        column: problemValue(name),
        value: problemValue(cell),
        message: 'column appears twice',
      });
      refused.add(index);
      return null;
    }
    present.add(name);
    return name;
  });
  for (const column of layout) {
    if (column.required && !present.has(column.name)) {
      problems.push({ column: column.name, value: '', message: 'required column is missing' });
    }
  }
  return { columns, refused, present, problems };
}

/**
 * A data row's trimmed cells by column name. A value under a column without a name is a
 * problem (it would be silently lost); cells of refused columns were reported with the header.
 */
export function rowCells(
  header: ImportHeader,
  cells: readonly string[],
): { cells: RowCells; problems: CellProblem[] } {
  const byName = new Map<string, string>();
  const problems: CellProblem[] = [];
  for (const name of header.present) byName.set(name, '');
  cells.forEach((cell, index) => {
    const value = cell.trim();
    const name = header.columns[index] ?? null;
    if (name !== null) {
      byName.set(name, value);
    } else if (value !== '' && !header.refused.has(index)) {
      problems.push({
        column: `column ${index + 1}`,
        value: problemValue(value),
        message: 'a value in a column without a name in the header row',
      });
    }
  });
  return { cells: byName, problems };
}
