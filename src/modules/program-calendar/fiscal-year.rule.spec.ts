import {
  addDays,
  calendarYearRange,
  dayOfWeek,
  fiscalYearLabel,
  fiscalYearOf,
  fromDayNumber,
  InvalidFiscalYearError,
  InvalidIsoDateError,
  isWithin,
  nextFiscalYear,
  parseFiscalYear,
  parseIsoDate,
  previousFiscalYear,
  toDayNumber,
} from './fiscal-year.rule';

describe('fiscalYearOf', () => {
  it.each([
    ['2025-07-01', '2025-26'],
    ['2026-06-30', '2025-26'],
    ['2025-06-30', '2024-25'],
    ['2026-07-01', '2026-27'],
    ['2025-12-31', '2025-26'],
    ['2026-01-01', '2025-26'],
    ['1999-12-31', '1999-00'],
    ['2000-06-30', '1999-00'],
    ['2000-07-01', '2000-01'],
    ['2024-02-29', '2023-24'],
    ['2009-08-15', '2009-10'],
  ])('%s falls in %s', (date, expected) => {
    expect(fiscalYearOf(date)).toBe(expected);
  });

  it.each([
    '2025-7-1',
    '2025-02-30',
    '2025-13-01',
    '2025-00-10',
    '20250701',
    '',
    '2025-07-01T00:00',
  ])('refuses the malformed or impossible date %j', (date) => {
    expect(() => fiscalYearOf(date)).toThrow(InvalidIsoDateError);
  });
});

describe('parseFiscalYear', () => {
  it.each([
    ['2025-26', 2025, '2025-07-01', '2026-06-30'],
    ['1999-00', 1999, '1999-07-01', '2000-06-30'],
    ['2099-00', 2099, '2099-07-01', '2100-06-30'],
    ['2023-24', 2023, '2023-07-01', '2024-06-30'],
  ])('%s starts in %i and runs %s to %s', (label, startYear, start, end) => {
    expect(parseFiscalYear(label)).toEqual({ label, startYear, start, end });
  });

  it.each([
    ['2025-27', 'must be followed by 26'],
    ['2025-25', 'must be followed by 26'],
    ['1999-20', 'must be followed by 00'],
    ['2025/26', 'expected a four-digit start year'],
    ['2025-2026', 'expected a four-digit start year'],
    ['25-26', 'expected a four-digit start year'],
    [' 2025-26', 'expected a four-digit start year'],
    ['', 'expected a four-digit start year'],
    ['9999-00', 'start year must be between'],
  ])('refuses %j with a message saying why (%s)', (label, reason) => {
    expect(() => parseFiscalYear(label)).toThrow(InvalidFiscalYearError);
    expect(() => parseFiscalYear(label)).toThrow(reason);
  });

  it('names the offending label in the message', () => {
    expect(() => parseFiscalYear('2025-27')).toThrow('Invalid fiscal year "2025-27"');
  });

  it.each(['2025-07-01', '2026-06-30', '2000-02-29'])(
    'agrees with fiscalYearOf: %s lies inside the range of its fiscal year',
    (date) => {
      const fiscalYear = parseFiscalYear(fiscalYearOf(date));
      expect(isWithin(date, fiscalYear)).toBe(true);
    },
  );
});

describe('previousFiscalYear / nextFiscalYear', () => {
  it.each([
    ['2025-26', '2024-25', '2026-27'],
    ['2000-01', '1999-00', '2001-02'],
    ['1999-00', '1998-99', '2000-01'],
    ['2009-10', '2008-09', '2010-11'],
  ])('around %s: previous %s, next %s', (label, previous, next) => {
    expect(previousFiscalYear(label)).toBe(previous);
    expect(nextFiscalYear(label)).toBe(next);
  });

  it('validates its input', () => {
    expect(() => nextFiscalYear('2025-27')).toThrow(InvalidFiscalYearError);
    expect(() => previousFiscalYear('nonsense')).toThrow(InvalidFiscalYearError);
  });
});

describe('fiscalYearLabel', () => {
  it.each([
    [2025, '2025-26'],
    [1999, '1999-00'],
    [2009, '2009-10'],
  ])('%i -> %s', (startYear, label) => {
    expect(fiscalYearLabel(startYear)).toBe(label);
  });

  it.each([999, 2025.5, 9999])('refuses start year %d', (startYear) => {
    expect(() => fiscalYearLabel(startYear)).toThrow();
  });
});

describe('calendarYearRange', () => {
  it.each([
    [2025, '2025-01-01', '2025-12-31'],
    [2024, '2024-01-01', '2024-12-31'],
  ])('%i runs %s to %s', (year, start, end) => {
    expect(calendarYearRange(year)).toEqual({ start, end });
  });

  it.each([Number.NaN, 2025.5, 99])('refuses %d', (year) => {
    expect(() => calendarYearRange(year)).toThrow(RangeError);
  });
});

describe('isWithin (inclusive on both ends)', () => {
  const fiscal2025 = { start: '2025-07-01', end: '2026-06-30' };
  it.each([
    ['2025-06-30', false],
    ['2025-07-01', true],
    ['2026-01-15', true],
    ['2026-06-30', true],
    ['2026-07-01', false],
  ])('%s within 2025-26: %s', (date, expected) => {
    expect(isWithin(date, fiscal2025)).toBe(expected);
  });

  it('refuses a malformed range end', () => {
    expect(() => isWithin('2025-07-01', { start: '2025-07-01', end: '2026-6-30' })).toThrow(
      InvalidIsoDateError,
    );
  });
});

describe('calendar date primitives', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2025-07-01', 365, '2026-07-01'],
    ['1969-12-31', 1, '1970-01-01'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
  ])('toDayNumber(%s) = %i and back', (date, dayNumber) => {
    expect(toDayNumber(date)).toBe(dayNumber);
    expect(fromDayNumber(dayNumber)).toBe(date);
  });

  it.each([
    ['2025-07-01', 2],
    ['2025-07-05', 6],
    ['2025-07-06', 0],
    ['2024-02-29', 4],
  ])('dayOfWeek(%s) = %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });

  it.each([
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
  ])('parseIsoDate(%s) accepts leap days', (date, parts) => {
    expect(parseIsoDate(date)).toEqual(parts);
  });

  it.each(['1900-02-29', '2025-02-29', '2025-04-31', '0999-01-01'])(
    'parseIsoDate refuses %s',
    (date) => {
      expect(() => parseIsoDate(date)).toThrow(InvalidIsoDateError);
    },
  );
});
