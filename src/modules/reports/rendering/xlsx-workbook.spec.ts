import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { ValueType, Workbook } from 'exceljs';
import type { Worksheet } from 'exceljs';
import {
  addFieldSheet,
  addTableSheet,
  dosDateTime,
  isoDateToUtc,
  mapRows,
  NUMBER_FORMATS,
  newWorkbook,
  setZipEntryTimes,
  streamXlsx,
  SUPPRESSED_TEXT,
  typed,
  WIDTH_SAMPLE_ROWS,
  writeXlsx,
  XlsxLayoutError,
} from './xlsx-workbook';
import type { CellInput, ColumnType, TableColumn, XlsxWorkbook } from './xlsx-workbook';

const AT = new Date('2025-09-01T17:00:00.000Z');

function workbookAt(at: Date = AT): XlsxWorkbook {
  return newWorkbook({ at, creator: 'Test system' });
}

async function load(bytes: Buffer): Promise<Workbook> {
  const loaded = new Workbook();
  // exceljs types `load` as taking an ArrayBuffer.
  await loaded.xlsx.load(Uint8Array.from(bytes).buffer);
  return loaded;
}

async function roundTrip(workbook: XlsxWorkbook): Promise<Workbook> {
  return load(await writeXlsx(workbook));
}

/** A destination that keeps what it is given, and can hold back (stall) until released. */
class Destination extends Writable {
  readonly chunks: Buffer[] = [];
  private held: (() => void) | null = null;

