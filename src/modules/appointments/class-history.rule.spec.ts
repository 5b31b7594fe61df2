import { UM_DESIGNATIONS } from './upward-move.rule';
import { APPOINTMENT_TYPES } from './appointment.entity';
import {
  applyLatestAppointment,
  classInForceOn,
  isLatestAppointment,
  isUpwardMobilityAppointmentOfType,
} from './class-history.rule';
import type { CurrentEmployment, HistoryStep } from './class-history.rule';

// Office Assistant (OA) hired 2020, Office Technician (OT) 2022, separated 2023, rehired as
// Staff Services Analyst (SSA) 2024. Recorded out of date order on purpose.
const HISTORY: HistoryStep[] = [
  { effectiveDate: '2022-03-01', fromClassificationId: 'OA', toClassificationId: 'OT' },
  { effectiveDate: '2020-01-06', fromClassificationId: null, toClassificationId: 'OA' },
  { effectiveDate: '2023-05-31', fromClassificationId: 'OT', toClassificationId: null },
  { effectiveDate: '2024-02-01', fromClassificationId: null, toClassificationId: 'SSA' },
];

describe('classInForceOn', () => {
  it.each([
    // [history, current, date, expected, why]
    [[], 'OA', '2025-01-01', 'OA', 'no history: the current class'],
    [HISTORY, 'SSA', '2019-12-31', 'OA', 'before all: what the first step moved from'],
    [HISTORY, 'SSA', '2020-01-06', 'OA', 'same day as a step: just after it'],
    [HISTORY, 'SSA', '2021-06-01', 'OA', 'between hire and promotion'],
    [HISTORY, 'SSA', '2022-03-01', 'OT', 'the promotion day'],
    [HISTORY, 'SSA', '2023-12-01', 'OT', 'a separation keeps the last class'],
    [HISTORY, 'SSA', '2024-02-01', 'SSA', 'the rehire'],
    [HISTORY, 'SSA', '2030-01-01', 'SSA', 'after everything'],
    [
      [{ effectiveDate: '2022-03-01', fromClassificationId: null, toClassificationId: 'OT' }],
      'OT',
      '2021-01-01',
      'OT',
      'the only later step is a hire from outside: falls back to the current class',
    ],
    [
      [
        { effectiveDate: '2022-03-01', fromClassificationId: 'OA', toClassificationId: 'OT' },
        { effectiveDate: '2022-03-01', fromClassificationId: 'OT', toClassificationId: 'SSA' },
      ],
      'SSA',
      '2022-03-01',
      'SSA',
      'two steps the same day: the one recorded last wins',
    ],
  ] as const)('%#: on %s -> %s (%s)', (history, current, date, expected, _why) => {
    expect(classInForceOn(history, current, date)).toBe(expected);
  });
});

describe('isLatestAppointment', () => {
  it.each([
    [[], '2020-01-01', true],
    [HISTORY, '2024-02-01', true],
    [HISTORY, '2025-01-01', true],
    [HISTORY, '2024-01-31', false],
    [HISTORY, '2019-01-01', false],
  ] as const)('%#: %s -> %s', (history, date, expected) => {
    expect(isLatestAppointment(history, date)).toBe(expected);
  });
});

describe('isUpwardMobilityAppointmentOfType', () => {
  const rows = APPOINTMENT_TYPES.flatMap((type) =>
    UM_DESIGNATIONS.flatMap((from) =>
      UM_DESIGNATIONS.map((to) => {
        const crosses = (from === 'LPEL' || from === 'BRIDGING') && to === 'ELTPA';
        const counts = !['TD_START', 'TD_END', 'SEPARATION'].includes(type);
        return [type, from, to, crosses && counts] as const;
      }),
    ),
  );

  it('checks every type and pair', () => {
    expect(rows).toHaveLength(7 * 16);
    expect(rows.filter((row) => row[3])).toHaveLength(4 * 2);
  });

  it.each(rows)('%s %s -> %s: %s', (type, from, to, expected) => {
    expect(isUpwardMobilityAppointmentOfType(type, from, to)).toBe(expected);
  });
});

describe('applyLatestAppointment', () => {
  const active: CurrentEmployment = { classificationId: 'OA', status: 'ACTIVE', separatedOn: null };
  const separated: CurrentEmployment = {
    classificationId: 'OT',
    status: 'SEPARATED',
    separatedOn: '2023-05-31',
  };

  it.each([
    [
      'a promotion changes the class',
      active,
      { type: 'PROMOTION', effectiveDate: '2024-01-01', toClassificationId: 'SSA' },
      { ok: true, employment: { ...active, classificationId: 'SSA' } },
    ],
    [
      'a T&D assignment changes the class while it lasts',
      active,
      { type: 'TD_START', effectiveDate: '2024-01-01', toClassificationId: 'SSA' },
      { ok: true, employment: { ...active, classificationId: 'SSA' } },
    ],
    [
      'a separation keeps the class and ends employment',
      active,
      { type: 'SEPARATION', effectiveDate: '2024-01-01', toClassificationId: null },
      { ok: true, employment: { ...active, status: 'SEPARATED', separatedOn: '2024-01-01' } },
    ],
    [
      'a second separation is refused',
      separated,
      { type: 'SEPARATION', effectiveDate: '2024-01-01', toClassificationId: null },
      { ok: false, message: 'The employee is already separated' },
    ],
    [
      'a rehire reactivates in the new class',
      separated,
      { type: 'HIRE', effectiveDate: '2024-02-01', toClassificationId: 'SSA' },
      { ok: true, employment: { classificationId: 'SSA', status: 'ACTIVE', separatedOn: null } },
    ],
    [
      'a separated employee is not promoted',
      separated,
      { type: 'PROMOTION', effectiveDate: '2024-02-01', toClassificationId: 'SSA' },
      { ok: false, message: 'The employee is separated: record a HIRE before a PROMOTION' },
    ],
    [
      'a move needs a target',
      active,
      { type: 'TRANSFER', effectiveDate: '2024-02-01', toClassificationId: null },
      { ok: false, message: 'A TRANSFER needs a target class' },
    ],
  ] as const)('%s', (_why, current, appointment, expected) => {
    expect(applyLatestAppointment(current, appointment)).toEqual(expected);
  });
});
