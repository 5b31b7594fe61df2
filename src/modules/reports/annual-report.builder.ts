/**
 * Turns the raw figures of one department and fiscal year (what the aggregate queries return)
 * into the annual report data, for one audience. Pure: no I/O, no clock (the caller passes the
 * generation time and today's date), the input is not changed.
 *
 * Oversight audience (small-cell suppression, threshold = the department's setting):
 * - every breakdown that adds up to a total shown beside it is one table given to
 *   `suppressSmallCells` (primary and complementary suppression): class headcounts per
 *   designation, moves per target class (fiscal year and calendar year columns), and each
 *   diversity table (groups x selected / not selected);
 * - a group whose counts are hidden also hides its rate, ratio, flag and test (they would give
 *   the counts away); impact ratios are hidden altogether when the reference group is hidden;
 * - a sum of table margins is hidden when one of its parts is;
 * - every other count below the threshold is hidden on its own. Zeros are shown.
 * Hours and money are not counts of people and are always shown; so are goals (targets).
 */
import { ethnicityGroup } from '../employees/demographics';
import type { EthnicityCode } from '../employees/demographics';
import {
  missedBothPreviousYears,
  missedGoalsProblems,
  moveGoalMissed,
} from '../goals/missed-goals.rule';
import {
  calendarYearRange,
  nextFiscalYear,
  parseFiscalYear,
  previousFiscalYear,
} from '../program-calendar/fiscal-year.rule';
import {
  ANNUAL_REPORT_KIND,
  ANNUAL_REPORT_SCHEMA_VERSION,
  DIVERSITY_DECISIONS,
  DIVERSITY_DIMENSIONS,
  DIVERSITY_GROUPS,
  NOT_PROVIDED,
  TRAINING_KIND_ORDER,
} from './annual-report.types';
import type {
  AnnualReportData,
  ClassDesignation,
  ClassesSection,
  Count,
  DiversityDecision,
  DiversityDecisionResult,
  DiversityDimension,
  DiversityGroupResult,
  DiversitySection,
  DiversityTable,
  GoalResult,
  GoalsVsResultsSection,
  MissedGoalsSection,
  NextYearGoalsSection,
  ParticipationSection,
  PipelineEntry,
  ReportAudience,
  SuppressedCount,
} from './annual-report.types';
import { adverseImpact, DEFAULT_ALPHA, FOUR_FIFTHS } from './statistics/adverse-impact.rule';
import type { GroupCount } from './statistics/adverse-impact.rule';
import { suppressSmallCells } from './statistics/small-cell-suppression.rule';

// ---------------------------------------------------------------------------------------------
// Raw input
// ---------------------------------------------------------------------------------------------

export interface ReportPeriod {
  fiscalYear: string;
  start: string;
  end: string;
  /** Headcounts are taken on this date: the FY's end, or today while the FY runs. */
  asOf: string;
  previousFiscalYear: string;
  previousStart: string;
  nextFiscalYear: string;
  calendarYear: number;
  calendarStart: string;
  calendarEnd: string;
}

export class FiscalYearNotStartedError extends Error {
  constructor(readonly fiscalYear: string) {
    super(`Fiscal year ${fiscalYear} has not started yet`);
    this.name = 'FiscalYearNotStartedError';
  }
}

/**
 * The dates of the report of `fiscalYear` generated on `today`. The statutory calendar year is
 * the year in which the FY starts: the last calendar year that has ended before the FY ends.
 */
export function reportPeriod(fiscalYear: string, today: string): ReportPeriod {
  const fy = parseFiscalYear(fiscalYear);
  if (today < fy.start) throw new FiscalYearNotStartedError(fiscalYear);
  const previous = parseFiscalYear(previousFiscalYear(fiscalYear));
  const calendar = calendarYearRange(fy.startYear);
  return {
    fiscalYear,
    start: fy.start,
    end: fy.end,
    asOf: today < fy.end ? today : fy.end,
    previousFiscalYear: previous.label,
    previousStart: previous.start,
    nextFiscalYear: nextFiscalYear(fiscalYear),
    calendarYear: fy.startYear,
    calendarStart: calendar.start,
    calendarEnd: calendar.end,
  };
}