  constructor(private stalled = false) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void): void {
    this.chunks.push(chunk);
    if (this.stalled) this.held = done;
    else done();
  }

  release(): void {
    this.stalled = false;
    this.held?.();
    this.held = null;
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const hex = (i: number): string => createHash('sha256').update(String(i)).digest('hex');

function sheetOf(workbook: Workbook, name: string): Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function frozenRows(sheet: Worksheet): number | undefined {
  const view = sheet.views[0];
  return view && view.state === 'frozen' ? view.ySplit : undefined;
}

/** Every entry of a zip: name and raw DOS date/time, from the central directory and the local
 * header (read independently of the code under test). */
function zipEntryTimes(zip: Buffer): { name: string; flags: number; times: number[] }[] {
  let end = zip.length - 22;
  while (zip.readUInt32LE(end) !== 0x06054b50) end--;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: { name: string; flags: number; times: number[] }[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      flags: zip.readUInt16LE(at + 8),
      times: [
        zip.readUInt16LE(at + 12),
        zip.readUInt16LE(at + 14),
        zip.readUInt16LE(local + 10),
        zip.readUInt16LE(local + 12),
      ],
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Fakes only the clock: exceljs and JSZip still need real timers and immediates. */
function fakeClock(now: Date): void {
  jest.useFakeTimers({
    now,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

describe('addTableSheet: typed cells', () => {
  const columns: TableColumn[] = [
    { header: 'Text', key: 'text', type: 'text' },
    { header: 'Integer', key: 'integer', type: 'integer' },
    { header: 'Decimal', key: 'decimal', type: 'decimal' },
    { header: 'Percent', key: 'percent', type: 'percent' },
    { header: 'Money', key: 'money', type: 'money' },
    { header: 'Date', key: 'date', type: 'date' },
    { header: 'Datetime', key: 'datetime', type: 'datetime' },
    { header: 'Boolean', key: 'boolean', type: 'boolean' },
    { header: 'Ratio', key: 'ratio', type: 'decimal', format: '0.0000' },
  ];
  const rows: Record<string, CellInput>[] = [
    {
      text: 'Office Assistant',
      integer: 12,
      decimal: 42.75,
      percent: 0.4167,
      money: 1234.5,
      date: '2024-02-29',
      datetime: '2025-09-01T17:00:00.000Z',
      boolean: true,
      ratio: 0.6667,
    },
    {
      text: null,
      integer: { value: null, suppressed: true },
      decimal: undefined,
      percent: null,
      money: null,
      date: null,
      datetime: null,
      boolean: false,
      ratio: null,
    },
    {
      text: '',
      integer: 0,
      decimal: 0,
      percent: 1,
      money: -5,
      date: '1999-12-31',
      datetime: '2024-06-30T23:59:58-07:00',
      boolean: null,
      ratio: { suppressed: true },
    },
  ];

  let sheet: Worksheet;
  beforeAll(async () => {
    const workbook = workbookAt();
    addTableSheet(workbook, { name: 'Typed', title: 'All the types', columns, rows });
    sheet = sheetOf(await roundTrip(workbook), 'Typed');
  });

  it.each(columns.map((column, c) => [column.type, column, c] as const))(
    '%s column: values and number format as given',
    (_type, column, c) => {
      rows.forEach((row, r) => {
        const cell = sheet.getCell(3 + r, c + 1);
        const input = row[column.key];
        const iso = typeof input === 'string' ? input : '';
        if (input === null || input === undefined || input === '') {
          expect(cell.type).toBe(ValueType.Null);
          expect(cell.value).toBeNull();
        } else if (typeof input === 'object' && 'suppressed' in input) {
          expect(cell.value).toBe(SUPPRESSED_TEXT);
        } else if (column.type === 'date') {
          expect(cell.value).toBeInstanceOf(Date);
          expect(cell.value).toEqual(isoDateToUtc(iso));
          expect(cell.numFmt).toBe('yyyy-mm-dd');
        } else if (column.type === 'datetime') {
          expect(cell.value).toBeInstanceOf(Date);
          expect((cell.value as Date).getTime()).toBe(new Date(iso).getTime());
        } else if (column.type === 'boolean') {
          expect(cell.value).toBe(input === true ? 'Yes' : 'No');
        } else if (column.type === 'text') {
          expect(cell.value).toBe(input);
        } else {
          expect(typeof cell.value).toBe('number');
          expect(cell.value).toBe(input);
          expect(cell.numFmt).toBe(column.format ?? NUMBER_FORMATS[column.type]);
        }
      });
    },
  );

  it('uses the formats the reports promise', () => {
    expect(NUMBER_FORMATS).toMatchObject({
      integer: '0',
      decimal: '0.00',
      percent: '0.0%',
      money: '"$"#,##0.00',
      date: 'yyyy-mm-dd',
    });
  });

  it('stores dates at UTC midnight (no timezone shift)', () => {
    const cell = sheet.getCell(3, 6);
    expect((cell.value as Date).toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('lets one cell carry its own type (typed)', async () => {
    const workbook = workbookAt();
    addTableSheet(workbook, {
      name: 'Mixed',
      columns: [{ header: 'Value', key: 'value', type: 'text' }],
      rows: [
        { value: typed('integer', 7) },
        { value: typed('date', '2025-06-30') },
        { value: typed('decimal', 0.123456, '0.000000') },
        { value: 'plain text' },
      ],
    });
    const loaded = sheetOf(await roundTrip(workbook), 'Mixed');
    expect(loaded.getCell('A2').value).toBe(7);
    expect(loaded.getCell('A3').value).toEqual(new Date(Date.UTC(2025, 5, 30)));
    expect(loaded.getCell('A4').value).toBe(0.123456);
    expect(loaded.getCell('A4').numFmt).toBe('0.000000');
    expect(loaded.getCell('A5').value).toBe('plain text');
  });
});

describe('addTableSheet: header, frozen panes and autofilter', () => {
  const columns: TableColumn[] = [
    { header: 'Code', key: 'code', type: 'text' },
    { header: 'Count', key: 'count', type: 'integer' },
    { header: 'Hours', key: 'hours', type: 'decimal' },
  ];

  it.each([
    ['with a title', 'A title', 2, 4],
    ['without a title', undefined, 1, 4],
    ['with no rows', 'A title', 2, 0],
  ])('%s', async (_name, title, headerRow, rowCount) => {
    const workbook = workbookAt();
    const rows = Array.from({ length: rowCount }, (_, i) => ({
      code: `C${i}`,
      count: i,
      hours: i / 4,
    }));
    addTableSheet(workbook, { name: 'Table', title, columns, rows });
    const sheet = sheetOf(await roundTrip(workbook), 'Table');

    if (title) expect(sheet.getCell(1, 1).value).toBe(title);
    expect(frozenRows(sheet)).toBe(headerRow);
    expect(sheet.autoFilter).toBe(`A${headerRow}:C${headerRow + rowCount}`);
    columns.forEach((column, c) => {
      const cell = sheet.getCell(headerRow, c + 1);
      expect(cell.value).toBe(column.header);
      expect(cell.font?.bold).toBe(true);
    });
    rows.forEach((row, r) => {
      expect(sheet.getCell(headerRow + 1 + r, 2).value).toBe(row.count);
    });
    expect(sheet.rowCount).toBe(headerRow + rowCount);
  });

  it('fits column widths to the content, within bounds, unless a width is given', async () => {
    const workbook = workbookAt();
    addTableSheet(workbook, {
      name: 'Widths',
      columns: [
        { header: 'A', key: 'short', type: 'text' },
        { header: 'B', key: 'long', type: 'text' },
        { header: 'C', key: 'fixed', type: 'text', width: 33 },
      ],
      rows: [{ short: 'x', long: 'y'.repeat(500), fixed: 'z' }],
    });
    const sheet = sheetOf(await roundTrip(workbook), 'Widths');
    expect(sheet.getColumn(1).width).toBe(8);
    expect(sheet.getColumn(2).width).toBe(60);
    expect(sheet.getCell('B2').alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(3).width).toBe(33);
  });
});

describe('addFieldSheet', () => {
  it('writes Field | Value with each value typed by its field, and Unit only when needed', async () => {
    const workbook = workbookAt();
    addFieldSheet(workbook, {
      name: 'About',
      title: 'About',
      fields: [
        { label: 'Name', value: 'DGS' },
        { label: 'As of', value: '2025-06-30', type: 'date' },
        { label: 'Threshold', value: 3, type: 'integer' },
        { label: 'Applied', value: true, type: 'boolean' },
        { label: 'Certified at', value: null, type: 'datetime' },
      ],
    });
    addFieldSheet(workbook, {
      name: 'Figures',
      labelHeader: 'Figure',
      fields: [
        { label: 'Hours', value: 4.5, type: 'decimal', unit: 'hours' },
        { label: 'People', value: { value: null, suppressed: true }, type: 'integer' },
      ],
    });
    const loaded = await roundTrip(workbook);
    const about = sheetOf(loaded, 'About');
    expect(about.getRow(2).values).toEqual([undefined, 'Field', 'Value']);
    expect(about.getCell('B3').value).toBe('DGS');
    expect(about.getCell('B4').value).toEqual(new Date(Date.UTC(2025, 5, 30)));
    expect(about.getCell('B5').value).toBe(3);
    expect(about.getCell('B6').value).toBe('Yes');
    expect(about.getCell('B7').value).toBeNull();
    expect(about.autoFilter).toBe('A2:B7');

    const figures = sheetOf(loaded, 'Figures');
    expect(figures.getRow(1).values).toEqual([undefined, 'Figure', 'Value', 'Unit']);
    expect(figures.getCell('B2').value).toBe(4.5);
    expect(figures.getCell('C2').value).toBe('hours');
    expect(figures.getCell('B3').value).toBe(SUPPRESSED_TEXT);
    expect(figures.getCell('C3').value).toBeNull();
  });
});

describe('formula injection', () => {
  const dangerous = [
    "=cmd|' /C calc'!A0",
    '+1+1',
    '-2+3',
    '@SUM(A1:A2)',
    '\t=1+1',
    '\r=1+1',
  ];

  it.each(dangerous)('neutralises %j in titles, headers and cells', async (input) => {
    const workbook = workbookAt();
    addTableSheet(workbook, {
      name: 'Injection',
      title: input,
      columns: [{ header: input, key: 'text', type: 'text' }],
      rows: [{ text: input }],
    });
    const sheet = sheetOf(await roundTrip(workbook), 'Injection');
    for (const address of ['A1', 'A2', 'A3']) {
      const cell = sheet.getCell(address);
      expect(cell.type).not.toBe(ValueType.Formula);
      // Line breaks are written as LF (what XML reads a CR as anyway).
      expect(cell.value).toBe(`'${input.replace(/\r/g, '\n')}`);
    }
  });

  it('writes line breaks as LF, so a narrative reads back as written', async () => {
    const workbook = workbookAt();
    addTableSheet(workbook, {
      name: 'Narrative',
      columns: [{ header: 'Text', key: 'text', type: 'text' }],
      rows: [{ text: 'First line\r\nSecond line\rThird line\nFourth line' }],
    });
    expect(sheetOf(await roundTrip(workbook), 'Narrative').getCell('A2').value).toBe(
      'First line\nSecond line\nThird line\nFourth line',
    );
  });

  it.each(['Office Assistant', 'a=b', '1-2', "O'Brien", 'x@example.gov'])(
    'leaves %j as it is',
    async (input) => {
      const workbook = workbookAt();
      addTableSheet(workbook, {
        name: 'Safe',
        columns: [{ header: 'Text', key: 'text', type: 'text' }],
        rows: [{ text: input }],
      });
      expect(sheetOf(await roundTrip(workbook), 'Safe').getCell('A2').value).toBe(input);
    },
  );
});

describe('refusals (programming errors)', () => {
  const oneColumn = (type: ColumnType): TableColumn[] => [{ header: 'V', key: 'v', type }];

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['longer than 31 characters', 'x'.repeat(32)],
    ['a slash', 'Goals/results'],
    ['a colon', 'Goals: results'],
    ['brackets', '[Goals]'],
    ['a question mark', 'Goals?'],
    ['an asterisk', 'Goals*'],
    ['a backslash', 'Goals\\results'],
    ['a leading apostrophe', "'Goals"],
    ['the reserved History', 'history'],
  ])('a sheet name that is %s', (_name, sheetName) => {
    expect(() =>
      addTableSheet(workbookAt(), { name: sheetName, columns: oneColumn('text'), rows: [] }),
    ).toThrow(XlsxLayoutError);
  });

  it('accepts a 31-character name and refuses the same name twice, whatever the case', () => {
    const workbook = workbookAt();
    addTableSheet(workbook, { name: 'x'.repeat(31), columns: oneColumn('text'), rows: [] });
    addTableSheet(workbook, { name: 'Goals', columns: oneColumn('text'), rows: [] });
    expect(() => addTableSheet(workbook, { name: 'GOALS', columns: oneColumn('text'), rows: [] }))
      .toThrow(/already used/);
  });

  it.each<[string, ColumnType, CellInput]>([
    ['a fraction', 'integer', 2.5],
    ['a numeric string', 'integer', '3'],
    ['NaN', 'decimal', Number.NaN],
    ['Infinity', 'money', Number.POSITIVE_INFINITY],
    ['a boolean', 'percent', true],
    ['29 February of a common year', 'date', '2023-02-29'],
    ['month 13', 'date', '2024-13-01'],
    ['unpadded digits', 'date', '2024-1-5'],
    ['a date without dashes', 'date', '20240105'],
    ['an Excel serial', 'date', 45000],
    ['a word', 'datetime', 'yesterday'],
    ['a date without a time', 'datetime', '2025-09-01'],
    ['the text Yes', 'boolean', 'Yes'],
    ['a boolean', 'text', true],
    ['more than 32,767 characters', 'text', 'x'.repeat(32_768)],
  ])('%s in a %s cell, naming the sheet, row and column', async (_name, type, value) => {
    const workbook = workbookAt();
    addTableSheet(workbook, { name: 'Bad', columns: oneColumn(type), rows: [{ v: value }] });
    await expect(writeXlsx(workbook)).rejects.toThrow(/sheet "Bad", row 1, column "V"/);
  });

  it('names the row of a bad value past the rows the widths are fitted to', async () => {
    const workbook = workbookAt();
    const bad = WIDTH_SAMPLE_ROWS + 500;
    addTableSheet(workbook, {
      name: 'Late',
      columns: oneColumn('integer'),
      rows: mapRows(Array.from({ length: bad + 10 }, (_, i) => i + 1), (n) => ({
        v: n === bad ? 0.5 : n,
      })),
    });
    await expect(writeXlsx(workbook)).rejects.toThrow(
      new RegExp(`sheet "Late", row ${bad}, column "V": a integer cell cannot hold 0.5`),
    );
  });

  it('writes a workbook once, and takes no sheet after it is written', async () => {
    const workbook = workbookAt();
    addTableSheet(workbook, { name: 'Once', columns: oneColumn('text'), rows: [{ v: 'x' }] });
    await writeXlsx(workbook);
    await expect(writeXlsx(workbook)).rejects.toThrow(/already been written/);
    expect(() => addTableSheet(workbook, { name: 'Later', columns: oneColumn('text'), rows: [] }))
      .toThrow(/already been written/);
  });
});

describe('determinism', () => {
  afterEach(() => jest.useRealTimers());

  /** Two sheets, one of them long enough to span many compressed chunks. */
  function build(): XlsxWorkbook {
    const workbook = workbookAt();
    addTableSheet(workbook, {
      name: 'Data',
      title: 'Data',
      columns: [
        { header: 'Code', key: 'code', type: 'text' },
        { header: 'On', key: 'on', type: 'date' },
        { header: 'Hash', key: 'hash', type: 'text' },
      ],
      rows: mapRows(Array.from({ length: 3_000 }, (_, i) => i), (i) => ({
        code: `A${i}`,
        on: '2025-06-30',
        hash: hex(i),
      })),
    });
    addFieldSheet(workbook, {
      name: 'About',
      fields: [{ label: 'Rows', value: 3_000, type: 'integer' }],
    });
    return workbook;
  }

  async function undated(workbook: XlsxWorkbook): Promise<Buffer> {
    const destination = new Destination();
    await streamXlsx(workbook, destination);
    return destination.bytes();
  }

  it.each([
    ['2.5 seconds later (past the 2-second resolution of zip times)', 2_500],
    ['a year and a half later', 562 * 86_400_000],
  ])('gives the same bytes when rendered again %s, where the zip alone does not', async (_when, later) => {
    const now = new Date('2030-01-01T08:00:00Z');
    fakeClock(now);
    const rawFirst = await undated(build());
    const first = await writeXlsx(build());
    fakeClock(new Date(now.getTime() + later));
    const rawSecond = await undated(build());
    const second = await writeXlsx(build());

    // Control: archiver dates the entries with the current time.
    const { date, time } = dosDateTime(now);
    expect(zipEntryTimes(rawFirst)[0].times).toEqual([time, date, time, date]);
    expect(rawFirst.equals(rawSecond)).toBe(false);
    expect(first.equals(second)).toBe(true);
    expect(first.length).toBe(rawFirst.length);
  });

  it('streams entries with data descriptors (sizes after the data), and dates them all the same', async () => {
    const bytes = await writeXlsx(build());
    const entries = zipEntryTimes(bytes);
    expect(entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']),
    );
    const { date, time } = dosDateTime(AT);
    for (const entry of entries) {
      expect(entry.flags & 0x8).toBe(0x8);
      expect(entry.times).toEqual([time, date, time, date]);
    }
    const loaded = await load(bytes);
    expect(sheetOf(loaded, 'Data').getCell('C3002').value).toBe(hex(2_999));
  });

  it('dates every zip entry with the workbook time, in both headers', async () => {
    const bytes = await writeXlsx(build());
    const { date, time } = dosDateTime(AT);
    const entries = zipEntryTimes(bytes);
    expect(entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'docProps/core.xml']),
    );
    for (const entry of entries) expect(entry.times).toEqual([time, date, time, date]);
  });

  it('sets the document properties to the workbook time', async () => {
    const loaded = await roundTrip(build());
    expect(loaded.creator).toBe('Test system');
    expect(loaded.created).toEqual(AT);
    expect(loaded.modified).toEqual(AT);
  });

  it.each([
    // instant, year, month, day, hours, minutes, seconds (2 s resolution)
    ['2025-09-01T17:00:00.000Z', 2025, 9, 1, 17, 0, 0],
    ['2024-02-29T23:59:59.999Z', 2024, 2, 29, 23, 59, 58],
    ['1980-01-01T00:00:01Z', 1980, 1, 1, 0, 0, 0],
    ['1970-01-01T00:00:00Z', 1980, 1, 1, 0, 0, 0],
    ['2200-05-05T10:10:10Z', 2107, 1, 1, 0, 0, 0],
  ])('dosDateTime(%s)', (instant, year, month, day, hours, minutes, seconds) => {
    const { date, time } = dosDateTime(new Date(instant));
    expect([date >> 9, (date >> 5) & 0xf, date & 0x1f]).toEqual([year - 1980, month, day]);
    expect([time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2]).toEqual([hours, minutes, seconds]);
  });

  it('refuses bytes that are not a zip, and a zip64 archive', () => {
    expect(() => setZipEntryTimes(Buffer.alloc(100), AT)).toThrow(XlsxLayoutError);
    const zip64 = zipOfOneEntry(Buffer.alloc(0));
    zip64.writeUInt32LE(0xffffffff, zip64.length - 6);
    expect(() => setZipEntryTimes(zip64, AT)).toThrow(/zip64/);
  });

  it('sets the Unix times of an extended timestamp too, leaving other extra fields alone', () => {
    const other = Buffer.from([0xfe, 0xca, 2, 0, 0xab, 0xcd]);
    const timestamp = Buffer.alloc(13);
    timestamp.writeUInt16LE(0x5455, 0);
    timestamp.writeUInt16LE(9, 2);
    timestamp.writeUInt8(0b11, 4); // modification and access times
    timestamp.writeUInt32LE(1_900_000_000, 5);
    timestamp.writeUInt32LE(1_900_000_001, 9);
    const zip = zipOfOneEntry(Buffer.concat([other, timestamp]));
    const stamped = setZipEntryTimes(zip, AT);

    const seconds = AT.getTime() / 1000;
    const localExtra = 30 + ENTRY_NAME.length;
    const centralExtra = stamped.readUInt32LE(stamped.length - 6) + 46 + ENTRY_NAME.length;
    for (const extra of [localExtra, centralExtra]) {
      expect(stamped.subarray(extra, extra + 6)).toEqual(other);
      expect([stamped.readUInt32LE(extra + 11), stamped.readUInt32LE(extra + 15)]).toEqual([
        seconds,
        seconds,
      ]);
    }
    const { date, time } = dosDateTime(AT);
    expect(zipEntryTimes(stamped)[0].times).toEqual([time, date, time, date]);
    // A copy: the bytes given are left as they were.
    expect(zip.readUInt32LE(localExtra + 11)).toBe(1_900_000_000);
  });
});

const ENTRY_NAME = Buffer.from('a.txt');

/** A zip of one stored entry whose local header and central directory entry carry `extra`. */
function zipOfOneEntry(extra: Buffer): Buffer {
  const data = Buffer.from('hello');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt16LE(0x1234, 10);
  local.writeUInt16LE(0x5678, 12);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(ENTRY_NAME.length, 26);
  local.writeUInt16LE(extra.length, 28);
  const localPart = Buffer.concat([local, ENTRY_NAME, extra, data]);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(0x1234, 12);
  central.writeUInt16LE(0x5678, 14);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(ENTRY_NAME.length, 28);
  central.writeUInt16LE(extra.length, 30);
  const centralPart = Buffer.concat([central, ENTRY_NAME, extra]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, centralPart, end]);
}

describe('streaming', () => {
  const text: TableColumn[] = [{ header: 'V', key: 'v', type: 'text' }];

  it('reads the rows once, when the workbook is written, from any iterable', async () => {
    let pulled = 0;
    function* rows(): Generator<{ v: string }> {
      for (let i = 0; i < 3; i++) {
        pulled++;
        yield { v: `row ${i}` };
      }
    }
    const workbook = workbookAt();
    addTableSheet(workbook, { name: 'Lazy', columns: text, rows: rows() });
    addTableSheet(workbook, { name: 'Set', columns: text, rows: new Set([{ v: 'only' }]) });
    expect(pulled).toBe(0);
    const loaded = await roundTrip(workbook);
    expect(pulled).toBe(3);
    const lazy = sheetOf(loaded, 'Lazy');
    expect([2, 3, 4].map((r) => lazy.getCell(r, 1).value)).toEqual(['row 0', 'row 1', 'row 2']);
    expect(sheetOf(loaded, 'Set').getCell('A2').value).toBe('only');
  });

  it(`fits unsized columns to the first ${WIDTH_SAMPLE_ROWS} rows; a longer value after them wraps`, async () => {
    const workbook = workbookAt();
    const last = WIDTH_SAMPLE_ROWS - 1;
    addTableSheet(workbook, {
      name: 'Sampled',
      columns: [
        { header: 'Early', key: 'early', type: 'text' },
        { header: 'Late', key: 'late', type: 'text' },
      ],
      rows: mapRows(Array.from({ length: WIDTH_SAMPLE_ROWS + 1 }, (_, i) => i), (i) => ({
        early: i === last ? 'e'.repeat(20) : 'e',
        late: i === WIDTH_SAMPLE_ROWS ? 'l'.repeat(30) : 'l',
      })),
    });
    const sheet = sheetOf(await roundTrip(workbook), 'Sampled');
    expect(sheet.getColumn(1).width).toBe(22);
    expect(sheet.getColumn(2).width).toBe(8);
    const lateCell = sheet.getCell(WIDTH_SAMPLE_ROWS + 2, 2);
    expect(lateCell.value).toBe('l'.repeat(30));
    expect(lateCell.alignment?.wrapText).toBe(true);
    expect(sheet.autoFilter).toBe(`A1:B${WIDTH_SAMPLE_ROWS + 2}`);
  });

  it('writes every row of a long sheet, typed, between two others', async () => {
    const count = 20_000;
    const workbook = workbookAt();
    addFieldSheet(workbook, {
      name: 'Before',
      fields: [{ label: 'Rows', value: count, type: 'integer' }],
    });
    addTableSheet(workbook, {
      name: 'Long',
      title: 'Long',
      columns: [
        { header: 'Hash', key: 'hash', type: 'text' },
        { header: 'N', key: 'n', type: 'integer' },
        { header: 'On', key: 'on', type: 'date' },
      ],
      rows: mapRows(Array.from({ length: count }, (_, i) => i), (i) => ({
        hash: hex(i),
        n: i,
        on: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
      })),
    });
    addFieldSheet(workbook, {
      name: 'After',
      fields: [{ label: 'Done', value: true, type: 'boolean' }],
    });
    const loaded = await roundTrip(workbook);
    const sheet = sheetOf(loaded, 'Long');
    expect(sheet.rowCount).toBe(count + 2);
    expect(sheet.autoFilter).toBe(`A2:C${count + 2}`);
    const mismatches: number[] = [];
    for (let i = 0; i < count; i++) {
      const row = sheet.getRow(i + 3);
      const on = new Date(Date.UTC(2025, 0, (i % 28) + 1));
      const same =
        row.getCell(1).value === hex(i) &&
        row.getCell(2).value === i &&
        (row.getCell(3).value as Date).getTime() === on.getTime();
      if (!same) mismatches.push(i);
    }
    expect(mismatches).toEqual([]);
    expect(sheet.getCell(count + 2, 3).numFmt).toBe('yyyy-mm-dd');
    expect(sheetOf(loaded, 'After').getCell('B2').value).toBe('Yes');
  });

  it('stops reading rows while the destination holds back, and finishes once it takes more', async () => {
    const count = 30_000;
    let pulled = 0;
    const workbook = workbookAt();
    addTableSheet(workbook, {
      name: 'Held',
      columns: [
        { header: 'Hash', key: 'hash', type: 'text' },
        { header: 'N', key: 'n', type: 'integer' },
      ],
      rows: mapRows(Array.from({ length: count }, (_, i) => i), (i) => {
        pulled++;
        return { hash: hex(i), n: i };
      }),
    });
    const destination = new Destination(true);
    const written = streamXlsx(workbook, destination);
    // Wait until the rows stop coming (they all would, were the destination not heeded).
    let whileHeld = -1;
    for (let wait = 0; wait < 40 && pulled !== whileHeld; wait++) {
      whileHeld = pulled;
      await delay(250);
    }
    // About 12,000 such rows (2 MB of XML) fill the buffers between the rows and the destination.
    expect(pulled).toBe(whileHeld);
    expect(whileHeld).toBeGreaterThan(WIDTH_SAMPLE_ROWS);
    expect(whileHeld).toBeLessThan(count / 2);

    destination.release();
    await written;
    expect(pulled).toBe(count);
    const sheet = sheetOf(await load(destination.bytes()), 'Held');
    expect(sheet.getCell(count + 1, 1).value).toBe(hex(count - 1));
  });

  it('fails, rather than waits for ever, when the destination fails', async () => {
    const workbook = workbookAt();
    addTableSheet(workbook, {
      name: 'Lost',
      columns: text,
      rows: mapRows(Array.from({ length: 20_000 }, (_, i) => i), (i) => ({ v: hex(i) })),
    });
    const failing = new Writable({
      write(_chunk, _encoding, done): void {
        done(new Error('disk full'));
      },
    });
    await expect(streamXlsx(workbook, failing)).rejects.toThrow(/disk full/);
  });
});
