import { InvalidFiscalYearError } from '../program-calendar/fiscal-year.rule';
import {
  ClassDesignation,
  ConflictingDesignationError,
  designationAt,
  isUpwardMobilityAppointment,
  isUpwardMobilityMove,
  UM_DESIGNATIONS,
  UmDesignation,
} from './upward-move.rule';

const OFFICE_ASSISTANT = '1441';
const OFFICE_TECHNICIAN = '1138';
const STAFF_SERVICES_ANALYST = '5157';
const PROGRAM_TECHNICIAN = '9928';

const DESIGNATIONS: ClassDesignation[] = [
  { classCode: OFFICE_ASSISTANT, fiscalYear: '2023-24', designation: 'LPEL' },
  { classCode: OFFICE_TECHNICIAN, fiscalYear: '2023-24', designation: 'LPEL' },
  { classCode: OFFICE_TECHNICIAN, fiscalYear: '2025-26', designation: 'BRIDGING' },
  { classCode: STAFF_SERVICES_ANALYST, fiscalYear: '2024-25', designation: 'ELTPA' },
  // The department dropped the analyst class from its program for 2026-27.
  { classCode: STAFF_SERVICES_ANALYST, fiscalYear: '2026-27', designation: 'NONE' },
];

describe('isUpwardMobilityMove', () => {
  const upward = new Set(['LPEL->ELTPA', 'BRIDGING->ELTPA']);
  const everyPair = UM_DESIGNATIONS.flatMap((from) =>
    UM_DESIGNATIONS.map((to): [UmDesignation, UmDesignation, boolean] => [
      from,
      to,
      upward.has(`${from}->${to}`),
    ]),
  );

  it('checks all 16 pairs', () => {
    expect(everyPair).toHaveLength(16);
  });

  it.each(everyPair)('%s -> %s is upward mobility: %s', (from, to, expected) => {
    expect(isUpwardMobilityMove(from, to)).toBe(expected);
  });
});

describe('designationAt', () => {
  it.each([
    // [class, date, expected, why]
    [OFFICE_ASSISTANT, '2023-07-01', 'LPEL', 'designated for the year containing the date'],
    [OFFICE_ASSISTANT, '2023-06-30', 'NONE', 'the day before its first designation'],
    [OFFICE_ASSISTANT, '2027-03-15', 'LPEL', 'no newer designation: the 2023-24 one stays'],
    [OFFICE_TECHNICIAN, '2025-06-30', 'LPEL', 'last day before the 2025-26 change'],
    [OFFICE_TECHNICIAN, '2025-07-01', 'BRIDGING', 'first day of the 2025-26 change'],
    [OFFICE_TECHNICIAN, '2024-10-01', 'LPEL', 'falls back from 2024-25 to 2023-24'],
    [STAFF_SERVICES_ANALYST, '2024-06-30', 'NONE', 'a later designation never applies backwards'],
    [STAFF_SERVICES_ANALYST, '2026-06-30', 'ELTPA', 'falls back from 2025-26 to 2024-25'],
    [STAFF_SERVICES_ANALYST, '2026-07-01', 'NONE', 'an explicit NONE ends the designation'],
    [PROGRAM_TECHNICIAN, '2025-10-01', 'NONE', 'never designated'],
  ] as const)('%s on %s is %s (%s)', (classCode, date, expected, _why) => {
    expect(designationAt(DESIGNATIONS, classCode, date)).toBe(expected);
  });

  it('is NONE without any designations', () => {
    expect(designationAt([], OFFICE_ASSISTANT, '2025-10-01')).toBe('NONE');
  });

  it('does not depend on the order of the list', () => {
    const reversed = [...DESIGNATIONS].reverse();
    expect(designationAt(reversed, OFFICE_TECHNICIAN, '2025-07-01')).toBe('BRIDGING');
    expect(designationAt(reversed, OFFICE_TECHNICIAN, '2025-06-30')).toBe('LPEL');
  });

  it('accepts the same designation entered twice', () => {
    const duplicated = [...DESIGNATIONS, DESIGNATIONS[0]];
    expect(designationAt(duplicated, OFFICE_ASSISTANT, '2024-01-01')).toBe('LPEL');
  });

  it('refuses two different designations for the year that decides', () => {
    const conflicting: ClassDesignation[] = [
      ...DESIGNATIONS,
      { classCode: OFFICE_TECHNICIAN, fiscalYear: '2025-26', designation: 'ELTPA' },
    ];
    expect(() => designationAt(conflicting, OFFICE_TECHNICIAN, '2025-08-01')).toThrow(
      ConflictingDesignationError,
    );
    expect(() => designationAt(conflicting, OFFICE_TECHNICIAN, '2025-08-01')).toThrow(
      'Class 1138 has conflicting designations for 2025-26: BRIDGING, ELTPA',
    );
    // A conflict in a year that does not apply to the date is not this question's problem.
    expect(designationAt(conflicting, OFFICE_TECHNICIAN, '2024-08-01')).toBe('LPEL');
  });

  it('refuses a malformed fiscal year for the class asked about', () => {
    const malformed: ClassDesignation[] = [
      { classCode: OFFICE_ASSISTANT, fiscalYear: '2023-25', designation: 'LPEL' },
    ];
    expect(() => designationAt(malformed, OFFICE_ASSISTANT, '2024-01-01')).toThrow(
      InvalidFiscalYearError,
    );
  });
});

describe('isUpwardMobilityAppointment', () => {
  it.each([
    [OFFICE_ASSISTANT, STAFF_SERVICES_ANALYST, '2025-01-15', true, 'LPEL to ELTPA'],
    [OFFICE_TECHNICIAN, STAFF_SERVICES_ANALYST, '2025-09-01', true, 'BRIDGING to ELTPA'],
    [OFFICE_ASSISTANT, OFFICE_TECHNICIAN, '2024-03-01', false, 'LPEL to LPEL: within a ladder'],
    [OFFICE_ASSISTANT, OFFICE_TECHNICIAN, '2025-09-01', false, 'LPEL to BRIDGING'],
    [OFFICE_ASSISTANT, STAFF_SERVICES_ANALYST, '2024-06-30', false, 'analyst not yet ELTPA'],
    [OFFICE_ASSISTANT, STAFF_SERVICES_ANALYST, '2026-07-01', false, 'analyst no longer ELTPA'],
    [PROGRAM_TECHNICIAN, STAFF_SERVICES_ANALYST, '2025-01-15', false, 'origin never designated'],
    [STAFF_SERVICES_ANALYST, STAFF_SERVICES_ANALYST, '2025-01-15', false, 'ELTPA to ELTPA'],
  ] as const)('%s -> %s on %s: %s (%s)', (from, to, date, expected, _why) => {
    expect(isUpwardMobilityAppointment(DESIGNATIONS, from, to, date)).toBe(expected);
  });
});
