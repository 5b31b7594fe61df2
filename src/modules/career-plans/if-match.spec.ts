import { DomainError } from '../../common/errors/domain-error';
import { assertVersion, etagFor, parseIfMatch, parseOptionalIfMatch } from './if-match';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'OTHER';
  }
  return undefined;
}

describe('If-Match', () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
    ['  "1"  ', 1],
  ])('%j is version %i', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it.each([
    [undefined, 'PRECONDITION_REQUIRED'],
    ['', 'PRECONDITION_REQUIRED'],
    ['  ', 'PRECONDITION_REQUIRED'],
    ['*', 'VALIDATION_FAILED'],
    ['"abc"', 'VALIDATION_FAILED'],
    ['"1", "2"', 'VALIDATION_FAILED'],
    ['"-1"', 'VALIDATION_FAILED'],
  ])('%j is refused with %s', (header, code) => {
    expect(codeOf(() => parseIfMatch(header))).toBe(code);
  });

  it('is optional where a route does not require it', () => {
    expect(parseOptionalIfMatch(undefined)).toBeNull();
    expect(parseOptionalIfMatch('"4"')).toBe(4);
    expect(codeOf(() => parseOptionalIfMatch('x'))).toBe('VALIDATION_FAILED');
  });

  it('round-trips through etagFor', () => {
    expect(parseIfMatch(etagFor(42))).toBe(42);
  });

  it.each([
    [3, 3, undefined],
    [3, null, undefined],
    [4, 3, 'VERSION_CONFLICT'],
  ])('current %i, expected %p -> %p', (current, expected, code) => {
    expect(codeOf(() => assertVersion(current, expected))).toBe(code);
  });
});
