/**
 * A small layer over exceljs for report workbooks: one table per sheet (optional title row, a
 * bold header row that is frozen and carries an autofilter, then typed rows), and deterministic
 * bytes. Shared by every XLSX report (annual report, audit packets, roll-ups).
 *
 * Cells are typed by their column (or, for key/value sheets, by the cell itself via `typed`):
 * - integer / decimal / percent / money: numbers with a number format (percent takes a 0..1
 *   ratio); a non-finite number, or a fraction in an integer column, is a programming error;
 * - date: an ISO `YYYY-MM-DD` string stored as a real Excel date (UTC midnight, so no timezone
 *   shift); datetime: an ISO instant, shown in UTC;
 * - boolean: the text `Yes` / `No` (readable, and filters show two plain values);
 * - null / undefined / '': an empty cell;
 * - a suppressed count (`{ suppressed: true }`) in any column: the text `suppressed`, so that
 *   nobody reads a blank as zero.
 * Every text written (titles and headers included) goes through `neutraliseFormula`: names and
 * narratives are user-entered, and a leading `=`, `+`, `-`, `@`, tab or CR would make a
 * spreadsheet (or a CSV export of the sheet) treat the text as a formula.
 *
 * Determinism: exceljs zips with JSZip, which stamps every zip entry with the current time
 * (`new Date()` in `JSZip.file`, no option to pass a date through exceljs). `writeXlsx` therefore
 * rewrites the DOS date/time of every entry to the workbook's own timestamp, and sets the
 * document properties (created, modified, last printed) to it too: same input, same bytes.
 */
import { Workbook } from 'exceljs';
import type { Alignment, Cell, Worksheet } from 'exceljs';
import { neutraliseFormula } from '../report-figures.rule';

export type ColumnType =
  | 'text'
  | 'integer'
  | 'decimal'
  | 'percent'
  | 'money'
  | 'date'
  | 'datetime'
  | 'boolean';

/** A count hidden by small-cell suppression (the report's `{ value: null, suppressed: true }`). */
export interface SuppressedValue {
  readonly suppressed: true;
}

export type PlainValue = string | number | boolean | Date | null | undefined;

/** A cell that carries its own type, for sheets whose rows mix kinds of values. */
export interface TypedValue {
  readonly type: ColumnType;
  readonly value: PlainValue | SuppressedValue;
  /** Overrides the type's number format (e.g. `0.0000`). */
  readonly format?: string;
}

export type CellInput = PlainValue | SuppressedValue | TypedValue;

export interface TableColumn<K extends string = string> {
  header: string;
  key: K;
  type: ColumnType;
  /** In characters; by default fitted to the header and the values (up to MAX_WIDTH). */
  width?: number;
  /** Overrides the type's number format (e.g. `0.0000` for a 4-decimal ratio). */
  format?: string;
}

export interface TableSheetSpec<K extends string = string> {
  /** Sheet name: at most 31 characters, none of `[ ] : * ? / \`, unique in the workbook. */
  name: string;
  /** A line above the table (bold, larger). */
  title?: string;
  columns: readonly TableColumn<K>[];
  rows: readonly Readonly<Record<K, CellInput>>[];
}

export interface Field {
  label: string;
  value: CellInput;
  /** Defaults to text. */
  type?: ColumnType;
  format?: string;
  unit?: string;
}

export interface FieldSheetSpec {
  name: string;
  title?: string;
  fields: readonly Field[];
  labelHeader?: string;
  valueHeader?: string;
  /** Width of the value column, in characters. */
  valueWidth?: number;
}

export interface WorkbookProperties {
  /** The document's own time: created, modified, last printed, and every zip entry's date. */
  at: Date;
  creator: string;
  title?: string;
  subject?: string;
}

/** Text of a suppressed count. */
export const SUPPRESSED_TEXT = 'suppressed';
export const YES = 'Yes';
export const NO = 'No';

export const NUMBER_FORMATS: Readonly<Record<ColumnType, string | null>> = {
  text: null,
  integer: '0',
  decimal: '0.00',
  percent: '0.0%',
  money: '"$"#,##0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  boolean: null,
};