export interface GoalRow {
  fiscalYear: string;
  moveGoal: number;
  moveGoalsByClass: { classCode: string; count: number }[];
  participantGoal: number;
  planGoal: number;
  trainingHoursGoal: number;
  apprenticeGoal: number | null;
  budget: number | null;
  narrative: string;
  missedGoalsExplanation: string | null;
  twoYearPlan: string | null;
}

export interface ProgramCountsRaw {
  applicationsReceived: number;
  applicationsAccepted: number;
  applicationsWaitlisted: number;
  applicationsDeclined: number;
  participantsDuringYear: number;
  participantsWithdrawn: number;
  participantsWithApprovedPlan: number;
  conversationsHeld: number;
  conversationEmployees: number;
  trainingPeople: number;
  trainingRecords: number;
  trainingHours: number;
  trainingStateTimeHours: number;
  trainingOwnTimeHours: number;
  trainingCost: number;
  tdAssignments: number;
  tdEmployees: number;
}

export interface MoveTotalsRaw {
  fiscalYearMoves: number;
  fiscalYearEmployees: number;
  calendarYearMoves: number;
  calendarYearEmployees: number;
  previousFiscalYearMoves: number;
}

export interface PipelineRaw {
  classCode: string;
  title: string;
  /** Null when no rules of the class are in force on the as-of date. */
  counts: {
    evaluated: number;
    eligible: number;
    examEligible: number;
    within3Months: number;
    within6Months: number;
    within12Months: number;
    unusable: number;
  } | null;
}

/**
 * Employees in LPEL/bridging classes during the FY who share one combination of answers,
 * with how many of them were in each pool and selected by each decision.
 */
export interface DemographicCell {
  /** Distinct codes; empty when none were given. */
  ethnicities: string[];
  gender: string | null;
  disability: string | null;
  veteran: string | null;
  employees: number;
  /** Had an application decided (accepted, waitlisted, declined) in the FY. */
  applicants: number;
  /** Of the applicants, accepted. */
  accepted: number;
  /** Formal participants during the FY. */
  participants: number;
  /** Of the participants, holding an approved (or completed) plan. */
  withApprovedPlan: number;
  trained: number;
  tdAssigned: number;
  appointed: number;
}

export interface AnnualReportRaw {
  period: ReportPeriod;
  /** ISO instant. */
  generatedAt: string;
  certification: { version: number; certifiedAt: string; certifiedByName: string } | null;
  department: {
    id: string;
    code: string;
    name: string;
    coordinatorName: string | null;
    smallCellThreshold: number;
  };
  classes: {
    classCode: string;
    title: string;
    designation: ClassDesignation;
    ladderTargetClassCodes: string[];
    activeEmployees: number;
  }[];
  program: ProgramCountsRaw;
  trainingHoursByKind: { kind: string; hours: number }[];
  movesByClass: {
    classCode: string;
    title: string;
    fiscalYearMoves: number;
    calendarYearMoves: number;
  }[];
  moveTotals: MoveTotalsRaw;
  goals: { previous: GoalRow | null; current: GoalRow | null; next: GoalRow | null };
  pipeline: PipelineRaw[];
  demographics: DemographicCell[];
}

// ---------------------------------------------------------------------------------------------
// Disclosure: all counts shown, or small ones hidden
// ---------------------------------------------------------------------------------------------

const SUPPRESSED: SuppressedCount = { value: null, suppressed: true };

export function isSuppressed(count: Count): count is SuppressedCount {
  return typeof count !== 'number';
}

interface DisclosedTable {
  cells: Count[][];
  rowTotals: Count[];
  columnTotals: Count[];
  grandTotal: Count;
}

class Disclosure {
  constructor(
    readonly suppress: boolean,
    readonly threshold: number,
  ) {}

