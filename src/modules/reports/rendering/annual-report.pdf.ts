/**
 * The printable annual Upward Mobility Program report (Gov Code 19402) of one department and
 * fiscal year, for one audience, from the report data (`AnnualReportData`): a cover, the
 * contents, then one section per part of the report.
 *
 * Notation (explained on the cover): a count hidden from the oversight audience prints as
 * "suppressed"; a figure that does not apply or cannot be computed (no goal, nobody in a group)
 * prints as "n/a". Integers are plain, rates are percentages with one decimal, hours have up to
 * two decimals, money has a dollar sign and cents, impact ratios four decimals as computed.
 *
 * Every page's footer carries the SHA-256 of the report's JSON rendering of the same audience,
 * so a paper copy can be checked against the data file. The output is byte-identical for the
 * same data: the PDF's dates are the report's certification (or generation) instant.
 */
import { isSuppressed } from '../annual-report.builder';
import {
  DIVERSITY_DECISIONS,
  DIVERSITY_DIMENSIONS,
  NOT_PROVIDED,
} from '../annual-report.types';
import type {
  AnnualReportData,
  ClassDesignation,
  Count,
  DiversityDecision,
  DiversityDimension,
  DiversityGroupResult,
  DiversitySection,
  DiversityTable,
  ReportTrainingKind,
} from '../annual-report.types';
import {
  formatDecimal,
  formatInteger,
  formatMoney,
  formatPercent,
  ReportPdf,
} from './pdf-document';
import type { BarChart, BarValue, DataTable, KeyValue, TableColumn } from './pdf-document';

export interface AnnualReportPdfOptions {
  /** SHA-256 (hex) of the report's JSON rendering of the same audience. */
  dataSha256: string;
}

export const REPORT_TITLE = 'Upward Mobility Program Annual Report';
/** What a count hidden from the oversight audience prints as. */
export const SUPPRESSED_MARK = 'suppressed';
/** What a figure that does not apply, or cannot be computed, prints as. */
export const NOT_APPLICABLE = 'n/a';

// ---------------------------------------------------------------------------------------------
// Formatting of the report's figures
// ---------------------------------------------------------------------------------------------

export function formatCount(count: Count): string {
  return isSuppressed(count) ? SUPPRESSED_MARK : formatInteger(count);
}

export function formatHours(hours: number): string {
  return formatDecimal(hours, 2);
}

export function formatRate(rate: number | null): string {
  return rate === null ? NOT_APPLICABLE : formatPercent(rate, 1);
}

export function formatImpactRatio(ratio: number): string {
  return ratio.toFixed(4);
}

export function formatPValue(p: number): string {
  return p < 0.0001 ? '<0.0001' : p.toFixed(4);
}

export function formatGoal(goal: number | null): string {
  return goal === null ? NOT_APPLICABLE : formatInteger(goal);
}

export function yesNo(value: boolean | null): string {
  return value === null ? NOT_APPLICABLE : value ? 'yes' : 'no';
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2024-07-01 -> July 1, 2024 (a calendar date, no time zone involved). */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  return `${MONTHS[Number(match[2]) - 1]} ${Number(match[3])}, ${match[1]}`;
}

