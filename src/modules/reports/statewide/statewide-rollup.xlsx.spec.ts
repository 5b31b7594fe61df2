import { AS_OF, realCounts, sampleRollup } from '../../../../test/support/statewide-rollup-sample';
import { readWorkbook, sheet, sheetRows } from '../../../../test/support/report-files';
import type { SheetRow } from '../../../../test/support/report-files';
import { isSuppressed } from '../annual-report.builder';
import { DIVERSITY_DECISIONS, DIVERSITY_DIMENSIONS } from '../annual-report.types';
import type { Count } from '../annual-report.types';
import { sha256Hex } from '../report-figures.rule';
import { buildStatewideRollup } from './statewide-rollup.rule';
import { renderStatewideRollupXlsx, STATEWIDE_ROLLUP_SHEETS } from './statewide-rollup.xlsx';
import { STATEWIDE_COUNT_COLUMNS, TIMELINESS } from './statewide-rollup.types';
import type { StatewideCountColumn, StatewideRollupData } from './statewide-rollup.types';

// ---------------------------------------------------------------------------------------------
// Sample roll-ups (as in statewide-rollup.pdf.spec.ts)
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Expected cells
// ---------------------------------------------------------------------------------------------

type Expected = string | number | Date | null;

const SUPPRESSED = 'suppressed';
const count = (c: Count | null | undefined): Expected =>
  c === null || c === undefined ? null : isSuppressed(c) ? SUPPRESSED : c;
const yesNo = (b: boolean | null): Expected => (b === null ? null : b ? 'Yes' : 'No');
const utcDate = (iso: string | null): Expected => (iso === null ? null : new Date(`${iso}T00:00:00.000Z`));
const days = (from: string, to: string): number =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

const DEPARTMENT_COLUMNS: readonly [string, StatewideCountColumn][] = [
  ['Moves FY 2025-26', 'fiscalYearMoves'],
  ['Moves CY 2025', 'calendarYearMoves'],
  ['Participants', 'participants'],
  ['With approved plan', 'withApprovedPlan'],
  ['LPEL/bridging employees', 'employeesInLpelOrBridging'],
  ['People trained', 'trainingPeople'],
];

function expectedDepartments(data: StatewideRollupData): SheetRow[] {
  return data.departments.map((row) => ({
    Code: row.departmentCode,
    Department: row.departmentName,
    'Due date': utcDate(row.dueDate),
    Certified: yesNo(row.certified),
    'Certified version': row.certifiedVersion,
    'First certified on': utcDate(row.certifiedOn),
    Timeliness: row.timeliness,
    'Move goal': row.moveGoal,
    ...Object.fromEntries(
      DEPARTMENT_COLUMNS.map(([header, column]) => [header, count(row.counts?.[column])]),
    ),
    'Move goal met': yesNo(row.moveGoalMet),
    'Verified training hours': row.verifiedTrainingHours,
  }));
}

/** A key/value sheet as label -> value. */
function fields(rows: SheetRow[], label = 'Field'): Map<string, unknown> {
  return new Map(rows.map((row) => [String(row[label]), row.Value]));
}

const load = async (data: StatewideRollupData) => readWorkbook(await renderStatewideRollupXlsx(data));

// ---------------------------------------------------------------------------------------------