  count(value: number): Count {
    return this.suppress && value > 0 && value < this.threshold ? { ...SUPPRESSED } : value;
  }

  /** A sum shown beside its parts: hidden when a part is, or when small itself. */
  sum(value: number, parts: readonly Count[]): Count {
    return parts.some(isSuppressed) ? { ...SUPPRESSED } : this.count(value);
  }

  table(rows: readonly string[], columns: readonly string[], cells: number[][]): DisclosedTable {
    if (!this.suppress) {
      const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
      const columnTotals = columns.map((_, c) => cells.reduce((a, row) => a + row[c], 0));
      return { cells, rowTotals, columnTotals, grandTotal: rowTotals.reduce((a, b) => a + b, 0) };
    }
    const out = suppressSmallCells({ rows, columns, cells }, { threshold: this.threshold });
    const shown = (value: number | null): Count => (value === null ? { ...SUPPRESSED } : value);
    return {
      cells: out.cells.map((row) => row.map(shown)),
      rowTotals: out.rowTotals.map(shown),
      columnTotals: out.columnTotals.map(shown),
      grandTotal: shown(out.grandTotal),
    };
  }
}

const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};
const money = (value: number): number => round(value, 2);

// ---------------------------------------------------------------------------------------------
// The builder
// ---------------------------------------------------------------------------------------------

export function buildAnnualReport(raw: AnnualReportRaw, audience: ReportAudience): AnnualReportData {
  const disclosure = new Disclosure(audience === 'oversight', raw.department.smallCellThreshold);
  const classes = classesSection(raw, disclosure);
  const goals = goalsVsResults(raw, disclosure);
  return {
    schemaVersion: ANNUAL_REPORT_SCHEMA_VERSION,
    kind: ANNUAL_REPORT_KIND,
    audience,
    disclosure: {
      smallCellThreshold: raw.department.smallCellThreshold,
      suppressionApplied: disclosure.suppress,
    },
    header: {
      departmentId: raw.department.id,
      departmentCode: raw.department.code,
      departmentName: raw.department.name,
      fiscalYear: raw.period.fiscalYear,
      periodStart: raw.period.start,
      periodEnd: raw.period.end,
      asOf: raw.period.asOf,
      statutoryCalendarYear: raw.period.calendarYear,
      coordinatorName: raw.department.coordinatorName,
      generatedAt: raw.generatedAt,
      status: raw.certification ? 'CERTIFIED' : 'DRAFT',
      version: raw.certification?.version ?? null,
      certifiedAt: raw.certification?.certifiedAt ?? null,
      certifiedByName: raw.certification?.certifiedByName ?? null,
    },
    classes,
    participation: participationSection(raw, disclosure, classes),
    goalsVsResults: goals,
    missedGoals: missedGoalsSection(raw, disclosure, goals),
    nextYearGoals: nextYearGoalsSection(raw),
    pipeline: raw.pipeline.map((entry) => pipelineEntry(entry, disclosure)),
    diversity: diversitySection(raw.demographics, disclosure),
  };
}

const DESIGNATION_ORDER: readonly ClassDesignation[] = ['LPEL', 'BRIDGING', 'ELTPA'];

/** One single-column table per designation: each class's headcount, the total below. */
function classesSection(raw: AnnualReportRaw, disclosure: Disclosure): ClassesSection {
  const shown = new Map<string, Count>();
  const totals = {} as Record<ClassDesignation, Count>;
  for (const designation of DESIGNATION_ORDER) {
    const members = raw.classes.filter((c) => c.designation === designation);
    const table = disclosure.table(
      members.map((c) => c.classCode),
      ['employees'],
      members.map((c) => [c.activeEmployees]),
    );
    members.forEach((c, index) => shown.set(c.classCode, table.cells[index][0]));
    totals[designation] = table.columnTotals[0];
  }
  const all = raw.classes.reduce((sum, c) => sum + c.activeEmployees, 0);
  return {
    classes: raw.classes.map((c) => ({
      classCode: c.classCode,
      title: c.title,
      designation: c.designation,
      ladderTargetClassCodes: [...c.ladderTargetClassCodes],
      activeEmployees: shown.get(c.classCode) ?? disclosure.count(c.activeEmployees),
    })),
    activeEmployees: {
      ...totals,
      allDesignated: disclosure.sum(all, Object.values(totals)),
    },
  };
}

