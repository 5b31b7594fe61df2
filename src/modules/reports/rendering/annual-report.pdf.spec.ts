import { pdfPages } from '../../../../test/support/report-files';
import {
  sampleCell,
  sampleGoal,
  sampleReportRaw,
} from '../../../../test/support/annual-report-sample';
import { buildAnnualReport, isSuppressed } from '../annual-report.builder';
import type { AnnualReportRaw } from '../annual-report.builder';
import { DIVERSITY_DECISIONS, DIVERSITY_DIMENSIONS } from '../annual-report.types';
import type { AnnualReportData, Count, ParticipationSection } from '../annual-report.types';
import { renderJson, sha256Hex } from '../report-figures.rule';
import {
  DECISION_TITLE,
  DIMENSION_TITLE,
  formatCount,
  formatGoal,
  formatHours,
  formatImpactRatio,
  formatInstant,
  formatPValue,
  formatRate,
  groupLabel,
  NOT_APPLICABLE,
  renderAnnualReportPdf,
  SUPPRESSED_MARK,
  yesNo,
} from './annual-report.pdf';
import { formatMoney } from './pdf-document';


const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Words of the cells in order, any white space between them (cells may wrap onto lines). */
const words = (...cells: string[]): string =>
  cells
    .flatMap((cell) => cell.split(/\s+/))
    .filter((word) => word !== '')
    .map(escape)
    .join('\\s+');
/** A heading on a line of its own (the contents list it with a page number after it). */
const heading = (title: string): string => `\n${escape(title)}\n`;
const lines = (page: string): string[] => page.split('\n').map((line) => line.trim());
const bodyLines = (page: string): string[] => {
  const all = lines(page);
  const footer = all.findIndex((line) => /^Page \d+ of \d+/.test(line));
  return footer < 0 ? all : all.slice(0, footer);
};

/** Finds each pattern after the previous one; returns where the last match ends. */
function findInOrder(text: string, patterns: readonly string[], from = 0): number {
  let cursor = from;
  for (const pattern of patterns) {
    const regex = new RegExp(pattern, 'g');
    regex.lastIndex = cursor;
    const match = regex.exec(text);
    if (!match) {
      throw new Error(`Not found after offset ${cursor}: /${pattern}/\n--- text from there:\n${text.slice(cursor, cursor + 600)}`);
    }
    cursor = match.index + match[0].length;
  }
  return cursor;
}

/** The text from `start` to `end` (both patterns, `end` searched after `start`). */
function between(text: string, start: string, end: string, from = 0): { span: string; end: number } {
  const startAt = findInOrder(text, [start], from);
  const regex = new RegExp(end, 'g');
  regex.lastIndex = startAt;
  const match = regex.exec(text);
  const endAt = match ? match.index : text.length;
  return { span: text.slice(startAt, endAt), end: endAt };
}

const render = (data: AnnualReportData) =>
  renderAnnualReportPdf(data, { dataSha256: sha256Hex(renderJson(data)) });

const department = buildAnnualReport(sampleReportRaw(), 'department');
const oversight = buildAnnualReport(sampleReportRaw(), 'oversight');

