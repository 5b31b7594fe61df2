/**
 * The annual Upward Mobility Program report of one department for one fiscal year (Gov Code
 * 19402; CalHR's annual UM data), as data. Versioned: `schemaVersion` changes whenever a field is
 * added, removed or redefined, so certified snapshots can always be read back.
 *
 * Periods and definitions (each figure below says which applies):
 * - The fiscal year (FY) runs July 1 - June 30. "In the FY" means a date from its first to its
 *   last day. `asOf` is the FY's last day, or the generation date while the FY is still running:
 *   headcounts ("on the rolls") are taken on that date.
 * - Statutory calendar year: Gov Code 19402 asks for the moves "in the last calendar year". The
 *   report is due by July 1 after the FY, so we take the last calendar year that has ended
 *   before the FY ends: the calendar year in which the FY starts (FY 2025-26 -> calendar 2025).
 * - LPEL / bridging / ELTPA classes are the department's designations for this FY
 *   (um_designations), not inferred from occupational groups.
 * - "Employees in LPEL/bridging classes during the FY" (the population of the diversity section):
 *   employees of the department on the rolls at some time from the FY's first day to `asOf`
 *   who held an LPEL or bridging class then: on the FY's first day (or their hire date, if
 *   later), or by an appointment dated in that period.
 * - Only VERIFIED training counts (hours, people and cost).
 *
 * Audiences: `department` shows every count; `oversight` (what leaves the department, e.g. to
 * auditors) hides small counts (1 .. threshold-1) with `{ value: null, suppressed: true }`.
 */
import { ETHNICITY_CODES } from '../employees/demographics';
import type { SignificanceTest } from './statistics/adverse-impact.rule';

/** 2: diversity adds the `ethnicitySubgroup` dimension (Gov Code 8310.5 subgroups). */
export const ANNUAL_REPORT_SCHEMA_VERSION = 2;
export const ANNUAL_REPORT_KIND = 'ANNUAL_UPWARD_MOBILITY_REPORT';

export const REPORT_AUDIENCES = ['department', 'oversight'] as const;
export type ReportAudience = (typeof REPORT_AUDIENCES)[number];

