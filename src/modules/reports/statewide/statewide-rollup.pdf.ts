/**
 * The printable statewide roll-up of one fiscal year (oversight's view of every department's
 * latest certified annual report): a cover, the contents, then 1 Summary, 2 Departments,
 * 3 Departments late or overdue, 4 Diversity and adverse impact.
 *
 * Notation as in the annual report (same formatters): a count hidden by small-cell suppression
 * prints as "suppressed", a figure that does not apply as "n/a"; a department that has not
 * certified prints "not certified" and "-" for the figures it has not submitted.
 *
 * Every page's footer carries the SHA-256 of the roll-up's data file, so a paper copy can be
 * checked against it. Byte-identical for the same data: the PDF is dated `generatedAt`.
 */
import type {
  Count,
} from '../annual-report.types';
import { isSuppressed } from '../annual-report.builder';
import {
  formatCount,
  formatDate,
  formatGoal,
  formatHours,
  formatInstant,
  NOT_APPLICABLE,
  SUPPRESSED_MARK,
  writeDiversitySection,
  yesNo,
} from '../rendering/annual-report.pdf';
import { formatInteger, ReportPdf } from '../rendering/pdf-document';
import type { BarValue, KeyValue, TableColumn } from '../rendering/pdf-document';
import { STATEWIDE_COUNT_COLUMNS, TIMELINESS } from './statewide-rollup.types';
import type {
  StatewideCountColumn,
  StatewideDepartmentRow,
  StatewideRollupData,
  Timeliness,
} from './statewide-rollup.types';

export interface StatewideRollupPdfOptions {
  /** SHA-256 (hex) of the roll-up's data file (its JSON rendering). */
  dataSha256: string;
}

export const STATEWIDE_ROLLUP_TITLE = 'Upward Mobility Program - Statewide Roll-up';
export const ROLLUP_BASIS = 'latest certified annual report of each department';
/** What a department without a certified report prints in the departments table. */
const NOT_CERTIFIED = 'not certified';
/** A figure a department has not submitted (no certified report). */
const NOT_SUBMITTED = '-';
/** The goal-vs-moves chart shows the certified departments with the largest goals only. */
const GOAL_CHART_DEPARTMENTS = 15;

export const TIMELINESS_LABEL: Record<Timeliness, string> = {
  ON_TIME: 'On time',
  LATE: 'Late',
  OVERDUE: 'Overdue',
  NOT_YET_DUE: 'Not yet due',
};

export const STATEWIDE_COUNT_LABEL: Record<StatewideCountColumn, string> = {
  employeesInLpelOrBridging: 'Employees in LPEL or bridging classes during the fiscal year',
  participants: 'Participants during the fiscal year',
  withApprovedPlan: 'Participants with an approved career development plan',
  trainingPeople: 'Employees with verified training',
  fiscalYearMoves: 'Upward mobility moves in the fiscal year',
  calendarYearMoves: 'Upward mobility moves in the statutory calendar year',
};

/** The statutory calendar year of the moves: the year in which the fiscal year starts. */
export function statutoryCalendarYear(data: StatewideRollupData): number {
  return Number(data.periodStart.slice(0, 4));
}

/** Whole days from one calendar date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  const utc = (iso: string) =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** "v2, 2026-06-15": the latest certified version and the date the department first certified. */
function certifiedText(row: StatewideDepartmentRow): string {
  if (!row.certified) return NOT_CERTIFIED;
  return `v${row.certifiedVersion ?? NOT_APPLICABLE}, ${row.certifiedOn ?? NOT_APPLICABLE}`;
}

/** The departments table's cells of one department, in column order. */
function departmentCells(row: StatewideDepartmentRow): string[] {
  const head = [row.departmentCode, row.departmentName, row.dueDate, certifiedText(row)];
  const timeliness = TIMELINESS_LABEL[row.timeliness];
  const counts = row.counts;
  if (!row.certified || counts === null) {
    return [...head, timeliness, ...Array<string>(9).fill(NOT_SUBMITTED)];
  }
  return [
    ...head,
    timeliness,
    formatGoal(row.moveGoal),
    formatCount(counts.fiscalYearMoves),
    formatCount(counts.calendarYearMoves),
    yesNo(row.moveGoalMet),
    formatCount(counts.participants),
    formatCount(counts.withApprovedPlan),
    formatCount(counts.employeesInLpelOrBridging),
    formatCount(counts.trainingPeople),
    row.verifiedTrainingHours === null ? NOT_APPLICABLE : formatHours(row.verifiedTrainingHours),
  ];
}

/** The certified departments with a move goal, largest goal first (then by code), at most `limit`. */
function largestGoals(
  data: StatewideRollupData,
  limit = GOAL_CHART_DEPARTMENTS,
): StatewideDepartmentRow[] {
  return data.departments
    .filter((row) => row.certified && row.counts !== null && row.moveGoal !== null)
    .sort(
      (a, b) =>
        (b.moveGoal ?? 0) - (a.moveGoal ?? 0) || a.departmentCode.localeCompare(b.departmentCode),
    )
    .slice(0, limit);
}

