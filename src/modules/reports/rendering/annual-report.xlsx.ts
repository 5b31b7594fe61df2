/**
 * The annual Upward Mobility Program report as an XLSX workbook: one sheet per section, each a
 * single filterable table with typed cells (see `xlsx-workbook.ts`). Renders exactly what the
 * report data holds for its audience: in the oversight audience hidden counts arrive as
 * `{ value: null, suppressed: true }` and are written as the text `suppressed`.
 * Deterministic: the workbook's times are the report's (certified, else generated) time.
 */
import type {
  AnnualReportData,
  ClassDesignation,
  DiversityDecision,
  DiversityDimension,
  DiversitySection,
} from '../annual-report.types';
import { DIVERSITY_DECISIONS, DIVERSITY_DIMENSIONS } from '../annual-report.types';
import {
  addFieldSheet,
  addTableSheet,
  newWorkbook,
  SUPPRESSED_TEXT,
  typed,
  writeXlsx,
} from './xlsx-workbook';
import type { CellInput, Field, XlsxWorkbook } from './xlsx-workbook';

export const ANNUAL_REPORT_XLSX_CREATOR = 'Upward Mobility system';

export const ANNUAL_REPORT_SHEETS = {
  about: 'About',
  classes: 'Classes',
  participation: 'Participation',
  trainingHours: 'Training hours',
  goalsVsResults: 'Goals vs results',
  movesByClass: 'Moves by class',
  missedGoals: 'Missed goals',
  nextYearGoals: 'Next year goals',
  pipeline: 'Pipeline',
  diversity: 'Diversity',
} as const;

const DESIGNATIONS: readonly ClassDesignation[] = ['LPEL', 'BRIDGING', 'ELTPA'];
const NARRATIVE_WIDTH = 80;

export async function renderAnnualReportXlsx(data: AnnualReportData): Promise<Buffer> {
  const { header } = data;
  const workbook = newWorkbook({
    at: new Date(header.certifiedAt ?? header.generatedAt),
    creator: ANNUAL_REPORT_XLSX_CREATOR,
    title: `Upward Mobility Program annual report ${header.departmentCode} FY ${header.fiscalYear}`,
    subject: `${header.departmentName} (${data.audience} audience)`,
  });
  addAbout(workbook, data);
  addClasses(workbook, data);
  addParticipation(workbook, data);
  addTrainingHours(workbook, data);
  addGoalsVsResults(workbook, data);
  addMovesByClass(workbook, data);
  addMissedGoals(workbook, data);
  addNextYearGoals(workbook, data);
  addPipeline(workbook, data);
  addDiversity(workbook, data);
  return writeXlsx(workbook);
}

function sheetTitle(data: AnnualReportData, section: string): string {
  const { header } = data;
  return `${header.departmentCode} ${header.departmentName}: Upward Mobility annual report FY ${header.fiscalYear}, ${section}`;
}

function addAbout(workbook: XlsxWorkbook, data: AnnualReportData): void {
  const { header, disclosure } = data;
  const threshold = disclosure.smallCellThreshold;
  const fields: Field[] = [
    { label: 'Report', value: 'Upward Mobility Program annual report (Gov Code 19402)' },
    { label: 'Department code', value: header.departmentCode },
    { label: 'Department name', value: header.departmentName },
    { label: 'Fiscal year', value: header.fiscalYear },
    { label: 'Period start', value: header.periodStart, type: 'date' },
    { label: 'Period end', value: header.periodEnd, type: 'date' },
    { label: 'Headcounts as of', value: header.asOf, type: 'date' },
    {
      label: 'Statutory calendar year (moves)',
      value: header.statutoryCalendarYear,
      type: 'integer',
    },
    { label: 'Status', value: header.status },
    { label: 'Version', value: header.version, type: 'integer' },
    { label: 'Certified by', value: header.certifiedByName },
    { label: 'Certified at (UTC)', value: header.certifiedAt, type: 'datetime' },
    { label: 'Upward mobility coordinator', value: header.coordinatorName },
    {
      label: 'Audience',
      value:
        data.audience === 'oversight'
          ? 'oversight (small counts hidden)'
          : 'department (every count shown)',
    },
    { label: 'Small-cell threshold', value: threshold, type: 'integer' },
    { label: 'Suppression applied', value: disclosure.suppressionApplied, type: 'boolean' },
    {
      label: 'Suppressed counts',
      value:
        `A count shown as "${SUPPRESSED_TEXT}" is hidden to protect privacy: it is between 1 and ` +
        `${Math.max(1, threshold - 1)}, or it would let a hidden count be worked out. It is not ` +
        'zero. Rates, ratios and tests that would reveal a hidden count are left empty.',
    },
    {
      label: 'Empty cells',
      value: 'No value: e.g. no goal was set, or a rate has no people to be computed from.',
    },
    { label: 'Goals recorded for the fiscal year', value: data.goalsVsResults.goalRecorded, type: 'boolean' },
    { label: 'Four-fifths threshold', value: data.diversity.fourFifths, type: 'decimal' },
    { label: 'Significance level (alpha)', value: data.diversity.alpha, type: 'decimal' },
    { label: 'Generated at (UTC)', value: header.generatedAt, type: 'datetime' },
    { label: 'Schema version', value: data.schemaVersion, type: 'integer' },
  ];
  addFieldSheet(workbook, {
    name: ANNUAL_REPORT_SHEETS.about,
    title: sheetTitle(data, 'about this report'),
    fields,
    valueWidth: NARRATIVE_WIDTH,
  });
}

