import { ValueType, Workbook } from 'exceljs';
import type { Worksheet } from 'exceljs';
import {
  sampleGoal as goal,
  sampleReportRaw as raw,
} from '../../../../test/support/annual-report-sample';
import { buildAnnualReport } from '../annual-report.builder';
import type { AnnualReportRaw } from '../annual-report.builder';
import { DIVERSITY_DECISIONS, DIVERSITY_DIMENSIONS, REPORT_AUDIENCES } from '../annual-report.types';
import type { AnnualReportData, Count, ReportAudience } from '../annual-report.types';
import { ANNUAL_REPORT_SHEETS, renderAnnualReportXlsx } from './annual-report.xlsx';

type Expected = string | number | Date | null;

const SUPPRESSED = 'suppressed';
const FORMULA_START = /^[=+\-@\t\r]/;

const count = (c: Count): Expected => (typeof c === 'number' ? c : SUPPRESSED);
const yesNo = (b: boolean | null): Expected => (b === null ? null : b ? 'Yes' : 'No');
const text = (s: string | null): Expected => (s === null || s === '' ? null : s);
const utcDate = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

function report(audience: ReportAudience, overrides: Partial<AnnualReportRaw> = {}) {
  return buildAnnualReport(raw(overrides), audience);
}

async function load(data: AnnualReportData): Promise<Workbook> {
  const workbook = new Workbook();
  // exceljs types `load` as taking an ArrayBuffer.
  await workbook.xlsx.load(Uint8Array.from(await renderAnnualReportXlsx(data)).buffer);
  return workbook;
}

function sheetOf(workbook: Workbook, name: string): Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The table's extent, as its autofilter gives it (e.g. `A2:E7`). */
function tableRange(sheet: Worksheet): { header: number; last: number; columns: number } {
  const filter = typeof sheet.autoFilter === 'string' ? sheet.autoFilter : '';
  const match = /^A(\d+):([A-Z])(\d+)$/.exec(filter);
  if (!match) throw new Error(`sheet ${sheet.name} has no autofilter`);
  return {
    header: Number(match[1]),
    last: Number(match[3]),
    columns: match[2].charCodeAt(0) - 64,
  };
}

/** The values of the table's rows below the header. */
function body(sheet: Worksheet): unknown[][] {
  const { header, last, columns } = tableRange(sheet);
  const rows: unknown[][] = [];
  for (let r = header + 1; r <= last; r++) {
    rows.push(Array.from({ length: columns }, (_, c) => sheet.getCell(r, c + 1).value));
  }
  return rows;
}

/** A key/value sheet as a map from its first column to its second (each label once). */
function fieldValues(sheet: Worksheet): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [label, value] of body(sheet)) {
    expect(values.has(String(label))).toBe(false);
    values.set(String(label), value);
  }
  return values;
}