describe('renderAnnualReportPdf: the sample report, department audience', () => {
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    pages = await pdfPages(await render(department));
    text = pages.join('\n');
  });

  it('numbers every page "Page X of N" with N the real page count, and carries the footer', () => {
    const sha = sha256Hex(renderJson(department));
    const h = department.header;
    expect(pages.length).toBeGreaterThan(8);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain(`${h.departmentCode} - ${h.departmentName} - FY ${h.fiscalYear}`);
      expect(page).toContain(`SHA-256 of report data: ${sha}`);
      expect(page).toContain('DRAFT');
    });
  });

  it('has a cover with the report header and the notation', () => {
    const h = department.header;
    const cover = pages[0];
    expect(cover).toContain('Upward Mobility Program Annual Report');
    expect(cover).toMatch(new RegExp(words('Fiscal year', h.fiscalYear)));
    expect(cover).toMatch(new RegExp(words('Status', 'DRAFT')));
    expect(cover).toMatch(new RegExp(words('Upward mobility coordinator', h.coordinatorName ?? '')));
    expect(cover).toMatch(new RegExp(words('Figures generated at', formatInstant(h.generatedAt))));
    expect(cover).toMatch(/Audience\s+Department \(all counts shown\)/);
    expect(cover).toContain(`"${SUPPRESSED_MARK}" = a count`);
    expect(cover).toContain(`"${NOT_APPLICABLE}" = does not apply`);
  });

  it('lists the sections in the contents with the pages their headings are on', () => {
    const listed = bodyLines(pages[1])
      .slice(1)
      .map((line) => /^(.*\S)\s+(\d+)$/.exec(line))
      .map((match) => ({ title: match?.[1] ?? '', page: Number(match?.[2]) }));
    expect(listed.filter((entry) => /^\d\. /.test(entry.title)).map((e) => e.title[0])).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '8'],
    );
    expect(listed.filter((entry) => /^8\.\d /.test(entry.title)).map((e) => e.title)).toEqual(
      DIVERSITY_DECISIONS.map((decision, i) => `8.${i + 1} ${DECISION_TITLE[decision]}`),
    );
    expect(listed).toHaveLength(13);
    for (const entry of listed) {
      const headingPage = pages.findIndex((page, index) => index > 1 && lines(page).includes(entry.title));
      expect({ title: entry.title, page: headingPage + 1 }).toEqual(entry);
    }
    expect(listed.map((entry) => entry.page)).toEqual([...listed.map((entry) => entry.page)].sort((a, b) => a - b));
  });

  it('shows every designated class with its headcount, and the totals by designation', () => {
    const { classes, activeEmployees } = department.classes;
    findInOrder(
      text,
      classes.map((c) => `${words(c.classCode, c.title)}[^\\n]*\\s${escape(formatCount(c.activeEmployees))}\\n`),
      findInOrder(text, [heading('2. Designated classes')]),
    );
    findInOrder(text, [
      words('LPEL classes', formatCount(activeEmployees.LPEL)),
      words('Bridging classes', formatCount(activeEmployees.BRIDGING)),
      words('ELTPA classes', formatCount(activeEmployees.ELTPA)),
      words('All designated classes', formatCount(activeEmployees.allDesignated)),
    ]);
  });

  it('shows the participation figures', () => {
    const p = department.participation;
    const start = findInOrder(text, [heading('3. Program participation')]);
    findInOrder(
      text,
      participationRows(p).map(([label, value]) => words(label, formatCount(value))),
      start,
    );
    findInOrder(
      text,
      [
        words('Verified hours', formatHours(p.training.verifiedHours)),
        words('Hours on state time', formatHours(p.training.stateTimeHours)),
        words('Hours on own time', formatHours(p.training.ownTimeHours)),
        ...p.training.hoursByKind.map((row) => `[A-Za-z -]+\\s+${escape(formatHours(row.hours))}`),
        words('Budget', formatMoney(p.budget.budget ?? 0)),
        words('Spending (verified training)', formatMoney(p.budget.spending)),
        words('Remaining', formatMoney(p.budget.remaining ?? 0)),
      ],
      start,
    );
  });

  it('shows goals against results, by target class and in a chart', () => {
    const g = department.goalsVsResults;
    const start = findInOrder(text, [heading('4. Goals and results')]);
    const afterMoves = findInOrder(
      text,
      [
        words('Move goal for', department.header.fiscalYear, formatGoal(g.moves.goal)),
        words(`Moves in fiscal year ${department.header.fiscalYear}`, formatCount(g.moves.fiscalYear.moves)),
        words('Move goal met', yesNo(g.moves.fiscalYear.met)),
        words(`Moves in calendar year ${g.moves.calendarYear.year} (statutory)`, formatCount(g.moves.calendarYear.moves)),
        ...g.moves.byTargetClass.map((m) =>
          words(m.classCode, m.title, formatGoal(m.goal), formatCount(m.fiscalYearMoves), formatCount(m.calendarYearMoves)),
        ),
        words('Participants', formatGoal(g.participants.goal), formatCount(g.participants.actual), yesNo(g.participants.met)),
        words('Participants with an approved plan', formatGoal(g.plans.goal), formatCount(g.plans.actual), yesNo(g.plans.met)),
        words('Verified training hours', formatGoal(g.trainingHours.goal), formatHours(g.trainingHours.actual)),
      ],
      start,
    );
    expect(g.moves.byTargetClass.length).toBeGreaterThan(0);
    findInOrder(
      text,
      [
        'Goals and results: moves and participants',
        words('Goal', 'Result'),
        words('Moves (fiscal year)', formatGoal(g.moves.goal), formatCount(g.moves.fiscalYear.moves)),
        ...g.moves.byTargetClass.map((m) =>
          words(`Moves to ${m.classCode}`, formatGoal(m.goal), formatCount(m.fiscalYearMoves)),
        ),
        words('Participants', formatGoal(g.participants.goal), formatCount(g.participants.actual)),
        'Goals and results: verified training hours',
        words('Training hours', formatGoal(g.trainingHours.goal), formatHours(g.trainingHours.actual)),
      ],
      afterMoves,
    );
  });

  it('shows the two missed years and what is still needed', () => {
    const m = department.missedGoals;
    expect(m.missedTwoYearsInARow).toBe(true);
    findInOrder(text, [
      heading('5. Goals missed two years in a row'),
      ...m.years.map((year) => words(year.fiscalYear, formatGoal(year.moveGoal), formatCount(year.actualMoves), yesNo(year.missed))),
      words('Explanation'),
      words('Not recorded yet.'),
      words('Plan for the next two fiscal years'),
      words('Not recorded yet.'),
      ...m.problems.map((problem) => words(problem.message)),
      heading(`6. Goals for fiscal year ${department.nextYearGoals.fiscalYear}`),
      words(`No goals have been recorded for fiscal year ${department.nextYearGoals.fiscalYear} yet.`),
    ]);
  });

  it('shows the pipeline of each ELTPA class, and "no rules in force" where none are', () => {
    expect(department.pipeline.some((entry) => !entry.rulesInForce)).toBe(true);
    findInOrder(
      text,
      department.pipeline.map((e) =>
        e.rulesInForce
          ? words(
              e.classCode,
              e.title,
              ...[e.evaluated, e.eligible, e.examEligible, e.within3Months, e.within6Months, e.within12Months, e.unusableRecords].map(formatCount),
            )
          : words(e.classCode, e.title, '- no rules in force', ...Array<string>(7).fill(NOT_APPLICABLE)),
      ),
      findInOrder(text, [heading('7. Pipeline to ELTPA classes')]),
    );
  });

  it('shows, for each decision and dimension, the rates table and the impact ratio chart', () => {
    let cursor = findInOrder(text, [heading('8. Diversity and adverse impact')]);
    DIVERSITY_DECISIONS.forEach((decision, index) => {
      cursor = findInOrder(text, [words(`8.${index + 1} ${DECISION_TITLE[decision]}`)], cursor);
      for (const dimension of DIVERSITY_DIMENSIONS) {
        const table = department.diversity.decisions[decision].byDimension[dimension];
        const title = DIMENSION_TITLE[dimension];
        cursor = findInOrder(
          text,
          [
            words(`${title}: selection rates`),
            ...table.groups.map((g) =>
              words(
                groupLabel(dimension, g.group),
                ...(g.isReference ? ['(reference)'] : []),
                formatCount(g.selected),
                formatCount(g.total),
                formatRate(g.rate),
                g.impactRatio === null ? NOT_APPLICABLE : formatImpactRatio(g.impactRatio),
                yesNo(g.fourFifthsFlag),
                g.isReference ? 'reference' : g.test === null ? NOT_APPLICABLE : g.test === 'FISHER' ? 'Fisher' : 'z-test',
                g.pValue === null ? NOT_APPLICABLE : formatPValue(g.pValue),
                yesNo(g.significant),
              ),
            ),
            words(`${title}: impact ratio by group`),
            ...table.groups.map((g) =>
              words(groupLabel(dimension, g.group), g.impactRatio === null ? NOT_APPLICABLE : formatImpactRatio(g.impactRatio)),
            ),
            words(`four-fifths: ${department.diversity.fourFifths}`),
          ],
          cursor,
        );
      }
    });
  });
});