/** An ISO instant in UTC to the minute: 2025-09-01 17:00 UTC. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

const DESIGNATION_LABEL: Record<ClassDesignation, string> = {
  LPEL: 'LPEL',
  BRIDGING: 'Bridging',
  ELTPA: 'ELTPA',
};

const TRAINING_KIND_LABEL: Record<ReportTrainingKind, string> = {
  CLASSROOM: 'Classroom',
  ONLINE: 'Online',
  COLLEGE_COURSE: 'College course',
  OJT: 'On-the-job training',
  MENTORING: 'Mentoring',
  CONFERENCE: 'Conference',
};

export const DECISION_TITLE: Record<DiversityDecision, string> = {
  acceptedIntoProgram: 'Acceptance into the program',
  approvedPlan: 'Approved career development plans',
  trainingVerified: 'Verified training',
  tdAssignment: 'Training and development assignments',
  appointedToEltpa: 'Appointments to ELTPA classes',
};

export const DIMENSION_TITLE: Record<DiversityDimension, string> = {
  ethnicity: 'Ethnicity',
  ethnicitySubgroup: 'Ethnicity, by subgroup',
  gender: 'Gender',
  disability: 'Disability',
  veteran: 'Veteran status',
};

const GROUP_LABEL: Record<DiversityDimension, Record<string, string>> = {
  ethnicity: {
    AMERICAN_INDIAN: 'American Indian or Alaska Native',
    ASIAN: 'Asian',
    BLACK: 'Black or African American',
    FILIPINO: 'Filipino',
    HISPANIC: 'Hispanic or Latino',
    PACIFIC_ISLANDER: 'Native Hawaiian or Pacific Islander',
    WHITE: 'White',
    OTHER: 'Other',
  },
  ethnicitySubgroup: {
    AMERICAN_INDIAN: 'American Indian or Alaska Native',
    ASIAN_CHINESE: 'Asian: Chinese',
    ASIAN_JAPANESE: 'Asian: Japanese',
    ASIAN_KOREAN: 'Asian: Korean',
    ASIAN_VIETNAMESE: 'Asian: Vietnamese',
    ASIAN_INDIAN: 'Asian: Asian Indian',
    ASIAN_LAOTIAN: 'Asian: Laotian',
    ASIAN_CAMBODIAN: 'Asian: Cambodian',
    ASIAN_OTHER: 'Asian: other',
    BLACK: 'Black or African American',
    FILIPINO: 'Filipino',
    HISPANIC: 'Hispanic or Latino',
    PACIFIC_ISLANDER_HAWAIIAN: 'Pacific Islander: Native Hawaiian',
    PACIFIC_ISLANDER_GUAMANIAN: 'Pacific Islander: Guamanian',
    PACIFIC_ISLANDER_SAMOAN: 'Pacific Islander: Samoan',
    PACIFIC_ISLANDER_OTHER: 'Pacific Islander: other',
    WHITE: 'White',
    OTHER: 'Other',
  },
  gender: { FEMALE: 'Female', MALE: 'Male', NONBINARY: 'Nonbinary' },
  disability: { YES: 'With a disability', NO: 'Without a disability' },
  veteran: { YES: 'Veteran', NO: 'Not a veteran' },
};

/** A group's printed name; an answer outside the known list prints as given. */
export function groupLabel(dimension: DiversityDimension, group: string): string {
  if (group === 'DECLINED') return 'Declined to state';
  if (group === NOT_PROVIDED) return 'Not provided';
  return GROUP_LABEL[dimension][group] ?? group;
}

/** A dimension's heading and its reference-group line, in points (for keeping blocks whole). */
const DIMENSION_HEADING_HEIGHT = 40;

const chartValue = (count: Count): BarValue =>
  isSuppressed(count) ? { missing: SUPPRESSED_MARK } : count;
const goalValue = (goal: number | null): BarValue => goal ?? { missing: 'no goal' };

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

export async function renderAnnualReportPdf(
  data: AnnualReportData,
  options: AnnualReportPdfOptions,
): Promise<Buffer> {
  if (!/^[0-9a-f]{64}$/i.test(options.dataSha256)) {
    throw new RangeError('renderAnnualReportPdf: dataSha256 must be 64 hex digits');
  }
  const h = data.header;
  const timestamp = new Date(h.certifiedAt ?? h.generatedAt);
  const pdf = new ReportPdf({
    title: `${REPORT_TITLE} - ${h.departmentCode} - FY ${h.fiscalYear}`,
    author: h.departmentName,
    subject: `Upward mobility program report under Government Code section 19402 (${data.audience} audience)`,
    keywords: `upward mobility; ${h.departmentCode}; ${h.fiscalYear}; ${h.status}`,
    timestamp,
    footer: {
      left: `${h.departmentCode} - ${h.departmentName} - FY ${h.fiscalYear}`,
      right: statusText(data),
      secondLine: `SHA-256 of report data: ${options.dataSha256.toLowerCase()}`,
    },
  });
  coverPage(pdf, data);
  departmentSection(pdf, data);
  classesSection(pdf, data);
  participationSection(pdf, data);
  goalsSection(pdf, data);
  missedGoalsSection(pdf, data);
  nextYearSection(pdf, data);
  pipelineSection(pdf, data);
  diversitySection(pdf, data);
  return pdf.toBuffer();
}

