/**
 * Career conversations between a participant and their supervisor or coordinator happen at least
 * twice a year, so the next one is due six calendar months after the last. Before the first
 * conversation, the clock starts when the career development plan is approved.
 */
import {
  daysInMonth,
  formatIsoDate,
  parseIsoDate,
  toDayNumber,
} from '../program-calendar/fiscal-year.rule';

export const CONVERSATION_INTERVAL_MONTHS = 6;

export type ConversationDueBasis = 'LAST_CONVERSATION' | 'PLAN_APPROVAL';

export interface ConversationDue {
  dueOn: string;
  /** What the due date was counted from, so a reminder can say why it is due. */
  basis: ConversationDueBasis;
  /** True from the day after `dueOn`: a conversation held on the due date is on time. */
  overdue: boolean;
}

/**
 * Same day of the month, `months` later, clamped to the end of a shorter month: six months
 * after August 31 is the last day of February. Clamping (rather than rolling over into March)
 * keeps the interval from ever being longer than six calendar months.
 */
export function addCalendarMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) {
    throw new RangeError(`Months must be a whole number, got ${months}`);
  }
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return formatIsoDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/**
 * When the next conversation is due. The last conversation wins whenever there is one, even if
 * it came before the plan was approved: what the rule limits is the time between conversations.
 * Null when there is neither a conversation nor an approved plan: nothing is due yet.
 */
export function nextConversationDue(
  lastConversationDate: string | null,
  planApprovedOn: string | null,
  today: string,
): ConversationDue | null {
  const todayDayNumber = toDayNumber(today);
  // Validate both dates even when only one is used, so bad data surfaces where it is entered.
  if (planApprovedOn !== null) parseIsoDate(planApprovedOn);
  const from: { date: string; basis: ConversationDueBasis } | null =
    lastConversationDate !== null
      ? { date: lastConversationDate, basis: 'LAST_CONVERSATION' }
      : planApprovedOn !== null
        ? { date: planApprovedOn, basis: 'PLAN_APPROVAL' }
        : null;
  if (from === null) return null;
  const dueOn = addCalendarMonths(from.date, CONVERSATION_INTERVAL_MONTHS);
  return { dueOn, basis: from.basis, overdue: todayDayNumber > toDayNumber(dueOn) };
}