function addClasses(workbook: XlsxWorkbook, data: AnnualReportData): void {
  addTableSheet(workbook, {
    name: ANNUAL_REPORT_SHEETS.classes,
    title: sheetTitle(data, 'designated classes'),
    columns: [
      { header: 'Class code', key: 'classCode', type: 'text' },
      { header: 'Title', key: 'title', type: 'text' },
      { header: 'Designation', key: 'designation', type: 'text' },
      { header: 'Ladder targets', key: 'ladder', type: 'text' },
      { header: `Employees on ${data.header.asOf}`, key: 'employees', type: 'integer' },
    ],
    rows: data.classes.classes.map((c) => ({
      classCode: c.classCode,
      title: c.title,
      designation: c.designation,
      ladder: c.ladderTargetClassCodes.join(', '),
      employees: c.activeEmployees,
    })),
  });
}

function addParticipation(workbook: XlsxWorkbook, data: AnnualReportData): void {
  const { participation: p, classes, header } = data;
  const asOf = header.asOf;
  const count = (label: string, value: CellInput, unit: string): Field => ({
    label,
    value,
    type: 'integer',
    unit,
  });
  const hours = (label: string, value: number): Field => ({
    label,
    value,
    type: 'decimal',
    unit: 'hours',
  });
  const money = (label: string, value: number | null): Field => ({
    label,
    value,
    type: 'money',
    unit: 'USD',
  });
  const fields: Field[] = [
    ...DESIGNATIONS.map((d) =>
      count(`Employees in ${d} classes on ${asOf}`, classes.activeEmployees[d], 'employees'),
    ),
    count(
      `Employees in designated classes on ${asOf}`,
      classes.activeEmployees.allDesignated,
      'employees',
    ),
    count(
      `Employees in LPEL/bridging classes on ${asOf}`,
      p.employeesInLpelOrBridging.onAsOf,
      'employees',
    ),
    count(
      'Employees in LPEL/bridging classes during the fiscal year',
      p.employeesInLpelOrBridging.duringYear,
      'employees',
    ),
    count('Applications received', p.applications.received, 'applications'),
    count('Applications accepted', p.applications.accepted, 'applications'),
    count('Applications waitlisted', p.applications.waitlisted, 'applications'),
    count('Applications declined', p.applications.declined, 'applications'),
    count('Participants during the fiscal year', p.participants.duringYear, 'employees'),
    count('Participants withdrawn in the fiscal year', p.participants.withdrawnInYear, 'employees'),
    count('Participants with an approved plan', p.participants.withApprovedPlan, 'employees'),
    count('Career conversations held', p.careerConversations.held, 'conversations'),
    count('Employees with a career conversation', p.careerConversations.employees, 'employees'),
    count('Employees with verified training', p.training.people, 'employees'),
    count('Verified training records', p.training.records, 'records'),
    hours('Verified training hours', p.training.verifiedHours),
    hours('Verified training hours on state time', p.training.stateTimeHours),
    hours('Verified training hours on own time', p.training.ownTimeHours),
    count('T&D assignments active in the fiscal year', p.tdAssignments.active, 'assignments'),
    count('Employees on a T&D assignment', p.tdAssignments.employees, 'employees'),
    money('Budget', p.budget.budget),
    money('Spending (verified training cost)', p.budget.spending),
    money('Budget remaining', p.budget.remaining),
  ];
  addFieldSheet(workbook, {
    name: ANNUAL_REPORT_SHEETS.participation,
    title: sheetTitle(data, 'participation'),
    fields,
    labelHeader: 'Figure',
  });
}

function addTrainingHours(workbook: XlsxWorkbook, data: AnnualReportData): void {
  addTableSheet(workbook, {
    name: ANNUAL_REPORT_SHEETS.trainingHours,
    title: sheetTitle(data, 'verified training hours by kind'),
    columns: [
      { header: 'Kind', key: 'kind', type: 'text' },
      { header: 'Hours', key: 'hours', type: 'decimal' },
    ],
    rows: data.participation.training.hoursByKind.map((k) => ({ kind: k.kind, hours: k.hours })),
  });
}