/** Participation counts with the labels they print under, in the order they print. */
function participationRows(p: ParticipationSection): [string, Count][] {
  return [
    ['At some time during the fiscal year', p.employeesInLpelOrBridging.duringYear],
    ['Received', p.applications.received],
    ['Accepted', p.applications.accepted],
    ['Waitlisted', p.applications.waitlisted],
    ['Declined', p.applications.declined],
    ['Participants during the fiscal year', p.participants.duringYear],
    ['Withdrawn in the fiscal year', p.participants.withdrawnInYear],
    ['With an approved career development plan', p.participants.withApprovedPlan],
    ['Conversations held', p.careerConversations.held],
    ['Employees who had one', p.careerConversations.employees],
    ['Employees trained', p.training.people],
    ['Training records', p.training.records],
    ['Assignments active in the fiscal year', p.tdAssignments.active],
    ['Employees on an assignment', p.tdAssignments.employees],
  ];
}

describe('renderAnnualReportPdf: oversight audience', () => {
  let text: string;

  beforeAll(async () => {
    text = (await pdfPages(await render(oversight))).join('\n');
  });

  it('says on the cover which counts are suppressed', () => {
    const threshold = oversight.disclosure.smallCellThreshold;
    expect(text).toMatch(/Audience\s+Oversight \(small counts suppressed\)/);
    expect(text).toMatch(new RegExp(words(`counts of people or records from 1 to ${threshold - 1}`)));
  });

  it('prints the marker for each hidden headcount, never the number behind it', () => {
    const hidden = oversight.classes.classes.filter((c) => isSuppressed(c.activeEmployees));
    expect(hidden.length).toBeGreaterThan(0);
    const section = between(text, heading('2. Designated classes'), heading('3. Program participation')).span;
    oversight.classes.classes.forEach((c, index) => {
      const shown = `${words(c.classCode, c.title)}[^\\n]*\\s${escape(formatCount(c.activeEmployees))}\\n`;
      expect(section).toMatch(new RegExp(shown));
      if (isSuppressed(c.activeEmployees)) {
        const real = formatCount(department.classes.classes[index].activeEmployees);
        expect(section).not.toMatch(new RegExp(`${words(c.classCode, c.title)}[^\\n]*\\s${real}\\n`));
      }
    });
  });

  it('prints the marker for each hidden participation count, never the number behind it', () => {
    const rows = participationRows(oversight.participation);
    const real = participationRows(department.participation);
    expect(rows.filter(([, value]) => isSuppressed(value)).length).toBeGreaterThan(0);
    const section = between(text, heading('3. Program participation'), heading('4. Goals and results')).span;
    rows.forEach(([label, value], index) => {
      expect(section).toMatch(new RegExp(`${words(label)}\\s+${escape(formatCount(value))}\\n`));
      if (isSuppressed(value)) {
        expect(section).not.toMatch(new RegExp(`${words(label)}\\s+${escape(formatCount(real[index][1]))}\\n`));
      }
    });
  });

  it('hides the moves by target class in the table and the chart', () => {
    const section = between(text, heading('4. Goals and results'), heading('5. Goals missed two years in a row')).span;
    const hidden = oversight.goalsVsResults.moves.byTargetClass.filter((m) => isSuppressed(m.fiscalYearMoves));
    expect(hidden.length).toBeGreaterThan(0);
    for (const m of hidden) {
      expect(section).toMatch(new RegExp(words(m.classCode, m.title, formatGoal(m.goal), SUPPRESSED_MARK, formatCount(m.calendarYearMoves))));
      expect(section).toMatch(new RegExp(words(`Moves to ${m.classCode}`, formatGoal(m.goal), SUPPRESSED_MARK)));
    }
  });

  it('hides the counts, rates and tests of hidden diversity groups, in the tables and the charts', () => {
    let hiddenGroups = 0;
    let cursor = findInOrder(text, [heading('8. Diversity and adverse impact')]);
    for (const decision of DIVERSITY_DECISIONS) {
      for (const dimension of DIVERSITY_DIMENSIONS) {
        const table = oversight.diversity.decisions[decision].byDimension[dimension];
        const real = department.diversity.decisions[decision].byDimension[dimension];
        const title = DIMENSION_TITLE[dimension];
        const { span, end } = between(text, words(`${title}: selection rates`), words(`four-fifths: ${oversight.diversity.fourFifths}`), cursor);
        cursor = end;
        table.groups.forEach((g, index) => {
          const label = words(groupLabel(dimension, g.group), ...(g.isReference ? ['(reference)'] : []));
          if (!g.suppressed) return;
          hiddenGroups += 1;
          expect(span).toMatch(
            new RegExp(`${label}\\s+${words(formatCount(g.selected), formatCount(g.total), ...Array<string>(6).fill(SUPPRESSED_MARK))}`),
          );
          const realRow = `${label}\\s+${words(formatCount(real.groups[index].selected), formatCount(real.groups[index].total))}\\s`;
          if (isSuppressed(g.selected) || isSuppressed(g.total)) expect(span).not.toMatch(new RegExp(realRow));
          expect(span).toMatch(new RegExp(`\\n${words(groupLabel(dimension, g.group), SUPPRESSED_MARK)}\\n`));
        });
      }
    }
    expect(hiddenGroups).toBeGreaterThan(0);
  });
});