function statusText(data: AnnualReportData): string {
  const h = data.header;
  return h.status === 'CERTIFIED' ? `CERTIFIED, version ${h.version ?? NOT_APPLICABLE}` : 'DRAFT';
}

function coverPage(pdf: ReportPdf, data: AnnualReportData): void {
  const h = data.header;
  const threshold = data.disclosure.smallCellThreshold;
  const fields: KeyValue[] = [
    { key: 'Department', value: `${h.departmentName} (${h.departmentCode})` },
    { key: 'Fiscal year', value: h.fiscalYear },
    { key: 'Period', value: `${formatDate(h.periodStart)} to ${formatDate(h.periodEnd)}` },
    { key: 'Headcounts as of', value: formatDate(h.asOf) },
    { key: 'Status', value: statusText(data) },
  ];
  if (h.status === 'CERTIFIED') {
    fields.push(
      { key: 'Certified by', value: h.certifiedByName ?? NOT_APPLICABLE },
      { key: 'Certified at', value: h.certifiedAt ? formatInstant(h.certifiedAt) : NOT_APPLICABLE },
    );
  }
  fields.push(
    { key: 'Upward mobility coordinator', value: h.coordinatorName ?? 'none named' },
    { key: 'Figures generated at', value: formatInstant(h.generatedAt) },
    {
      key: 'Audience',
      value:
        data.audience === 'oversight'
          ? 'Oversight (small counts suppressed)'
          : 'Department (all counts shown)',
    },
    { key: 'Report data schema', value: `version ${data.schemaVersion}` },
  );
  const notes: string[] = [];
  if (data.disclosure.suppressionApplied) {
    notes.push(
      `Small-cell suppression: counts of people or records from 1 to ${threshold - 1} ` +
        `(the department's threshold is ${threshold}) are suppressed, together with any other ` +
        `count, rate or ratio that would reveal them. Zeros are shown. Hours, money and goals ` +
        `are always shown.`,
    );
  } else {
    notes.push(
      'All counts are shown: this department edition is for internal use. The oversight ' +
        'edition suppresses small counts.',
    );
  }
  notes.push(
    `Notation: "${SUPPRESSED_MARK}" = a count (or a figure derived from it) hidden by small-cell ` +
      `suppression; "${NOT_APPLICABLE}" = does not apply or cannot be computed (no goal ` +
      'recorded, nobody in the group). Rates are percentages; hours are verified training hours.',
    'Every page footer gives the SHA-256 of this report\'s JSON data file (same audience): ' +
      'the printed figures can be checked against it.',
  );
  if (h.status === 'DRAFT') {
    notes.push('DRAFT: the figures may still change until the report is certified.');
  }
  pdf.cover({
    title: REPORT_TITLE,
    subtitle: [
      `${h.departmentName} (${h.departmentCode})`,
      `Fiscal year ${h.fiscalYear}`,
      'Government Code section 19402',
    ],
    fields,
    notes,
  });
}

function departmentSection(pdf: ReportPdf, data: AnnualReportData): void {
  const h = data.header;
  pdf.section('1. Department and period');
  pdf.keyValues([
    { key: 'Department code', value: h.departmentCode },
    { key: 'Department name', value: h.departmentName },
    { key: 'Fiscal year', value: h.fiscalYear },
    { key: 'Period start', value: formatDate(h.periodStart) },
    { key: 'Period end', value: formatDate(h.periodEnd) },
    { key: 'Headcounts as of', value: formatDate(h.asOf) },
    { key: 'Statutory calendar year (moves)', value: String(h.statutoryCalendarYear) },
    { key: 'Upward mobility coordinator', value: h.coordinatorName ?? 'none named' },
  ]);
  pdf.paragraph(
    'The fiscal year runs from July 1 to June 30. Headcounts ("on the rolls") are taken on the ' +
      'as-of date: the last day of the fiscal year, or the generation date while it is still ' +
      'running. Government Code section 19402 asks for the upward mobility moves of the last ' +
      `calendar year: calendar year ${h.statutoryCalendarYear}, the year in which the fiscal ` +
      'year starts. Only verified training is counted.',
    { style: 'note' },
  );
}