function addGoalsVsResults(workbook: XlsxWorkbook, data: AnnualReportData): void {
  const g = data.goalsVsResults;
  const fy = `FY ${data.header.fiscalYear}`;
  const calendar = `Calendar year ${g.moves.calendarYear.year}`;
  addTableSheet(workbook, {
    name: ANNUAL_REPORT_SHEETS.goalsVsResults,
    title: sheetTitle(data, 'goals vs results'),
    columns: [
      { header: 'Measure', key: 'measure', type: 'text' },
      { header: 'Period', key: 'period', type: 'text' },
      { header: 'Goal', key: 'goal', type: 'integer' },
      { header: 'Actual', key: 'actual', type: 'integer' },
      { header: 'Goal met', key: 'met', type: 'boolean' },
    ],
    rows: [
      {
        measure: 'Upward mobility moves',
        period: fy,
        goal: g.moves.goal,
        actual: g.moves.fiscalYear.moves,
        met: g.moves.fiscalYear.met,
      },
      {
        measure: 'Employees moved',
        period: fy,
        goal: null,
        actual: g.moves.fiscalYear.employees,
        met: null,
      },
      {
        measure: 'Upward mobility moves (statutory count)',
        period: calendar,
        goal: null,
        actual: g.moves.calendarYear.moves,
        met: null,
      },
      {
        measure: 'Employees moved (statutory count)',
        period: calendar,
        goal: null,
        actual: g.moves.calendarYear.employees,
        met: null,
      },
      {
        measure: 'Participants',
        period: fy,
        goal: g.participants.goal,
        actual: g.participants.actual,
        met: g.participants.met,
      },
      {
        measure: 'Approved plans',
        period: fy,
        goal: g.plans.goal,
        actual: g.plans.actual,
        met: g.plans.met,
      },
      {
        measure: 'Verified training hours',
        period: fy,
        goal: typed('decimal', g.trainingHours.goal),
        actual: typed('decimal', g.trainingHours.actual),
        met: g.trainingHours.met,
      },
    ],
  });
}

function addMovesByClass(workbook: XlsxWorkbook, data: AnnualReportData): void {
  const { moves } = data.goalsVsResults;
  addTableSheet(workbook, {
    name: ANNUAL_REPORT_SHEETS.movesByClass,
    title: sheetTitle(data, 'upward mobility moves by target class'),
    columns: [
      { header: 'Class code', key: 'classCode', type: 'text' },
      { header: 'Title', key: 'title', type: 'text' },
      { header: 'Goal', key: 'goal', type: 'integer' },
      { header: `Moves in FY ${data.header.fiscalYear}`, key: 'fiscalYear', type: 'integer' },
      {
        header: `Moves in calendar year ${moves.calendarYear.year}`,
        key: 'calendarYear',
        type: 'integer',
      },
    ],
    rows: moves.byTargetClass.map((m) => ({
      classCode: m.classCode,
      title: m.title,
      goal: m.goal,
      fiscalYear: m.fiscalYearMoves,
      calendarYear: m.calendarYearMoves,
    })),
  });
}

function addMissedGoals(workbook: XlsxWorkbook, data: AnnualReportData): void {
  const m = data.missedGoals;
  const fields: Field[] = m.years.flatMap((year) => [
    { label: `Move goal, FY ${year.fiscalYear}`, value: year.moveGoal, type: 'integer' as const },
    { label: `Moves, FY ${year.fiscalYear}`, value: year.actualMoves, type: 'integer' as const },
    { label: `Goal missed, FY ${year.fiscalYear}`, value: year.missed, type: 'boolean' as const },
  ]);
  fields.push(
    { label: 'Missed two years in a row', value: m.missedTwoYearsInARow, type: 'boolean' },
    { label: 'Explanation and plan recorded with the goals of FY', value: m.responseFiscalYear },
    { label: 'Explanation', value: m.explanation },
    { label: 'Two-year plan', value: m.twoYearPlan },
    ...m.problems.map((problem) => ({
      label: `Still needed for certification: ${problem.field}`,
      value: problem.message,
    })),
  );
  addFieldSheet(workbook, {
    name: ANNUAL_REPORT_SHEETS.missedGoals,
    title: sheetTitle(data, 'move goals missed two years in a row'),
    fields,
    valueWidth: NARRATIVE_WIDTH,
  });
}

