/**
 * The classes of the scale data set: the demo catalog (demo-data/demo-catalog.ts) with its
 * LPEL, bridging and ELTPA designations, plus the large non-program classes that make up most of
 * a statewide workforce (officers, nurses, engineers, managers). The added codes and salary
 * ranges are illustrative only, like the demo catalog's.
 */
import type { CatalogEntry } from '../demo-data/demo-catalog';
import { DEMO_CATALOG, DEMO_DESIGNATIONS } from '../demo-data/demo-catalog';
import type { Weighted } from './prng.rule';

export const EXTRA_CLASSES: CatalogEntry[] = [
  {
    classCode: '9662',
    title: 'Correctional Officer',
    occupationalGroup: 'PROTECTIVE_SERVICES_PUBLIC_SAFETY',
    salaryLow: 4154,
    salaryHigh: 8009,
    eeo4Category: 'PROTECTIVE_SERVICE_SWORN',
  },
  {
    classCode: '9656',
    title: 'Correctional Sergeant',
    occupationalGroup: 'PROTECTIVE_SERVICES_PUBLIC_SAFETY',
    salaryLow: 7120,
    salaryHigh: 8731,
    eeo4Category: 'PROTECTIVE_SERVICE_SWORN',
  },
  {
    classCode: '8138',
    title: 'Registered Nurse',
    occupationalGroup: 'MEDICAL',
    salaryLow: 9101,
    salaryHigh: 12123,
    eeo4Category: 'PROFESSIONALS',
  },
  {
    classCode: '9679',
    title: 'Psychiatric Technician',
    occupationalGroup: 'MEDICAL',
    salaryLow: 4611,
    salaryHigh: 6420,
    eeo4Category: 'TECHNICIANS',
  },
  {
    classCode: '3134',
    title: 'Transportation Engineer (Civil)',
    occupationalGroup: 'ENGINEERING_ALLIED',
    salaryLow: 6318,
    salaryHigh: 10977,
    eeo4Category: 'PROFESSIONALS',
  },
  {
    classCode: '1312',
    title: 'Information Technology Specialist I',
    occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
    salaryLow: 6329,
    salaryHigh: 9047,
    eeo4Category: 'PROFESSIONALS',
  },
  {
    classCode: '8544',
    title: 'Employment Program Representative',
    occupationalGroup: 'SOCIAL_SECURITY_REHABILITATION',
    salaryLow: 4237,
    salaryHigh: 5423,
    eeo4Category: 'PROFESSIONALS',
  },
  {
    classCode: '1900',
    title: 'Motor Vehicle Field Representative',
    occupationalGroup: 'OTHER',
    salaryLow: 4044,
    salaryHigh: 5064,
    eeo4Category: 'ADMINISTRATIVE_SUPPORT',
  },
  {
    classCode: '0981',
    title: 'Forestry Firefighter',
    occupationalGroup: 'PROTECTIVE_SERVICES_PUBLIC_SAFETY',
    salaryLow: 3912,
    salaryHigh: 4836,
    eeo4Category: 'PROTECTIVE_SERVICE_SWORN',
  },
  {
    classCode: '5795',
    title: 'Attorney',
    occupationalGroup: 'LEGAL',
    salaryLow: 7145,
    salaryHigh: 13265,
    eeo4Category: 'PROFESSIONALS',
  },
  {
    classCode: '4801',
    title: 'Staff Services Manager II (Supervisory)',
    occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
    salaryLow: 7447,
    salaryHigh: 9251,
    eeo4Category: 'OFFICIALS_ADMINISTRATORS',
  },
  {
    classCode: '7490',
    title: 'Career Executive Assignment',
    occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
    salaryLow: 9312,
    salaryHigh: 14201,
    eeo4Category: 'OFFICIALS_ADMINISTRATORS',
  },
];

export const SCALE_CATALOG: readonly CatalogEntry[] = [...DEMO_CATALOG, ...EXTRA_CLASSES];

export type ScaleDesignation = 'LPEL' | 'BRIDGING' | 'ELTPA';