function classesSection(pdf: ReportPdf, data: AnnualReportData): void {
  const { classes, activeEmployees } = data.classes;
  const asOf = formatDate(data.header.asOf);
  pdf.section('2. Designated classes');
  pdf.paragraph(
    'Classes the department designated for this fiscal year as low-paying entry level (LPEL), ' +
      'bridging, or entry-level technical, professional and administrative (ELTPA) classes, with ' +
      'the ELTPA classes each ladder leads to.',
    { style: 'note' },
  );
  pdf.table({
    title: 'Designated classes',
    columns: [
      { header: 'Class', width: 0.9 },
      { header: 'Title', width: 2.6 },
      { header: 'Designation', width: 1.1 },
      { header: 'Ladder targets', width: 1.5 },
      { header: `Employees on ${asOf}`, width: 1.2, align: 'right' },
    ],
    rows: classes.map((c) => [
      c.classCode,
      c.title,
      DESIGNATION_LABEL[c.designation],
      c.designation === 'ELTPA'
        ? NOT_APPLICABLE
        : c.ladderTargetClassCodes.length > 0
          ? c.ladderTargetClassCodes.join(', ')
          : 'none',
      formatCount(c.activeEmployees),
    ]),
    emptyText: 'No classes are designated for this fiscal year.',
  });
  pdf.keyValues(
    [
      { key: 'LPEL classes', value: formatCount(activeEmployees.LPEL) },
      { key: 'Bridging classes', value: formatCount(activeEmployees.BRIDGING) },
      { key: 'ELTPA classes', value: formatCount(activeEmployees.ELTPA) },
      { key: 'All designated classes', value: formatCount(activeEmployees.allDesignated) },
    ],
    { title: `Employees on the rolls on ${asOf}, by designation` },
  );
}

function participationSection(pdf: ReportPdf, data: AnnualReportData): void {
  const p = data.participation;
  const asOf = formatDate(data.header.asOf);
  pdf.section('3. Program participation');
  pdf.keyValues(
    [
      { key: `On the rolls on ${asOf}`, value: formatCount(p.employeesInLpelOrBridging.onAsOf) },
      {
        key: 'At some time during the fiscal year',
        value: formatCount(p.employeesInLpelOrBridging.duringYear),
      },
    ],
    { title: 'Employees in LPEL or bridging classes' },
  );
  pdf.keyValues(
    [
      { key: 'Received', value: formatCount(p.applications.received) },
      { key: 'Accepted', value: formatCount(p.applications.accepted) },
      { key: 'Waitlisted', value: formatCount(p.applications.waitlisted) },
      { key: 'Declined', value: formatCount(p.applications.declined) },
    ],
    { title: 'Applications to the program in the fiscal year' },
  );
  pdf.keyValues(
    [
      { key: 'Participants during the fiscal year', value: formatCount(p.participants.duringYear) },
      { key: 'Withdrawn in the fiscal year', value: formatCount(p.participants.withdrawnInYear) },
      {
        key: 'With an approved career development plan',
        value: formatCount(p.participants.withApprovedPlan),
      },
    ],
    { title: 'Participants' },
  );
  pdf.keyValues(
    [
      { key: 'Conversations held', value: formatCount(p.careerConversations.held) },
      { key: 'Employees who had one', value: formatCount(p.careerConversations.employees) },
    ],
    { title: 'Career conversations' },
  );
  pdf.keyValues(
    [
      { key: 'Employees trained', value: formatCount(p.training.people) },
      { key: 'Training records', value: formatCount(p.training.records) },
      { key: 'Verified hours', value: formatHours(p.training.verifiedHours) },
      { key: 'Hours on state time', value: formatHours(p.training.stateTimeHours) },
      { key: 'Hours on own time', value: formatHours(p.training.ownTimeHours) },
    ],
    { title: 'Verified training completed in the fiscal year' },
  );
  pdf.table({
    title: 'Verified training hours by kind',
    columns: [
      { header: 'Kind of training', width: 3 },
      { header: 'Hours', width: 1, align: 'right' },
    ],
    rows: p.training.hoursByKind.map((row) => [TRAINING_KIND_LABEL[row.kind], formatHours(row.hours)]),
  });
  pdf.keyValues(
    [
      { key: 'Assignments active in the fiscal year', value: formatCount(p.tdAssignments.active) },
      { key: 'Employees on an assignment', value: formatCount(p.tdAssignments.employees) },
    ],
    { title: 'Training and development assignments' },
  );
  pdf.keyValues(
    [
      {
        key: 'Budget',
        value: p.budget.budget === null ? 'not recorded' : formatMoney(p.budget.budget),
      },
      { key: 'Spending (verified training)', value: formatMoney(p.budget.spending) },
      {
        key: 'Remaining',
        value: p.budget.remaining === null ? NOT_APPLICABLE : formatMoney(p.budget.remaining),
      },
    ],
    { title: 'Budget' },
  );
}

