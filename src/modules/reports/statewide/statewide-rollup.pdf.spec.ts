import { pdfPages } from '../../../../test/support/report-files';
import { AS_OF, LONG_NAME, realCounts, sampleRollup } from '../../../../test/support/statewide-rollup-sample';
import { isSuppressed } from '../annual-report.builder';
import { DIVERSITY_DECISIONS, DIVERSITY_DIMENSIONS } from '../annual-report.types';
import type {
  DiversityDecision,
  DiversityDimension,
  DiversityGroupResult,
} from '../annual-report.types';
import {
  DECISION_TITLE,
  DIMENSION_TITLE,
  formatCount,
  formatDate,
  formatGoal,
  formatHours,
  formatImpactRatio,
  formatInstant,
  formatPValue,
  formatRate,
  groupLabel,
  NOT_APPLICABLE,
  SUPPRESSED_MARK,
  yesNo,
} from '../rendering/annual-report.pdf';
import { renderJson, sha256Hex } from '../report-figures.rule';
import { renderStatewideRollupPdf, STATEWIDE_ROLLUP_TITLE } from './statewide-rollup.pdf';
import { buildStatewideRollup } from './statewide-rollup.rule';
import { TIMELINESS } from './statewide-rollup.types';
import type {
  StatewideCountColumn,
  StatewideDepartmentRow,
  StatewideRollupData,
  Timeliness,
} from './statewide-rollup.types';

// ---------------------------------------------------------------------------------------------
// Sample roll-ups: departments built from the annual report sample, varied by index
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Reading the text
// ---------------------------------------------------------------------------------------------

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Words of the cells in order, any white space between them (cells may wrap onto lines). */
const words = (...cells: string[]): string =>
  cells
    .flatMap((cell) => cell.split(/\s+/))
    .filter((word) => word !== '')
    .map(escape)
    .join('\\s+');
const heading = (title: string): string => `\n${escape(title)}\n`;
const lines = (page: string): string[] => page.split('\n').map((line) => line.trim());

/** Finds each pattern after the previous one; returns where the last match ends. */
function findInOrder(text: string, patterns: readonly string[], from = 0): number {
  let cursor = from;
  for (const pattern of patterns) {
    const regex = new RegExp(pattern, 'g');
    regex.lastIndex = cursor;
    const match = regex.exec(text);
    if (!match) {
      throw new Error(
        `Not found after offset ${cursor}: /${pattern}/\n--- text from there:\n${text.slice(cursor, cursor + 600)}`,
      );
    }
    cursor = match.index + match[0].length;
  }
  return cursor;
}

/** The text from `start` up to `end` (searched after `start`). */
function between(text: string, start: string, end: string): string {
  const startAt = findInOrder(text, [start]);
  const regex = new RegExp(end, 'g');
  regex.lastIndex = startAt;
  const match = regex.exec(text);
  return text.slice(startAt, match ? match.index : text.length);
}

const TIMELINESS_TEXT: Record<Timeliness, string> = {
  ON_TIME: 'On time',
  LATE: 'Late',
  OVERDUE: 'Overdue',
  NOT_YET_DUE: 'Not yet due',
};

const COUNT_ORDER = [
  'fiscalYearMoves',
  'calendarYearMoves',
  'participants',
  'withApprovedPlan',
  'employeesInLpelOrBridging',
  'trainingPeople',
] as const;

/** The printed cells of a department row, from the data; `replace` swaps in other counts. */
function expectedRow(
  row: StatewideDepartmentRow,
  replace: Partial<Record<StatewideCountColumn, number>> = {},
): string[] {
  const head = [row.departmentCode, row.departmentName, row.dueDate];
  if (!row.certified || row.counts === null) {
    return [...head, 'not certified', TIMELINESS_TEXT[row.timeliness], ...Array<string>(9).fill('-')];
  }
  const counts = row.counts;
  const count = (column: StatewideCountColumn) =>
    column in replace ? String(replace[column]) : formatCount(counts[column]);
  return [
    ...head,
    `v${row.certifiedVersion}, ${row.certifiedOn}`,
    TIMELINESS_TEXT[row.timeliness],
    formatGoal(row.moveGoal),
    count('fiscalYearMoves'),
    count('calendarYearMoves'),
    yesNo(row.moveGoalMet),
    count('participants'),
    count('withApprovedPlan'),
    count('employeesInLpelOrBridging'),
    count('trainingPeople'),
    row.verifiedTrainingHours === null ? NOT_APPLICABLE : formatHours(row.verifiedTrainingHours),
  ];
}