function participationSection(
  raw: AnnualReportRaw,
  disclosure: Disclosure,
  classes: ClassesSection,
): ParticipationSection {
  const p = raw.program;
  const c = (value: number): Count => disclosure.count(value);
  const lpelOrBridgingOnAsOf = raw.classes
    .filter((cls) => cls.designation !== 'ELTPA')
    .reduce((sum, cls) => sum + cls.activeEmployees, 0);
  const hoursByKind = new Map(raw.trainingHoursByKind.map((row) => [row.kind, row.hours]));
  const budget = raw.goals.current?.budget ?? null;
  return {
    employeesInLpelOrBridging: {
      onAsOf: disclosure.sum(lpelOrBridgingOnAsOf, [
        classes.activeEmployees.LPEL,
        classes.activeEmployees.BRIDGING,
      ]),
      duringYear: c(raw.demographics.reduce((sum, cell) => sum + cell.employees, 0)),
    },
    applications: {
      received: c(p.applicationsReceived),
      accepted: c(p.applicationsAccepted),
      waitlisted: c(p.applicationsWaitlisted),
      declined: c(p.applicationsDeclined),
    },
    participants: {
      duringYear: c(p.participantsDuringYear),
      withdrawnInYear: c(p.participantsWithdrawn),
      withApprovedPlan: c(p.participantsWithApprovedPlan),
    },
    careerConversations: { held: c(p.conversationsHeld), employees: c(p.conversationEmployees) },
    training: {
      people: c(p.trainingPeople),
      records: c(p.trainingRecords),
      verifiedHours: money(p.trainingHours),
      stateTimeHours: money(p.trainingStateTimeHours),
      ownTimeHours: money(p.trainingOwnTimeHours),
      hoursByKind: TRAINING_KIND_ORDER.map((kind) => ({
        kind,
        hours: money(hoursByKind.get(kind) ?? 0),
      })),
    },
    tdAssignments: { active: c(p.tdAssignments), employees: c(p.tdEmployees) },
    budget: {
      budget,
      spending: money(p.trainingCost),
      remaining: budget === null ? null : money(budget - p.trainingCost),
    },
  };
}

/** Whether a goal was met; null without a goal, and null when the count itself is hidden:
 * "not met" next to a hidden count would narrow it down (goal 2, not met: the count is 1). */
function goalMet(goal: number | null, actual: number, shown: Count): boolean | null {
  return goal === null || isSuppressed(shown) ? null : actual >= goal;
}

function goalResult(goal: number | null, actual: number, shown: Count): GoalResult {
  return { goal, actual: shown, met: goalMet(goal, actual, shown) };
}

