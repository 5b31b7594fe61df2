/**
 * The statewide roll-up as an XLSX workbook: About, Summary, Departments, Timeliness (the
 * departments late or overdue) and Diversity, each one filterable table with typed cells (see
 * `xlsx-workbook.ts`): dates are dates, counts integers, and a count hidden by small-cell
 * suppression is the text `suppressed`. A department that has not certified has empty figures.
 * Deterministic: the workbook's times are the roll-up's `generatedAt`.
 */
import { addDiversitySheet } from '../rendering/annual-report.xlsx';
import {
  addFieldSheet,
  addTableSheet,
  newWorkbook,
  SUPPRESSED_TEXT,
  writeXlsx,
} from '../rendering/xlsx-workbook';
import type { Field, XlsxWorkbook } from '../rendering/xlsx-workbook';
import {
  daysBetween,
  ROLLUP_BASIS,
  STATEWIDE_COUNT_LABEL,
  STATEWIDE_ROLLUP_TITLE,
  statutoryCalendarYear,
  TIMELINESS_LABEL,
} from './statewide-rollup.pdf';
import { STATEWIDE_COUNT_COLUMNS, TIMELINESS } from './statewide-rollup.types';
import type { StatewideRollupData, Timeliness } from './statewide-rollup.types';

export const STATEWIDE_ROLLUP_XLSX_CREATOR = 'Upward Mobility system';

export const STATEWIDE_ROLLUP_SHEETS = {
  about: 'About',
  summary: 'Summary',
  departments: 'Departments',
  timeliness: 'Timeliness',
  diversity: 'Diversity',
} as const;

const NARRATIVE_WIDTH = 80;

/** What each timeliness code means (the sheets hold the codes, so filters match the JSON). */
export const TIMELINESS_MEANING: Record<Timeliness, string> = {
  ON_TIME: 'certified on or before the due date',
  LATE: 'certified after the due date',
  OVERDUE: 'not certified, and the due date has passed',
  NOT_YET_DUE: 'not certified, and not due yet',
};

export async function renderStatewideRollupXlsx(data: StatewideRollupData): Promise<Buffer> {
  const workbook = newWorkbook({
    at: new Date(data.generatedAt),
    creator: STATEWIDE_ROLLUP_XLSX_CREATOR,
    title: `${STATEWIDE_ROLLUP_TITLE} FY ${data.fiscalYear}`,
    subject: `Every department's certified annual Upward Mobility report, FY ${data.fiscalYear}`,
  });
  addAbout(workbook, data);
  addSummary(workbook, data);
  addDepartments(workbook, data);
  addTimeliness(workbook, data);
  addDiversity(workbook, data);
  return writeXlsx(workbook);
}

function sheetTitle(data: StatewideRollupData, section: string): string {
  return `Upward Mobility statewide roll-up FY ${data.fiscalYear}, ${section}`;
}

function addAbout(workbook: XlsxWorkbook, data: StatewideRollupData): void {
  const threshold = data.disclosure.smallCellThreshold;
  const fields: Field[] = [
    { label: 'Report', value: STATEWIDE_ROLLUP_TITLE },
    { label: 'Fiscal year', value: data.fiscalYear },
    { label: 'Period start', value: data.periodStart, type: 'date' },
    { label: 'Period end', value: data.periodEnd, type: 'date' },
    { label: 'Timeliness as of', value: data.asOf, type: 'date' },
    { label: 'Generated at (UTC)', value: data.generatedAt, type: 'datetime' },
    { label: 'Basis', value: ROLLUP_BASIS },
    {
      label: 'Certified on',
      value:
        'The date the department first certified its report for the year: timeliness counts ' +
        'from it, so a corrected version certified later does not make an on-time report late.',
    },
    ...TIMELINESS.map((t) => ({ label: `Timeliness ${t}`, value: TIMELINESS_MEANING[t] })),
    { label: 'Small-cell threshold', value: threshold, type: 'integer' },
    { label: 'Suppression applied', value: data.disclosure.suppressionApplied, type: 'boolean' },
    {
      label: 'Suppressed counts',
      value:
        `A count shown as "${SUPPRESSED_TEXT}" is hidden to protect privacy: it is between 1 and ` +
        `${Math.max(1, threshold - 1)}, or it would let a hidden count be worked out. It is not ` +
        'zero. Rates, ratios and tests that would reveal a hidden count are left empty.',
    },
    {
      label: 'Empty cells',
      value:
        'No value: the department has not certified (nothing submitted), no goal was set, or a ' +
        'rate has no people to be computed from.',
    },
    { label: 'Four-fifths threshold', value: data.diversity.fourFifths, type: 'decimal' },
    { label: 'Significance level (alpha)', value: data.diversity.alpha, type: 'decimal' },
    { label: 'Schema version', value: data.schemaVersion, type: 'integer' },
  ];
  addFieldSheet(workbook, {
    name: STATEWIDE_ROLLUP_SHEETS.about,
    title: sheetTitle(data, 'about this workbook'),
    fields,
    valueWidth: NARRATIVE_WIDTH,
  });
}

