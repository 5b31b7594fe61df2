/**
 * A small layer over exceljs for report workbooks: one table per sheet (optional title row, a
 * bold header row that is frozen and carries an autofilter, then typed rows), and deterministic
 * bytes. Shared by every XLSX report (annual report, audit packets, roll-ups).
 *
 * Streaming: `addTableSheet` / `addFieldSheet` only check and record a sheet; `writeXlsx` then
 * writes the sheets in order through exceljs's streaming writer, one row at a time, so a sheet of
 * 200,000 rows (an audit packet's training trail) is never held as a whole. `rows` may be any
 * iterable (e.g. `mapRows` over the data): it is read once, when the workbook is written.
 * Column widths are fixed before the first row is written, so an unsized column is fitted to its
 * header and the first `WIDTH_SAMPLE_ROWS` rows.
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
 * Determinism: the streaming writer zips with archiver, which dates every zip entry with the
 * current time (no option to pass a date through exceljs). `writeXlsx` therefore rewrites the
 * DOS date/time of every entry to the workbook's own timestamp, and sets the document properties
 * (created, modified, last printed) to it too: same input, same bytes.
 */
import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { constants as zlibConstants } from 'node:zlib';
import { stream as excelStream } from 'exceljs';
import type { Alignment, Style, Worksheet } from 'exceljs';
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
  /** In characters; by default fitted to the header and the first rows (up to MAX_WIDTH). */
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
  /** Read once, row by row, when the workbook is written (an array or a lazy iterable). */
  rows: Iterable<Readonly<Record<K, CellInput>>>;
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
/** Rows an unsized column is fitted to (its widths must be known before the first row). */
export const WIDTH_SAMPLE_ROWS = 1_000;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const TITLE_FONT_SIZE = 14;
/** Sheet XML waiting for the compressor before the writer pauses for it (bounds memory). */
const MAX_PENDING_BYTES = 1 << 20;
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

/** One table sheet as recorded: each row already reduced to its cells in column order. */
interface PlannedSheet {
  readonly name: string;
  readonly title?: string;
  readonly columns: readonly TableColumn[];
  readonly cells: Iterable<readonly CellInput[]>;
}

/** A workbook being laid out: its properties and sheets, written (once) by `writeXlsx`. */
export class XlsxWorkbook {
  /** @internal */
  readonly sheets: PlannedSheet[] = [];
  /** @internal */
  written = false;

  /** @internal Use `newWorkbook`. */
  constructor(readonly properties: Readonly<WorkbookProperties>) {}

