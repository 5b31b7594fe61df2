import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { ImportFileError, readImportRows, xlsxCellText } from './import-reader';
import type { SourceRow } from './import-reader';

describe('readImportRows', () => {
  let directory: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'um-import-reader-'));
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  const file = (name: string, content: string | Buffer) => {
    const target = path.join(directory, name);
    fs.writeFileSync(target, content);
    return target;
  };
  const read = async (target: string, format: 'csv' | 'xlsx' = 'csv') => {
    const rows: SourceRow[] = [];
    for await (const row of readImportRows(target, format)) rows.push(row);
    return rows;
  };
  const failure = async (target: string, format: 'csv' | 'xlsx' = 'csv') => {
    try {
      await read(target, format);
    } catch (error) {
      if (error instanceof ImportFileError) return { row: error.row, message: error.message };
      throw error;
    }
    throw new Error('expected the file to be refused');
  };

  it('numbers rows as a spreadsheet does: blank lines count, a quoted line break does not', async () => {
    const rows = await read(file('a.csv', '\uFEFFa,b\r\n1,2\r\n\r\n"x\r\ny",3\r\n,\r\n4,5'));
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2'] },
      { row: 4, cells: ['x\r\ny', '3'] },
      { row: 6, cells: ['4', '5'] },
    ]);
  });

  it.each([
    [
      'a Latin-1 byte',
      Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xe9]), Buffer.from('\n')]),
      3,
      'line 3',
    ],
    [
      'a byte after a quoted line break',
      Buffer.concat([
        Buffer.from('a,b\n"1\n1",2\n3,'),
        Buffer.from([0xff]),
        Buffer.from('\n4,5\n'),
      ]),
      3,
      'line 4',
    ],
    [
      'a character cut at the end',
      Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xe2, 0x82])]),
      3,
      'line 3',
    ],
  ])('refuses %s, naming the row', async (_case, content, row, line) => {
    const refused = await failure(file('bad.csv', content));
    expect(refused.row).toBe(row);
    expect(refused.message).toContain(`row ${row} is not valid UTF-8 text (${line})`);
  });

  it('refuses broken quoting with the line', async () => {
    const refused = await failure(file('quote.csv', 'a,b\n1,"2\n3,4\n'));
    expect(refused).toEqual({
      row: 3,
      message: expect.stringContaining('Quote Not Closed') as string,
    });
  });

  it('reads the first worksheet of a workbook: strings, numbers, dates and booleans as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('data');
    sheet.addRow(['employee_number', 'hire_date', 'hours', 'on_state_time']);
    sheet.addRow(['00123', new Date(Date.UTC(2020, 0, 6)), 7.5, true]);
    sheet.addRow([]);
    sheet.addRow([1234, '2020-01-07', 0.1 + 0.2, { formula: '"y"&"es"', result: 'yes' }]);
    workbook.addWorksheet('notes').addRow(['not read']);
    const target = path.join(directory, 'book.xlsx');
    await workbook.xlsx.writeFile(target);
    expect(await read(target, 'xlsx')).toEqual([
      { row: 1, cells: ['employee_number', 'hire_date', 'hours', 'on_state_time'] },
      { row: 2, cells: ['00123', '2020-01-06', '7.5', 'true'] },
      { row: 4, cells: ['1234', '2020-01-07', '0.3', 'yes'] },
    ]);
  });

  it('refuses what is not a workbook', async () => {
    const refused = await failure(
      file('x.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)])),
      'xlsx',
    );
    expect(refused).toEqual({ row: null, message: 'the file is not a readable XLSX workbook' });
  });
});

describe('xlsxCellText', () => {
  it.each([
    [null, ''],
    ['text', 'text'],
    [42, '42'],
    [0.1 + 0.2, '0.3'],
    [false, 'false'],
    [new Date(Date.UTC(2025, 8, 8)), '2025-09-08'],
    [{ richText: [{ text: 'Pat ' }, { text: 'Lee' }] }, 'Pat Lee'],
    [{ formula: 'A1', result: 'x' }, 'x'],
    [{ sharedFormula: 'A1', result: 3 }, '3'],
    [{ text: 'link', hyperlink: 'http://example.com' }, 'link'],
    [{ error: '#N/A' }, '#N/A'],
  ])('%j -> %j', (value, text) => {
    expect(xlsxCellText(value)).toBe(text);
  });
});