function addSummary(workbook: XlsxWorkbook, data: StatewideRollupData): void {
  const s = data.summary;
  const departments = (label: string, value: number): Field => ({
    label,
    value,
    type: 'integer',
    unit: 'departments',
  });
  const fields: Field[] = [
    departments('Departments', s.departments),
    departments('Certified annual reports', s.certified),
    ...TIMELINESS.map((t) =>
      departments(`Timeliness: ${TIMELINESS_LABEL[t]} (${t})`, s.byTimeliness[t]),
    ),
    { label: 'Sum of the move goals', value: s.moveGoal, type: 'integer', unit: 'moves' },
    departments('Departments meeting their move goal', s.departmentsMeetingMoveGoal),
    departments('Departments missing their move goal', s.departmentsMissingMoveGoal),
    departments(
      'Departments without a move goal',
      s.certified - s.departmentsMeetingMoveGoal - s.departmentsMissingMoveGoal,
    ),
    {
      label: 'Verified training hours',
      value: s.verifiedTrainingHours,
      type: 'decimal',
      unit: 'hours',
    },
    ...STATEWIDE_COUNT_COLUMNS.map(
      (column): Field => ({
        label:
          column === 'calendarYearMoves'
            ? `${STATEWIDE_COUNT_LABEL[column]} ${statutoryCalendarYear(data)}`
            : STATEWIDE_COUNT_LABEL[column],
        value: s.counts[column],
        type: 'integer',
        unit: column.endsWith('Moves') ? 'moves' : 'employees',
      }),
    ),
  ];
  addFieldSheet(workbook, {
    name: STATEWIDE_ROLLUP_SHEETS.summary,
    title: sheetTitle(data, 'summary (totals over the certified departments)'),
    fields,
    labelHeader: 'Figure',
  });
}

function addDepartments(workbook: XlsxWorkbook, data: StatewideRollupData): void {
  const fy = data.fiscalYear;
  addTableSheet(workbook, {
    name: STATEWIDE_ROLLUP_SHEETS.departments,
    title: sheetTitle(data, `departments (timeliness as of ${data.asOf})`),
    columns: [
      { header: 'Code', key: 'code', type: 'text' },
      { header: 'Department', key: 'name', type: 'text' },
      { header: 'Due date', key: 'dueDate', type: 'date' },
      { header: 'Certified', key: 'certified', type: 'boolean' },
      { header: 'Certified version', key: 'version', type: 'integer' },
      { header: 'First certified on', key: 'certifiedOn', type: 'date' },
      { header: 'Timeliness', key: 'timeliness', type: 'text' },
      { header: 'Move goal', key: 'moveGoal', type: 'integer' },
      { header: `Moves FY ${fy}`, key: 'fiscalYearMoves', type: 'integer' },
      { header: `Moves CY ${statutoryCalendarYear(data)}`, key: 'calendarYearMoves', type: 'integer' },
      { header: 'Move goal met', key: 'moveGoalMet', type: 'boolean' },
      { header: 'Participants', key: 'participants', type: 'integer' },
      { header: 'With approved plan', key: 'withApprovedPlan', type: 'integer' },
      { header: 'LPEL/bridging employees', key: 'employeesInLpelOrBridging', type: 'integer' },
      { header: 'People trained', key: 'trainingPeople', type: 'integer' },
      { header: 'Verified training hours', key: 'verifiedTrainingHours', type: 'decimal' },
    ],
    rows: data.departments.map((row) => {
      // Not certified: nothing submitted, so the figures stay empty.
      const counts = row.counts;
      return {
        code: row.departmentCode,
        name: row.departmentName,
        dueDate: row.dueDate,
        certified: row.certified,
        version: row.certifiedVersion,
        certifiedOn: row.certifiedOn,
        timeliness: row.timeliness,
        moveGoal: row.moveGoal,
        fiscalYearMoves: counts?.fiscalYearMoves ?? null,
        calendarYearMoves: counts?.calendarYearMoves ?? null,
        moveGoalMet: row.moveGoalMet,
        participants: counts?.participants ?? null,
        withApprovedPlan: counts?.withApprovedPlan ?? null,
        employeesInLpelOrBridging: counts?.employeesInLpelOrBridging ?? null,
        trainingPeople: counts?.trainingPeople ?? null,
        verifiedTrainingHours: row.verifiedTrainingHours,
      };
    }),
  });
}

/** The departments late or overdue: overdue first (nothing submitted), then late; by code. */
function addTimeliness(workbook: XlsxWorkbook, data: StatewideRollupData): void {
  const rows = (['OVERDUE', 'LATE'] as const).flatMap((timeliness) =>
    data.departments.filter((row) => row.timeliness === timeliness),
  );
  addTableSheet(workbook, {
    name: STATEWIDE_ROLLUP_SHEETS.timeliness,
    title: sheetTitle(data, `departments late or overdue as of ${data.asOf}`),
    columns: [
      { header: 'Code', key: 'code', type: 'text' },
      { header: 'Department', key: 'name', type: 'text' },
      { header: 'Timeliness', key: 'timeliness', type: 'text' },
      { header: 'Due date', key: 'dueDate', type: 'date' },
      { header: 'First certified on', key: 'certifiedOn', type: 'date' },
      { header: 'Days past due', key: 'daysPastDue', type: 'integer' },
    ],
    rows: rows.map((row) => ({
      code: row.departmentCode,
      name: row.departmentName,
      timeliness: row.timeliness,
      dueDate: row.dueDate,
      certifiedOn: row.certifiedOn,
      // Late: to the certification; overdue: to the as-of date (and counting).
      daysPastDue: daysBetween(row.dueDate, row.certifiedOn ?? data.asOf),
    })),
  });
}

function addDiversity(workbook: XlsxWorkbook, data: StatewideRollupData): void {
  const d = data.diversity;
  addDiversitySheet(
    workbook,
    d,
    STATEWIDE_ROLLUP_SHEETS.diversity,
    sheetTitle(
      data,
      `diversity of selections, certified departments added up (four-fifths rule at ${d.fourFifths}, alpha ${d.alpha})`,
    ),
  );
}