describe('renderStatewideRollupXlsx: 40 departments', () => {
  const { data, reports } = sampleRollup(40);
  let workbook: Awaited<ReturnType<typeof readWorkbook>>;

  beforeAll(async () => {
    workbook = await load(data);
  });

  it('has the sheets About, Summary, Departments, Timeliness, Diversity, each a frozen, filtered table', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(Object.values(STATEWIDE_ROLLUP_SHEETS));
    for (const w of workbook.worksheets) {
      expect(w.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(w.getCell(1, 1).text).toContain(`FY ${data.fiscalYear}`);
      // The autofilter covers the header and every row below it.
      expect(w.autoFilter).toBe(`A2:${w.getColumn(w.actualColumnCount).letter}${w.rowCount}`);
    }
  });

  it('describes the roll-up on the About sheet, dates as dates', () => {
    const about = fields(sheetRows(sheet(workbook, 'About')));
    expect(about.get('Fiscal year')).toBe(data.fiscalYear);
    expect(about.get('Period start')).toEqual(utcDate(data.periodStart));
    expect(about.get('Period end')).toEqual(utcDate(data.periodEnd));
    expect(about.get('Timeliness as of')).toEqual(utcDate(data.asOf));
    expect(about.get('Generated at (UTC)')).toEqual(new Date(data.generatedAt));
    expect(about.get('Basis')).toBe('latest certified annual report of each department');
    expect(about.get('Small-cell threshold')).toBe(data.disclosure.smallCellThreshold);
    expect(String(about.get('Suppressed counts'))).toContain(`between 1 and ${data.disclosure.smallCellThreshold - 1}`);
    for (const t of TIMELINESS) expect(about.has(`Timeliness ${t}`)).toBe(true);
  });

  it('gives the summary figures of the data on the Summary sheet', () => {
    const s = data.summary;
    const summary = fields(sheetRows(sheet(workbook, 'Summary')), 'Figure');
    const labels = [...summary.keys()];
    const value = (prefix: string) => summary.get(labels.find((label) => label.startsWith(prefix)) ?? '');
    expect(summary.get('Departments')).toBe(s.departments);
    expect(summary.get('Certified annual reports')).toBe(s.certified);
    expect(TIMELINESS.map((t) => summary.get(labels.find((l) => l.endsWith(`(${t})`)) ?? ''))).toEqual(
      TIMELINESS.map((t) => s.byTimeliness[t]),
    );
    expect(summary.get('Sum of the move goals')).toBe(s.moveGoal);
    expect(summary.get('Departments meeting their move goal')).toBe(s.departmentsMeetingMoveGoal);
    expect(summary.get('Departments missing their move goal')).toBe(s.departmentsMissingMoveGoal);
    expect(summary.get('Departments without a move goal')).toBe(
      s.certified - s.departmentsMeetingMoveGoal - s.departmentsMissingMoveGoal,
    );
    expect(summary.get('Verified training hours')).toBe(s.verifiedTrainingHours);
    expect(value('Employees in LPEL or bridging')).toEqual(count(s.counts.employeesInLpelOrBridging));
    expect(value('Participants during')).toEqual(count(s.counts.participants));
    expect(value('Participants with an approved')).toEqual(count(s.counts.withApprovedPlan));
    expect(value('Employees with verified training')).toEqual(count(s.counts.trainingPeople));
    expect(value('Upward mobility moves in the fiscal year')).toEqual(count(s.counts.fiscalYearMoves));
    expect(value('Upward mobility moves in the statutory calendar year 2025')).toEqual(count(s.counts.calendarYearMoves));
    expect(summary.size).toBe(2 + TIMELINESS.length + 5 + STATEWIDE_COUNT_COLUMNS.length);
  });

  it('lists every department with typed cells: dates, integers, Yes/No, "suppressed", empty when not certified', () => {
    const w = sheet(workbook, 'Departments');
    const rows = sheetRows(w);
    expect(rows).toEqual(expectedDepartments(data));
    const notCertified = rows.filter((row) => row.Certified === 'No');
    expect(notCertified).toHaveLength(10);
    for (const row of notCertified) {
      for (const [header] of DEPARTMENT_COLUMNS) expect(row[header]).toBeNull();
    }
    // Real types and number formats, not text that looks like them.
    const headers = (w.getRow(2).values as unknown[]).map(String);
    const column = (header: string) => headers.indexOf(header);
    expect(w.getCell(3, column('Due date')).numFmt).toBe('yyyy-mm-dd');
    expect(w.getCell(3, column('First certified on')).numFmt).toBe('yyyy-mm-dd');
    expect(w.getCell(3, column('Participants')).numFmt).toBe('0');
    for (const row of rows) {
      for (const [header] of DEPARTMENT_COLUMNS) {
        const cell = row[header];
        if (cell !== null && cell !== SUPPRESSED) expect(Number.isInteger(cell)).toBe(true);
      }
    }
  });

  it('writes "suppressed" for each hidden department count, never the number behind it', () => {
    const rows = sheetRows(sheet(workbook, 'Departments'));
    let hidden = 0;
    data.departments.forEach((row, index) => {
      const report = reports.get(row.departmentCode);
      if (!row.counts || !report) return;
      const real = realCounts(report);
      for (const [header, column] of DEPARTMENT_COLUMNS) {
        if (!isSuppressed(row.counts[column])) continue;
        hidden += 1;
        expect(rows[index][header]).toBe(SUPPRESSED);
        expect(rows[index][header]).not.toBe(real[column]);
      }
    });
    expect(hidden).toBeGreaterThanOrEqual(25);
  });

  it('lists the overdue, then the late departments on the Timeliness sheet', () => {
    const rows = sheetRows(sheet(workbook, 'Timeliness'));
    const expected = (['OVERDUE', 'LATE'] as const).flatMap((timeliness) =>
      data.departments
        .filter((row) => row.timeliness === timeliness)
        .map((row) => ({
          Code: row.departmentCode,
          Department: row.departmentName,
          Timeliness: timeliness,
          'Due date': utcDate(row.dueDate),
          'First certified on': utcDate(row.certifiedOn),
          'Days past due': days(row.dueDate, row.certifiedOn ?? data.asOf),
        })),
    );
    expect(expected.length).toBe(data.summary.byTimeliness.OVERDUE + data.summary.byTimeliness.LATE);
    expect(rows).toEqual(expected);
  });

  it('gives one Diversity row per decision, dimension and group, hidden counts as "suppressed"', () => {
    const rows = sheetRows(sheet(workbook, 'Diversity'));
    const expected = DIVERSITY_DECISIONS.flatMap((decision) => {
      const result = data.diversity.decisions[decision];
      return DIVERSITY_DIMENSIONS.flatMap((dimension) =>
        result.byDimension[dimension].groups.map((g) => ({
          Decision: decision,
          Selection: result.selection,
          Pool: result.pool,
          Dimension: dimension,
          Group: g.group,
          Selected: count(g.selected),
          Total: count(g.total),
          Rate: g.rate,
          'Impact ratio': g.impactRatio,
          'Below four-fifths': yesNo(g.fourFifthsFlag),
          'Reference group': yesNo(g.isReference),
          Test: g.test,
          'p-value': g.pValue,
          Significant: yesNo(g.significant),
          Suppressed: yesNo(g.suppressed),
        })),
      );
    });
    expect(rows).toEqual(expected);
    expect(rows.filter((row) => row.Selected === SUPPRESSED || row.Total === SUPPRESSED).length).toBeGreaterThan(0);
  });
});