function goalsSection(pdf: ReportPdf, data: AnnualReportData): void {
  const g = data.goalsVsResults;
  const fy = data.header.fiscalYear;
  const calendarYear = g.moves.calendarYear.year;
  pdf.section('4. Goals and results');
  if (!g.goalRecorded) {
    pdf.paragraph(`No goals were recorded for fiscal year ${fy}: goals print as "${NOT_APPLICABLE}".`, {
      style: 'emphasis',
    });
  }
  pdf.keyValues(
    [
      { key: `Move goal for ${fy}`, value: formatGoal(g.moves.goal) },
      {
        key: `Moves in fiscal year ${fy}`,
        value: `${formatCount(g.moves.fiscalYear.moves)} (employees: ${formatCount(g.moves.fiscalYear.employees)})`,
      },
      { key: 'Move goal met', value: yesNo(g.moves.fiscalYear.met) },
      {
        key: `Moves in calendar year ${calendarYear} (statutory)`,
        value: `${formatCount(g.moves.calendarYear.moves)} (employees: ${formatCount(g.moves.calendarYear.employees)})`,
      },
    ],
    { title: 'Upward mobility moves' },
  );
  pdf.table({
    title: 'Moves by target (ELTPA) class',
    columns: [
      { header: 'Class', width: 0.9 },
      { header: 'Title', width: 2.8 },
      { header: 'Goal', width: 0.9, align: 'right' },
      { header: `Moves FY ${fy}`, width: 1.2, align: 'right' },
      { header: `Moves CY ${calendarYear}`, width: 1.2, align: 'right' },
    ],
    rows: g.moves.byTargetClass.map((m) => [
      m.classCode,
      m.title,
      formatGoal(m.goal),
      formatCount(m.fiscalYearMoves),
      formatCount(m.calendarYearMoves),
    ]),
    emptyText: 'No target class had a goal or a move.',
  });
  const goalRows: { measure: string; goal: number | null; actual: string; met: boolean | null }[] = [
    {
      measure: 'Upward mobility moves (fiscal year)',
      goal: g.moves.goal,
      actual: formatCount(g.moves.fiscalYear.moves),
      met: g.moves.fiscalYear.met,
    },
    {
      measure: 'Participants',
      goal: g.participants.goal,
      actual: formatCount(g.participants.actual),
      met: g.participants.met,
    },
    {
      measure: 'Participants with an approved plan',
      goal: g.plans.goal,
      actual: formatCount(g.plans.actual),
      met: g.plans.met,
    },
  ];
  pdf.table({
    title: 'Goals and results',
    columns: [
      { header: 'Measure', width: 3 },
      { header: 'Goal', width: 1, align: 'right' },
      { header: 'Result', width: 1, align: 'right' },
      { header: 'Met', width: 0.8, align: 'center' },
    ],
    rows: [
      ...goalRows.map((row) => [row.measure, formatGoal(row.goal), row.actual, yesNo(row.met)]),
      [
        'Verified training hours',
        g.trainingHours.goal === null ? NOT_APPLICABLE : formatHours(g.trainingHours.goal),
        formatHours(g.trainingHours.actual),
        yesNo(g.trainingHours.met),
      ],
    ],
  });
  pdf.barChart({
    title: 'Goals and results: moves and participants',
    labels: [
      'Moves (fiscal year)',
      ...g.moves.byTargetClass.map((m) => `Moves to ${m.classCode}`),
      'Participants',
      'Approved plans',
    ],
    series: [
      {
        name: 'Goal',
        values: [
          goalValue(g.moves.goal),
          ...g.moves.byTargetClass.map((m) => goalValue(m.goal)),
          goalValue(g.participants.goal),
          goalValue(g.plans.goal),
        ],
      },
      {
        name: 'Result',
        values: [
          chartValue(g.moves.fiscalYear.moves),
          ...g.moves.byTargetClass.map((m) => chartValue(m.fiscalYearMoves)),
          chartValue(g.participants.actual),
          chartValue(g.plans.actual),
        ],
      },
    ],
    formatValue: formatInteger,
    wholeNumbers: true,
  });
  pdf.barChart({
    title: 'Goals and results: verified training hours',
    labels: ['Training hours'],
    series: [
      { name: 'Goal', values: [goalValue(g.trainingHours.goal)] },
      { name: 'Result', values: [g.trainingHours.actual] },
    ],
    formatValue: formatHours,
  });
}