/** What each table sheet must hold, computed from the report data. */
function expectedTables(data: AnnualReportData): Record<string, Expected[][]> {
  const g = data.goalsVsResults;
  const fy = `FY ${data.header.fiscalYear}`;
  const calendar = `Calendar year ${g.moves.calendarYear.year}`;
  return {
    [ANNUAL_REPORT_SHEETS.classes]: data.classes.classes.map((c) => [
      c.classCode,
      text(c.title),
      c.designation,
      text(c.ladderTargetClassCodes.join(', ')),
      count(c.activeEmployees),
    ]),
    [ANNUAL_REPORT_SHEETS.trainingHours]: data.participation.training.hoursByKind.map((k) => [
      k.kind,
      k.hours,
    ]),
    [ANNUAL_REPORT_SHEETS.goalsVsResults]: [
      ['Upward mobility moves', fy, g.moves.goal, count(g.moves.fiscalYear.moves), yesNo(g.moves.fiscalYear.met)],
      ['Employees moved', fy, null, count(g.moves.fiscalYear.employees), null],
      ['Upward mobility moves (statutory count)', calendar, null, count(g.moves.calendarYear.moves), null],
      ['Employees moved (statutory count)', calendar, null, count(g.moves.calendarYear.employees), null],
      ['Participants', fy, g.participants.goal, count(g.participants.actual), yesNo(g.participants.met)],
      ['Approved plans', fy, g.plans.goal, count(g.plans.actual), yesNo(g.plans.met)],
      ['Verified training hours', fy, g.trainingHours.goal, g.trainingHours.actual, yesNo(g.trainingHours.met)],
    ],
    [ANNUAL_REPORT_SHEETS.movesByClass]: g.moves.byTargetClass.map((m) => [
      m.classCode,
      text(m.title),
      m.goal,
      count(m.fiscalYearMoves),
      count(m.calendarYearMoves),
    ]),
    [ANNUAL_REPORT_SHEETS.pipeline]: data.pipeline.map((p) => [
      p.classCode,
      text(p.title),
      yesNo(p.rulesInForce),
      count(p.evaluated),
      count(p.eligible),
      count(p.examEligible),
      count(p.within3Months),
      count(p.within6Months),
      count(p.within12Months),
      count(p.unusableRecords),
    ]),
    [ANNUAL_REPORT_SHEETS.diversity]: DIVERSITY_DECISIONS.flatMap((decision) => {
      const result = data.diversity.decisions[decision];
      return DIVERSITY_DIMENSIONS.flatMap((dimension) =>
        result.byDimension[dimension].groups.map((group): Expected[] => [
          decision,
          result.selection,
          result.pool,
          dimension,
          group.group,
          count(group.selected),
          count(group.total),
          group.rate,
          group.impactRatio,
          yesNo(group.fourFifthsFlag),
          yesNo(group.isReference),
          group.test,
          group.pValue,
          yesNo(group.significant),
          yesNo(group.suppressed),
        ]),
      );
    }),
  };
}

/** What each key/value sheet must hold, by label, computed from the report data. */
function expectedFields(data: AnnualReportData): Record<string, [string, Expected][]> {
  const { header, participation: p, classes, missedGoals: m, nextYearGoals: n } = data;
  const asOf = header.asOf;
  return {
    [ANNUAL_REPORT_SHEETS.about]: [
      ['Department code', header.departmentCode],
      ['Department name', header.departmentName],
      ['Fiscal year', header.fiscalYear],
      ['Period start', utcDate(header.periodStart)],
      ['Period end', utcDate(header.periodEnd)],
      ['Headcounts as of', utcDate(header.asOf)],
      ['Statutory calendar year (moves)', header.statutoryCalendarYear],
      ['Status', header.status],
      ['Version', header.version],
      ['Certified by', header.certifiedByName],
      ['Certified at (UTC)', header.certifiedAt === null ? null : new Date(header.certifiedAt)],
      ['Upward mobility coordinator', header.coordinatorName],
      ['Small-cell threshold', data.disclosure.smallCellThreshold],
      ['Suppression applied', yesNo(data.disclosure.suppressionApplied)],
      ['Generated at (UTC)', new Date(header.generatedAt)],
    ],
    [ANNUAL_REPORT_SHEETS.participation]: [
      [`Employees in LPEL classes on ${asOf}`, count(classes.activeEmployees.LPEL)],
      [`Employees in BRIDGING classes on ${asOf}`, count(classes.activeEmployees.BRIDGING)],
      [`Employees in ELTPA classes on ${asOf}`, count(classes.activeEmployees.ELTPA)],
      [`Employees in designated classes on ${asOf}`, count(classes.activeEmployees.allDesignated)],
      [`Employees in LPEL/bridging classes on ${asOf}`, count(p.employeesInLpelOrBridging.onAsOf)],
      [
        'Employees in LPEL/bridging classes during the fiscal year',
        count(p.employeesInLpelOrBridging.duringYear),
      ],
      ['Applications received', count(p.applications.received)],
      ['Applications accepted', count(p.applications.accepted)],
      ['Applications waitlisted', count(p.applications.waitlisted)],
      ['Applications declined', count(p.applications.declined)],
      ['Participants during the fiscal year', count(p.participants.duringYear)],
      ['Participants withdrawn in the fiscal year', count(p.participants.withdrawnInYear)],
      ['Participants with an approved plan', count(p.participants.withApprovedPlan)],
      ['Career conversations held', count(p.careerConversations.held)],
      ['Employees with a career conversation', count(p.careerConversations.employees)],
      ['Employees with verified training', count(p.training.people)],
      ['Verified training records', count(p.training.records)],
      ['Verified training hours', p.training.verifiedHours],
      ['Verified training hours on state time', p.training.stateTimeHours],
      ['Verified training hours on own time', p.training.ownTimeHours],
      ['T&D assignments active in the fiscal year', count(p.tdAssignments.active)],
      ['Employees on a T&D assignment', count(p.tdAssignments.employees)],
      ['Budget', p.budget.budget],
      ['Spending (verified training cost)', p.budget.spending],
      ['Budget remaining', p.budget.remaining],
    ],
    [ANNUAL_REPORT_SHEETS.missedGoals]: [
      ...m.years.flatMap((year): [string, Expected][] => [
        [`Move goal, FY ${year.fiscalYear}`, year.moveGoal],
        [`Moves, FY ${year.fiscalYear}`, count(year.actualMoves)],
        [`Goal missed, FY ${year.fiscalYear}`, yesNo(year.missed)],
      ]),
      ['Missed two years in a row', yesNo(m.missedTwoYearsInARow)],
      ['Explanation and plan recorded with the goals of FY', m.responseFiscalYear],
      ['Explanation', text(m.explanation)],
      ['Two-year plan', text(m.twoYearPlan)],
      ...m.problems.map((problem): [string, Expected] => [
        `Still needed for certification: ${problem.field}`,
        problem.message,
      ]),
    ],
    [ANNUAL_REPORT_SHEETS.nextYearGoals]: [
      ['Fiscal year', n.fiscalYear],
      ['Goals recorded', yesNo(n.recorded)],
      ['Move goal', n.moveGoal],
      ...n.moveGoalsByClass.map((c): [string, Expected] => [
        `Move goal, class ${c.classCode}`,
        c.count,
      ]),
      ['Participant goal', n.participantGoal],
      ['Plan goal', n.planGoal],
      ['Training hours goal', n.trainingHoursGoal],
      ['Apprentice goal', n.apprenticeGoal],
      ['Budget', n.budget],
      ['Narrative', text(n.narrative)],
    ],
  };
}

