/** California state fiscal years run July 1 - June 30 and are written "2025-26". */

export function fiscalYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 7 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export function previousFiscalYear(fiscalYear: string): string {
  const start = Number(fiscalYear.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export function nextFiscalYear(fiscalYear: string): string {
  const start = Number(fiscalYear.slice(0, 4)) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The fiscal year of `today` and the `count - 1` before it, newest first. */
export function recentFiscalYears(today: string, count: number): string[] {
  const years = [fiscalYearOf(today)];
  while (years.length < count) years.push(previousFiscalYear(years[years.length - 1]));
  return years;
}
