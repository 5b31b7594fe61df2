import type { EthnicityCode, GenderCode, YesNoDeclined } from '../employees/demographics';
import type { EducationLevel } from '../employees/employee.entity';

/** Deterministic PRNG (mulberry32), so every fresh demo database holds the same people. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

// Rough shares of California's state workforce self-identification, with "decline to state".
const ETHNICITY_WEIGHTS: readonly (readonly [EthnicityCode[], number])[] = [
  [['WHITE'], 31],
  [['HISPANIC'], 27],
  [['BLACK'], 9],
  [['ASIAN_CHINESE'], 4],
  [['ASIAN_VIETNAMESE'], 2],
  [['ASIAN_INDIAN'], 3],
  [['ASIAN_KOREAN'], 1],
  [['ASIAN_JAPANESE'], 1],
  [['ASIAN_LAOTIAN'], 1],
  [['ASIAN_CAMBODIAN'], 1],
  [['FILIPINO'], 5],
  [['PACIFIC_ISLANDER_SAMOAN'], 1],
  [['AMERICAN_INDIAN'], 1],
  [['HISPANIC', 'WHITE'], 3],
  [['DECLINED'], 7],
];
const GENDER_WEIGHTS: readonly (readonly [GenderCode, number])[] = [
  ['FEMALE', 52],
  ['MALE', 44],
  ['NONBINARY', 1],
  ['DECLINED', 3],
];
const DISABILITY_WEIGHTS: readonly (readonly [YesNoDeclined, number])[] = [
  ['YES', 8],
  ['NO', 80],
  ['DECLINED', 12],
];
const VETERAN_WEIGHTS: readonly (readonly [YesNoDeclined, number])[] = [
  ['YES', 5],
  ['NO', 86],
  ['DECLINED', 9],
];
const EDUCATION_WEIGHTS: readonly (readonly [EducationLevel, number])[] = [
  ['HIGH_SCHOOL', 45],
  ['ASSOCIATE', 25],
  ['BACHELOR', 25],
  ['MASTER', 5],
];
// About half the demo department sits in LPEL or bridging classes, as in a program-heavy unit.
const CLASS_WEIGHTS: readonly (readonly [string, number])[] = [
  ['1441', 8],
  ['1379', 3],
  ['1138', 8],
  ['1139', 3],
  ['1434', 2],
  ['1741', 4],
  ['9928', 4],
  ['2006', 6],
  ['6520', 3],
  ['6941', 3],
  ['5278', 4],
  ['1303', 2],
  ['5157', 8],
  ['4548', 2],
  ['1401', 2],
  ['8350', 2],
  ['5393', 8],
  ['4800', 2],
];

const FIRST_NAMES = [
  'Maria',
  'Jose',
  'Linh',
  'Aaliyah',
  'Wei',
  'Priya',
  'Daniel',
  'Rosa',
  'Kenji',
  'Fatima',
  'Marcus',
  'Elena',
  'Tuan',
  'Grace',
  'Luis',
  'Imani',
  'Hye-jin',
  'Samuel',
  'Leilani',
  'Noah',
  'Sofia',
  'Andre',
  'Mei',
  'Carlos',
  'Jasmine',
  'Raj',
  'Teresa',
  'Omar',
  'Chloe',
  'Miguel',
];
const LAST_NAMES = [
  'Garcia',
  'Nguyen',
  'Johnson',
  'Chen',
  'Patel',
  'Hernandez',
  'Williams',
  'Kim',
  'Lopez',
  'Santos',
  'Brown',
  'Martinez',
  'Tran',
  'Davis',
  'Ramirez',
  'Reyes',
  'Wong',
  'Singh',
  'Moore',
  'Flores',
  'Tanaka',
  'Jackson',
  'Cruz',
  'Park',
  'Robinson',
  'Torres',
  'Ali',
  'Young',
  'Vu',
  'Lee',
];

export interface DemoEmployeeSpec {
  employeeNumber: string;
  firstName: string;
  lastName: string;
  classCode: string;
  hireDate: string;
  timeBase: 'FULL_TIME' | 'PART_TIME';
  timeBaseFraction: number;
  educationLevel: EducationLevel;
  collegeSemesterUnits: number;
  ethnicities: EthnicityCode[];
  gender: GenderCode;
  disability: YesNoDeclined;
  veteran: YesNoDeclined;
}

/** A believable roster for the demo department; the same every time for a given seed. */
export function demoRoster(size: number, seed = 19400): DemoEmployeeSpec[] {
  const random = seededRandom(seed);
  return Array.from({ length: size }, (_, index) => {
    const educationLevel = pick(random, EDUCATION_WEIGHTS);
    const partTime = random() < 0.08;
    const year = 2008 + Math.floor(random() * 17);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    return {
      employeeNumber: `D${String(100001 + index)}`,
      firstName: FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)],
      lastName: LAST_NAMES[Math.floor(random() * LAST_NAMES.length)],
      classCode: pick(random, CLASS_WEIGHTS),
      hireDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      timeBase: partTime ? 'PART_TIME' : 'FULL_TIME',
      timeBaseFraction: partTime ? 0.5 : 1,
      educationLevel,
      collegeSemesterUnits:
        educationLevel === 'HIGH_SCHOOL'
          ? Math.floor(random() * 4) * 6
          : educationLevel === 'ASSOCIATE'
            ? 60
            : 120,
      ethnicities: pick(random, ETHNICITY_WEIGHTS),
      gender: pick(random, GENDER_WEIGHTS),
      disability: pick(random, DISABILITY_WEIGHTS),
      veteran: pick(random, VETERAN_WEIGHTS),
    };
  });
}