function missedGoalsSection(pdf: ReportPdf, data: AnnualReportData): void {
  const m = data.missedGoals;
  pdf.section('5. Goals missed two years in a row');
  pdf.table({
    title: 'Move goal by fiscal year',
    columns: [
      { header: 'Fiscal year', width: 1.2 },
      { header: 'Move goal', width: 1, align: 'right' },
      { header: 'Moves', width: 1, align: 'right' },
      { header: 'Goal missed', width: 1, align: 'center' },
    ],
    rows: m.years.map((year) => [
      year.fiscalYear,
      formatGoal(year.moveGoal),
      formatCount(year.actualMoves),
      year.moveGoal === null ? NOT_APPLICABLE : yesNo(year.missed),
    ]),
  });
  const [thisYear, lastYear] = m.years;
  if (!m.missedTwoYearsInARow) {
    pdf.paragraph(
      `Does not apply: the move goal was not missed in both ${thisYear.fiscalYear} and ` +
        `${lastYear.fiscalYear}, so no explanation or two-year plan is required.`,
    );
    return;
  }
  pdf.paragraph(
    `The move goal was missed in both ${thisYear.fiscalYear} and ${lastYear.fiscalYear}. ` +
      'Government Code section 19402 requires an explanation and a plan to meet the goals in ' +
      `the next two fiscal years (recorded with the ${m.responseFiscalYear} goals).`,
  );
  pdf.heading('Explanation');
  pdf.paragraph(m.explanation?.trim() ? m.explanation : 'Not recorded yet.', {
    style: m.explanation?.trim() ? 'body' : 'emphasis',
  });
  pdf.heading('Plan for the next two fiscal years');
  pdf.paragraph(m.twoYearPlan?.trim() ? m.twoYearPlan : 'Not recorded yet.', {
    style: m.twoYearPlan?.trim() ? 'body' : 'emphasis',
  });
  if (m.problems.length > 0) {
    pdf.heading('Still needed before certification');
    pdf.bullets(m.problems.map((problem) => `${problemSubject(problem.field)} ${problem.message}.`));
  }
}

/** The problems' messages follow their field: "<the explanation> is required: ...". */
function problemSubject(field: string): string {
  if (field.endsWith('.missedGoalsExplanation')) return 'The explanation';
  if (field.endsWith('.twoYearPlan')) return 'The two-year plan';
  return field;
}

function nextYearSection(pdf: ReportPdf, data: AnnualReportData): void {
  const n = data.nextYearGoals;
  pdf.section(`6. Goals for fiscal year ${n.fiscalYear}`);
  if (!n.recorded) {
    pdf.paragraph(`No goals have been recorded for fiscal year ${n.fiscalYear} yet.`, {
      style: 'emphasis',
    });
    return;
  }
  pdf.keyValues([
    { key: 'Upward mobility moves', value: formatGoal(n.moveGoal) },
    { key: 'Participants', value: formatGoal(n.participantGoal) },
    { key: 'Participants with an approved plan', value: formatGoal(n.planGoal) },
    {
      key: 'Verified training hours',
      value: n.trainingHoursGoal === null ? NOT_APPLICABLE : formatHours(n.trainingHoursGoal),
    },
    { key: 'Apprentices', value: formatGoal(n.apprenticeGoal) },
    { key: 'Budget', value: n.budget === null ? 'not recorded' : formatMoney(n.budget) },
  ]);
  pdf.table({
    title: 'Move goals by target class',
    columns: [
      { header: 'Class', width: 1 },
      { header: 'Goal', width: 1, align: 'right' },
    ],
    rows: n.moveGoalsByClass.map((goal) => [goal.classCode, formatInteger(goal.count)]),
    emptyText: 'No goals by class.',
  });
  if (n.narrative?.trim()) {
    pdf.heading('Narrative');
    pdf.paragraph(n.narrative);
  }
}