describe('renderAnnualReportPdf: variants', () => {
  it('shows a certified report as such, dated at its certification', async () => {
    const certification = { version: 2, certifiedAt: '2025-09-10T16:30:00.000Z', certifiedByName: 'Jane Auditor' };
    const data = buildAnnualReport(sampleReportRaw({ certification }), 'department');
    const pdf = await render(data);
    const pages = await pdfPages(pdf);
    expect(pages[0]).toMatch(/Status\s+CERTIFIED, version 2/);
    expect(pages[0]).toMatch(new RegExp(words('Certified by', certification.certifiedByName)));
    expect(pages[0]).toMatch(new RegExp(words('Certified at', formatInstant(certification.certifiedAt))));
    expect(pages[0]).not.toContain('DRAFT');
    pages.forEach((page) => expect(page).toContain('CERTIFIED, version 2'));
    expect(pdf.toString('latin1').match(/\(D:20250910163000Z\)/g)).toHaveLength(2);
  });

  it('shows the explanation and two-year plan when both years were missed and they are recorded', async () => {
    const next = sampleGoal('2025-26', {
      missedGoalsExplanation: 'Hiring freeze for most of the year.',
      twoYearPlan: 'Two analyst training cohorts in 2025-26 and 2026-27.',
    });
    const data = buildAnnualReport(sampleReportRaw({ goals: { ...sampleReportRaw().goals, next } }), 'department');
    const text = (await pdfPages(await render(data))).join('\n');
    findInOrder(text, [
      heading('5. Goals missed two years in a row'),
      words('Explanation', data.missedGoals.explanation ?? ''),
      words('Plan for the next two fiscal years', data.missedGoals.twoYearPlan ?? ''),
      heading(`6. Goals for fiscal year ${data.nextYearGoals.fiscalYear}`),
    ]);
    expect(text).not.toContain('Still needed before certification');
  });

  it('says the missed-goals part does not apply when a year was met', async () => {
    const raw = sampleReportRaw();
    const data = buildAnnualReport(
      { ...raw, goals: { ...raw.goals, previous: sampleGoal('2023-24', { moveGoal: 1 }) } },
      'department',
    );
    expect(data.missedGoals.missedTwoYearsInARow).toBe(false);
    const text = (await pdfPages(await render(data))).join('\n');
    expect(text).toMatch(new RegExp(words('Does not apply: the move goal was not missed in both 2024-25 and 2023-24')));
    expect(text).not.toContain('Still needed before certification');
  });

  it("shows next year's goals when recorded", async () => {
    const next = sampleGoal('2025-26', {
      moveGoal: 5,
      participantGoal: 8,
      planGoal: 6,
      trainingHoursGoal: 120.5,
      apprenticeGoal: 2,
      budget: 7500,
      moveGoalsByClass: [{ classCode: '5157', count: 4 }],
      narrative: 'Focus on the analyst ladder \u2192 more moves.',
    });
    const raw = sampleReportRaw();
    const data = buildAnnualReport({ ...raw, goals: { ...raw.goals, next } }, 'department');
    const n = data.nextYearGoals;
    const text = (await pdfPages(await render(data))).join('\n');
    findInOrder(text, [
      heading(`6. Goals for fiscal year ${n.fiscalYear}`),
      words('Upward mobility moves', formatGoal(n.moveGoal)),
      words('Participants', formatGoal(n.participantGoal)),
      words('Participants with an approved plan', formatGoal(n.planGoal)),
      words('Verified training hours', formatHours(n.trainingHoursGoal ?? 0)),
      words('Apprentices', formatGoal(n.apprenticeGoal)),
      words('Budget', formatMoney(n.budget ?? 0)),
      ...n.moveGoalsByClass.map((goal) => words(goal.classCode, String(goal.count))),
      // Outside WinAnsi: printed as "?", never as garbage.
      words('Narrative', 'Focus on the analyst ladder ? more moves.'),
    ]);
  });

  it('prints goals as n/a when none were recorded for the year', async () => {
    const raw = sampleReportRaw();
    const data = buildAnnualReport({ ...raw, goals: { ...raw.goals, current: null } }, 'department');
    const text = (await pdfPages(await render(data))).join('\n');
    findInOrder(text, [
      words(`No goals were recorded for fiscal year ${data.header.fiscalYear}`),
      words(`Move goal for ${data.header.fiscalYear}`, NOT_APPLICABLE),
      words('Participants', NOT_APPLICABLE, formatCount(data.goalsVsResults.participants.actual), NOT_APPLICABLE),
      words('Moves (fiscal year)', 'no goal'),
    ]);
  });

  it('refuses a malformed data hash', async () => {
    await expect(renderAnnualReportPdf(department, { dataSha256: 'not-a-hash' })).rejects.toThrow(RangeError);
  });
});