export const REPORT_FORMATS = ['json', 'csv', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A count hidden from the oversight audience because it is below the small-cell threshold
 * (or because it would give a hidden one away). */
export interface SuppressedCount {
  value: null;
  suppressed: true;
}

/** A count of people or records: a number, or hidden in the oversight audience. */
export type Count = number | SuppressedCount;

export type ClassDesignation = 'LPEL' | 'BRIDGING' | 'ELTPA';

export const TRAINING_KIND_ORDER = [
  'CLASSROOM',
  'ONLINE',
  'COLLEGE_COURSE',
  'OJT',
  'MENTORING',
  'CONFERENCE',
] as const;
export type ReportTrainingKind = (typeof TRAINING_KIND_ORDER)[number];

// ---------------------------------------------------------------------------------------------
// (1) Header
// ---------------------------------------------------------------------------------------------

export interface ReportHeader {
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  fiscalYear: string;
  periodStart: string;
  periodEnd: string;
  /** Headcounts are taken on this date: the FY's last day, or the generation date before it. */
  asOf: string;
  /** The calendar year of the statutory count of moves (the year the FY starts in). */
  statutoryCalendarYear: number;
  /** The department's named upward mobility coordinator, if any. */
  coordinatorName: string | null;
  /** ISO instant the figures were computed. */
  generatedAt: string;
  status: 'DRAFT' | 'CERTIFIED';
  /** The certified version number; null for a draft. */
  version: number | null;
  certifiedAt: string | null;
  certifiedByName: string | null;
}

// ---------------------------------------------------------------------------------------------
// (2) Designated classes
// ---------------------------------------------------------------------------------------------

export interface DesignatedClass {
  classCode: string;
  title: string;
  designation: ClassDesignation;
  /** For LPEL and bridging classes: the ELTPA classes their ladder leads to. */
  ladderTargetClassCodes: string[];
  /** Employees on the rolls in this class on `asOf`. */
  activeEmployees: Count;
}

export interface ClassesSection {
  classes: DesignatedClass[];
  /** Employees on the rolls on `asOf`, by the designation of their class. */
  activeEmployees: Record<ClassDesignation, Count> & { allDesignated: Count };
}

// ---------------------------------------------------------------------------------------------
// (3) Participation
// ---------------------------------------------------------------------------------------------

export interface ParticipationSection {
  employeesInLpelOrBridging: {
    /** On the rolls on `asOf` in an LPEL or bridging class. */
    onAsOf: Count;
    /** The diversity population: in such a class at some time during the FY. */
    duringYear: Count;
  };
  /** Applications to the program: received by submitted_on, decisions by decided_on, in the FY
   * (status as it stands now). */
  applications: { received: Count; accepted: Count; waitlisted: Count; declined: Count };
  participants: {
    /** Employees with a participation period overlapping the FY. */
    duringYear: Count;
    /** Employees whose participation was withdrawn in the FY. */
    withdrawnInYear: Count;
    /** Participants during the FY holding a plan APPROVED (or since COMPLETED) by the FY's end. */
    withApprovedPlan: Count;
  };
  careerConversations: { held: Count; employees: Count };
  training: {
    /** Verified training completed in the FY (training_records.fiscal_year). */
    people: Count;
    records: Count;
    verifiedHours: number;
    stateTimeHours: number;
    ownTimeHours: number;
    hoursByKind: { kind: ReportTrainingKind; hours: number }[];
  };
  /** T&D assignments running at some time in the FY (start to actual or planned end). */
  tdAssignments: { active: Count; employees: Count };
  budget: {
    /** annual_goals.budget of the FY; null when none was recorded. */
    budget: number | null;
    /** Cost of the verified training completed in the FY. */
    spending: number;
    remaining: number | null;
  };
}

// ---------------------------------------------------------------------------------------------
// (4) Goals vs results
// ---------------------------------------------------------------------------------------------

export interface MovesByClass {
  classCode: string;
  title: string;
  /** The FY's goal for this target class; null when none was set. */
  goal: number | null;
  fiscalYearMoves: Count;
  calendarYearMoves: Count;
}

export interface GoalResult {
  goal: number | null;
  actual: Count;
  /** actual >= goal; null without a goal. */
  met: boolean | null;
}

export interface GoalsVsResultsSection {
  /** Whether the department recorded goals for the FY. */
  goalRecorded: boolean;
  moves: {
    goal: number | null;
    /** Appointments flagged as upward mobility moves, effective in the FY. */
    fiscalYear: { moves: Count; employees: Count; met: boolean | null };
    /** The statutory count: the same, effective in `statutoryCalendarYear`. */
    calendarYear: { year: number; moves: Count; employees: Count };
    /** By target (ELTPA) class: every class with a goal or a move. */
    byTargetClass: MovesByClass[];
  };
  participants: GoalResult;
  plans: GoalResult;
  trainingHours: { goal: number | null; actual: number; met: boolean | null };
}

// ---------------------------------------------------------------------------------------------
// (5) Two missed years
// ---------------------------------------------------------------------------------------------

export interface MoveGoalOutcome {
  fiscalYear: string;
  moveGoal: number | null;
  actualMoves: Count;
  missed: boolean;
}

export interface MissedGoalsSection {
  /** This FY, then the previous one. */
  years: [MoveGoalOutcome, MoveGoalOutcome];
  /** The move goal was missed in both: Gov Code 19402 then asks for an explanation and a plan. */
  missedTwoYearsInARow: boolean;
  /** The goal record that carries the explanation and the plan: the next FY's. */
  responseFiscalYear: string;
  explanation: string | null;
  twoYearPlan: string | null;
  /** What certification still needs (empty when nothing). */
  problems: { field: string; message: string }[];
}

// ---------------------------------------------------------------------------------------------
// (6) Next year's goals
// ---------------------------------------------------------------------------------------------

export interface NextYearGoalsSection {
  fiscalYear: string;
  recorded: boolean;
  moveGoal: number | null;
  moveGoalsByClass: { classCode: string; count: number }[];
  participantGoal: number | null;
  planGoal: number | null;
  trainingHoursGoal: number | null;
  apprenticeGoal: number | null;
  budget: number | null;
  narrative: string | null;
}

// ---------------------------------------------------------------------------------------------
// (7) Pipeline
// ---------------------------------------------------------------------------------------------

/** LPEL/bridging employees on the rolls on `asOf`, measured against one ELTPA class's minimum
 * qualifications by the eligibility service. Counts only: the report names nobody. */
export interface PipelineEntry {
  classCode: string;
  title: string;
  /** False when no rules of the class are in force: nothing could be measured. */
  rulesInForce: boolean;
  evaluated: Count;
  eligible: Count;
  examEligible: Count;
  within3Months: Count;
  within6Months: Count;
  within12Months: Count;
  unusableRecords: Count;
}

// ---------------------------------------------------------------------------------------------
// Diversity
// ---------------------------------------------------------------------------------------------

export const DIVERSITY_DECISIONS = [
  'acceptedIntoProgram',
  'approvedPlan',
  'trainingVerified',
  'tdAssignment',
  'appointedToEltpa',
] as const;
export type DiversityDecision = (typeof DIVERSITY_DECISIONS)[number];

/** Ethnicity by the regulation's groups, and by the subgroups Gov Code 8310.5 keeps apart. */
export const DIVERSITY_DIMENSIONS = [
  'ethnicity',
  'ethnicitySubgroup',
  'gender',
  'disability',
  'veteran',
] as const;
export type DiversityDimension = (typeof DIVERSITY_DIMENSIONS)[number];

/** Not answered at all (no self-identification on record): a group of its own, like DECLINED. */
export const NOT_PROVIDED = 'NOT_PROVIDED';

export const DIVERSITY_GROUPS: Record<DiversityDimension, readonly string[]> = {
  ethnicity: [
    'AMERICAN_INDIAN',
    'ASIAN',
    'BLACK',
    'FILIPINO',
    'HISPANIC',
    'PACIFIC_ISLANDER',
    'WHITE',
    'OTHER',
    'DECLINED',
    NOT_PROVIDED,
  ],
  ethnicitySubgroup: [...ETHNICITY_CODES, NOT_PROVIDED],
  gender: ['FEMALE', 'MALE', 'NONBINARY', 'DECLINED', NOT_PROVIDED],
  disability: ['YES', 'NO', 'DECLINED', NOT_PROVIDED],
  veteran: ['YES', 'NO', 'DECLINED', NOT_PROVIDED],
};

export interface DiversityGroupResult {
  group: string;
  selected: Count;
  total: Count;
  /** selected / total, 4 decimals; null without people or when hidden. */
  rate: number | null;
  isReference: boolean;
  /** rate / the highest group's rate, 4 decimals. */
  impactRatio: number | null;
  /** impactRatio < 0.8 (four-fifths rule); null when hidden. */
  fourFifthsFlag: boolean | null;
  test: SignificanceTest | null;
  /** Two-sided p-value against the reference group, 6 decimals. */
  pValue: number | null;
  significant: boolean | null;
  /** Oversight audience: this group's counts (and what they give away) are hidden. */
  suppressed: boolean;
}

export interface DiversityTable {
  referenceGroup: string | null;
  referenceRate: number | null;
  groups: DiversityGroupResult[];
  /** Sums over the groups. For ethnicity a person with several groups counts in each, so these
   * are memberships, not people. */
  totals: { selected: Count; notSelected: Count; total: Count };
}

export interface DiversityDecisionResult {
  /** Who is counted as selected, in words. */
  selection: string;
  /** Out of whom. */
  pool: string;
  byDimension: Record<DiversityDimension, DiversityTable>;
}

export interface DiversitySection {
  fourFifths: number;
  alpha: number;
  decisions: Record<DiversityDecision, DiversityDecisionResult>;
}

// ---------------------------------------------------------------------------------------------
// The whole report
// ---------------------------------------------------------------------------------------------

export interface AnnualReportData {
  schemaVersion: typeof ANNUAL_REPORT_SCHEMA_VERSION;
  kind: typeof ANNUAL_REPORT_KIND;
  audience: ReportAudience;
  disclosure: {
    /** The department's small-cell threshold (counts from 1 to threshold - 1 are hidden). */
    smallCellThreshold: number;
    suppressionApplied: boolean;
  };
  header: ReportHeader;
  classes: ClassesSection;
  participation: ParticipationSection;
  goalsVsResults: GoalsVsResultsSection;
  missedGoals: MissedGoalsSection;
  nextYearGoals: NextYearGoalsSection;
  pipeline: PipelineEntry[];
  diversity: DiversitySection;
}
