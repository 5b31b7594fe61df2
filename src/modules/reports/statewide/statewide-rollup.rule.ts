/**
 * Builds the statewide roll-up from departments' certified annual reports. Pure.
 *
 * - Due date: the first date with the department's month-day (statute: July 1) after the fiscal
 *   year's last day, e.g. FY 2025-26 with 07-01 -> 2026-07-01.
 * - Counts per department are hidden as one column per figure (departments x 1) with the
 *   suppression rule, so the statewide total can stay visible: where it would reveal a single
 *   hidden department, a second one is hidden too.
 * - Diversity: the departments' group counts (department audience, all shown) are added up per
 *   decision, dimension and group, then rates, impact ratios and significance are computed on
 *   the sums and small cells hidden.
 * - Threshold: the largest of the default (5) and every department's own threshold, so no
 *   department's figures are shown more finely than it allows.
 */
import { diversitySectionFromCounts } from '../annual-report.builder';
import {
  DIVERSITY_DECISIONS,
  DIVERSITY_DIMENSIONS,
  DIVERSITY_GROUPS,
} from '../annual-report.types';
import type {
  AnnualReportData,
  Count,
  DiversityDecision,
  DiversityDimension,
} from '../annual-report.types';
import type { GroupCount } from '../statistics/adverse-impact.rule';
import {
  DEFAULT_SUPPRESSION_THRESHOLD,
  suppressSmallCells,
} from '../statistics/small-cell-suppression.rule';
import { STATEWIDE_COUNT_COLUMNS, STATEWIDE_ROLLUP_KIND, STATEWIDE_ROLLUP_SCHEMA_VERSION } from './statewide-rollup.types';
import type {
  StatewideCountColumn,
  StatewideDepartmentRow,
  StatewideRollupData,
  Timeliness,
} from './statewide-rollup.types';

export interface CertifiedReportRaw {
  version: number;
  /** California calendar date of the first certification. */
  certifiedOn: string;
  /** The certified data, department audience (every count shown). */
  data: AnnualReportData;
}

export interface StatewideDepartmentRaw {
  code: string;
  name: string;
  reportDueMonthDay: string;
  smallCellThreshold: number;
  certified: CertifiedReportRaw | null;
}

export interface StatewideRollupRaw {
  fiscalYear: string;
  periodStart: string;
  periodEnd: string;
  /** Today in California. */
  today: string;
  generatedAt: string;
  departments: readonly StatewideDepartmentRaw[];
}

/** The first `MM-DD` strictly after the fiscal year's last day. */
export function reportDueDate(periodEnd: string, monthDay: string): string {
  if (!/^\d{2}-\d{2}$/.test(monthDay)) throw new RangeError(`due month-day ${monthDay} is not MM-DD`);
  const year = Number(periodEnd.slice(0, 4));
  const sameYear = `${year}-${monthDay}`;
  return sameYear > periodEnd ? sameYear : `${year + 1}-${monthDay}`;
}

export function timelinessOf(dueDate: string, certifiedOn: string | null, today: string): Timeliness {
  if (certifiedOn !== null) return certifiedOn <= dueDate ? 'ON_TIME' : 'LATE';
  return today > dueDate ? 'OVERDUE' : 'NOT_YET_DUE';
}

/** A count of the certified (department-audience) data; suppressed markers never occur there. */
function shownNumber(count: Count): number {
  if (typeof count !== 'number') {
    throw new RangeError('A certified department-audience report holds a suppressed count');
  }
  return count;
}

function countsOf(data: AnnualReportData): Record<StatewideCountColumn, number> {
  const { participation, goalsVsResults } = data;
  return {
    employeesInLpelOrBridging: shownNumber(participation.employeesInLpelOrBridging.duringYear),
    participants: shownNumber(participation.participants.duringYear),
    withApprovedPlan: shownNumber(participation.participants.withApprovedPlan),
    trainingPeople: shownNumber(participation.training.people),
    fiscalYearMoves: shownNumber(goalsVsResults.moves.fiscalYear.moves),
    calendarYearMoves: shownNumber(goalsVsResults.moves.calendarYear.moves),
  };
}

const SUPPRESSED: Count = { value: null, suppressed: true };
const shown = (value: number | null): Count => (value === null ? { ...SUPPRESSED } : value);