/** Goals for next year, so that section has figures, a narrative and a missed-goals response. */
const WITH_NEXT_GOALS: Partial<AnnualReportRaw> = {
  goals: {
    previous: goal('2023-24', { moveGoal: 3 }),
    current: goal('2024-25', {
      moveGoal: 4,
      moveGoalsByClass: [
        { classCode: '5157', count: 3 },
        { classCode: '4800', count: 1 },
      ],
      budget: 5000,
    }),
    next: goal('2025-26', {
      moveGoal: 5,
      moveGoalsByClass: [{ classCode: '5157', count: 5 }],
      trainingHoursGoal: 37.5,
      apprenticeGoal: 2,
      budget: 6250.25,
      narrative: 'Expand mentoring.\nOpen two T&D assignments.',
      missedGoalsExplanation: 'Hiring freeze.',
      twoYearPlan: 'Bridging classes in both years.',
    }),
  },
};

describe.each(REPORT_AUDIENCES)('renderAnnualReportXlsx, %s audience', (audience) => {
  const cases: [string, AnnualReportData][] = [
    ['sample', report(audience)],
    [
      'sample, certified, with next year goals',
      report(audience, {
        ...WITH_NEXT_GOALS,
        certification: {
          version: 2,
          certifiedAt: '2025-09-15T21:04:05.000Z',
          certifiedByName: 'Dana Director',
        },
      }),
    ],
  ];

  describe.each(cases)('%s', (_name, data) => {
    let workbook: Workbook;
    beforeAll(async () => {
      workbook = await load(data);
    });

    it('has one sheet per section, in order, each with a bold frozen header and an autofilter', () => {
      expect(workbook.worksheets.map((s) => s.name)).toEqual(Object.values(ANNUAL_REPORT_SHEETS));
      for (const sheet of workbook.worksheets) {
        const { header, last, columns } = tableRange(sheet);
        const view = sheet.views[0];
        expect(view?.state).toBe('frozen');
        expect(view?.state === 'frozen' ? view.ySplit : undefined).toBe(header);
        expect(last).toBe(sheet.rowCount);
        for (let c = 1; c <= columns; c++) {
          expect(typeof sheet.getCell(header, c).value).toBe('string');
          expect(sheet.getCell(header, c).font?.bold).toBe(true);
        }
      }
    });

    it.each(Object.keys(expectedTables(data)))('%s holds the figures of the data', (name) => {
      expect(body(sheetOf(workbook, name))).toEqual(expectedTables(data)[name]);
    });

    it.each(Object.keys(expectedFields(data)))('%s holds the figures of the data', (name) => {
      const values = fieldValues(sheetOf(workbook, name));
      for (const [label, expected] of expectedFields(data)[name]) {
        expect([label, values.get(label)]).toEqual([label, expected]);
      }
    });

    it('stores counts as numbers with a number format, dates as real dates', () => {
      const classes = sheetOf(workbook, ANNUAL_REPORT_SHEETS.classes);
      data.classes.classes.forEach((c, i) => {
        const cell = classes.getCell(3 + i, 5);
        if (typeof c.activeEmployees === 'number') {
          expect(typeof cell.value).toBe('number');
          expect(cell.numFmt).toBe('0');
        }
      });
      const about = fieldValues(sheetOf(workbook, ANNUAL_REPORT_SHEETS.about));
      expect(about.get('Period start')).toBeInstanceOf(Date);
      const diversity = sheetOf(workbook, ANNUAL_REPORT_SHEETS.diversity);
      const formats: [number, string][] = [
        [6, '0'],
        [7, '0'],
        [8, '0.0%'],
        [9, '0.0000'],
        [13, '0.000000'],
      ];
      let numbers = 0;
      body(diversity).forEach((row, r) => {
        for (const [column, format] of formats) {
          if (typeof row[column - 1] !== 'number') continue;
          numbers++;
          expect(diversity.getCell(3 + r, column).numFmt).toBe(format);
        }
      });
      expect(numbers).toBeGreaterThan(0);
    });

    it('explains suppressed counts and empty cells on the About sheet', () => {
      const about = fieldValues(sheetOf(workbook, ANNUAL_REPORT_SHEETS.about));
      expect(about.get('Suppressed counts')).toEqual(expect.stringContaining(`"${SUPPRESSED}"`));
      expect(about.get('Suppressed counts')).toEqual(expect.stringContaining('not zero'));
      expect(about.get('Audience')).toEqual(expect.stringContaining(audience));
    });

    it('dates the workbook with the report (certified, else generated) and names its creator', () => {
      const at = new Date(data.header.certifiedAt ?? data.header.generatedAt);
      expect(workbook.created).toEqual(at);
      expect(workbook.modified).toEqual(at);
      expect(workbook.creator).toBe('Upward Mobility system');
    });
  });
});

