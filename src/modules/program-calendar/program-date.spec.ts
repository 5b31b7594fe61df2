import { calendarDateIn, programToday } from './program-date';

describe('calendarDateIn (program time zone: America/Los_Angeles)', () => {
  it.each([
    // [instant, date in Pacific time]
    ['2025-07-01T06:59:59Z', '2025-06-30'], // 23:59:59 PDT, still the old fiscal year
    ['2025-07-01T07:00:00Z', '2025-07-01'],
    ['2025-01-01T07:59:59Z', '2024-12-31'], // PST is UTC-8
    ['2025-01-01T08:00:00Z', '2025-01-01'],
    ['2024-02-29T12:00:00Z', '2024-02-29'],
  ])('%s is %s', (instant, expected) => {
    expect(calendarDateIn(new Date(instant))).toBe(expected);
  });

  it('can be asked for another zone', () => {
    expect(calendarDateIn(new Date('2025-07-01T06:59:59Z'), 'UTC')).toBe('2025-07-01');
  });

  it('programToday is the Pacific date of now', () => {
    expect(programToday(new Date('2026-03-08T09:30:00Z'))).toBe('2026-03-08');
    expect(programToday(new Date('2026-03-08T07:30:00Z'))).toBe('2026-03-07');
  });
});

describe('programToday at the fiscal-year and calendar-year turn', () => {
  it.each([
    ['2026-07-01T06:59:59Z', '2026-06-30'],
    ['2026-07-01T07:00:00Z', '2026-07-01'],
    ['2026-01-01T07:59:59Z', '2025-12-31'],
    ['2026-01-01T08:00:00Z', '2026-01-01'],
  ])('%s is %s in California', (instant, expected) => {
    expect(programToday(new Date(instant))).toBe(expected);
  });
});