export function buildStatewideRollup(raw: StatewideRollupRaw): StatewideRollupData {
  const threshold = Math.max(
    DEFAULT_SUPPRESSION_THRESHOLD,
    ...raw.departments.map((department) => department.smallCellThreshold),
  );
  const departments = [...raw.departments].sort((a, b) => a.code.localeCompare(b.code));
  const certified = departments.filter(
    (department): department is StatewideDepartmentRaw & { certified: CertifiedReportRaw } =>
      department.certified !== null,
  );
  const rawCounts = certified.map((department) => countsOf(department.certified.data));

  // One departments x 1 table per figure: hidden cells, and the total kept visible when it can be.
  const hiddenCounts = new Map<string, Record<StatewideCountColumn, Count>>();
  const totals = {} as Record<StatewideCountColumn, Count>;
  for (const column of STATEWIDE_COUNT_COLUMNS) {
    const rows = certified.map((department) => department.code);
    if (rows.length === 0) {
      totals[column] = 0;
      continue;
    }
    const table = suppressSmallCells(
      { rows, columns: [column], cells: rawCounts.map((counts) => [counts[column]]) },
      { threshold },
    );
    totals[column] = shown(table.grandTotal);
    rows.forEach((code, index) => {
      const entry = hiddenCounts.get(code) ?? ({} as Record<StatewideCountColumn, Count>);
      entry[column] = shown(table.cells[index][0]);
      hiddenCounts.set(code, entry);
    });
  }

  const rows: StatewideDepartmentRow[] = departments.map((department) => {
    const dueDate = reportDueDate(raw.periodEnd, department.reportDueMonthDay);
    const report = department.certified;
    const moves = report?.data.goalsVsResults.moves;
    const counts = report ? (hiddenCounts.get(department.code) ?? null) : null;
    return {
      departmentCode: department.code,
      departmentName: department.name,
      dueDate,
      certified: report !== null,
      certifiedVersion: report?.version ?? null,
      certifiedOn: report?.certifiedOn ?? null,
      timeliness: timelinessOf(dueDate, report?.certifiedOn ?? null, raw.today),
      moveGoal: moves?.goal ?? null,
      // "Not met" beside a hidden count would narrow it down: hidden with it.
      moveGoalMet:
        counts !== null && typeof counts.fiscalYearMoves !== 'number'
          ? null
          : (moves?.fiscalYear.met ?? null),
      verifiedTrainingHours: report?.data.participation.training.verifiedHours ?? null,
      counts,
    };
  });

  const byTimeliness: Record<Timeliness, number> = {
    ON_TIME: 0,
    LATE: 0,
    OVERDUE: 0,
    NOT_YET_DUE: 0,
  };
  for (const row of rows) byTimeliness[row.timeliness] += 1;
  const goals = rows.filter((row) => row.certified && row.moveGoal !== null);

  return {
    schemaVersion: STATEWIDE_ROLLUP_SCHEMA_VERSION,
    kind: STATEWIDE_ROLLUP_KIND,
    fiscalYear: raw.fiscalYear,
    periodStart: raw.periodStart,
    periodEnd: raw.periodEnd,
    asOf: raw.today,
    generatedAt: raw.generatedAt,
    disclosure: { smallCellThreshold: threshold, suppressionApplied: true },
    summary: {
      departments: rows.length,
      certified: certified.length,
      byTimeliness,
      moveGoal: goals.reduce((sum, row) => sum + (row.moveGoal ?? 0), 0),
      departmentsMeetingMoveGoal: goals.filter((row) => row.moveGoalMet === true).length,
      departmentsMissingMoveGoal: goals.filter((row) => row.moveGoalMet === false).length,
      verifiedTrainingHours:
        Math.round(rows.reduce((sum, row) => sum + (row.verifiedTrainingHours ?? 0), 0) * 100) /
        100,
      counts: totals,
    },
    departments: rows,
    diversity: diversitySectionFromCounts(
      addedUpDiversity(certified.map((department) => department.certified.data)),
      true,
      threshold,
    ),
  };
}

/** Each decision x dimension x group: the departments' selected and total counts added up. */
function addedUpDiversity(
  reports: readonly AnnualReportData[],
): Record<DiversityDecision, Record<DiversityDimension, GroupCount[]>> {
  const out = {} as Record<DiversityDecision, Record<DiversityDimension, GroupCount[]>>;
  for (const decision of DIVERSITY_DECISIONS) {
    out[decision] = {} as Record<DiversityDimension, GroupCount[]>;
    for (const dimension of DIVERSITY_DIMENSIONS) {
      const sums = new Map<string, GroupCount>(
        DIVERSITY_GROUPS[dimension].map((group) => [group, { group, selected: 0, total: 0 }]),
      );
      for (const report of reports) {
        // A report certified before a dimension existed (older schema) adds nothing to it.
        const table = report.diversity.decisions[decision].byDimension[dimension] as
          | (typeof report.diversity.decisions)[DiversityDecision]['byDimension'][DiversityDimension]
          | undefined;
        for (const group of table?.groups ?? []) {
          const sum = sums.get(group.group) ?? { group: group.group, selected: 0, total: 0 };
          sum.selected += shownNumber(group.selected);
          sum.total += shownNumber(group.total);
          sums.set(group.group, sum);
        }
      }
      out[decision][dimension] = [...sums.values()];
    }
  }
  return out;
}
