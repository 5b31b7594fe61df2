import { earlyEndRequestStatus } from './early-end.rule';

// 2026-03-02 is a Monday: ten working days later is Monday 2026-03-16.
const MONDAY = '2026-03-02';

describe('earlyEndRequestStatus', () => {
  it('is null without a request', () => {
    expect(earlyEndRequestStatus(null, '2026-03-10', '2026-04-01')).toBeNull();
  });

  it.each<[string, string, string | null, string, object]>([
    [
      'honoured the next working day',
      MONDAY,
      '2026-03-03',
      '2026-04-01',
      { dueBy: '2026-03-16', honouredOn: '2026-03-03', workingDaysTaken: 1, late: false },
    ],
    [
      'honoured on the due date (10 working days) is on time',
      MONDAY,
      '2026-03-16',
      '2026-04-01',
      { dueBy: '2026-03-16', workingDaysTaken: 10, late: false },
    ],
    [
      'honoured one working day after the due date is late',
      MONDAY,
      '2026-03-17',
      '2026-04-01',
      { dueBy: '2026-03-16', workingDaysTaken: 11, late: true },
    ],
    [
      'a weekend after the due date adds no working day',
      '2026-03-04',
      '2026-03-21',
      '2026-04-01',
      { dueBy: '2026-03-18', workingDaysTaken: 12, late: true },
    ],
    [
      'a request made on a Saturday counts from Monday',
      '2026-03-07',
      '2026-03-20',
      '2026-04-01',
      { dueBy: '2026-03-20', workingDaysTaken: 10, late: false },
    ],
    [
      'ended on the request day',
      MONDAY,
      MONDAY,
      '2026-04-01',
      { honouredOn: MONDAY, workingDaysTaken: 0, late: false },
    ],
    [
      'not yet honoured, still within the deadline',
      MONDAY,
      null,
      '2026-03-16',
      { honouredOn: null, workingDaysTaken: null, late: false },
    ],
    [
      'not yet honoured after the deadline is late',
      MONDAY,
      null,
      '2026-03-17',
      { honouredOn: null, workingDaysTaken: null, late: true },
    ],
  ])('%s', (_name, requestedOn, actualEnd, today, expected) => {
    expect(earlyEndRequestStatus(requestedOn, actualEnd, today)).toMatchObject({
      requestedOn,
      ...expected,
    });
  });

  it('skips the holidays it is given', () => {
    // 2026-03-31 (César Chávez Day) falls between a request and its tenth working day.
    const status = earlyEndRequestStatus(
      '2026-03-25',
      '2026-04-08',
      '2026-05-01',
      new Set(['2026-03-31']),
    );
    expect(status).toMatchObject({ dueBy: '2026-04-09', workingDaysTaken: 9, late: false });
  });
});
