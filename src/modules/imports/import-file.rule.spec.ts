import { formatOfUpload, scanUtf8, UTF8_START } from './import-file.rule';

const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const TEXT = new TextEncoder().encode('employee');

describe('formatOfUpload', () => {
  it.each([
    ['roster.csv', TEXT, 'csv'],
    ['ROSTER.CSV', TEXT, 'csv'],
    ['roster.txt', TEXT, 'csv'],
    ['roster.xlsx', ZIP, 'xlsx'],
  ])('reads %s', (name, head, format) => {
    expect(formatOfUpload(name, head, 100)).toEqual({ ok: true, format });
  });

  it.each([
    ['roster.csv', TEXT, 0, 'EMPTY', 'the file is empty'],
    [
      'roster.xlsx',
      TEXT,
      100,
      'UNSUPPORTED',
      'the file is named .xlsx but is not an Excel workbook',
    ],
    [
      'roster.csv',
      ZIP,
      100,
      'UNSUPPORTED',
      'the file is named .csv but is a ZIP or XLSX file: name it .xlsx',
    ],
    ['roster.xls', OLE, 100, 'UNSUPPORTED', expect.stringContaining('.xls') as string],
    ['roster.csv', OLE, 100, 'UNSUPPORTED', expect.stringContaining('.xls') as string],
    ['roster.pdf', TEXT, 100, 'UNSUPPORTED', 'send a .csv or .xlsx file (not .pdf)'],
    [
      'roster',
      TEXT,
      100,
      'UNSUPPORTED',
      'send a .csv or .xlsx file (not a file without an extension)',
    ],
  ])('refuses %s (%#)', (name, head, size, reason, message) => {
    expect(formatOfUpload(name, head, size)).toEqual({ ok: false, reason, message });
  });
});

describe('scanUtf8', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);

  it.each([
    ['ASCII', bytes(0x41, 0x42), null],
    ['é (2 bytes)', bytes(0xc3, 0xa9), null],
    ['€ (3 bytes)', bytes(0xe2, 0x82, 0xac), null],
    ['😀 (4 bytes)', bytes(0xf0, 0x9f, 0x98, 0x80), null],
    ['Latin-1 é', bytes(0x41, 0xe9, 0x41), 2],
    ['a lone continuation byte', bytes(0x41, 0x80), 1],
    ['an overlong slash (C0 AF)', bytes(0xc0, 0xaf), 0],
    ['an overlong 3-byte form (E0 80 80)', bytes(0xe0, 0x80, 0x80), 1],
    ['a surrogate (ED A0 80)', bytes(0xed, 0xa0, 0x80), 1],
    ['above U+10FFFF (F4 90 80 80)', bytes(0xf4, 0x90, 0x80, 0x80), 1],
    ['F5', bytes(0xf5), 0],
    ['a sequence cut by ASCII', bytes(0xe2, 0x82, 0x41), 2],
  ])('%s -> invalid at %j', (_case, input, invalidAt) => {
    expect(scanUtf8(input, UTF8_START).invalidAt).toBe(invalidAt);
  });

  it('carries a character split between two chunks', () => {
    const first = scanUtf8(bytes(0x41, 0xe2, 0x82), UTF8_START);
    expect(first).toEqual({
      state: expect.objectContaining({ needed: 1 }) as unknown,
      invalidAt: null,
    });
    expect(scanUtf8(bytes(0xac, 0x41), first.state)).toEqual({
      state: UTF8_START,
      invalidAt: null,
    });
    expect(scanUtf8(bytes(0x41), first.state).invalidAt).toBe(0);
  });
});
