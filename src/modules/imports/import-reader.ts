import * as fs from 'node:fs';
import { Transform, pipeline } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { formatIsoDate } from '../program-calendar/fiscal-year.rule';
import { scanUtf8, UTF8_START } from './import-file.rule';
import type { ImportFormat } from './import-file.rule';

/** One row of the file: `row` is its spreadsheet row number (the header is row 1). */
export interface SourceRow {
  row: number;
  cells: string[];
}

/** The file as a whole cannot be read (not UTF-8, broken CSV quoting, not a workbook...). */
export class ImportFileError extends Error {
  constructor(
    readonly row: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** A CSV record longer than this is refused rather than held in memory (an unclosed quote). */
const MAX_CSV_RECORD_CHARACTERS = 1_000_000;
const READ_CHUNK_BYTES = 1 << 20;

/**
 * The rows of an uploaded file, streamed: memory holds one chunk and one row at a time (plus
 * an XLSX workbook's shared strings). Rows whose cells are all empty are skipped.
 */
export function readImportRows(filePath: string, format: ImportFormat): AsyncGenerator<SourceRow> {
  return format === 'csv' ? readCsvRows(filePath) : readXlsxRows(filePath);
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/** How many line feeds `bytes` holds before `end`. */
function lineFeeds(bytes: Buffer, end = bytes.length): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1 && at < end; at = bytes.indexOf(0x0a, at + 1)) {
    count += 1;
  }
  return count;
}

/**
 * CSV text in UTF-8 (a byte-order mark is allowed), comma-separated, `"` quoting. A row is a
 * record, as a spreadsheet shows it (a blank line is a row too). Invalid UTF-8 is found as the
 * bytes pass, by line, and reported with the row whose lines contain it.
 */
async function* readCsvRows(filePath: string): AsyncGenerator<SourceRow> {
  let state = UTF8_START;
  let linesBefore = 0;
  /** The 1-based line of the first byte that is not UTF-8. */
  let invalidLine: number | null = null;
  const utf8Check = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      if (invalidLine === null) {
        const scan = scanUtf8(chunk, state);
        state = scan.state;
        if (scan.invalidAt === null) linesBefore += lineFeeds(chunk);
        else invalidLine = linesBefore + lineFeeds(chunk, scan.invalidAt) + 1;
      }
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      // The text stops in the middle of a character: the last line is not UTF-8.
      if (invalidLine === null && state.needed > 0) invalidLine = linesBefore + 1;
      callback();
    },
  });
  // No `info` (it doubles the parsing time): rows and lines are counted here.
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_CSV_RECORD_CHARACTERS,
  });
  const input = fs.createReadStream(filePath, { highWaterMark: READ_CHUNK_BYTES });
  // Errors of any stage end the iteration below with that error.
  pipeline(input, utf8Check, parser, () => undefined);

  const notUtf8 = (row: number) =>
    new ImportFileError(
      row,
      `row ${row} is not valid UTF-8 text (line ${invalidLine ?? row}): save the file as "CSV UTF-8"`,
    );
  let row = 0;
  /** The line the next record starts on. */
  let line = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      for (const cell of record) {
        for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) line += 1;
      }
      line += 1;
      if (invalidLine !== null && invalidLine < line) throw notUtf8(row);
      if (isBlank(record)) continue;
      yield { row, cells: record };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    if (error instanceof CsvError) {
      const lines = (error as CsvError & { lines?: unknown }).lines;
      throw new ImportFileError(
        typeof lines === 'number' ? lines : null,
        `the CSV cannot be read: ${error.message}`,
      );
    }
    throw error;
  } finally {
    input.destroy();
  }
  if (invalidLine !== null) throw notUtf8(row + 1);
}

/** A number as its shortest decimal text, without binary floating-point noise. */
function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/** An exceljs cell value as the text the importer reads. */
export function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return formatIsoDate({
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
    });
  }
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if (Array.isArray(cell.richText)) {
      return cell.richText
        .map((part: unknown) =>
          typeof part === 'object' && part !== null
            ? xlsxCellText((part as { text?: unknown }).text)
            : '',
        )
        .join('');
    }
    // A formula's value is what Excel shows: its cached result.
    if ('formula' in cell || 'sharedFormula' in cell) return xlsxCellText(cell.result);
    if ('text' in cell) return xlsxCellText(cell.text);
    // An error value (#N/A, #REF!...) is read as its text, and refused by the row rules.
    if ('error' in cell) return xlsxCellText(cell.error);
    return '';
  }
  return typeof value === 'bigint' ? value.toString() : '';
}

/** The first worksheet of an XLSX workbook, streamed with exceljs's WorkbookReader. */
async function* readXlsxRows(filePath: string): AsyncGenerator<SourceRow> {
  const input = fs.createReadStream(filePath, { highWaterMark: READ_CHUNK_BYTES });
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date cell from a number cell.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const worksheet of workbook) {
      sheets += 1;
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        // exceljs numbers cells from 1; values[0] is always empty.
        for (let index = 1; index < values.length; index++) cells.push(xlsxCellText(values[index]));
        if (isBlank(cells)) continue;
        yield { row: row.number, cells };
      }
      break; // The data are on the first worksheet; others (e.g. the template's notes) are not read.
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    // The library's own message (e.g. FILE_ENDED) means nothing to a coordinator.
    throw new ImportFileError(null, 'the file is not a readable XLSX workbook');
  } finally {
    input.destroy();
  }
  if (sheets === 0) throw new ImportFileError(null, 'the workbook has no worksheet');
}
