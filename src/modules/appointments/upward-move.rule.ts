/**
 * What counts as an upward mobility move (Gov Code 19402: the yearly report counts employees who
 * moved from entry-level classes into entry technical, professional and administrative ones).
 *
 * Each department designates its own classes as LPEL (low-paying entry-level), bridging, or
 * ELTPA (entry-level technical, professional and administrative), and may change them from one
 * fiscal year to the next. Upward mobility is a move across that line; a promotion within one
 * ladder (LPEL to LPEL, ELTPA to ELTPA) is not, however large the raise.
 */
import { fiscalYearOf, parseFiscalYear } from '../program-calendar/fiscal-year.rule';

export const UM_DESIGNATIONS = ['LPEL', 'BRIDGING', 'ELTPA', 'NONE'] as const;
export type UmDesignation = (typeof UM_DESIGNATIONS)[number];

/** One department's designation of one class for one fiscal year (`2025-26`). */
export interface ClassDesignation {
  classCode: string;
  fiscalYear: string;
  designation: UmDesignation;
}

/** Where a move may start: low-paying entry-level classes and the bridging classes above them. */
const UPWARD_MOBILITY_ORIGINS: ReadonlySet<UmDesignation> = new Set(['LPEL', 'BRIDGING']);

export class ConflictingDesignationError extends Error {
  constructor(
    readonly classCode: string,
    readonly fiscalYear: string,
    designations: readonly UmDesignation[],
  ) {
    super(
      `Class ${classCode} has conflicting designations for ${fiscalYear}: ${designations.join(', ')}`,
    );
    this.name = 'ConflictingDesignationError';
  }
}

export function isUpwardMobilityMove(from: UmDesignation, to: UmDesignation): boolean {
  return UPWARD_MOBILITY_ORIGINS.has(from) && to === 'ELTPA';
}

/**
 * The class's designation in force on `date`: the one for the fiscal year containing it or, when
 * the department has not (yet) designated the class for that year, the latest earlier year's.
 * Designations stay in force until changed, so a department that forgets to re-enter its list
 * does not wipe out its program. Later years never apply backwards. 'NONE' when never designated.
 * Two different designations for the same class and year are refused rather than guessed between.
 */
export function designationAt(
  designations: readonly ClassDesignation[],
  classCode: string,
  date: string,
): UmDesignation {
  const targetStartYear = parseFiscalYear(fiscalYearOf(date)).startYear;
  let latest: { startYear: number; entry: ClassDesignation } | undefined;
  for (const entry of designations) {
    if (entry.classCode !== classCode) continue;
    const { startYear } = parseFiscalYear(entry.fiscalYear);
    if (startYear > targetStartYear) continue;
    if (latest && startYear === latest.startYear) {
      if (entry.designation !== latest.entry.designation) {
        throw new ConflictingDesignationError(classCode, entry.fiscalYear, [
          latest.entry.designation,
          entry.designation,
        ]);
      }
    } else if (!latest || startYear > latest.startYear) {
      latest = { startYear, entry };
    }
  }
  return latest?.entry.designation ?? 'NONE';
}

/** A move from one class to another on `effectiveDate`, judged by that date's designations. */
export function isUpwardMobilityAppointment(
  designations: readonly ClassDesignation[],
  fromClassCode: string,
  toClassCode: string,
  effectiveDate: string,
): boolean {
  return isUpwardMobilityMove(
    designationAt(designations, fromClassCode, effectiveDate),
    designationAt(designations, toClassCode, effectiveDate),
  );
}