function addNextYearGoals(workbook: XlsxWorkbook, data: AnnualReportData): void {
  const n = data.nextYearGoals;
  const fields: Field[] = [
    { label: 'Fiscal year', value: n.fiscalYear },
    { label: 'Goals recorded', value: n.recorded, type: 'boolean' },
    { label: 'Move goal', value: n.moveGoal, type: 'integer' },
    ...n.moveGoalsByClass.map((goal) => ({
      label: `Move goal, class ${goal.classCode}`,
      value: goal.count,
      type: 'integer' as const,
    })),
    { label: 'Participant goal', value: n.participantGoal, type: 'integer' },
    { label: 'Plan goal', value: n.planGoal, type: 'integer' },
    { label: 'Training hours goal', value: n.trainingHoursGoal, type: 'decimal' },
    { label: 'Apprentice goal', value: n.apprenticeGoal, type: 'integer' },
    { label: 'Budget', value: n.budget, type: 'money' },
    { label: 'Narrative', value: n.narrative },
  ];
  addFieldSheet(workbook, {
    name: ANNUAL_REPORT_SHEETS.nextYearGoals,
    title: sheetTitle(data, `goals for FY ${n.fiscalYear}`),
    fields,
    valueWidth: NARRATIVE_WIDTH,
  });
}

function addPipeline(workbook: XlsxWorkbook, data: AnnualReportData): void {
  addTableSheet(workbook, {
    name: ANNUAL_REPORT_SHEETS.pipeline,
    title: sheetTitle(data, `pipeline into ELTPA classes on ${data.header.asOf}`),
    columns: [
      { header: 'Class code', key: 'classCode', type: 'text' },
      { header: 'Title', key: 'title', type: 'text' },
      { header: 'Rules in force', key: 'rulesInForce', type: 'boolean' },
      { header: 'Evaluated', key: 'evaluated', type: 'integer' },
      { header: 'Eligible', key: 'eligible', type: 'integer' },
      { header: 'Exam eligible', key: 'examEligible', type: 'integer' },
      { header: 'Within 3 months', key: 'within3Months', type: 'integer' },
      { header: 'Within 6 months', key: 'within6Months', type: 'integer' },
      { header: 'Within 12 months', key: 'within12Months', type: 'integer' },
      { header: 'Unusable records', key: 'unusableRecords', type: 'integer' },
    ],
    rows: data.pipeline.map((p) => ({
      classCode: p.classCode,
      title: p.title,
      rulesInForce: p.rulesInForce,
      evaluated: p.evaluated,
      eligible: p.eligible,
      examEligible: p.examEligible,
      within3Months: p.within3Months,
      within6Months: p.within6Months,
      within12Months: p.within12Months,
      unusableRecords: p.unusableRecords,
    })),
  });
}

function addDiversity(workbook: XlsxWorkbook, data: AnnualReportData): void {
  addDiversitySheet(
    workbook,
    data.diversity,
    ANNUAL_REPORT_SHEETS.diversity,
    sheetTitle(
      data,
      `diversity of selections (four-fifths rule at ${data.diversity.fourFifths}, alpha ${data.diversity.alpha})`,
    ),
  );
}

/** One row per decision x dimension x group, in report order (also the statewide roll-up's). */
export function addDiversitySheet(
  workbook: XlsxWorkbook,
  d: DiversitySection,
  name: string,
  title: string,
): void {
  addTableSheet(workbook, {
    name,
    title,
    columns: [
      { header: 'Decision', key: 'decision', type: 'text' },
      { header: 'Selection', key: 'selection', type: 'text', width: 40 },
      { header: 'Pool', key: 'pool', type: 'text', width: 40 },
      { header: 'Dimension', key: 'dimension', type: 'text' },
      { header: 'Group', key: 'group', type: 'text' },
      { header: 'Selected', key: 'selected', type: 'integer' },
      { header: 'Total', key: 'total', type: 'integer' },
      { header: 'Rate', key: 'rate', type: 'percent' },
      { header: 'Impact ratio', key: 'impactRatio', type: 'decimal', format: '0.0000' },
      { header: 'Below four-fifths', key: 'fourFifthsFlag', type: 'boolean' },
      { header: 'Reference group', key: 'isReference', type: 'boolean' },
      { header: 'Test', key: 'test', type: 'text' },
      { header: 'p-value', key: 'pValue', type: 'decimal', format: '0.000000' },
      { header: 'Significant', key: 'significant', type: 'boolean' },
      { header: 'Suppressed', key: 'suppressed', type: 'boolean' },
    ],
    rows: DIVERSITY_DECISIONS.flatMap((decision: DiversityDecision) => {
      const result = d.decisions[decision];
      return DIVERSITY_DIMENSIONS.flatMap((dimension: DiversityDimension) =>
        result.byDimension[dimension].groups.map((g) => ({
          decision,
          selection: result.selection,
          pool: result.pool,
          dimension,
          group: g.group,
          selected: g.selected,
          total: g.total,
          rate: g.rate,
          impactRatio: g.impactRatio,
          fourFifthsFlag: g.fourFifthsFlag,
          isReference: g.isReference,
          test: g.test,
          pValue: g.pValue,
          significant: g.significant,
          suppressed: g.suppressed,
        })),
      );
    }),
  });
}