function pipelineSection(pdf: ReportPdf, data: AnnualReportData): void {
  const asOf = formatDate(data.header.asOf);
  pdf.section('7. Pipeline to ELTPA classes');
  pdf.paragraph(
    `Employees in LPEL or bridging classes on ${asOf}, measured against each ELTPA class's ` +
      'minimum qualifications in force on that date: eligible now, eligible to take the exam, ' +
      'or expected to qualify within 3, 6 or 12 months. "Unusable records" could not be ' +
      'measured. Counts only: the report names nobody.',
    { style: 'note' },
  );
  const count = (value: Count, rulesInForce: boolean) =>
    rulesInForce ? formatCount(value) : NOT_APPLICABLE;
  const columns: TableColumn[] = [
    { header: 'Class', width: 0.8 },
    { header: 'Title', width: 2.2 },
    { header: 'Evaluated', width: 0.95, align: 'right' },
    { header: 'Eligible now', width: 0.95, align: 'right' },
    { header: 'Exam eligible', width: 0.95, align: 'right' },
    { header: 'Within 3 months', width: 0.95, align: 'right' },
    { header: 'Within 6 months', width: 0.95, align: 'right' },
    { header: 'Within 12 months', width: 0.95, align: 'right' },
    { header: 'Unusable records', width: 0.95, align: 'right' },
  ];
  pdf.table({
    title: 'Pipeline by ELTPA class',
    columns,
    rows: data.pipeline.map((entry) => [
      entry.classCode,
      entry.rulesInForce ? entry.title : `${entry.title} - no rules in force`,
      count(entry.evaluated, entry.rulesInForce),
      count(entry.eligible, entry.rulesInForce),
      count(entry.examEligible, entry.rulesInForce),
      count(entry.within3Months, entry.rulesInForce),
      count(entry.within6Months, entry.rulesInForce),
      count(entry.within12Months, entry.rulesInForce),
      count(entry.unusableRecords, entry.rulesInForce),
    ]),
    emptyText: 'No ELTPA classes are designated.',
  });
  if (data.pipeline.some((entry) => !entry.rulesInForce)) {
    pdf.paragraph(
      `No rules in force: no minimum qualification rules of the class are in force on ${asOf}, ` +
        `so nothing could be measured ("${NOT_APPLICABLE}").`,
      { style: 'note' },
    );
  }
}

function diversitySection(pdf: ReportPdf, data: AnnualReportData): void {
  writeDiversitySection(pdf, data.diversity, 8, '');
}

/**
 * The diversity and adverse impact section (also the statewide roll-up's): for each decision,
 * each dimension's rates table and impact-ratio chart. `preface` opens the explanation.
 */
export function writeDiversitySection(
  pdf: ReportPdf,
  d: DiversitySection,
  sectionNumber: number,
  preface: string,
): void {
  pdf.section(`${sectionNumber}. Diversity and adverse impact`, { newPage: true });
  pdf.paragraph(
    preface +
      'For each decision below, the selection rate of every group is compared with the rate of ' +
      'the group selected most often (the reference group). An impact ratio below ' +
      `${d.fourFifths} is flagged under the four-fifths rule (29 CFR 1607.4(D)). Each group is ` +
      'also tested against the reference group, two-sided: Fisher\'s exact test for small ' +
      `groups, otherwise a two-proportion z-test; "significant" means p < ${d.alpha}. For ` +
      'ethnicity a person who gave several groups counts in each, so totals are memberships.',
    { style: 'note' },
  );
  DIVERSITY_DECISIONS.forEach((decision, index) => {
    const result = d.decisions[decision];
    pdf.section(`${sectionNumber}.${index + 1} ${DECISION_TITLE[decision]}`, { level: 2 });
    pdf.paragraph(`Selected: ${result.selection}. Out of: ${result.pool}.`, { style: 'note' });
    for (const dimension of DIVERSITY_DIMENSIONS) {
      diversityTable(pdf, dimension, result.byDimension[dimension], d.fourFifths);
    }
  });
}

