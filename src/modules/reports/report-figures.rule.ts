/**
 * A report as a flat list of figures, and what is made of that list: the CSV rendering (one row
 * per figure: section, item, group, value) and the comparison of two reports (which figures
 * moved). Works on any JSON value, so a certified file read back from its bytes is compared the
 * same way as a report just built. Pure, apart from hashing bytes.
 *
 * Flattening:
 * - `section` is the top-level key (top-level scalars go to section `report`);
 * - `item` is the path of object keys below it, joined with dots (array keys included);
 * - `group` identifies the array elements on the way: the element's `classCode`, `group`,
 *   `kind`, `fiscalYear` or `field` (the first present), else its index; several are joined
 *   with `/`;
 * - an array of scalars is one figure, its values joined with `;`;
 * - a hidden count (`{ value: null, suppressed: true }`) is one figure with value `SUPPRESSED`.
 * `path` (used by the comparison) is the same walk written with the group in brackets at its
 * array: `goalsVsResults.moves.byTargetClass[5157].fiscalYearMoves`.
 */
import { createHash } from 'node:crypto';

export type FigureValue = string | number | boolean | null;

export const SUPPRESSED_VALUE = 'SUPPRESSED';

export interface Figure {
  section: string;
  item: string;
  group: string;
  path: string;
  value: FigureValue;
}

const ID_KEYS = ['classCode', 'group', 'kind', 'fiscalYear', 'field'] as const;
const TOP_LEVEL_SECTION = 'report';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is FigureValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  );
}

function isSuppressedMarker(value: unknown): boolean {
  return isRecord(value) && value.suppressed === true && value.value === null;
}

function elementId(element: unknown, index: number): string {
  if (isRecord(element)) {
    for (const key of ID_KEYS) {
      const id = element[key];
      if (typeof id === 'string' || typeof id === 'number') return String(id);
    }
  }
  return String(index);
}

interface Position {
  section: string;
  items: string[];
  groups: string[];
  path: string;
}

function walk(value: unknown, at: Position, out: Figure[]): void {
  const emit = (figureValue: FigureValue): void => {
    out.push({
      section: at.section,
      item: at.items.join('.'),
      group: at.groups.join('/'),
      path: at.path,
      value: figureValue,
    });
  };
  if (isScalar(value)) return emit(value);
  if (isSuppressedMarker(value)) return emit(SUPPRESSED_VALUE);
  if (Array.isArray(value)) {
    if (value.every(isScalar)) {
      return emit(value.map((v) => (v === null ? '' : String(v))).join(';'));
    }
    value.forEach((element, index) => {
      const id = elementId(element, index);
      walk(element, { ...at, groups: [...at.groups, id], path: `${at.path}[${id}]` }, out);
    });
    return;
  }
  if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      walk(child, { ...at, items: [...at.items, key], path: `${at.path}.${key}` }, out);
    }
  }
  // undefined and functions are not JSON: nothing to report.
}

/** Every figure of a report, in the report's own order. */
export function reportFigures(report: unknown): Figure[] {
  const out: Figure[] = [];
  if (!isRecord(report)) return out;
  for (const [key, value] of Object.entries(report)) {
    if (isRecord(value)) {
      for (const [itemKey, child] of Object.entries(value)) {
        walk(child, { section: key, items: [itemKey], groups: [], path: `${key}.${itemKey}` }, out);
      }
    } else if (Array.isArray(value) && !value.every(isScalar)) {
      value.forEach((element, index) => {
        const id = elementId(element, index);
        walk(element, { section: key, items: [], groups: [id], path: `${key}[${id}]` }, out);
      });
    } else {
      walk(value, { section: TOP_LEVEL_SECTION, items: [key], groups: [], path: key }, out);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell that a spreadsheet would run as a formula is prefixed with `'` and so shown as text. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180 quoting: cells with a comma, a quote or a line break are quoted, quotes doubled. */
export function csvCell(raw: string): string {
  const cell = neutraliseFormula(raw);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function figureText(value: FigureValue): string {
  if (value === null) return '';
  return String(value);
}

export const CSV_HEADER = ['section', 'item', 'group', 'value'] as const;

/** UTF-8, CRLF line ends (RFC 4180), one header row, then one row per figure. */
export function renderCsv(report: unknown): Buffer {
  const lines = [CSV_HEADER.join(',')];
  for (const figure of reportFigures(report)) {
    lines.push(
      [figure.section, figure.item, figure.group, figureText(figure.value)].map(csvCell).join(','),
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Two-space indented JSON with a final newline, keys in the report's own order. */
export function renderJson(report: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8');
}

export function sha256Hex(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

export type FigureChangeKind = 'CHANGED' | 'ADDED' | 'REMOVED';

export interface FigureChange {
  path: string;
  change: FigureChangeKind;
  /** The older report's value; null when the figure was added. */
  old: FigureValue;
  /** The newer report's value; null when the figure was removed. */
  new: FigureValue;
}

/**
 * The figures that differ between two reports: changed and added ones in the newer report's
 * order, then removed ones in the older's. Paths for which `ignore` is true are left out.
 */
export function diffFigures(
  older: unknown,
  newer: unknown,
  ignore: (path: string) => boolean = () => false,
): FigureChange[] {
  const before = new Map(reportFigures(older).map((f) => [f.path, f.value]));
  const after = reportFigures(newer);
  const seen = new Set<string>();
  const changes: FigureChange[] = [];
  for (const figure of after) {
    seen.add(figure.path);
    if (ignore(figure.path)) continue;
    if (!before.has(figure.path)) {
      changes.push({ path: figure.path, change: 'ADDED', old: null, new: figure.value });
    } else if (before.get(figure.path) !== figure.value) {
      changes.push({
        path: figure.path,
        change: 'CHANGED',
        old: before.get(figure.path) ?? null,
        new: figure.value,
      });
    }
  }
  for (const [path, value] of before) {
    if (!seen.has(path) && !ignore(path)) {
      changes.push({ path, change: 'REMOVED', old: value, new: null });
    }
  }
  return changes;
}
