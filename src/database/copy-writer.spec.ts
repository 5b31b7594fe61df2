import { copyField, copyLine } from './copy-writer';

describe('COPY text format', () => {
  it.each([
    [null, '\\N'],
    [true, 't'],
    [false, 'f'],
    [7.5, '7.5'],
    ['plain', 'plain'],
    ['back\\slash', 'back\\\\slash'],
    ['tab\there', 'tab\\there'],
    ['new\nline\r', 'new\\nline\\r'],
    ['\\N', '\\\\N'],
    ['=1+2', '=1+2'],
  ])('%j -> %j', (value, text) => {
    expect(copyField(value)).toBe(text);
  });

  it('joins fields with tabs and ends the line', () => {
    expect(copyLine([1, 'a', null])).toBe('1\ta\t\\N\n');
  });
});