function diversityTable(
  pdf: ReportPdf,
  dimension: DiversityDimension,
  table: DiversityTable,
  fourFifths: number,
): void {
  const referenceHidden = table.groups.some((g) => g.isReference && g.suppressed);
  /** Shown when the group is hidden, or when its ratio is hidden with the reference group. */
  const hidden = (g: DiversityGroupResult, value: string | null): string =>
    g.suppressed ? SUPPRESSED_MARK : (value ?? NOT_APPLICABLE);
  const ratioText = (g: DiversityGroupResult): string => {
    if (g.suppressed) return SUPPRESSED_MARK;
    if (g.impactRatio !== null) return formatImpactRatio(g.impactRatio);
    return referenceHidden && g.rate !== null ? SUPPRESSED_MARK : NOT_APPLICABLE;
  };
  const title = DIMENSION_TITLE[dimension];
  const reference =
    table.referenceGroup === null
      ? 'none (nobody was selected)'
      : referenceHidden
        ? SUPPRESSED_MARK
        : `${groupLabel(dimension, table.referenceGroup)} (rate ${formatRate(table.referenceRate)})`;
  const rates: DataTable = {
    title: `${title}: selection rates`,
    fontSize: 8,
    columns: [
      { header: 'Group', width: 2 },
      { header: 'Selected', width: 1, align: 'right' },
      { header: 'Total', width: 1, align: 'right' },
      { header: 'Rate', width: 1, align: 'right' },
      { header: 'Impact ratio', width: 1, align: 'right' },
      { header: 'Below four-fifths', width: 1, align: 'center' },
      { header: 'Test', width: 1, align: 'center' },
      { header: 'p-value', width: 1, align: 'right' },
      { header: 'Significant', width: 1, align: 'center' },
    ],
    rows: [
      ...table.groups.map((g) => [
        g.isReference ? `${groupLabel(dimension, g.group)} (reference)` : groupLabel(dimension, g.group),
        formatCount(g.selected),
        formatCount(g.total),
        hidden(g, g.rate === null ? null : formatRate(g.rate)),
        ratioText(g),
        hidden(g, g.fourFifthsFlag === null ? null : yesNo(g.fourFifthsFlag)),
        g.isReference && !g.suppressed
          ? 'reference'
          : hidden(g, g.test === null ? null : g.test === 'FISHER' ? 'Fisher' : 'z-test'),
        hidden(g, g.pValue === null ? null : formatPValue(g.pValue)),
        hidden(g, g.significant === null ? null : yesNo(g.significant)),
      ]),
      {
        cells: [
          dimension.startsWith('ethnicity') ? 'Total (memberships)' : 'Total',
          formatCount(table.totals.selected),
          formatCount(table.totals.total),
          '',
          '',
          '',
          '',
          '',
          '',
        ],
        bold: true,
      },
    ],
  };
  const ratios: BarChart = {
    title: `${title}: impact ratio by group`,
    labels: table.groups.map((g) => groupLabel(dimension, g.group)),
    series: [
      {
        name: 'Impact ratio (rate / reference rate)',
        values: table.groups.map((g): BarValue =>
          g.impactRatio !== null && !g.suppressed ? g.impactRatio : { missing: ratioText(g) },
        ),
      },
    ],
    max: 1,
    formatValue: formatImpactRatio,
    referenceLine: { value: fourFifths, label: `four-fifths: ${fourFifths}` },
  };
  // Heading, reference line, table and chart on one page when they fit on one.
  pdf.keepTogether(DIMENSION_HEADING_HEIGHT + pdf.measureTable(rates) + pdf.measureBarChart(ratios));
  pdf.heading(title);
  pdf.paragraph(`Reference group: ${reference}.`, { style: 'note' });
  pdf.table(rates);
  pdf.barChart(ratios);
}