/** Excel's limits. */
export const MAX_SHEET_NAME_LENGTH = 31;
export const MAX_CELL_TEXT_LENGTH = 32_767;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const TITLE_FONT_SIZE = 14;
const RESERVED_SHEET_NAMES = new Set(['history']);
const INVALID_SHEET_NAME_CHARS = /[[\]:*?/\\]/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export class XlsxLayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxLayoutError';
  }
}

export function typed(
  type: ColumnType,
  value: PlainValue | SuppressedValue,
  format?: string,
): TypedValue {
  return format === undefined ? { type, value } : { type, value, format };
}

export function isSuppressedValue(value: unknown): value is SuppressedValue {
  return typeof value === 'object' && value !== null && 'suppressed' in value;
}

function isTypedValue(value: CellInput): value is TypedValue {
  return typeof value === 'object' && value !== null && 'type' in value;
}

/** Why a name cannot be a sheet name, or null when it can. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === '') return 'is empty';
  if (name.length > MAX_SHEET_NAME_LENGTH) return `is longer than ${MAX_SHEET_NAME_LENGTH}`;
  if (INVALID_SHEET_NAME_CHARS.test(name)) return 'has one of [ ] : * ? / \\';
  if (name.startsWith("'") || name.endsWith("'")) return 'starts or ends with an apostrophe';
  if (RESERVED_SHEET_NAMES.has(name.toLowerCase())) return 'is reserved by Excel';
  return null;
}

export function newWorkbook(properties: WorkbookProperties): Workbook {
  const workbook = new Workbook();
  workbook.creator = properties.creator;
  workbook.lastModifiedBy = properties.creator;
  workbook.created = properties.at;
  workbook.modified = properties.at;
  workbook.lastPrinted = properties.at;
  if (properties.title !== undefined) workbook.title = neutraliseFormula(properties.title);
  if (properties.subject !== undefined) workbook.subject = neutraliseFormula(properties.subject);
  return workbook;
}

/** A real date at UTC midnight (Excel dates have no timezone) from `YYYY-MM-DD`. */
export function isoDateToUtc(iso: string): Date {
  const match = ISO_DATE.exec(iso);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (
      date.getUTCFullYear() === year &&
      date.getUTCMonth() === month - 1 &&
      date.getUTCDate() === day
    ) {
      return date;
    }
  }
  throw new XlsxLayoutError(`"${iso}" is not an ISO date (YYYY-MM-DD)`);
}

function isoInstant(iso: string): Date {
  const date = new Date(iso);
  if (!ISO_INSTANT.test(iso) || Number.isNaN(date.getTime())) {
    throw new XlsxLayoutError(`"${iso}" is not an ISO instant`);
  }
  return date;
}

type CellValue = string | number | Date | null;

interface Written {
  value: CellValue;
  numFmt: string | null;
  alignment?: Partial<Alignment>;
}

function wrongValue(type: ColumnType, value: unknown): XlsxLayoutError {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
  return new XlsxLayoutError(`a ${type} cell cannot hold ${shown}`);
}

/** Neutralised, then with line breaks as Excel keeps them (LF): XML reads a raw CR as LF anyway,
 * so writing LF makes what is read back what was written. */
function text(value: string): string {
  if (value.length > MAX_CELL_TEXT_LENGTH) {
    throw new XlsxLayoutError(`text longer than Excel's ${MAX_CELL_TEXT_LENGTH} characters`);
  }
  return neutraliseFormula(value).replace(/\r\n?/g, '\n');
}

