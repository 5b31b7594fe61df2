import { InvalidIsoDateError } from '../program-calendar/fiscal-year.rule';
import {
  addCalendarMonths,
  CONVERSATION_INTERVAL_MONTHS,
  nextConversationDue,
} from './conversation-due.rule';

describe('addCalendarMonths', () => {
  it.each([
    ['2025-01-15', 6, '2025-07-15'],
    ['2025-07-15', 6, '2026-01-15'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2025-12-31', 6, '2026-06-30'],
    ['2025-03-31', 6, '2025-09-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-05-31', 1, '2025-06-30'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2026-01-15', -6, '2025-07-15'],
    ['2025-10-10', 0, '2025-10-10'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it('refuses a fractional number of months', () => {
    expect(() => addCalendarMonths('2025-01-15', 0.5)).toThrow(RangeError);
  });
});

describe('nextConversationDue', () => {
  it('is due every six months (twice a year)', () => {
    expect(CONVERSATION_INTERVAL_MONTHS).toBe(6);
  });

  it.each([
    // [last conversation, plan approved, today, due on, basis, overdue]
    ['2025-01-15', null, '2025-03-01', '2025-07-15', 'LAST_CONVERSATION', false],
    ['2025-01-15', null, '2025-07-15', '2025-07-15', 'LAST_CONVERSATION', false],
    ['2025-01-15', null, '2025-07-16', '2025-07-15', 'LAST_CONVERSATION', true],
    ['2025-08-31', null, '2026-02-28', '2026-02-28', 'LAST_CONVERSATION', false],
    ['2025-08-31', null, '2026-03-01', '2026-02-28', 'LAST_CONVERSATION', true],
    [null, '2025-03-31', '2025-09-30', '2025-09-30', 'PLAN_APPROVAL', false],
    [null, '2025-03-31', '2025-10-01', '2025-09-30', 'PLAN_APPROVAL', true],
    // A conversation after approval restarts the clock.
    ['2025-06-01', '2025-03-31', '2025-10-15', '2025-12-01', 'LAST_CONVERSATION', false],
    // The last conversation counts even if it preceded the plan's approval.
    ['2025-02-10', '2025-03-31', '2025-08-11', '2025-08-10', 'LAST_CONVERSATION', true],
  ] as const)(
    'last %s, approved %s, today %s: due %s (%s), overdue %s',
    (last, approved, today, dueOn, basis, overdue) => {
      expect(nextConversationDue(last, approved, today)).toEqual({ dueOn, basis, overdue });
    },
  );

  it('is null before any plan is approved or conversation held', () => {
    expect(nextConversationDue(null, null, '2025-10-01')).toBeNull();
  });

  it.each([
    ['2025-13-01', null, '2025-10-01'],
    [null, '2025-02-30', '2025-10-01'],
    ['2025-01-15', '2025-2-1', '2025-10-01'],
    [null, null, '2025/10/01'],
  ])('refuses malformed dates (%s, %s, %s)', (last, approved, today) => {
    expect(() => nextConversationDue(last, approved, today)).toThrow(InvalidIsoDateError);
  });
});
