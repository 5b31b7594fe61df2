import { isUpwardMobilityAppointmentOfType } from '../appointments/class-history.rule';
import { designationAt } from '../appointments/upward-move.rule';
import type { ClassDesignation } from '../appointments/upward-move.rule';
import { fromDayNumber, toDayNumber } from '../program-calendar/fiscal-year.rule';
import { prngFor } from './prng.rule';
import { isLowPayingOrBridging, PROFILES, SCALE_DESIGNATIONS } from './scale-catalog';
import type { DepartmentProfile } from './scale-catalog';
import { buildWorkforce, SPAN_OF_CONTROL, UM_MOVE_RATE } from './workforce.rule';
import type { WorkforceEmployee } from './workforce.rule';

const TODAY = toDayNumber('2026-11-26');
const WINDOW_START = toDayNumber('2024-07-01');
const YEARS = ['2024-25', '2025-26', '2026-27'];
/** What the app reads from um_designations: the same designations each generated year. */
const DESIGNATIONS: ClassDesignation[] = YEARS.flatMap((fiscalYear) =>
  SCALE_DESIGNATIONS.map((entry) => ({
    classCode: entry.classCode,
    fiscalYear,
    designation: entry.designation,
  })),
);

function workforce(profile: DepartmentProfile, size: number, seed = 1): WorkforceEmployee[] {
  return buildWorkforce(
    {
      departmentCode: 'D001',
      departmentIndex: 0,
      size,
      profile,
      today: TODAY,
      windowStart: WINDOW_START,
    },
    prngFor(seed, 'D001', 'employees'),
    prngFor(seed, 'D001', 'employee-ids'),
  );
}

/** Every step judged as the appointments service judges it when recording it. */
function judged(e: WorkforceEmployee) {
  return e.steps.map((step) => {
    const date = fromDayNumber(step.day);
    const from = step.fromCode === null ? 'NONE' : designationAt(DESIGNATIONS, step.fromCode, date);
    const to = step.toCode === null ? 'NONE' : designationAt(DESIGNATIONS, step.toCode, date);
    return { step, from, to, move: isUpwardMobilityAppointmentOfType(step.type, from, to) };
  });
}