describe('suppression in the oversight audience', () => {
  it('writes "suppressed" wherever the department sees a hidden count, never the number', async () => {
    const department = report('department', WITH_NEXT_GOALS);
    const oversight = report('oversight', WITH_NEXT_GOALS);
    const [departmentBook, oversightBook] = await Promise.all([load(department), load(oversight)]);

    let hidden = 0;
    for (const [name, rows] of Object.entries(expectedTables(oversight))) {
      const departmentRows = body(sheetOf(departmentBook, name));
      const oversightRows = body(sheetOf(oversightBook, name));
      rows.forEach((row, r) =>
        row.forEach((expected, c) => {
          if (expected !== SUPPRESSED) return;
          hidden++;
          const shown = departmentRows[r][c];
          expect(typeof shown).toBe('number');
          expect(oversightRows[r][c]).toBe(SUPPRESSED);
        }),
      );
    }
    const participation = fieldValues(sheetOf(oversightBook, ANNUAL_REPORT_SHEETS.participation));
    for (const [label, expected] of expectedFields(oversight)[ANNUAL_REPORT_SHEETS.participation]) {
      if (expected === SUPPRESSED) {
        hidden++;
        expect(participation.get(label)).toBe(SUPPRESSED);
      }
    }
    // The sample has small counts: the check above must have had something to check.
    expect(hidden).toBeGreaterThan(5);
  });

  it('shows every count to the department', async () => {
    const workbook = await load(report('department', WITH_NEXT_GOALS));
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (sheet.name !== ANNUAL_REPORT_SHEETS.about) expect(cell.value).not.toBe(SUPPRESSED);
        }),
      );
    }
  });
});