describe('renderStatewideRollupXlsx: text and determinism', () => {
  afterEach(() => jest.useRealTimers());

  it('neutralises a department name that a spreadsheet would run as a formula', async () => {
    const { data } = sampleRollup(8);
    const name = '=HYPERLINK("http://example.test","x")';
    const changed: StatewideRollupData = {
      ...data,
      departments: data.departments.map((row, i) => (i === 0 ? { ...row, departmentName: name } : row)),
    };
    const rows = sheetRows(sheet(await load(changed), 'Departments'));
    expect(rows[0].Department).toBe(`'${name}`);
  });

  it('gives identical bytes for the same data, whatever the clock says, dated generatedAt', async () => {
    const { data } = sampleRollup(24);
    jest.useFakeTimers({
      now: new Date('2031-02-03T04:05:06.789Z'),
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
    const first = await renderStatewideRollupXlsx(data);
    jest.setSystemTime(new Date('2040-12-31T23:59:59.999Z'));
    const second = await renderStatewideRollupXlsx(data);
    jest.useRealTimers();
    const third = await renderStatewideRollupXlsx(data);
    expect(sha256Hex(second)).toBe(sha256Hex(first));
    expect(sha256Hex(third)).toBe(sha256Hex(first));
    const workbook = await readWorkbook(first);
    expect(workbook.created).toEqual(new Date(data.generatedAt));
    expect(workbook.modified).toEqual(new Date(data.generatedAt));
  });

  it('renders a year in which no department has certified', async () => {
    const data = buildStatewideRollup({
      fiscalYear: '2025-26',
      periodStart: '2025-07-01',
      periodEnd: '2026-06-30',
      today: AS_OF,
      generatedAt: '2026-08-15T16:00:00.000Z',
      departments: [{ code: 'A01', name: 'Only Agency', reportDueMonthDay: '07-01', smallCellThreshold: 5, certified: null }],
    });
    const workbook = await load(data);
    expect(sheetRows(sheet(workbook, 'Departments'))).toEqual(expectedDepartments(data));
    expect(sheetRows(sheet(workbook, 'Timeliness'))).toHaveLength(1);
  });
});

describe('renderStatewideRollupXlsx: render time (reported, not asserted)', () => {
  it('renders 180 departments', async () => {
    const { data } = sampleRollup(180);
    await renderStatewideRollupXlsx(data); // warm-up
    const started = process.hrtime.bigint();
    const xlsx = await renderStatewideRollupXlsx(data);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.info(`statewide roll-up XLSX: 180 departments, ${xlsx.length} bytes: ${ms.toFixed(0)} ms`);
    expect(sheetRows(sheet(await readWorkbook(xlsx), 'Departments'))).toHaveLength(180);
  });
});