describe('a generated department workforce', () => {
  const profiles = Object.values(PROFILES);
  const departments = profiles.map((profile) => ({
    profile,
    employees: workforce(profile, 3_000),
  }));

  it.each(profiles.map((p) => [p.kind]))(
    '%s: class histories lead to the current class',
    (kind) => {
      const { employees } = departments.find((d) => d.profile.kind === kind)!;
      const problems: string[] = [];
      for (const e of employees) {
        const [hire, ...rest] = e.steps;
        if (hire.type !== 'HIRE' || hire.fromCode !== null || hire.day !== e.hireDay) {
          problems.push(`${e.employeeNumber}: does not start with its hire`);
        }
        const classes = e.steps.filter((s) => s.toCode !== null);
        if (classes[classes.length - 1].toCode !== e.classCode) {
          problems.push(`${e.employeeNumber}: last class is not the current class`);
        }
        for (const [i, step] of rest.entries()) {
          if (step.day <= e.steps[i].day) problems.push(`${e.employeeNumber}: steps out of order`);
          if (
            step.fromCode !==
            e.steps
              .slice(0, i + 1)
              .filter((s) => s.toCode)
              .pop()?.toCode
          ) {
            problems.push(`${e.employeeNumber}: a step does not start from the class held`);
          }
        }
        if (e.hireDay >= TODAY) problems.push(`${e.employeeNumber}: hired in the future`);
        const last = e.steps[e.steps.length - 1];
        if ((e.separatedDay !== null) !== (last.type === 'SEPARATION')) {
          problems.push(`${e.employeeNumber}: separation and status disagree`);
        }
        if (e.separatedDay !== null && (e.separatedDay < WINDOW_START || e.separatedDay >= TODAY)) {
          problems.push(`${e.employeeNumber}: separated outside the generated years`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('moves are exactly the appointments from LPEL/bridging into ELTPA in the generated years', () => {
    const problems: string[] = [];
    let moves = 0;
    for (const { employees } of departments) {
      for (const e of employees) {
        const flagged = judged(e).filter((j) => j.move);
        moves += flagged.length;
        const days = flagged.map((m) => m.step.day).join();
        if (days !== (e.moveDay === null ? '' : String(e.moveDay))) {
          problems.push(`${e.employeeNumber}: moves on ${days}, planned ${e.moveDay}`);
        }
        for (const m of flagged) {
          if (
            !['LPEL', 'BRIDGING'].includes(m.from) ||
            m.to !== 'ELTPA' ||
            m.step.day < WINDOW_START
          ) {
            problems.push(`${e.employeeNumber}: ${m.from} -> ${m.to} on ${m.step.day}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(moves).toBeGreaterThan(100);
  });

  it('moves a few percent of the low-paying staff a year', () => {
    const all = departments.flatMap((d) => d.employees);
    const lowPayingYears = all.reduce(
      (years, e) =>
        e.lowPayingFrom === null || e.lowPayingTo === null
          ? years
          : years + Math.max(0, e.lowPayingTo - e.lowPayingFrom + 1) / 365.25,
      0,
    );
    const moves = all.filter((e) => e.moveDay !== null).length;
    const rate = moves / lowPayingYears;
    expect(rate).toBeGreaterThan(UM_MOVE_RATE * 0.7);
    expect(rate).toBeLessThan(UM_MOVE_RATE * 1.4);
  });

  it('spreads moves evenly over the generated years, not piled up near today', () => {
    const days = departments
      .flatMap((d) => d.employees)
      .flatMap((e) => (e.moveDay === null ? [] : [e.moveDay]));
    const perDay = (from: string, to: number) =>
      days.filter((day) => day >= toDayNumber(from) && day < to).length / (to - toDayNumber(from));
    const first = perDay('2024-07-01', toDayNumber('2025-07-01'));
    const current = perDay('2026-07-01', TODAY);
    expect(current / first).toBeGreaterThan(0.7);
    expect(current / first).toBeLessThan(1.4);
  });

  it('keeps about a quarter of the employees in LPEL or bridging classes', () => {
    const all = departments.flatMap((d) => d.employees);
    const share = all.filter((e) => isLowPayingOrBridging(e.classCode)).length / all.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.32);
  });

  it('gives everyone but the head a supervisor in the department, with no loops', () => {
    for (const { employees } of departments) {
      const supervisors = Math.round(employees.length / SPAN_OF_CONTROL);
      expect(employees[0].supervisorIndex).toBeNull();
      // Supervisors are the first employees, each under an earlier one: chains end at the head.
      const wrong = employees
        .slice(1)
        .filter(
          (e) =>
            e.supervisorIndex === null ||
            e.supervisorIndex >= Math.min(e.index, supervisors) ||
            employees[e.supervisorIndex].separatedDay !== null,
        );
      expect(wrong).toEqual([]);
    }
  });

  it('is mostly full time, with some part-time and intermittent staff', () => {
    const all = departments.flatMap((d) => d.employees);
    const full = all.filter((e) => e.timeBase === 'FULL_TIME' && e.timeBaseFraction === 1).length;
    expect(full / all.length).toBeGreaterThan(0.88);
    expect(
      all.some(
        (e) => e.timeBase === 'PART_TIME' && e.timeBaseFraction > 0 && e.timeBaseFraction < 1,
      ),
    ).toBe(true);
    expect(
      all.filter((e) => e.timeBase === 'INTERMITTENT').every((e) => e.timeBaseFraction === 0),
    ).toBe(true);
    const separated = all.filter((e) => e.separatedDay !== null).length / all.length;
    expect(separated).toBeGreaterThan(0.01);
    expect(separated).toBeLessThan(0.06);
  });

  it('is the same for the same seed, with the same ids, and different for another seed', () => {
    const again = workforce(PROFILES.BENEFITS, 500);
    expect(workforce(PROFILES.BENEFITS, 500)).toEqual(again);
    expect(new Set(again.map((e) => e.id)).size).toBe(500);
    expect(workforce(PROFILES.BENEFITS, 500, 2).map((e) => e.id)).not.toEqual(
      again.map((e) => e.id),
    );
  });
});
