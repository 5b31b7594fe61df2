/**
 * The calendar date "today" for the program. California state departments keep their records in
 * Pacific time: a conversation held at 5 pm on June 30 belongs to that fiscal year, even though it
 * is already July 1 in UTC.
 */
export const PROGRAM_TIME_ZONE = 'America/Los_Angeles';

/** The calendar date (`YYYY-MM-DD`) of an instant in the given time zone. */
export function calendarDateIn(instant: Date, timeZone: string = PROGRAM_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today's date in the program's time zone. */
export function programToday(now: Date = new Date()): string {
  return calendarDateIn(now);
}