/** Every generated department designates the demo department's classes, the same each year. */
export const SCALE_DESIGNATIONS = DEMO_DESIGNATIONS;

const DESIGNATION_OF: ReadonlyMap<string, ScaleDesignation> = new Map(
  SCALE_DESIGNATIONS.map((entry) => [entry.classCode, entry.designation]),
);

export function scaleDesignationOf(classCode: string): ScaleDesignation | null {
  return DESIGNATION_OF.get(classCode) ?? null;
}

export function isLowPayingOrBridging(classCode: string): boolean {
  const designation = DESIGNATION_OF.get(classCode);
  return designation === 'LPEL' || designation === 'BRIDGING';
}

/** The LPEL and bridging classes whose career ladder leads to this ELTPA class. */
export function ladderOrigins(eltpaClassCode: string): string[] {
  return SCALE_DESIGNATIONS.filter(
    (entry) =>
      entry.designation !== 'ELTPA' && entry.ladderTargetClassCodes.includes(eltpaClassCode),
  ).map((entry) => entry.classCode);
}

export function ladderTargets(classCode: string): string[] {
  return (
    SCALE_DESIGNATIONS.find((entry) => entry.classCode === classCode)?.ladderTargetClassCodes ?? []
  );
}

/** The department head's class. */
export const HEAD_CLASS = '7490';

/**
 * The mix of classes of a kind of department. Shares are of the non-supervisory staff; one
 * employee in ten is a supervisor or manager.
 */
export interface DepartmentProfile {
  kind: 'CORRECTIONS' | 'TRANSPORTATION' | 'BENEFITS' | 'HOSPITALS' | 'RESOURCES' | 'GENERAL';
  lowPayingShare: number;
  eltpaShare: number;
  lowPaying: Weighted<string>;
  eltpa: Weighted<string>;
  other: Weighted<string>;
  supervisory: Weighted<string>;
  /** The journey class most supervisors were promoted from. */
  journey: string;
}

const OFFICE_SUPERVISORS: Weighted<string> = [
  ['4800', 5],
  ['4801', 1],
  ['1150', 2],
];