/** A department with `count` designated classes: a third LPEL, a third bridging, a third ELTPA. */
function largeReportRaw(count: number): AnnualReportRaw {
  const designations = ['LPEL', 'BRIDGING', 'ELTPA'] as const;
  const classes = Array.from({ length: count }, (_, i) => ({
    classCode: `C${String(i + 1).padStart(4, '0')}`,
    title: `Synthetic class ${i + 1}`,
    designation: designations[i % 3],
    ladderTargetClassCodes: i % 3 === 2 ? [] : [`C${String(i + 3 - (i % 3)).padStart(4, '0')}`],
    activeEmployees: (i * 7) % 23,
  }));
  const eltpa = classes.filter((c) => c.designation === 'ELTPA');
  const raw = sampleReportRaw();
  return {
    ...raw,
    classes,
    movesByClass: eltpa.map((c, i) => ({ classCode: c.classCode, title: c.title, fiscalYearMoves: i % 4, calendarYearMoves: i % 3 })),
    pipeline: eltpa.map((c, i) => ({
      classCode: c.classCode,
      title: c.title,
      counts:
        i % 10 === 9
          ? null
          : { evaluated: 40 + i, eligible: i % 9, examEligible: i % 5, within3Months: i % 4, within6Months: i % 6, within12Months: i % 8, unusable: i % 2 },
    })),
    demographics: Array.from({ length: 60 }, (_, i) =>
      sampleCell({
        ethnicities: [['HISPANIC'], ['WHITE'], ['ASIAN_CHINESE'], ['BLACK'], ['FILIPINO'], []][i % 6],
        gender: ['FEMALE', 'MALE', 'NONBINARY', null][i % 4],
        disability: ['YES', 'NO', 'DECLINED', null][i % 4],
        veteran: ['YES', 'NO', null][i % 3],
        employees: 10 + (i % 7),
        applicants: 5 + (i % 3),
        accepted: 2 + (i % 3),
        participants: 4,
        withApprovedPlan: 1 + (i % 3),
        trained: 3 + (i % 4),
        tdAssigned: i % 3,
        appointed: i % 2,
      }),
    ),
  };
}