  /** The document's own time (every zip entry is dated with it). */
  get at(): Date {
    return this.properties.at;
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

/** `items` mapped lazily, for a sheet's rows: nothing is built before the sheet is written. */
export function* mapRows<T, R>(items: Iterable<T>, row: (item: T) => R): Generator<R> {
  for (const item of items) yield row(item);
}

/** The rows of each of `items` in turn, lazily (a lazy `flatMap`). */
export function* flatMapRows<T, R>(
  items: Iterable<T>,
  rows: (item: T) => Iterable<R>,
): Generator<R> {
  for (const item of items) yield* rows(item);
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

export function newWorkbook(properties: WorkbookProperties): XlsxWorkbook {
  return new XlsxWorkbook({
    at: properties.at,
    creator: properties.creator,
    ...(properties.title !== undefined && { title: neutraliseFormula(properties.title) }),
    ...(properties.subject !== undefined && { subject: neutraliseFormula(properties.subject) }),
  });
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
  /** Right-aligned (a suppressed count, in a column of numbers). */
  right?: true;
}

const EMPTY: Written = { value: null, numFmt: null };
const SUPPRESSED: Written = { value: SUPPRESSED_TEXT, numFmt: null, right: true };

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
  const neutral = neutraliseFormula(value);
  return neutral.includes('\r') ? neutral.replace(/\r\n?/g, '\n') : neutral;
}

function toCell(input: CellInput, columnType: ColumnType, columnFormat?: string): Written {
  const type = isTypedValue(input) ? input.type : columnType;
  const format = isTypedValue(input) ? input.format : columnFormat;
  const value = isTypedValue(input) ? input.value : input;
  const numFmt = format ?? NUMBER_FORMATS[type];
  if (value === null || value === undefined || value === '') return EMPTY;
  if (isSuppressedValue(value)) return SUPPRESSED;
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
  let longest = 0;
  for (const line of value.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

/**
 * One sheet holding one table: title (optional) in row 1, the header below it (bold, frozen,
 * with an autofilter over the whole table), then one row per element of `rows`. The name and
 * columns are checked now; the rows when the workbook is written (`writeXlsx` names the sheet,
 * row and column of a value its column cannot hold).
 */
export function addTableSheet<K extends string>(
  workbook: XlsxWorkbook,
  spec: TableSheetSpec<K>,
): void {
  if (workbook.written) throw new XlsxLayoutError('the workbook has already been written');
  const problem = sheetNameProblem(spec.name);
  if (problem) throw new XlsxLayoutError(`sheet name "${spec.name}" ${problem}`);
  const name = spec.name.toLowerCase();
  if (workbook.sheets.some((sheet) => sheet.name.toLowerCase() === name)) {
    throw new XlsxLayoutError(`sheet name "${spec.name}" is already used`);
  }
  if (spec.columns.length === 0) throw new XlsxLayoutError(`sheet "${spec.name}" has no columns`);

  const { columns, rows } = spec;
  workbook.sheets.push({
    name: spec.name,
    ...(spec.title !== undefined && { title: spec.title }),
    columns,
    cells: mapRows(rows, (row) => columns.map((column) => row[column.key])),
  });
}

/**
 * A key/value sheet (e.g. "About"): a table of Field | Value (| Unit, when a field has one),
 * each value typed by its own field.
 */
export function addFieldSheet(workbook: XlsxWorkbook, spec: FieldSheetSpec): void {
  const withUnit = spec.fields.some((field) => field.unit !== undefined);
  const columns: TableColumn<'label' | 'value' | 'unit'>[] = [
    { header: spec.labelHeader ?? 'Field', key: 'label', type: 'text' },
    { header: spec.valueHeader ?? 'Value', key: 'value', type: 'text', width: spec.valueWidth },
  ];
  if (withUnit) columns.push({ header: 'Unit', key: 'unit', type: 'text' });
  addTableSheet(workbook, {
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
// Writing (streamed)
// ---------------------------------------------------------------------------------------------

type StreamWorkbook = InstanceType<typeof excelStream.xlsx.WorkbookWriter>;

/**
 * archiver's options. Its own buffer of compressed bytes is kept small (1 MB by default, some
 * 4 MB of sheet XML), so that a destination that holds back holds back the rows soon. Deflate
 * at archiver's default, fastest level: level 6 makes the 200,000-row audit packet 13% smaller
 * (27.5 MB instead of 31.6 MB) but takes 40% longer.
 */
const ARCHIVE_OPTIONS = {
  highWaterMark: 64 * 1024,
  zlib: { level: zlibConstants.Z_BEST_SPEED },
};

const TITLE_STYLE: Partial<Style> = { font: { bold: true, size: TITLE_FONT_SIZE } };
/** Every row's own (empty) style: one object, so exceljs serialises it once, not once a row. */
const ROW_STYLE: Partial<Style> = {};
const HEADER_STYLE: Partial<Style> = {
  font: { bold: true },
  alignment: { vertical: 'top', wrapText: true },
  border: { bottom: { style: 'thin' } },
};

/**
 * Cell styles, one object per (number format, alignment): exceljs looks a style object up by
 * identity before serialising it, so sharing them keeps a row cheap. Only text has no number
 * format here (numbers and dates always carry one), which is what exceljs's identity cache needs:
 * it does not tell a number from a text when the style has no format.
 */
class CellStyles {
  private readonly byKey = new Map<string, Partial<Style>>();

  get(numFmt: string | null, right: boolean, wrap: boolean): Partial<Style> {
    const key = `${right ? 'r' : ''}${wrap ? 'w' : ''}|${numFmt ?? ''}`;
    let style = this.byKey.get(key);
    if (!style) {
      const alignment: Partial<Alignment> = {
        vertical: 'top',
        ...(right && { horizontal: 'right' }),
        ...(wrap && { wrapText: true }),
      };
      style = {
        ...(numFmt !== null && { numFmt }),
        ...((right || wrap) && { alignment }),
      };
      this.byKey.set(key, style);
    }
    return style;
  }
}

/**
 * The writer's way of not outrunning the compressor. exceljs hands each sheet's XML to the zip
 * archive without heeding backpressure, so a sheet written in one go would sit in memory whole.
 * Each stream exceljs appends to the archive (`WorkbookWriter.zip`, an archiver instance) is
 * therefore fed through a PassThrough of ours, whose backlog the rows wait on.
 */
class ArchiveInputs {
  /** Rejects when the archive or its destination fails (nothing would drain any more). */
  readonly failure: Promise<never>;
  private latest: PassThrough | null = null;
  private readonly failed = new AbortController();

  constructor(workbook: StreamWorkbook, destination: Writable) {
    const zip: unknown = Reflect.get(workbook, 'zip');
    if (!isArchive(zip)) {
      throw new XlsxLayoutError('exceljs has changed: its streaming writer has no zip archive');
    }
    const append = zip.append.bind(zip);
    zip.append = (source: unknown, data: unknown): unknown => {
      if (!isPipeable(source)) return append(source, data);
      const input = new PassThrough();
      source.pipe(input);
      this.latest = input;
      return append(input, data);
    };
    this.failure = new Promise<never>((_, reject) => {
      const fail = (error: unknown): void => {
        this.failed.abort(error);
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      zip.on('error', fail);
      destination.on('error', fail);
    });
    // Awaited by whoever waits on the archive; never an unhandled rejection.
    this.failure.catch(() => undefined);
  }

  /** The input of the stream appended since the last call (a sheet's, after `addWorksheet`). */
  takeAppended(): PassThrough {
    const input = this.latest;
    if (!input) throw new XlsxLayoutError('exceljs has changed: no sheet stream appended');
    this.latest = null;
    return input;
  }

  /** Resolves once `input`'s backlog has been compressed (null: too small to wait for). */
  drained(input: PassThrough): Promise<unknown> | null {
    if (input.writableLength <= MAX_PENDING_BYTES) return null;
    // The failure itself, rather than the abort of the wait it causes.
    return Promise.race([once(input, 'drain', { signal: this.failed.signal }), this.failure]);
  }
}

interface Archive {
  append(source: unknown, data: unknown): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
}

function isArchive(value: unknown): value is Archive {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'append') === 'function' &&
    typeof Reflect.get(value, 'on') === 'function'
  );
}

function isPipeable(value: unknown): value is { pipe(destination: Writable): unknown } {
  return (
    typeof value === 'object' && value !== null && typeof Reflect.get(value, 'pipe') === 'function'
  );
}

/** The archive's bytes, gathered in memory (they are returned as one buffer anyway). */
class BufferSink extends Writable {
  private readonly chunks: Buffer[] = [];
  private length = 0;

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    done();
  }

  toBuffer(): Buffer {
    const bytes = Buffer.concat(this.chunks, this.length);
    this.chunks.length = 0;
    return bytes;
  }
}

function convertRow(sheet: PlannedSheet, cells: readonly CellInput[], index: number): Written[] {
  return sheet.columns.map((column, c) => {
    try {
      return toCell(cells[c], column.type, column.format);
    } catch (error) {
      if (!(error instanceof XlsxLayoutError)) throw error;
      throw new XlsxLayoutError(
        `sheet "${sheet.name}", row ${index + 1}, column "${column.header}": ${error.message}`,
      );
    }
  });
}

/**
 * A row of the width sample, copied. V8 allocates straight into the old generation the objects
 * of a code site whose objects tend to live long; keeping the sample's own objects (and the
 * caller's rows) for a thousand rows would mark the per-row sites so, and every later row's
 * garbage would then pile up in the old generation: about 130 MB more heap over 200,000 rows.
 * The copy is the only thing kept, made here and nowhere else.
 */
function keptCopy(row: readonly Written[]): Written[] {
  const kept: Written[] = [];
  for (const cell of row) {
    const { value, numFmt } = cell;
    kept.push(cell.right ? { value, numFmt, right: true } : { value, numFmt });
  }
  return kept;
}

function fittedWidths(columns: readonly TableColumn[], sample: readonly Written[][]): number[] {
  return columns.map((column, c) => {
    if (column.width !== undefined) return column.width;
    let longest = column.header.length;
    for (const row of sample) longest = Math.max(longest, displayLength(row[c]));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
}

async function writeSheet(
  workbook: StreamWorkbook,
  inputs: ArchiveInputs,
  planned: PlannedSheet,
): Promise<void> {
  const rows = planned.cells[Symbol.iterator]();
  let index = 0;
  const sample: Written[][] = [];
  while (sample.length < WIDTH_SAMPLE_ROWS) {
    const next = rows.next();
    if (next.done) break;
    sample.push(keptCopy(convertRow(planned, next.value, index++)));
  }
  const widths = fittedWidths(planned.columns, sample);

  const headerRow = planned.title === undefined ? 1 : 2;
  // The view is written with the sheet's opening XML, so it is given at creation.
  const sheet: Worksheet = workbook.addWorksheet(planned.name, {
    views: [
      {
        state: 'frozen',
        xSplit: 0,
        ySplit: headerRow,
        topLeftCell: `A${headerRow + 1}`,
        activeCell: `A${headerRow + 1}`,
      },
    ],
  });
  const input = inputs.takeAppended();
  widths.forEach((width, c) => (sheet.getColumn(c + 1).width = width));

  if (planned.title !== undefined) {
    const cell = sheet.getCell(1, 1);
    cell.value = text(planned.title);
    cell.style = TITLE_STYLE;
    sheet.getRow(1).commit();
  }
  planned.columns.forEach((column, c) => {
    const cell = sheet.getCell(headerRow, c + 1);
    cell.value = text(column.header);
    cell.style = HEADER_STYLE;
  });
  sheet.getRow(headerRow).commit();

  const styles = new CellStyles();
  let rowNumber = headerRow;
  const writeRow = (written: readonly Written[]): Promise<unknown> | null => {
    const row = sheet.getRow(++rowNumber);
    // `Row.style` is a plain property exceljs's typings leave out.
    Object.assign(row, { style: ROW_STYLE });
    written.forEach((cellValue, c) => {
      const { value } = cellValue;
      if (value === null) return;
      // Long or multi-line text wraps inside its column rather than spilling over the next.
      const wrap =
        typeof value === 'string' && (value.includes('\n') || value.length > widths[c] - 2);
      const cell = row.getCell(c + 1);
      cell.value = value;
      cell.style = styles.get(cellValue.numFmt, cellValue.right === true, wrap);
    });
    row.commit();
    return inputs.drained(input);
  };

  for (const written of sample) {
    const backlog = writeRow(written);
    if (backlog) await backlog;
  }
  sample.length = 0;
  for (let next = rows.next(); !next.done; next = rows.next()) {
    const backlog = writeRow(convertRow(planned, next.value, index++));
    if (backlog) await backlog;
  }

  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: rowNumber, column: planned.columns.length },
  };
  sheet.commit();
}

/**
 * Writes the workbook to `destination` as exceljs and archiver zip it, heeding the destination's
 * backpressure: every entry is dated by the clock (`writeXlsx` re-dates them). A workbook is
 * written once (its rows may be one-pass iterables).
 */
export async function streamXlsx(workbook: XlsxWorkbook, destination: Writable): Promise<void> {
  if (workbook.written) throw new XlsxLayoutError('the workbook has already been written');
  workbook.written = true;
  const { at, creator, title, subject } = workbook.properties;
  const writer = new excelStream.xlsx.WorkbookWriter({
    stream: destination,
    useStyles: true,
    // Shared strings would keep every distinct text of the workbook in memory.
    useSharedStrings: false,
    zip: ARCHIVE_OPTIONS,
  });
  const inputs = new ArchiveInputs(writer, destination);
  writer.creator = creator;
  writer.lastModifiedBy = creator;
  writer.created = at;
  writer.modified = at;
  writer.lastPrinted = at;
  if (title !== undefined) writer.title = title;
  if (subject !== undefined) writer.subject = subject;
  for (const sheet of workbook.sheets) await writeSheet(writer, inputs, sheet);
  await Promise.race([writer.commit(), inputs.failure]);
}

/**
 * The workbook's bytes: the same for the same content, whenever it is written (every zip entry
 * dated with the workbook's time).
 */
export async function writeXlsx(workbook: XlsxWorkbook): Promise<Buffer> {
  const sink = new BufferSink();
  await streamXlsx(workbook, sink);
  const zip = sink.toBuffer();
  stampZipEntryTimes(zip, workbook.at);
  return zip;
}

// ---------------------------------------------------------------------------------------------
// Deterministic bytes
// ---------------------------------------------------------------------------------------------

const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR = 0x07064b50;
const END_OF_CENTRAL_DIRECTORY_SIZE = 22;
const ZIP64_LOCATOR_SIZE = 20;
const MAX_ZIP_COMMENT = 0xffff;
/** An offset or size that lives in a ZIP64 extra field instead. */
const ZIP64_MARKER = 0xffffffff;
/** Info-ZIP's extended timestamp: Unix times (seconds) beside the DOS date. */
const EXTENDED_TIMESTAMP = 0x5455;

/** MS-DOS date and time (2-second resolution, years 1980-2107), in UTC as archiver writes them. */
export function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.min(2107, Math.max(1980, at.getUTCFullYear()));
  const clamped = year !== at.getUTCFullYear();
  const month = clamped ? 1 : at.getUTCMonth() + 1;
  const date = ((year - 1980) << 9) | (month << 5) | (clamped ? 1 : at.getUTCDate());
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
 * Sets the Unix times of an extended-timestamp extra field (none is written by archiver today,
 * but a field left at the time of writing would defeat the DOS dates'). Each field: id, size,
 * data; an extended timestamp's data is a flags byte and 4-byte times.
 */
function stampExtraTimes(zip: Buffer, start: number, length: number, seconds: number): void {
  const end = start + length;
  for (let at = start; at + 4 <= end; ) {
    const id = zip.readUInt16LE(at);
    const size = zip.readUInt16LE(at + 2);
    if (at + 4 + size > end) throw new XlsxLayoutError('zip extra field overruns its entry');
    if (id === EXTENDED_TIMESTAMP) {
      for (let time = at + 5; time + 4 <= at + 4 + size; time += 4) {
        zip.writeUInt32LE(seconds, time);
      }
    }
    at += 4 + size;
  }
}

/**
 * Sets, in place, the modification date of every entry of `zip` (local header and central
 * directory, DOS date and any extended timestamp) to `at`. The dates are outside the compressed
 * data and its CRC, so nothing else changes. Data descriptors (written after each streamed entry)
 * hold no date. An archive that needs ZIP64 (over 4 GB or 65,535 entries) is refused.
 */
function stampZipEntryTimes(zip: Buffer, at: Date): void {
  const { date, time } = dosDateTime(at);
  const seconds = Math.max(0, Math.floor(at.getTime() / 1000)) >>> 0;
  const end = endOfCentralDirectory(zip);
  const zip64 =
    end >= ZIP64_LOCATOR_SIZE &&
    zip.readUInt32LE(end - ZIP64_LOCATOR_SIZE) === ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR;
  if (zip64 || zip.readUInt32LE(end + 16) === ZIP64_MARKER) {
    throw new XlsxLayoutError('zip64 archives are not supported');
  }
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > end || zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_HEADER) {
      throw new XlsxLayoutError(`zip central directory entry ${i} is malformed`);
    }
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    zip.writeUInt16LE(time, offset + 12);
    zip.writeUInt16LE(date, offset + 14);
    stampExtraTimes(zip, offset + 46 + nameLength, extraLength, seconds);

    const local = zip.readUInt32LE(offset + 42);
    if (local + 30 > end || zip.readUInt32LE(local) !== LOCAL_FILE_HEADER) {
      throw new XlsxLayoutError(`zip local header of entry ${i} is malformed`);
    }
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    const localName = zip.readUInt16LE(local + 26);
    stampExtraTimes(zip, local + 30 + localName, zip.readUInt16LE(local + 28), seconds);

    offset += 46 + nameLength + extraLength + commentLength;
  }
}

/** A copy of `zip` with every entry dated `at` (see `stampZipEntryTimes`). */
export function setZipEntryTimes(zip: Buffer, at: Date): Buffer {
  const out = Buffer.from(zip);
  stampZipEntryTimes(out, at);
  return out;
}