/** Moves by target class: every class with a goal or a move, in class code order. */
function goalsVsResults(raw: AnnualReportRaw, disclosure: Disclosure): GoalsVsResultsSection {
  const goal = raw.goals.current;
  const classGoals = new Map((goal?.moveGoalsByClass ?? []).map((g) => [g.classCode, g.count]));
  const titles = new Map(raw.classes.map((c) => [c.classCode, c.title]));
  const moved = new Map(raw.movesByClass.map((m) => [m.classCode, m]));
  const codes = [...new Set([...moved.keys(), ...classGoals.keys()])].sort();
  const table = disclosure.table(codes, ['fiscalYear', 'calendarYear'], codes.map((code) => [
    moved.get(code)?.fiscalYearMoves ?? 0,
    moved.get(code)?.calendarYearMoves ?? 0,
  ]));
  const totals = raw.moveTotals;
  const moveGoal = goal?.moveGoal ?? null;
  // The column total equals the fiscal year's moves: every move has a target class.
  const fiscalYearMovesShown =
    codes.length > 0 ? table.columnTotals[0] : disclosure.count(totals.fiscalYearMoves);
  return {
    goalRecorded: goal !== null,
    moves: {
      goal: moveGoal,
      fiscalYear: {
        moves: fiscalYearMovesShown,
        employees: disclosure.count(totals.fiscalYearEmployees),
        met: goalMet(moveGoal, totals.fiscalYearMoves, fiscalYearMovesShown),
      },
      calendarYear: {
        year: raw.period.calendarYear,
        moves: codes.length > 0 ? table.columnTotals[1] : disclosure.count(totals.calendarYearMoves),
        employees: disclosure.count(totals.calendarYearEmployees),
      },
      byTargetClass: codes.map((code, index) => ({
        classCode: code,
        title: moved.get(code)?.title ?? titles.get(code) ?? '',
        goal: classGoals.get(code) ?? null,
        fiscalYearMoves: table.cells[index][0],
        calendarYearMoves: table.cells[index][1],
      })),
    },
    participants: goalResult(
      goal?.participantGoal ?? null,
      raw.program.participantsDuringYear,
      disclosure.count(raw.program.participantsDuringYear),
    ),
    plans: goalResult(
      goal?.planGoal ?? null,
      raw.program.participantsWithApprovedPlan,
      disclosure.count(raw.program.participantsWithApprovedPlan),
    ),
    trainingHours: {
      goal: goal ? goal.trainingHoursGoal : null,
      actual: money(raw.program.trainingHours),
      met: goal ? raw.program.trainingHours >= goal.trainingHoursGoal : null,
    },
  };
}

/** Field names of the goal record that must carry the response, e.g. `goals[2026-27].twoYearPlan`. */
function missedGoalsSection(
  raw: AnnualReportRaw,
  disclosure: Disclosure,
  goals: GoalsVsResultsSection,
): MissedGoalsSection {
  const { period } = raw;
  const thisYear = {
    fiscalYear: period.fiscalYear,
    moveGoal: raw.goals.current?.moveGoal ?? null,
    actualMoves: raw.moveTotals.fiscalYearMoves,
  };
  const lastYear = {
    fiscalYear: period.previousFiscalYear,
    moveGoal: raw.goals.previous?.moveGoal ?? null,
    actualMoves: raw.moveTotals.previousFiscalYearMoves,
  };
  const missedBoth = missedBothPreviousYears([thisYear, lastYear]);
  const next = raw.goals.next;
  const problems = missedGoalsProblems(missedBoth, next ?? {}).map((problem) => ({
    field: `goals[${period.nextFiscalYear}].${problem.field}`,
    message: next
      ? problem.message
      : `${problem.message}; record the ${period.nextFiscalYear} goals with it`,
  }));
  return {
    years: [
      { ...thisYear, actualMoves: goals.moves.fiscalYear.moves, missed: moveGoalMissed(thisYear) },
      {
        ...lastYear,
        actualMoves: disclosure.count(lastYear.actualMoves),
        missed: moveGoalMissed(lastYear),
      },
    ],
    missedTwoYearsInARow: missedBoth,
    responseFiscalYear: period.nextFiscalYear,
    explanation: next?.missedGoalsExplanation ?? null,
    twoYearPlan: next?.twoYearPlan ?? null,
    problems,
  };
}

function nextYearGoalsSection(raw: AnnualReportRaw): NextYearGoalsSection {
  const next = raw.goals.next;
  return {
    fiscalYear: raw.period.nextFiscalYear,
    recorded: next !== null,
    moveGoal: next?.moveGoal ?? null,
    moveGoalsByClass: (next?.moveGoalsByClass ?? []).map(({ classCode, count }) => ({
      classCode,
      count,
    })),
    participantGoal: next?.participantGoal ?? null,
    planGoal: next?.planGoal ?? null,
    trainingHoursGoal: next ? next.trainingHoursGoal : null,
    apprenticeGoal: next?.apprenticeGoal ?? null,
    budget: next?.budget ?? null,
    narrative: next?.narrative ?? null,
  };
}