export const PROFILES: Record<DepartmentProfile['kind'], DepartmentProfile> = {
  CORRECTIONS: {
    kind: 'CORRECTIONS',
    lowPayingShare: 0.29,
    eltpaShare: 0.09,
    lowPaying: [
      ['2006', 10],
      ['2181', 12],
      ['2193', 4],
      ['6941', 6],
      ['6946', 4],
      ['1441', 6],
      ['1138', 10],
      ['1139', 3],
      ['1434', 3],
      ['1416', 5],
      ['1741', 2],
      ['6520', 2],
      ['5278', 3],
      ['1303', 2],
      ['9928', 2],
    ],
    eltpa: [
      ['5157', 10],
      ['9872', 6],
      ['4548', 2],
      ['1401', 2],
      ['8350', 1],
    ],
    other: [
      ['9662', 60],
      ['8138', 8],
      ['9679', 6],
      ['5393', 5],
      ['1312', 2],
      ['5795', 1],
    ],
    supervisory: [['9656', 6], ...OFFICE_SUPERVISORS],
    journey: '9662',
  },
  TRANSPORTATION: {
    kind: 'TRANSPORTATION',
    lowPayingShare: 0.29,
    eltpaShare: 0.12,
    lowPaying: [
      ['6941', 10],
      ['6946', 6],
      ['6945', 3],
      ['6520', 5],
      ['6521', 4],
      ['1138', 10],
      ['1441', 6],
      ['1741', 3],
      ['9928', 2],
      ['1402', 3],
      ['5278', 3],
    ],
    eltpa: [
      ['3427', 10],
      ['5157', 8],
      ['1401', 3],
      ['0945', 3],
      ['4548', 2],
    ],
    other: [
      ['3134', 40],
      ['5393', 8],
      ['1312', 4],
      ['5795', 1],
    ],
    supervisory: OFFICE_SUPERVISORS,
    journey: '5393',
  },
  BENEFITS: {
    kind: 'BENEFITS',
    lowPayingShare: 0.33,
    eltpaShare: 0.13,
    lowPaying: [
      ['1441', 10],
      ['1379', 4],
      ['1138', 14],
      ['1139', 5],
      ['1434', 3],
      ['9928', 10],
      ['9927', 6],
      ['1741', 5],
      ['1416', 2],
      ['5278', 4],
      ['1303', 2],
      ['1402', 2],
    ],
    eltpa: [
      ['5157', 10],
      ['4548', 4],
      ['1401', 3],
      ['8350', 2],
      ['9872', 2],
    ],
    other: [
      ['8544', 20],
      ['1900', 15],
      ['5393', 12],
      ['1312', 4],
      ['5795', 1],
    ],
    supervisory: OFFICE_SUPERVISORS,
    journey: '5393',
  },
  HOSPITALS: {
    kind: 'HOSPITALS',
    lowPayingShare: 0.27,
    eltpaShare: 0.1,
    lowPaying: [
      ['2006', 8],
      ['2181', 8],
      ['2193', 5],
      ['6520', 2],
      ['6941', 3],
      ['1441', 5],
      ['1138', 6],
      ['9928', 2],
      ['1303', 1],
      ['5278', 2],
    ],
    eltpa: [
      ['9872', 6],
      ['5157', 6],
      ['8350', 1],
    ],
    other: [
      ['8138', 25],
      ['9679', 30],
      ['5393', 6],
      ['1312', 1],
    ],
    supervisory: OFFICE_SUPERVISORS,
    journey: '9679',
  },
  RESOURCES: {
    kind: 'RESOURCES',
    lowPayingShare: 0.27,
    eltpaShare: 0.12,
    lowPaying: [
      ['6520', 6],
      ['6521', 6],
      ['6941', 6],
      ['2006', 3],
      ['1138', 8],
      ['1441', 4],
      ['1741', 2],
      ['1416', 3],
      ['5278', 2],
    ],
    eltpa: [
      ['0945', 8],
      ['5157', 6],
      ['3427', 3],
      ['1401', 2],
    ],
    other: [
      ['0981', 40],
      ['5393', 8],
      ['1312', 2],
    ],
    supervisory: OFFICE_SUPERVISORS,
    journey: '5393',
  },
  GENERAL: {
    kind: 'GENERAL',
    lowPayingShare: 0.23,
    eltpaShare: 0.14,
    lowPaying: [
      ['1441', 6],
      ['1138', 10],
      ['1139', 3],
      ['1434', 2],
      ['1741', 4],
      ['9928', 4],
      ['9927', 3],
      ['5278', 4],
      ['1303', 2],
      ['1402', 2],
    ],
    eltpa: [
      ['5157', 10],
      ['4548', 3],
      ['1401', 3],
      ['8350', 3],
      ['7510', 2],
      ['0945', 2],
    ],
    other: [
      ['5393', 30],
      ['5795', 8],
      ['1312', 6],
    ],
    supervisory: OFFICE_SUPERVISORS,
    journey: '5393',
  },
};

const PROFILE_KEYWORDS: readonly [RegExp, DepartmentProfile['kind']][] = [
  [/Corrections|Youth Services/, 'CORRECTIONS'],
  [/Transportation|Water Resources|General Services/, 'TRANSPORTATION'],
  [/Hospitals|Developmental|Veterans|Public Health/, 'HOSPITALS'],
  [
    /Employment|Motor Vehicles|Franchise|Social Services|Health Care|Tax|Child Support|Rehabilitation/,
    'BENEFITS',
  ],
  [/Forestry|Parks|Fish|Conservation|Agriculture|Boating|Lands/, 'RESOURCES'],
];

/** The kind of a department, read from its name (the corrections agency is the largest). */
export function profileFor(departmentName: string): DepartmentProfile {
  const match = PROFILE_KEYWORDS.find(([pattern]) => pattern.test(departmentName));
  return PROFILES[match ? match[1] : 'GENERAL'];
}