const chartValue = (count: Count): BarValue =>
  isSuppressed(count) ? { missing: SUPPRESSED_MARK } : count;

const DEPARTMENTS_FONT_SIZE = 6;

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

export async function renderStatewideRollupPdf(
  data: StatewideRollupData,
  options: StatewideRollupPdfOptions,
): Promise<Buffer> {
  if (!/^[0-9a-f]{64}$/i.test(options.dataSha256)) {
    throw new RangeError('renderStatewideRollupPdf: dataSha256 must be 64 hex digits');
  }
  const pdf = new ReportPdf({
    title: `${STATEWIDE_ROLLUP_TITLE} - FY ${data.fiscalYear}`,
    subject: `Every department's certified annual Upward Mobility report, FY ${data.fiscalYear}`,
    keywords: `upward mobility; statewide; ${data.fiscalYear}`,
    timestamp: new Date(data.generatedAt),
    footer: {
      left: `Statewide roll-up - FY ${data.fiscalYear}`,
      secondLine: `SHA-256 of roll-up data: ${options.dataSha256.toLowerCase()}`,
    },
  });
  coverPage(pdf, data);
  summarySection(pdf, data);
  departmentsSection(pdf, data);
  lateSection(pdf, data);
  diversitySection(pdf, data);
  return pdf.toBuffer();
}

function coverPage(pdf: ReportPdf, data: StatewideRollupData): void {
  const threshold = data.disclosure.smallCellThreshold;
  const fields: KeyValue[] = [
    { key: 'Fiscal year', value: data.fiscalYear },
    { key: 'Period', value: `${formatDate(data.periodStart)} to ${formatDate(data.periodEnd)}` },
    { key: 'Timeliness as of', value: formatDate(data.asOf) },
    { key: 'Generated at', value: formatInstant(data.generatedAt) },
    { key: 'Basis', value: ROLLUP_BASIS },
    {
      key: 'Departments',
      value: `${data.summary.departments} (certified: ${data.summary.certified})`,
    },
    { key: 'Small-cell threshold', value: formatInteger(threshold) },
    { key: 'Roll-up data schema', value: `version ${data.schemaVersion}` },
  ];
  pdf.cover({
    title: STATEWIDE_ROLLUP_TITLE,
    subtitle: [`Fiscal year ${data.fiscalYear}`, 'Government Code section 19402'],
    fields,
    notes: [
      `Small-cell suppression: counts of people or moves from 1 to ${threshold - 1} are ` +
        `suppressed (threshold ${threshold}: the strictest of the departments' thresholds), ` +
        'together with any other count, rate or ratio that would reveal them. Zeros are shown. ' +
        'Hours and goals are always shown.',
      `Notation: "${SUPPRESSED_MARK}" = a count (or a figure derived from it) hidden by small-cell ` +
        `suppression; "${NOT_APPLICABLE}" = does not apply or cannot be computed (no goal set, ` +
        `nobody in the group); "${NOT_CERTIFIED}" and "${NOT_SUBMITTED}" = the department has ` +
        'not certified its annual report for the year, so it has submitted no figures.',
      'Only certified reports are added up: a figure here changes only when a department ' +
        "certifies a new version. Every page footer gives the SHA-256 of the roll-up's data " +
        'file: the printed figures can be checked against it.',
    ],
  });
}

function summarySection(pdf: ReportPdf, data: StatewideRollupData): void {
  const s = data.summary;
  const withoutGoal = s.certified - s.departmentsMeetingMoveGoal - s.departmentsMissingMoveGoal;
  pdf.section('1. Summary');
  pdf.keyValues(
    [
      { key: 'Departments', value: formatInteger(s.departments) },
      { key: 'Certified annual reports', value: formatInteger(s.certified) },
      ...TIMELINESS.map((t) => ({ key: TIMELINESS_LABEL[t], value: formatInteger(s.byTimeliness[t]) })),
    ],
    { title: `Departments and timeliness (as of ${formatDate(data.asOf)})` },
  );
  pdf.keyValues(
    [
      { key: 'Sum of the move goals', value: formatInteger(s.moveGoal) },
      { key: 'Departments meeting their move goal', value: formatInteger(s.departmentsMeetingMoveGoal) },
      { key: 'Departments missing their move goal', value: formatInteger(s.departmentsMissingMoveGoal) },
      { key: 'Departments without a move goal', value: formatInteger(withoutGoal) },
      { key: 'Verified training hours', value: formatHours(s.verifiedTrainingHours) },
    ],
    { title: 'Goals and training (certified departments)' },
  );
  pdf.keyValues(
    STATEWIDE_COUNT_COLUMNS.map((column) => ({
      key:
        column === 'calendarYearMoves'
          ? `${STATEWIDE_COUNT_LABEL[column]} ${statutoryCalendarYear(data)}`
          : STATEWIDE_COUNT_LABEL[column],
      value: formatCount(s.counts[column]),
    })),
    { title: 'Statewide totals (certified departments)', keyWidth: 0.6 },
  );
  pdf.barChart({
    title: 'Departments by timeliness',
    labels: TIMELINESS.map((t) => TIMELINESS_LABEL[t]),
    series: [{ name: 'Departments', values: TIMELINESS.map((t) => s.byTimeliness[t]) }],
    formatValue: formatInteger,
    formatTick: formatInteger,
    wholeNumbers: true,
  });
}