function pipelineEntry(entry: PipelineRaw, disclosure: Disclosure): PipelineEntry {
  const c = (value: number | undefined): Count => disclosure.count(value ?? 0);
  const counts = entry.counts;
  return {
    classCode: entry.classCode,
    title: entry.title,
    rulesInForce: counts !== null,
    evaluated: c(counts?.evaluated),
    eligible: c(counts?.eligible),
    examEligible: c(counts?.examEligible),
    within3Months: c(counts?.within3Months),
    within6Months: c(counts?.within6Months),
    within12Months: c(counts?.within12Months),
    unusableRecords: c(counts?.unusable),
  };
}

// ---------------------------------------------------------------------------------------------
// Diversity
// ---------------------------------------------------------------------------------------------

interface DecisionDefinition {
  selection: string;
  pool: string;
  selected: (cell: DemographicCell) => number;
  total: (cell: DemographicCell) => number;
}

const DECISIONS: Record<DiversityDecision, DecisionDefinition> = {
  acceptedIntoProgram: {
    selection: 'Application accepted',
    pool: 'Had an application decided (accepted, waitlisted or declined) in the fiscal year',
    selected: (cell) => cell.accepted,
    total: (cell) => cell.applicants,
  },
  approvedPlan: {
    selection: 'Holds an approved (or completed) career development plan',
    pool: 'Formal participants during the fiscal year',
    selected: (cell) => cell.withApprovedPlan,
    total: (cell) => cell.participants,
  },
  trainingVerified: {
    selection: 'Completed verified training in the fiscal year',
    pool: 'Employees in LPEL or bridging classes during the fiscal year',
    selected: (cell) => cell.trained,
    total: (cell) => cell.employees,
  },
  tdAssignment: {
    selection: 'On a training and development assignment during the fiscal year',
    pool: 'Employees in LPEL or bridging classes during the fiscal year',
    selected: (cell) => cell.tdAssigned,
    total: (cell) => cell.employees,
  },
  appointedToEltpa: {
    selection: 'Appointed to an ELTPA class by an upward mobility move in the fiscal year',
    pool: 'Employees in LPEL or bridging classes during the fiscal year',
    selected: (cell) => cell.appointed,
    total: (cell) => cell.employees,
  },
};

/**
 * The groups a cell's people belong to in one dimension. Ethnicity: each distinct group of the
 * codes given (a person with several counts in each; Asian and Pacific Islander subgroups roll
 * up to their group); nothing given = NOT_PROVIDED. DECLINED is a group like any other.
 */
export function groupsOf(cell: DemographicCell, dimension: DiversityDimension): string[] {
  if (dimension === 'ethnicity' || dimension === 'ethnicitySubgroup') {
    if (cell.ethnicities.length === 0) return [NOT_PROVIDED];
    if (dimension === 'ethnicitySubgroup') return [...new Set(cell.ethnicities)];
    return [...new Set(cell.ethnicities.map((code) => ethnicityGroup(code as EthnicityCode)))];
  }
  return [cell[dimension] ?? NOT_PROVIDED];
}

function diversitySection(cells: readonly DemographicCell[], disclosure: Disclosure): DiversitySection {
  const decisions = {} as Record<DiversityDecision, DiversityDecisionResult>;
  for (const decision of DIVERSITY_DECISIONS) {
    const definition = DECISIONS[decision];
    const byDimension = {} as Record<DiversityDimension, DiversityTable>;
    for (const dimension of DIVERSITY_DIMENSIONS) {
      byDimension[dimension] = diversityTable(cells, dimension, definition, disclosure);
    }
    decisions[decision] = { selection: definition.selection, pool: definition.pool, byDimension };
  }
  return { fourFifths: FOUR_FIFTHS, alpha: DEFAULT_ALPHA, decisions };
}

