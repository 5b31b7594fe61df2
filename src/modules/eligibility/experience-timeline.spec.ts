import { fromDayNumber, toDayNumber } from '../program-calendar/fiscal-year.rule';
import { AppointmentFact, EmployeeFacts, prepareEmployeeFacts } from './employee-facts';
import {
  buildExperienceTimeline,
  countExperience,
  ExperienceTimeline,
  projectExperience,
} from './experience-timeline';

function makeFacts(overrides: Partial<EmployeeFacts> = {}): EmployeeFacts {
  return {
    employeeId: 'e-1',
    timeBaseFraction: 1,
    educationLevel: null,
    collegeSemesterUnits: 0,
    licenses: [],
    appointments: [],
    tdAssignments: [],
    training: [],
    examLists: [],
    ...overrides,
  };
}

function appt(classCode: string, start: string, end: string | null, fraction = 1): AppointmentFact {
  return {
    classCode,
    occupationalGroup: 'OFFICE_ALLIED',
    salaryLow: 3500,
    start,
    end,
    timeBaseFraction: fraction,
  };
}

function timelineOf(facts: EmployeeFacts, asOf: string): ExperienceTimeline {
  const preparation = prepareEmployeeFacts(facts);
  if (!preparation.ok) throw new Error('bad facts');
  return buildExperienceTimeline(preparation.prepared, toDayNumber(asOf));
}

function qualifying(timeline: ExperienceTimeline, classes: string[]): boolean[] {
  return timeline.periods.map((period) => classes.includes(period.classCode));
}

describe('buildExperienceTimeline', () => {
  it('cuts the history where periods start and end, and after the as-of date', () => {
    const timeline = timelineOf(
      makeFacts({
        appointments: [appt('1441', '2023-01-01', '2024-01-01'), appt('1138', '2024-06-01', null)],
        tdAssignments: [
          {
            classCode: '5157',
            occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
            salaryLow: 4800,
            start: '2024-09-01',
            end: '2024-10-31',
            timeBaseFraction: 1,
          },
        ],
      }),
      '2024-09-30',
    );
    expect(
      timeline.slices.map((slice) => ({
        from: fromDayNumber(slice.firstDay),
        to: slice.lastDay === Infinity ? null : fromDayNumber(slice.lastDay),
        future: slice.future,
        appointment: slice.appointment,
        tdAssignments: slice.tdAssignments,
      })),
    ).toEqual([
      { from: '2023-01-01', to: '2023-12-31', future: false, appointment: 0, tdAssignments: [] },
      // 2024-01-01..05-31: no period, no slice.
      { from: '2024-06-01', to: '2024-08-31', future: false, appointment: 1, tdAssignments: [] },
      { from: '2024-09-01', to: '2024-09-30', future: false, appointment: 1, tdAssignments: [2] },
      { from: '2024-10-01', to: '2024-10-31', future: true, appointment: 1, tdAssignments: [2] },
      { from: '2024-11-01', to: null, future: true, appointment: 1, tdAssignments: [] },
    ]);
  });

  it('takes the later-starting appointment where two overlap', () => {
    const timeline = timelineOf(
      makeFacts({
        appointments: [appt('1441', '2023-01-01', null), appt('1138', '2024-01-01', null)],
      }),
      '2024-06-30',
    );
    expect(timeline.slices.map((slice) => slice.appointment)).toEqual([0, 1, 1]);
  });
});

describe('countExperience / projectExperience', () => {
  it.each<[string, AppointmentFact[], string[], number, string | null]>([
    // [name, appointments, qualifying classes, months as of 2024-12-31, date 24 months are reached]
    ['one full-time run', [appt('1138', '2023-01-01', null)], ['1138'], 24, null],
    [
      'two runs with a gap, the second still open',
      [appt('1138', '2022-01-01', '2022-07-01'), appt('1138', '2024-01-01', null)],
      ['1138'],
      18,
      '2025-06-30',
    ],
    [
      'a run that ended: never reached',
      [appt('1138', '2022-01-01', '2023-01-01'), appt('1441', '2023-01-01', null)],
      ['1138'],
      12,
      null,
    ],
  ])('%s', (_name, appointments, classes, months, reachedOn) => {
    const timeline = timelineOf(makeFacts({ appointments }), '2024-12-31');
    const qualifies = qualifying(timeline, classes);
    const count = countExperience(timeline, qualifies);
    expect(count.months).toBeCloseTo(months, 9);
    expect(count.sources.reduce((sum, source) => sum + source.months, 0)).toBeCloseTo(months, 9);
    expect(projectExperience(timeline, qualifies, count, 24)).toBe(reachedOn);
  });

  it('projects the very date on which counting again says the target is met', () => {
    const appointments = [
      appt('1138', '2023-01-31', '2023-08-15', 0.5),
      appt('1441', '2023-08-15', '2023-10-01'),
      appt('1139', '2023-10-01', null, 0.75),
    ];
    // Consistent records: the current time base is that of the appointment in force.
    const factsAsOf = (asOf: string): EmployeeFacts => {
      const current = appointments.filter((a) => a.start <= asOf).pop();
      return makeFacts({ timeBaseFraction: current?.timeBaseFraction ?? 1, appointments });
    };
    const classes = ['1138', '1139'];
    const wrong: string[] = [];
    for (let day = toDayNumber('2023-03-01'); day <= toDayNumber('2024-03-31'); day += 7) {
      const asOf = fromDayNumber(day);
      const facts = factsAsOf(asOf);
      const timeline = timelineOf(facts, asOf);
      const qualifies = qualifying(timeline, classes);
      for (const target of [6, 12, 18.5]) {
        const count = countExperience(timeline, qualifies);
        if (count.months >= target) continue;
        const reachedOn = projectExperience(timeline, qualifies, count, target);
        if (reachedOn === null) {
          wrong.push(`${asOf} ${target}: no date`);
          continue;
        }
        const monthsOn = (date: string): number => {
          const later = timelineOf(facts, date);
          return countExperience(later, qualifying(later, classes)).months;
        };
        const dayBefore = fromDayNumber(toDayNumber(reachedOn) - 1);
        if (monthsOn(reachedOn) < target - 1e-9 || monthsOn(dayBefore) >= target - 1e-9) {
          wrong.push(`${asOf} ${target}: ${reachedOn}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