function toCell(input: CellInput, columnType: ColumnType, columnFormat?: string): Written {
  const type = isTypedValue(input) ? input.type : columnType;
  const format = isTypedValue(input) ? input.format : columnFormat;
  const value = isTypedValue(input) ? input.value : input;
  const numFmt = format ?? NUMBER_FORMATS[type];
  if (value === null || value === undefined || value === '') return { value: null, numFmt: null };
  if (isSuppressedValue(value)) {
    return { value: SUPPRESSED_TEXT, numFmt: null, alignment: { horizontal: 'right' } };
  }
  switch (type) {
    case 'text':
      if (typeof value === 'string') return { value: text(value), numFmt: null };
      if (typeof value === 'number' && Number.isFinite(value)) {
        return { value: text(String(value)), numFmt: null };
      }
      throw wrongValue(type, value);
    case 'integer':
    case 'decimal':
    case 'percent':
    case 'money':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongValue(type, value);
      if (type === 'integer' && !Number.isInteger(value)) throw wrongValue(type, value);
      return { value, numFmt };
    case 'date':
      if (typeof value === 'string') return { value: isoDateToUtc(value), numFmt };
      if (value instanceof Date && !Number.isNaN(value.getTime())) return { value, numFmt };
      throw wrongValue(type, value);
    case 'datetime':
      if (typeof value === 'string') return { value: isoInstant(value), numFmt };
      if (value instanceof Date && !Number.isNaN(value.getTime())) return { value, numFmt };
      throw wrongValue(type, value);
    case 'boolean':
      if (typeof value === 'boolean') return { value: value ? YES : NO, numFmt: null };
      throw wrongValue(type, value);
  }
}

/** How wide a written value reads, in characters (for fitting columns). */
function displayLength(written: Written): number {
  const { value, numFmt } = written;
  if (value === null) return 0;
  if (value instanceof Date) return (numFmt ?? '').length;
  if (typeof value === 'number') return String(value).length + 4;
  return Math.max(...value.split('\n').map((line) => line.length));
}

function styleHeader(cell: Cell): void {
  cell.font = { bold: true };
  cell.alignment = { vertical: 'top', wrapText: true };
  cell.border = { bottom: { style: 'thin' } };
}

/**
 * One sheet holding one table: title (optional) in row 1, the header below it (bold, frozen,
 * with an autofilter over the whole table), then one row per element of `rows`.
 */
export function addTableSheet<K extends string>(
  workbook: Workbook,
  spec: TableSheetSpec<K>,
): Worksheet {
  const problem = sheetNameProblem(spec.name);
  if (problem) throw new XlsxLayoutError(`sheet name "${spec.name}" ${problem}`);
  const taken = workbook.worksheets.some((w) => w.name.toLowerCase() === spec.name.toLowerCase());
  if (taken) throw new XlsxLayoutError(`sheet name "${spec.name}" is already used`);
  if (spec.columns.length === 0) throw new XlsxLayoutError(`sheet "${spec.name}" has no columns`);

  const sheet = workbook.addWorksheet(spec.name);
  const headerRow = spec.title === undefined ? 1 : 2;
  if (spec.title !== undefined) {
    const titleCell = sheet.getCell(1, 1);
    titleCell.value = text(spec.title);
    titleCell.font = { bold: true, size: TITLE_FONT_SIZE };
  }

  spec.columns.forEach((column, c) => {
    const cell = sheet.getCell(headerRow, c + 1);
    cell.value = text(column.header);
    styleHeader(cell);
  });

  const written = spec.rows.map((row, r) =>
    spec.columns.map((column) => {
      try {
        return toCell(row[column.key], column.type, column.format);
      } catch (error) {
        if (!(error instanceof XlsxLayoutError)) throw error;
        throw new XlsxLayoutError(
          `sheet "${spec.name}", row ${r + 1}, column "${column.header}": ${error.message}`,
        );
      }
    }),
  );

  const widths = spec.columns.map((column, c) => {
    if (column.width !== undefined) return column.width;
    // A loop, not a spread: a spread of 100,000+ rows overflows the call stack.
    let longest = column.header.length;
    for (const row of written) longest = Math.max(longest, displayLength(row[c]));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
  widths.forEach((width, c) => (sheet.getColumn(c + 1).width = width));

  written.forEach((row, r) =>
    row.forEach((cellValue, c) => {
      if (cellValue.value === null) return;
      const cell = sheet.getCell(headerRow + 1 + r, c + 1);
      cell.value = cellValue.value;
      if (cellValue.numFmt !== null) cell.numFmt = cellValue.numFmt;
      // Long or multi-line text wraps inside its column rather than spilling over the next.
      const wrap =
        typeof cellValue.value === 'string' &&
        (cellValue.value.includes('\n') || cellValue.value.length > widths[c] - 2);
      if (cellValue.alignment || wrap) {
        cell.alignment = { vertical: 'top', ...cellValue.alignment, ...(wrap && { wrapText: true }) };
      }
    }),
  );

  const lastRow = headerRow + spec.rows.length;
  sheet.views = [
    {
      state: 'frozen',
      xSplit: 0,
      ySplit: headerRow,
      topLeftCell: `A${headerRow + 1}`,
      activeCell: `A${headerRow + 1}`,
    },
  ];
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: lastRow, column: spec.columns.length },
  };
  return sheet;
}