function diversityTable(
  cells: readonly DemographicCell[],
  dimension: DiversityDimension,
  definition: DecisionDefinition,
  disclosure: Disclosure,
): DiversityTable {
  const counts = new Map<string, { selected: number; total: number }>(
    DIVERSITY_GROUPS[dimension].map((group) => [group, { selected: 0, total: 0 }]),
  );
  for (const cell of cells) {
    for (const group of groupsOf(cell, dimension)) {
      // An answer outside the known list is kept as a group of its own, after the others.
      const entry = counts.get(group) ?? { selected: 0, total: 0 };
      entry.selected += definition.selected(cell);
      entry.total += definition.total(cell);
      counts.set(group, entry);
    }
  }
  return diversityTableOf(
    [...counts].map(([group, count]) => ({ group, ...count })),
    disclosure,
  );
}

/**
 * The diversity section from counts already summed per decision, dimension and group (the
 * statewide roll-up adds up departments' certified counts), small cells hidden when `suppress`.
 */
export function diversitySectionFromCounts(
  counts: Record<DiversityDecision, Record<DiversityDimension, readonly GroupCount[]>>,
  suppress: boolean,
  threshold: number,
): DiversitySection {
  const disclosure = new Disclosure(suppress, threshold);
  const decisions = {} as Record<DiversityDecision, DiversityDecisionResult>;
  for (const decision of DIVERSITY_DECISIONS) {
    const byDimension = {} as Record<DiversityDimension, DiversityTable>;
    for (const dimension of DIVERSITY_DIMENSIONS) {
      byDimension[dimension] = diversityTableOf(counts[decision][dimension], disclosure);
    }
    const { selection, pool } = DECISIONS[decision];
    decisions[decision] = { selection, pool, byDimension };
  }
  return { fourFifths: FOUR_FIFTHS, alpha: DEFAULT_ALPHA, decisions };
}

/** The decision's words (who is selected, out of whom). */
export function decisionDefinition(decision: DiversityDecision): { selection: string; pool: string } {
  const { selection, pool } = DECISIONS[decision];
  return { selection, pool };
}

function diversityTableOf(counted: readonly GroupCount[], disclosure: Disclosure): DiversityTable {
  const counts = new Map(counted.map(({ group, selected, total }) => [group, { selected, total }]));
  const groups = [...counts.keys()];
  const impact = adverseImpact(groups.map((group) => ({ group, ...counts.get(group)! })));
  const table = disclosure.table(
    groups,
    ['selected', 'notSelected'],
    impact.groups.map((g) => [g.selected, g.total - g.selected]),
  );
  const hidden = groups.map(
    (_, index) => isSuppressed(table.cells[index][0]) || isSuppressed(table.rowTotals[index]),
  );
  const referenceIndex = impact.groups.findIndex((g) => g.isReference);
  const referenceHidden = referenceIndex >= 0 && hidden[referenceIndex];

  const results: DiversityGroupResult[] = impact.groups.map((g, index) => {
    if (hidden[index]) {
      return {
        group: g.group,
        selected: table.cells[index][0],
        total: table.rowTotals[index],
        rate: null,
        isReference: g.isReference,
        impactRatio: null,
        fourFifthsFlag: null,
        test: null,
        pValue: null,
        significant: null,
        suppressed: true,
      };
    }
    return {
      group: g.group,
      selected: table.cells[index][0],
      total: table.rowTotals[index],
      rate: g.rate === null ? null : round(g.rate, 4),
      isReference: g.isReference,
      impactRatio: g.impactRatio === null || referenceHidden ? null : round(g.impactRatio, 4),
      fourFifthsFlag: g.fourFifthsFlag,
      test: g.test,
      pValue: g.pValue === null ? null : Number(g.pValue.toPrecision(6)),
      significant: g.significant,
      suppressed: false,
    };
  });
  return {
    referenceGroup: impact.referenceGroup,
    referenceRate:
      impact.referenceRate === null || referenceHidden ? null : round(impact.referenceRate, 4),
    groups: results,
    totals: {
      selected: table.columnTotals[0],
      notSelected: table.columnTotals[1],
      total: table.grandTotal,
    },
  };
}