describe('renderAnnualReportPdf: a long table', () => {
  it('breaks the classes table across pages, repeating the header row on each', async () => {
    const data = buildAnnualReport(largeReportRaw(200), 'department');
    const pages = await pdfPages(await render(data));
    const codes = new Set(data.classes.classes.map((c) => c.classCode));
    const isClassRow = (line: string) => codes.has(line.split(' ')[0]) && / Synthetic class \d+ (LPEL|Bridging|ELTPA) /.test(line);
    const withRows = pages
      .map((page, index) => ({ index, lines: bodyLines(page) }))
      .filter((page) => page.lines.some(isClassRow));
    expect(withRows.length).toBeGreaterThanOrEqual(4);
    withRows.forEach((page, n) => {
      const header = page.lines.indexOf('Class Title Designation Ladder targets Employees on');
      expect(header).toBeGreaterThanOrEqual(0);
      expect(header).toBeLessThan(page.lines.findIndex(isClassRow));
      expect(page.lines[header - 1]).toBe(n === 0 ? 'Designated classes' : 'Designated classes (continued)');
    });
    const printed = withRows.flatMap((page) => page.lines.filter(isClassRow).map((line) => line.split(' ')[0]));
    expect(printed).toEqual(data.classes.classes.map((c) => c.classCode));
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
  });
});

