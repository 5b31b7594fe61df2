import { fiscalYearOf, fromDayNumber, toDayNumber } from '../program-calendar/fiscal-year.rule';
import { exceedsStateTimeCap, trainingRecordProblems } from '../training/training-record.rule';
import { prngFor } from './prng.rule';
import { PROFILES } from './scale-catalog';
import { TRAINING_PER_YEAR, trainingRecords } from './training.rule';
import type { FiscalYearSpan, TrainingRecordDraft } from './training.rule';
import { buildWorkforce } from './workforce.rule';

const TODAY = toDayNumber('2026-11-26');
const FISCAL_YEARS: FiscalYearSpan[] = ['2024', '2025', '2026'].map((year) => ({
  label: `${year}-${String(Number(year) + 1).slice(2)}`,
  start: toDayNumber(`${year}-07-01`),
  end: toDayNumber(`${Number(year) + 1}-06-30`),
}));

describe('generated training records', () => {
  const employees = buildWorkforce(
    {
      departmentCode: 'D003',
      departmentIndex: 2,
      size: 3_000,
      profile: PROFILES.TRANSPORTATION,
      today: TODAY,
      windowStart: FISCAL_YEARS[0].start,
    },
    prngFor(1, 'D003', 'employees'),
    prngFor(1, 'D003', 'employee-ids'),
  );
  const generate = (cap: number | null) => [
    ...trainingRecords(
      { employees, fiscalYears: FISCAL_YEARS, today: TODAY, stateTimeCapHours: cap },
      prngFor(1, 'D003', 'training'),
      prngFor(1, 'D003', 'training-ids'),
    ),
  ];
  const records = generate(40);

  it('passes the training record rules, in the fiscal year of its completion', () => {
    const yesterday = fromDayNumber(TODAY - 1);
    const problems = records.flatMap((t) =>
      trainingRecordProblems(
        {
          kind: t.kind,
          hours: t.hours,
          semesterUnits: t.semesterUnits,
          startDate: fromDayNumber(t.startDay),
          completionDate: fromDayNumber(t.completionDay),
        },
        yesterday,
      ).map((p) => `${t.id} ${p.field}: ${p.message}`),
    );
    expect(problems).toEqual([]);
    expect(
      records.filter((t) => t.fiscalYear !== fiscalYearOf(fromDayNumber(t.completionDay))),
    ).toEqual([]);
  });

  it('falls within each employee employment', () => {
    const outside = records.filter((t) => {
      const e = employees[t.employeeIndex];
      return (
        t.startDay < e.hireDay || (e.separatedDay !== null && t.completionDay >= e.separatedDay)
      );
    });
    expect(outside).toEqual([]);
  });

  it('has about TRAINING_PER_YEAR records per employee and year on the rolls', () => {
    const yearsOnRolls = employees.reduce((sum, e) => {
      const from = Math.max(FISCAL_YEARS[0].start, e.hireDay);
      const to = Math.min(TODAY - 1, e.separatedDay === null ? TODAY - 1 : e.separatedDay - 1);
      const factor = e.timeBase === 'INTERMITTENT' ? 0.5 : 1;
      return sum + (factor * Math.max(0, to - from + 1)) / 365;
    }, 0);
    expect(records.length / yearsOnRolls).toBeGreaterThan(TRAINING_PER_YEAR * 0.95);
    expect(records.length / yearsOnRolls).toBeLessThan(TRAINING_PER_YEAR * 1.05);
  });

  it('is mostly verified, some reported, a few rejected, each with what its status needs', () => {
    const share = (status: string) =>
      records.filter((t) => t.status === status).length / records.length;
    expect(share('VERIFIED')).toBeGreaterThan(0.85);
    expect(share('REPORTED')).toBeGreaterThan(0.03);
    expect(share('REJECTED')).toBeGreaterThan(0.01);
    expect(share('REJECTED')).toBeLessThan(0.05);
    const wrong = records.filter(
      (t) =>
        (t.status === 'REPORTED') !== (t.verifiedAt === null) ||
        (t.status === 'REJECTED') !== (t.rejectionReason !== null) ||
        (t.verifiedAt !== null &&
          (t.verifiedAt.day * 86400 + t.verifiedAt.second <
            t.reportedAt.day * 86400 + t.reportedAt.second ||
            t.verifiedAt.day >= TODAY)),
    );
    expect(wrong).toEqual([]);
    expect(new Set(records.map((t) => t.kind)).size).toBe(6);
    expect(records.filter((t) => t.onStateTime).length / records.length).toBeGreaterThan(0.75);
  });

  it('flags state-time hours past the cap as the training service does', () => {
    // Records come in completion order per employee and year: the hours before each one count.
    const hoursBefore = new Map<string, number>();
    const wrong: TrainingRecordDraft[] = [];
    for (const t of records) {
      const key = `${t.employeeIndex}|${t.fiscalYear}`;
      const hours = hoursBefore.get(key) ?? 0;
      if (t.exceedsStateTimeCap !== exceedsStateTimeCap(40, hours, t)) wrong.push(t);
      if (t.status !== 'REJECTED' && t.onStateTime) hoursBefore.set(key, hours + t.hours);
    }
    expect(wrong).toEqual([]);
    expect(records.some((t) => t.exceedsStateTimeCap)).toBe(true);
    expect(generate(null).some((t) => t.exceedsStateTimeCap)).toBe(false);
  });

  it('never repeats an import key (employee, title, start and completion dates)', () => {
    const keys = records.map(
      (t) => `${t.employeeIndex}|${t.title}|${t.startDay}|${t.completionDay}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is the same every time, ids included', () => {
    expect(JSON.stringify(generate(40))).toBe(JSON.stringify(records));
  });
});