describe('formula injection', () => {
  const attack = "=cmd|' /C calc'!A0";
  const base = raw(WITH_NEXT_GOALS);
  const next = base.goals.next ?? goal('2025-26');
  const data = buildAnnualReport(
    {
      ...base,
      department: { ...base.department, name: attack, coordinatorName: '@SUM(1+1)*cmd|" /C calc"!A0' },
      certification: {
        version: 1,
        certifiedAt: '2025-09-15T21:04:05.000Z',
        certifiedByName: '-2+3+cmd|" /C calc"!A0',
      },
      classes: base.classes.map((c, i) => (i === 0 ? { ...c, title: '+1+cmd|" /C calc"!A0' } : c)),
      goals: {
        ...base.goals,
        next: {
          ...next,
          narrative: `${attack}\nsecond line`,
          missedGoalsExplanation: '\t=1+1',
          twoYearPlan: '\r=2+2',
        },
      },
    },
    'department',
  );

  it('prefixes every text cell that a spreadsheet would run as a formula with a quote', async () => {
    const workbook = await load(data);
    const texts: string[] = [];
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ValueType.Formula);
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      );
    }
    expect(texts.filter((t) => FORMULA_START.test(t))).toEqual([]);

    const about = fieldValues(sheetOf(workbook, ANNUAL_REPORT_SHEETS.about));
    expect(about.get('Department name')).toBe(`'${attack}`);
    expect(about.get('Upward mobility coordinator')).toBe(`'${data.header.coordinatorName}`);
    expect(about.get('Certified by')).toBe(`'${data.header.certifiedByName}`);
    expect(sheetOf(workbook, ANNUAL_REPORT_SHEETS.classes).getCell('B3').value).toBe(
      `'${data.classes.classes[0].title}`,
    );
    const nextGoals = fieldValues(sheetOf(workbook, ANNUAL_REPORT_SHEETS.nextYearGoals));
    expect(nextGoals.get('Narrative')).toBe(`'${attack}\nsecond line`);
    const missed = fieldValues(sheetOf(workbook, ANNUAL_REPORT_SHEETS.missedGoals));
    expect(missed.get('Explanation')).toBe("'\t=1+1");
    expect(missed.get('Two-year plan')).toBe("'\n=2+2");
  });
});

describe('determinism', () => {
  const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('gives the same bytes for the same report, rendered seconds apart', async () => {
    const data = report('oversight', WITH_NEXT_GOALS);
    const first = await renderAnnualReportXlsx(data);
    // Zip entry times have a 2-second resolution: wait past it.
    await delay(2_100);
    const second = await renderAnnualReportXlsx(structuredClone(data));
    expect(first.equals(second)).toBe(true);
  });

  it('gives different bytes for a different report', async () => {
    const first = await renderAnnualReportXlsx(report('department'));
    const second = await renderAnnualReportXlsx(report('oversight'));
    expect(first.equals(second)).toBe(false);
  });
});

describe('a large department', () => {
  it('renders 500 classes, target classes and pipeline entries', async () => {
    const base = raw();
    const codes = Array.from({ length: 500 }, (_, i) => String(9000 + i));
    const data = buildAnnualReport(
      {
        ...base,
        classes: codes.map((classCode, i) => ({
          classCode,
          title: `Class ${classCode}`,
          designation: (['LPEL', 'BRIDGING', 'ELTPA'] as const)[i % 3],
          ladderTargetClassCodes: i % 3 === 2 ? [] : [codes[(i + 2) % 500]],
          activeEmployees: i % 40,
        })),
        movesByClass: codes.map((classCode, i) => ({
          classCode,
          title: `Class ${classCode}`,
          fiscalYearMoves: i % 7,
          calendarYearMoves: i % 5,
        })),
        pipeline: codes.map((classCode, i) => ({
          classCode,
          title: `Class ${classCode}`,
          counts: {
            evaluated: i,
            eligible: i % 11,
            examEligible: i % 13,
            within3Months: i % 3,
            within6Months: i % 6,
            within12Months: i % 12,
            unusable: i % 2,
          },
        })),
      },
      'oversight',
    );
    const workbook = await load(data);
    for (const name of [
      ANNUAL_REPORT_SHEETS.classes,
      ANNUAL_REPORT_SHEETS.movesByClass,
      ANNUAL_REPORT_SHEETS.pipeline,
    ]) {
      expect(body(sheetOf(workbook, name))).toEqual(expectedTables(data)[name]);
    }
  });
});