const DEPARTMENTS_HEADER = words(
  'Code',
  'Department',
  'Due date',
  'Certified (version, first on)',
  'Timeliness',
  'Move goal',
  'Moves FY 2025-26',
  'Moves CY 2025',
  'Goal met',
  'Participants',
  'With approved plan',
  'LPEL / bridging employees',
  'People trained',
  'Verified hours',
);

const render = (data: StatewideRollupData) =>
  renderStatewideRollupPdf(data, { dataSha256: sha256Hex(renderJson(data)) });

// ---------------------------------------------------------------------------------------------

describe('renderStatewideRollupPdf: 40 departments', () => {
  const { data, reports } = sampleRollup(40);
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    pages = await pdfPages(await render(data));
    text = pages.join('\n');
  });

  it('numbers every page "Page X of N" and carries the footer with the data hash', () => {
    const sha = sha256Hex(renderJson(data));
    expect(pages.length).toBeGreaterThan(6);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain(`Statewide roll-up - FY ${data.fiscalYear}`);
      expect(page).toContain(`SHA-256 of roll-up data: ${sha}`);
    });
  });

  it('has a cover with the year, period, dates, basis and the suppression threshold', () => {
    const cover = pages[0];
    const threshold = data.disclosure.smallCellThreshold;
    expect(cover).toContain(STATEWIDE_ROLLUP_TITLE);
    expect(cover).toMatch(new RegExp(words('Fiscal year', data.fiscalYear)));
    expect(cover).toMatch(
      new RegExp(words('Period', `${formatDate(data.periodStart)} to ${formatDate(data.periodEnd)}`)),
    );
    expect(cover).toMatch(new RegExp(words('Timeliness as of', formatDate(data.asOf))));
    expect(cover).toMatch(new RegExp(words('Generated at', formatInstant(data.generatedAt))));
    expect(cover).toMatch(
      new RegExp(words('Basis', 'latest certified annual report of each department')),
    );
    expect(cover).toMatch(new RegExp(words('Small-cell threshold', String(threshold))));
    expect(cover).toMatch(new RegExp(words(`from 1 to ${threshold - 1} are suppressed`)));
    expect(cover).toContain(`"${SUPPRESSED_MARK}" = a count`);
  });

  it('lists the sections in the contents with the pages their headings are on', () => {
    const listed = lines(pages[1])
      .map((line) => /^(\d\.\d? .*\S)\s+(\d+)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ title: match[1], page: Number(match[2]) }));
    expect(listed.map((entry) => entry.title)).toEqual([
      '1. Summary',
      '2. Departments',
      '3. Departments late or overdue',
      '4. Diversity and adverse impact',
      ...DIVERSITY_DECISIONS.map((decision, i) => `4.${i + 1} ${DECISION_TITLE[decision]}`),
    ]);
    for (const entry of listed) {
      const found = pages.findIndex((page, index) => index > 1 && lines(page).includes(entry.title));
      expect({ title: entry.title, page: found + 1 }).toEqual(entry);
    }
  });

  it('shows the summary counts and the timeliness chart', () => {
    const s = data.summary;
    expect(s.byTimeliness).toEqual({ ON_TIME: 20, LATE: 10, OVERDUE: 5, NOT_YET_DUE: 5 });
    const start = findInOrder(text, [heading('1. Summary')]);
    const afterFigures = findInOrder(
      text,
      [
        words('Departments', String(s.departments)),
        words('Certified annual reports', String(s.certified)),
        ...TIMELINESS.map((t) => words(TIMELINESS_TEXT[t], String(s.byTimeliness[t]))),
        words('Sum of the move goals', String(s.moveGoal)),
        words('Departments meeting their move goal', String(s.departmentsMeetingMoveGoal)),
        words('Departments missing their move goal', String(s.departmentsMissingMoveGoal)),
        words(
          'Departments without a move goal',
          String(s.certified - s.departmentsMeetingMoveGoal - s.departmentsMissingMoveGoal),
        ),
        words('Verified training hours', formatHours(s.verifiedTrainingHours)),
        words('Employees in LPEL or bridging classes during the fiscal year', formatCount(s.counts.employeesInLpelOrBridging)),
        words('Participants during the fiscal year', formatCount(s.counts.participants)),
        words('Participants with an approved career development plan', formatCount(s.counts.withApprovedPlan)),
        words('Employees with verified training', formatCount(s.counts.trainingPeople)),
        words('Upward mobility moves in the fiscal year', formatCount(s.counts.fiscalYearMoves)),
        words('Upward mobility moves in the statutory calendar year 2025', formatCount(s.counts.calendarYearMoves)),
      ],
      start,
    );
    findInOrder(
      text,
      [
        words('Departments by timeliness'),
        ...TIMELINESS.map((t) => `\\n${words(TIMELINESS_TEXT[t], String(s.byTimeliness[t]))}(?=\\n)`),
        heading('2. Departments'),
      ],
      afterFigures,
    );
  });

  it('shows every department in code order with its certification, timeliness and figures', () => {
    const section = between(text, heading('2. Departments'), heading('3. Departments late or overdue'));
    expect(data.departments).toHaveLength(40);
    findInOrder(section, [DEPARTMENTS_HEADER, ...data.departments.map((row) => words(...expectedRow(row)))]);
    // Not certified: "not certified" and a dash for each figure; the long name is whole.
    expect(data.departments.filter((row) => !row.certified)).toHaveLength(10);
    expect(section).toMatch(new RegExp(words('D002', LONG_NAME, '2026-07-01')));
  });

  it('prints "suppressed" for each hidden department count, never the number behind it', () => {
    const section = between(text, heading('2. Departments'), heading('3. Departments late or overdue'));
    let hidden = 0;
    for (const row of data.departments) {
      const report = reports.get(row.departmentCode);
      if (!row.counts || !report) continue;
      const real = realCounts(report);
      for (const column of COUNT_ORDER) {
        if (!isSuppressed(row.counts[column])) continue;
        hidden += 1;
        expect(section).toMatch(new RegExp(words(...expectedRow(row))));
        expect(section).not.toMatch(
          new RegExp(words(...expectedRow(row, { [column]: real[column] }))),
        );
      }
    }
    // Five small departments with five hidden counts each (LPEL/bridging employees are many).
    expect(hidden).toBeGreaterThanOrEqual(25);
  });

  it('charts goal against moves for the 15 certified departments with the largest goals', () => {
    const withGoal = data.departments
      .filter((row) => row.certified && row.moveGoal !== null)
      .sort((a, b) => (b.moveGoal ?? 0) - (a.moveGoal ?? 0) || a.departmentCode.localeCompare(b.departmentCode));
    expect(withGoal.length).toBeGreaterThan(15);
    const chart = between(
      text,
      words(`Move goal and moves in FY ${data.fiscalYear}: the 15 largest goals of ${withGoal.length} departments`),
      heading('3. Departments late or overdue'),
    );
    findInOrder(chart, [
      words('Move goal', `Moves in FY ${data.fiscalYear}`),
      ...withGoal
        .slice(0, 15)
        .map((row) =>
          words(row.departmentCode, row.departmentName, formatGoal(row.moveGoal), formatCount(row.counts!.fiscalYearMoves)),
        ),
    ]);
    for (const row of withGoal.slice(15)) expect(chart).not.toContain(`${row.departmentCode} `);
    expect(chart).toContain(SUPPRESSED_MARK);
  });

  it('lists the overdue and the late departments with their days past due', () => {
    const days = (from: string, to: string) =>
      String((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
    const overdue = data.departments.filter((row) => row.timeliness === 'OVERDUE');
    const late = data.departments.filter((row) => row.timeliness === 'LATE');
    expect(overdue.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
    const section = between(text, heading('3. Departments late or overdue'), heading('4. Diversity and adverse impact'));
    findInOrder(section, [
      words(`Overdue: not certified by ${formatDate(AS_OF)} (${overdue.length})`),
      words('Code', 'Department', 'Due date', 'Days overdue'),
      ...overdue.map((row) => `\\n${words(row.departmentCode, row.departmentName, row.dueDate, days(row.dueDate, AS_OF))}(?=\\n)`),
      words(`Late: certified after the due date (${late.length})`),
      ...late.map(
        (row) =>
          `\\n${words(row.departmentCode, row.departmentName, row.dueDate, row.certifiedOn ?? '', days(row.dueDate, row.certifiedOn ?? ''))}(?=\\n)`,
      ),
    ]);
    for (const row of data.departments.filter((r) => r.timeliness === 'ON_TIME' || r.timeliness === 'NOT_YET_DUE')) {
      expect(section).not.toMatch(new RegExp(`\\n${escape(row.departmentCode)} `));
    }
  });

  it('shows, for each decision and dimension, the rates table and the impact ratio chart', () => {
    let cursor = findInOrder(text, [heading('4. Diversity and adverse impact')]);
    DIVERSITY_DECISIONS.forEach((decision, index) => {
      cursor = findInOrder(text, [words(`4.${index + 1} ${DECISION_TITLE[decision]}`)], cursor);
      for (const dimension of DIVERSITY_DIMENSIONS) {
        const table = data.diversity.decisions[decision].byDimension[dimension];
        const title = DIMENSION_TITLE[dimension];
        const hidden = (suppressed: boolean, shown: string) => (suppressed ? SUPPRESSED_MARK : shown);
        // With the reference group hidden, every ratio is hidden too (it would give it away).
        const referenceHidden = table.groups.some((g) => g.isReference && g.suppressed);
        const ratio = (g: DiversityGroupResult) =>
          g.impactRatio !== null
            ? hidden(g.suppressed, formatImpactRatio(g.impactRatio))
            : hidden(g.suppressed || (referenceHidden && g.rate !== null), NOT_APPLICABLE);
        cursor = findInOrder(
          text,
          [
            words(title),
            words(
              'Reference group:',
              table.referenceGroup === null
                ? 'none (nobody was selected)'
                : referenceHidden
                  ? SUPPRESSED_MARK
                  : `${groupLabel(dimension, table.referenceGroup)} (rate ${formatRate(table.referenceRate)})`,
            ),
            words(`${title}: selection rates`),
            ...table.groups.map((g) =>
              words(
                groupLabel(dimension, g.group),
                ...(g.isReference ? ['(reference)'] : []),
                formatCount(g.selected),
                formatCount(g.total),
                hidden(g.suppressed, formatRate(g.rate)),
                ratio(g),
                hidden(g.suppressed, yesNo(g.fourFifthsFlag)),
                g.isReference && !g.suppressed
                  ? 'reference'
                  : hidden(g.suppressed, g.test === null ? NOT_APPLICABLE : g.test === 'FISHER' ? 'Fisher' : 'z-test'),
                hidden(g.suppressed, g.pValue === null ? NOT_APPLICABLE : formatPValue(g.pValue)),
                hidden(g.suppressed, yesNo(g.significant)),
              ),
            ),
            words(dimension.startsWith('ethnicity') ? 'Total (memberships)' : 'Total', formatCount(table.totals.selected), formatCount(table.totals.total)),
            words(`${title}: impact ratio by group`),
            ...table.groups.map((g) =>
              words(groupLabel(dimension, g.group), ratio(g)),
            ),
            words(`four-fifths: ${data.diversity.fourFifths}`),
          ],
          cursor,
        );
      }
    });
  });

  it('adds up the departments in the diversity tables and hides small statewide groups', () => {
    /** The certified departments' own counts of a group, added up (nothing hidden). */
    const realSum = (decision: DiversityDecision, dimension: DiversityDimension, group: string) => {
      let selected = 0;
      let total = 0;
      for (const report of reports.values()) {
        const g = report.diversity.decisions[decision].byDimension[dimension].groups.find((x) => x.group === group);
        selected += g && !isSuppressed(g.selected) ? g.selected : 0;
        total += g && !isSuppressed(g.total) ? g.total : 0;
      }
      return { selected, total };
    };
    let cursor = findInOrder(text, [heading('4. Diversity and adverse impact')]);
    let hiddenCells = 0;
    for (const decision of DIVERSITY_DECISIONS) {
      for (const dimension of DIVERSITY_DIMENSIONS) {
        const title = DIMENSION_TITLE[dimension];
        const start = findInOrder(text, [words(`${title}: selection rates`)], cursor);
        const end = findInOrder(text, [words(`four-fifths: ${data.diversity.fourFifths}`)], start);
        const span = text.slice(start, end);
        cursor = end;
        for (const g of data.diversity.decisions[decision].byDimension[dimension].groups) {
          const real = realSum(decision, dimension, g.group);
          if (!isSuppressed(g.selected)) expect(g.selected).toBe(real.selected);
          if (!isSuppressed(g.total)) expect(g.total).toBe(real.total);
          const label = words(groupLabel(dimension, g.group), ...(g.isReference ? ['(reference)'] : []));
          const realRow = (selected: string, total: string) =>
            new RegExp(`${label}\\s+${words(selected, total)}\\s`);
          if (isSuppressed(g.selected)) {
            hiddenCells += 1;
            expect(span).not.toMatch(realRow(String(real.selected), formatCount(g.total)));
          }
          if (isSuppressed(g.total)) {
            hiddenCells += 1;
            expect(span).not.toMatch(realRow(formatCount(g.selected), String(real.total)));
          }
        }
      }
    }
    expect(hiddenCells).toBeGreaterThan(0);
  });
});

describe('renderStatewideRollupPdf: 150 departments', () => {
  it('breaks the departments table across pages, repeating its caption and header on each', async () => {
    const { data } = sampleRollup(150);
    const pages = await pdfPages(await render(data));
    const codes = data.departments.map((row) => row.departmentCode);
    const rowStart = (line: string) => /^D\d{3} /.test(line) && codes.includes(line.slice(0, 4));
    const start = pages.findIndex((page) => lines(page).includes('2. Departments'));
    const end = pages.findIndex((page) => lines(page).includes('3. Departments late or overdue'));
    const tablePages = pages.slice(start, end + 1).filter((page) => new RegExp(DEPARTMENTS_HEADER).test(page));
    expect(tablePages.length).toBeGreaterThanOrEqual(4);
    tablePages.forEach((page, n) => {
      const caption = n === 0 ? 'Departments, fiscal year 2025-26' : 'Departments, fiscal year 2025-26 (continued)';
      const at = findInOrder(page, [`(?:^|\\n)${escape(caption)}\\n`, DEPARTMENTS_HEADER]);
      expect(lines(page.slice(0, at)).some(rowStart)).toBe(false);
      expect(lines(page.slice(at)).some(rowStart)).toBe(true);
    });
    // Every department once, in order, across the table's pages (the chart lists codes too).
    const tableText = tablePages.map((page) => page.split(/\nMove goal and moves in FY/)[0]).join('\n');
    const printed = lines(tableText).filter(rowStart).map((line) => line.slice(0, 4));
    expect(printed).toEqual(codes);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
  });
});

describe('renderStatewideRollupPdf: determinism and edge cases', () => {
  const { data } = sampleRollup(24);
  afterEach(() => jest.useRealTimers());

  it('gives identical bytes for the same data, whatever the clock says, dated generatedAt', async () => {
    jest.useFakeTimers({
      now: new Date('2031-02-03T04:05:06.789Z'),
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
    const first = await render(data);
    jest.setSystemTime(new Date('2040-12-31T23:59:59.999Z'));
    const second = await render(data);
    jest.useRealTimers();
    const third = await render(data);
    expect(sha256Hex(second)).toBe(sha256Hex(first));
    expect(sha256Hex(third)).toBe(sha256Hex(first));
    expect(first.toString('latin1').match(/\(D:20260815160000Z\)/g)).toHaveLength(2);
  });

  it('changes when a figure changes', async () => {
    const changed: StatewideRollupData = { ...data, summary: { ...data.summary, moveGoal: data.summary.moveGoal + 1 } };
    expect(sha256Hex(await render(changed))).not.toBe(sha256Hex(await render(data)));
  });

  it('renders a year in which no department has certified', async () => {
    const empty = buildStatewideRollup({
      fiscalYear: '2025-26',
      periodStart: '2025-07-01',
      periodEnd: '2026-06-30',
      today: AS_OF,
      generatedAt: '2026-08-15T16:00:00.000Z',
      departments: [{ code: 'A01', name: 'Only Agency', reportDueMonthDay: '07-01', smallCellThreshold: 5, certified: null }],
    });
    const text = (await pdfPages(await render(empty))).join('\n');
    expect(text).toMatch(new RegExp(words('A01', 'Only Agency', '2026-07-01', 'not certified', 'Overdue', ...Array<string>(9).fill('-'))));
    expect(text).toContain('No certified department set a move goal for the year.');
    expect(text).toContain('No department certified late.');
  });

  it('refuses a malformed data hash', async () => {
    await expect(renderStatewideRollupPdf(data, { dataSha256: 'not-a-hash' })).rejects.toThrow(RangeError);
  });
});

describe('renderStatewideRollupPdf: render time (reported, not asserted)', () => {
  it('renders 180 departments', async () => {
    const { data } = sampleRollup(180);
    await render(data); // warm-up: fonts and modules load once
    const started = process.hrtime.bigint();
    const pdf = await render(data);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const pages = await pdfPages(pdf);
    console.info(`statewide roll-up PDF: 180 departments, ${pages.length} pages, ${pdf.length} bytes: ${ms.toFixed(0)} ms`);
    expect(pages.length).toBeGreaterThan(10);
  });
});
