import { toDayNumber } from '../program-calendar/fiscal-year.rule';
import {
  copyArray,
  copyJson,
  copyRow,
  copyText,
  copyTimestamp,
  copyValue,
  csvCell,
  csvRow,
  isoDate,
} from './copy-format';

describe('COPY text format', () => {
  it.each([
    ['plain', 'plain'],
    ['tab\there', 'tab\\there'],
    ['line\nbreak\r', 'line\\nbreak\\r'],
    ['back\\slash', 'back\\\\slash'],
    [null, '\\N'],
  ])('%j is written %j', (value, expected) => {
    expect(copyText(value)).toBe(expected);
  });

  it.each([
    [true, 't'],
    [false, 'f'],
    [1.5, '1.5'],
    [null, '\\N'],
  ])('%j is written %j', (value, expected) => {
    expect(copyValue(value)).toBe(expected);
  });

  it('writes arrays and JSON so that quotes and backslashes survive both layers', () => {
    expect(copyArray(['HISPANIC', 'WHITE'])).toBe('{"HISPANIC","WHITE"}');
    expect(copyArray(['a"b', 'c\\d'])).toBe('{"a\\\\"b","c\\\\\\\\d"}');
    expect(copyArray([])).toBe('{}');
    expect(copyArray(null)).toBe('\\N');
    expect(copyJson({ say: 'a "quote"' })).toBe('{"say":"a \\\\"quote\\\\""}');
    expect(copyRow(['a', '\\N', 'c'])).toBe('a\t\\N\tc\n');
  });

  it('writes dates and UTC timestamps', () => {
    const day = toDayNumber('2025-06-30');
    expect(isoDate(day)).toBe('2025-06-30');
    expect(copyTimestamp({ day, second: 17 * 3600 + 5 * 60 + 9 })).toBe('2025-06-30 17:05:09+00');
    expect(copyTimestamp(null)).toBe('\\N');
  });
});

describe('CSV (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [null, ''],
    [12.5, '12.5'],
    [false, 'false'],
  ])('%j is written %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('ends rows with CRLF', () => {
    expect(csvRow(['E000001', null, 'Dela Cruz, Ana'])).toBe('E000001,,"Dela Cruz, Ana"\r\n');
  });
});
