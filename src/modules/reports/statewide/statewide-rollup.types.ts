/**
 * The statewide roll-up of one fiscal year for oversight (CalHR, State Personnel Board):
 * every department's latest certified annual report, side by side and added up. Built only from
 * certified reports - what departments have submitted - so a figure here never changes unless a
 * department certifies a new version. Everything leaves the departments, so small counts are
 * hidden (small-cell suppression, with complementary hiding where a total would reveal one).
 */
import type { Count, DiversitySection } from '../annual-report.types';

export const STATEWIDE_ROLLUP_SCHEMA_VERSION = 1;
export const STATEWIDE_ROLLUP_KIND = 'STATEWIDE_UPWARD_MOBILITY_ROLLUP';

/**
 * ON_TIME / LATE: certified on or before / after the due date (a California calendar date).
 * OVERDUE: not certified and the due date has passed. NOT_YET_DUE: not certified, not due yet.
 */
export const TIMELINESS = ['ON_TIME', 'LATE', 'OVERDUE', 'NOT_YET_DUE'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

/** Per-department figures that are counts of people or moves (suppressed when small). */
export const STATEWIDE_COUNT_COLUMNS = [
  'employeesInLpelOrBridging',
  'participants',
  'withApprovedPlan',
  'trainingPeople',
  'fiscalYearMoves',
  'calendarYearMoves',
] as const;
export type StatewideCountColumn = (typeof STATEWIDE_COUNT_COLUMNS)[number];

export interface StatewideDepartmentRow {
  departmentCode: string;
  departmentName: string;
  dueDate: string;
  certified: boolean;
  certifiedVersion: number | null;
  /** California calendar date of the first certification (timeliness counts from it; the
   * figures are the latest version's). */
  certifiedOn: string | null;
  timeliness: Timeliness;
  /** The department's move goal for the year; null when not certified or none was set. */
  moveGoal: number | null;
  moveGoalMet: boolean | null;
  verifiedTrainingHours: number | null;
  /** Null when the department has not certified (nothing submitted to add up). */
  counts: Record<StatewideCountColumn, Count> | null;
}

export interface StatewideRollupData {
  schemaVersion: typeof STATEWIDE_ROLLUP_SCHEMA_VERSION;
  kind: typeof STATEWIDE_ROLLUP_KIND;
  fiscalYear: string;
  periodStart: string;
  periodEnd: string;
  /** Timeliness is judged on this California calendar date. */
  asOf: string;
  generatedAt: string;
  disclosure: { smallCellThreshold: number; suppressionApplied: true };
  summary: {
    departments: number;
    certified: number;
    byTimeliness: Record<Timeliness, number>;
    /** Sum of the certified departments' move goals (those that set one). */
    moveGoal: number;
    /** Certified departments that met / missed their move goal. */
    departmentsMeetingMoveGoal: number;
    departmentsMissingMoveGoal: number;
    verifiedTrainingHours: number;
    /** Totals over the certified departments. */
    counts: Record<StatewideCountColumn, Count>;
  };
  departments: StatewideDepartmentRow[];
  /** The certified departments' diversity counts added up, then tested and suppressed. */
  diversity: DiversitySection;
}