function departmentsSection(pdf: ReportPdf, data: StatewideRollupData): void {
  const fy = data.fiscalYear;
  const calendarYear = statutoryCalendarYear(data);
  pdf.section('2. Departments', { newPage: true });
  pdf.paragraph(
    'Each department with its latest certified annual report: the version, and the date it ' +
      'first certified (timeliness counts from that date, so a corrected version does not make ' +
      `an on-time report late). Moves are upward mobility moves in fiscal year ${fy} and in the ` +
      `statutory calendar year ${calendarYear}; counts of people are for the fiscal year.`,
    { style: 'note' },
  );
  // Widths in points (they add up to the content width, 504): every count column fits
  // "suppressed" on one line at 6 points; names may wrap.
  const count = (header: string, width = 38): TableColumn => ({ header, width, align: 'right' });
  const columns: TableColumn[] = [
    { header: 'Code', width: 22 },
    { header: 'Department', width: 56 },
    { header: 'Due date', width: 37 },
    { header: 'Certified (version, first on)', width: 47 },
    { header: 'Timeliness', width: 38 },
    { header: 'Move goal', width: 23, align: 'right' },
    count(`Moves FY ${fy}`),
    count(`Moves CY ${calendarYear}`),
    { header: 'Goal met', width: 21, align: 'center' },
    count('Participants', 41),
    count('With approved plan'),
    count('LPEL / bridging employees'),
    count('People trained'),
    { header: 'Verified hours', width: 29, align: 'right' },
  ];
  pdf.table({
    title: `Departments, fiscal year ${fy}`,
    fontSize: DEPARTMENTS_FONT_SIZE,
    columns,
    rows: data.departments.map(departmentCells),
    emptyText: 'No departments.',
  });

  const top = largestGoals(data);
  if (top.length === 0) {
    pdf.paragraph('No certified department set a move goal for the year.', { style: 'emphasis' });
    return;
  }
  const withGoal = largestGoals(data, Number.POSITIVE_INFINITY).length;
  pdf.barChart({
    title:
      withGoal > top.length
        ? `Move goal and moves in FY ${fy}: the ${top.length} largest goals of ${withGoal} departments`
        : `Move goal and moves in FY ${fy}, by department`,
    labels: top.map((row) => `${row.departmentCode} ${row.departmentName}`),
    series: [
      { name: 'Move goal', values: top.map((row) => row.moveGoal ?? { missing: NOT_APPLICABLE }) },
      {
        name: `Moves in FY ${fy}`,
        values: top.map((row) =>
          row.counts ? chartValue(row.counts.fiscalYearMoves) : { missing: NOT_SUBMITTED },
        ),
      },
    ],
    formatValue: formatInteger,
    formatTick: formatInteger,
    wholeNumbers: true,
  });
}

function lateSection(pdf: ReportPdf, data: StatewideRollupData): void {
  const asOf = formatDate(data.asOf);
  const overdue = data.departments.filter((row) => row.timeliness === 'OVERDUE');
  const late = data.departments.filter((row) => row.timeliness === 'LATE');
  pdf.section('3. Departments late or overdue');
  pdf.paragraph(
    `As of ${asOf}. Overdue: the due date has passed and the department has not certified its ` +
      'annual report. Late: the department first certified after its due date.',
    { style: 'note' },
  );
  pdf.table({
    title: `Overdue: not certified by ${asOf} (${overdue.length})`,
    columns: [
      { header: 'Code', width: 0.8 },
      { header: 'Department', width: 3.2 },
      { header: 'Due date', width: 1.1 },
      { header: 'Days overdue', width: 1, align: 'right' },
    ],
    rows: overdue.map((row) => [
      row.departmentCode,
      row.departmentName,
      row.dueDate,
      formatInteger(daysBetween(row.dueDate, data.asOf)),
    ]),
    emptyText: 'No department is overdue.',
  });
  pdf.table({
    title: `Late: certified after the due date (${late.length})`,
    columns: [
      { header: 'Code', width: 0.8 },
      { header: 'Department', width: 3.2 },
      { header: 'Due date', width: 1.1 },
      { header: 'First certified on', width: 1.1 },
      { header: 'Days late', width: 0.9, align: 'right' },
    ],
    rows: late.map((row) => [
      row.departmentCode,
      row.departmentName,
      row.dueDate,
      row.certifiedOn ?? NOT_APPLICABLE,
      row.certifiedOn === null ? NOT_APPLICABLE : formatInteger(daysBetween(row.dueDate, row.certifiedOn)),
    ]),
    emptyText: 'No department certified late.',
  });
}

function diversitySection(pdf: ReportPdf, data: StatewideRollupData): void {
  writeDiversitySection(
    pdf,
    data.diversity,
    4,
    `The certified departments' counts (${data.summary.certified} departments) are added up per ` +
      'decision, dimension and group; rates, impact ratios and tests are computed on the sums, ' +
      'then small counts are suppressed. ',
  );
}