/**
 * A key/value sheet (e.g. "About"): a table of Field | Value (| Unit, when a field has one),
 * each value typed by its own field.
 */
export function addFieldSheet(workbook: Workbook, spec: FieldSheetSpec): Worksheet {
  const withUnit = spec.fields.some((field) => field.unit !== undefined);
  const columns: TableColumn<'label' | 'value' | 'unit'>[] = [
    { header: spec.labelHeader ?? 'Field', key: 'label', type: 'text' },
    { header: spec.valueHeader ?? 'Value', key: 'value', type: 'text', width: spec.valueWidth },
  ];
  if (withUnit) columns.push({ header: 'Unit', key: 'unit', type: 'text' });
  return addTableSheet(workbook, {
    name: spec.name,
    title: spec.title,
    columns,
    rows: spec.fields.map((field) => ({
      label: field.label,
      value: isTypedValue(field.value)
        ? field.value
        : typed(field.type ?? 'text', field.value, field.format),
      unit: field.unit ?? null,
    })),
  });
}

// ---------------------------------------------------------------------------------------------
// Deterministic bytes
// ---------------------------------------------------------------------------------------------

const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const END_OF_CENTRAL_DIRECTORY_SIZE = 22;
const MAX_ZIP_COMMENT = 0xffff;

/** MS-DOS date and time (2-second resolution, years 1980-2107), UTC as JSZip writes them. */
export function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.min(2107, Math.max(1980, at.getUTCFullYear()));
  const clamped = year !== at.getUTCFullYear();
  const date = ((year - 1980) << 9) | ((clamped ? 1 : at.getUTCMonth() + 1) << 5) |
    (clamped ? 1 : at.getUTCDate());
  const time = clamped
    ? 0
    : (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2);
  return { date, time };
}

function endOfCentralDirectory(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - END_OF_CENTRAL_DIRECTORY_SIZE - MAX_ZIP_COMMENT);
  for (let at = zip.length - END_OF_CENTRAL_DIRECTORY_SIZE; at >= earliest; at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new XlsxLayoutError('not a zip file: no end of central directory');
}

/**
 * A copy of `zip` with the modification date of every entry (local header and central
 * directory) set to `at`. The dates are outside the compressed data and its CRC, so nothing
 * else changes.
 */
export function setZipEntryTimes(zip: Buffer, at: Date): Buffer {
  const out = Buffer.from(zip);
  const { date, time } = dosDateTime(at);
  const end = endOfCentralDirectory(out);
  const entries = out.readUInt16LE(end + 10);
  let offset = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(offset) !== CENTRAL_DIRECTORY_HEADER) {
      throw new XlsxLayoutError(`zip central directory entry ${i} is malformed`);
    }
    out.writeUInt16LE(time, offset + 12);
    out.writeUInt16LE(date, offset + 14);
    const local = out.readUInt32LE(offset + 42);
    if (out.readUInt32LE(local) !== LOCAL_FILE_HEADER) {
      throw new XlsxLayoutError(`zip local header of entry ${i} is malformed`);
    }
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    const nameLength = out.readUInt16LE(offset + 28);
    const extraLength = out.readUInt16LE(offset + 30);
    const commentLength = out.readUInt16LE(offset + 32);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/**
 * The workbook's bytes: the same for the same content, whenever it is written, provided the
 * workbook's times are fixed (`newWorkbook` sets them; exceljs defaults them to now).
 */
export async function writeXlsx(workbook: Workbook): Promise<Buffer> {
  const at = workbook.modified;
  const bytes = await workbook.xlsx.writeBuffer();
  return setZipEntryTimes(Buffer.from(bytes), at);
}