describe('renderAnnualReportPdf: determinism', () => {
  afterEach(() => jest.useRealTimers());

  it('gives identical bytes for the same data, whatever the clock says', async () => {
    jest.useFakeTimers({
      now: new Date('2031-02-03T04:05:06.789Z'),
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
    const first = await render(oversight);
    jest.setSystemTime(new Date('2040-12-31T23:59:59.999Z'));
    const second = await render(oversight);
    jest.useRealTimers();
    const third = await render(oversight);
    expect(sha256Hex(second)).toBe(sha256Hex(first));
    expect(sha256Hex(third)).toBe(sha256Hex(first));
    // Dated at the report's generation (a draft): not at the time of rendering.
    expect(first.toString('latin1').match(/\(D:20250901170000Z\)/g)).toHaveLength(2);
  });

  it('changes when the figures change', async () => {
    const raw = sampleReportRaw();
    const changed = buildAnnualReport({ ...raw, program: { ...raw.program, conversationsHeld: 10 } }, 'department');
    expect(sha256Hex(await render(changed))).not.toBe(sha256Hex(await render(department)));
  });
});

describe('renderAnnualReportPdf: render time (reported, not asserted)', () => {
  it('renders the sample and a large synthetic report', async () => {
    const time = async (data: AnnualReportData) => {
      const started = process.hrtime.bigint();
      const pdf = await render(data);
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, bytes: pdf.length };
    };
    await time(department); // warm-up: fonts and modules load once
    const sample = await time(department);
    const large = buildAnnualReport(largeReportRaw(600), 'department');
    const big = await time(large);
    console.info(
      `annual report PDF: sample ${sample.ms.toFixed(0)} ms (${sample.bytes} bytes); ` +
        `${large.classes.classes.length} classes, ${large.pipeline.length} pipeline rows, ` +
        `${large.goalsVsResults.moves.byTargetClass.length} target classes: ${big.ms.toFixed(0)} ms (${big.bytes} bytes)`,
    );
    expect(big.bytes).toBeGreaterThan(sample.bytes);
  });
});
