/**
 * Believable people for the scale data set: voluntary self-identification in roughly the
 * proportions of California's state workforce (more than one race allowed, Asian and Pacific
 * Islander subgroups kept apart, "decline to state" and "not provided" both present), names that
 * go with it, and education.
 */
import type { EthnicityCode, GenderCode, YesNoDeclined } from '../employees/demographics';
import type { EducationLevel } from '../employees/employee.entity';
import type { Prng, Weighted } from './prng.rule';

/** `null` = the employee never answered (not provided); DECLINED = chose not to say. */
export interface SelfIdentification {
  ethnicities: EthnicityCode[] | null;
  gender: GenderCode | null;
  disability: YesNoDeclined | null;
  veteran: YesNoDeclined | null;
}

/** Percent of employees; answers with several codes are multi-select answers. */
export const ETHNICITY_WEIGHTS: Weighted<EthnicityCode[] | null> = [
  [['WHITE'], 31],
  [['HISPANIC'], 27],
  [['BLACK'], 9],
  [['ASIAN_CHINESE'], 3.5],
  [['ASIAN_VIETNAMESE'], 2],
  [['ASIAN_INDIAN'], 2.5],
  [['ASIAN_KOREAN'], 1],
  [['ASIAN_JAPANESE'], 1],
  [['ASIAN_LAOTIAN'], 0.5],
  [['ASIAN_CAMBODIAN'], 0.5],
  [['ASIAN_OTHER'], 1.5],
  [['FILIPINO'], 5.5],
  [['PACIFIC_ISLANDER_HAWAIIAN'], 0.2],
  [['PACIFIC_ISLANDER_GUAMANIAN'], 0.1],
  [['PACIFIC_ISLANDER_SAMOAN'], 0.2],
  [['PACIFIC_ISLANDER_OTHER'], 0.3],
  [['AMERICAN_INDIAN'], 1],
  [['OTHER'], 1],
  [['HISPANIC', 'WHITE'], 1.6],
  [['BLACK', 'WHITE'], 0.6],
  [['ASIAN_CHINESE', 'WHITE'], 0.4],
  [['FILIPINO', 'HISPANIC'], 0.4],
  [['AMERICAN_INDIAN', 'HISPANIC'], 0.4],
  [['AMERICAN_INDIAN', 'WHITE'], 0.4],
  [['BLACK', 'HISPANIC'], 0.2],
  [['DECLINED'], 5],
  [null, 3],
];
export const GENDER_WEIGHTS: Weighted<GenderCode | null> = [
  ['FEMALE', 49],
  ['MALE', 46.5],
  ['NONBINARY', 0.7],
  ['DECLINED', 2.3],
  [null, 1.5],
];
export const DISABILITY_WEIGHTS: Weighted<YesNoDeclined | null> = [
  ['YES', 7],
  ['NO', 79],
  ['DECLINED', 10],
  [null, 4],
];
export const VETERAN_WEIGHTS: Weighted<YesNoDeclined | null> = [
  ['YES', 5.5],
  ['NO', 84],
  ['DECLINED', 7],
  [null, 3.5],
];

export function drawSelfIdentification(prng: Prng): SelfIdentification {
  const ethnicities = prng.pick(ETHNICITY_WEIGHTS);
  return {
    ethnicities: ethnicities === null ? null : [...ethnicities],
    gender: prng.pick(GENDER_WEIGHTS),
    disability: prng.pick(DISABILITY_WEIGHTS),
    veteran: prng.pick(VETERAN_WEIGHTS),
  };
}

export interface Education {
  level: EducationLevel;
  semesterUnits: number;
}

const ENTRY_EDUCATION: Weighted<EducationLevel> = [
  ['NONE', 2],
  ['HIGH_SCHOOL', 50],
  ['ASSOCIATE', 25],
  ['BACHELOR', 20],
  ['MASTER', 3],
];
const PROFESSIONAL_EDUCATION: Weighted<EducationLevel> = [
  ['HIGH_SCHOOL', 12],
  ['ASSOCIATE', 16],
  ['BACHELOR', 52],
  ['MASTER', 17],
  ['DOCTORATE', 3],
];

/** Entry-level staff mostly have a high-school diploma and some college units. */
export function drawEducation(prng: Prng, entryLevel: boolean): Education {
  const level = prng.pick(entryLevel ? ENTRY_EDUCATION : PROFESSIONAL_EDUCATION);
  switch (level) {
    case 'NONE':
      return { level, semesterUnits: 0 };
    case 'HIGH_SCHOOL':
      return { level, semesterUnits: prng.int(0, 10) * 3 };
    case 'ASSOCIATE':
      return { level, semesterUnits: 60 + prng.int(0, 5) * 3 };
    case 'BACHELOR':
      return { level, semesterUnits: 120 + prng.int(0, 4) * 3 };
    default:
      return { level, semesterUnits: 150 + prng.int(0, 10) * 3 };
  }
}

const FEMALE_NAMES = [
  'Maria',
  'Jennifer',
  'Linh',
  'Aaliyah',
  'Priya',
  'Rosa',
  'Fatima',
  'Elena',
  'Grace',
  'Imani',
  'Hye-jin',
  'Leilani',
  'Sofia',
  'Mei',
  'Jasmine',
  'Teresa',
  'Chloe',
  'Angela',
  'Guadalupe',
  'Patricia',
  'Keiko',
  'Anh',
  'Deborah',
  'Lakisha',
  'Marisol',
  'Sunita',
  'Rachel',
  'Veronica',
  'Mai',
  'Yolanda',
  'Michelle',
  'Kimberly',
  'Ana',
  'Jocelyn',
  'Tanisha',
  'Catherine',
];
const MALE_NAMES = [
  'Jose',
  'Wei',
  'Daniel',
  'Kenji',
  'Marcus',
  'Tuan',
  'Luis',
  'Samuel',
  'Noah',
  'Andre',
  'Carlos',
  'Raj',
  'Omar',
  'Miguel',
  'Robert',
  'James',
  'Juan',
  'Michael',
  'Anthony',
  'Darnell',
  'Minh',
  'Jae',
  'Arjun',
  'Francisco',
  'David',
  'Kevin',
  'Jesus',
  'Terrence',
  'Hiroshi',
  'Paolo',
  'Eduardo',
  'Christopher',
  'Brian',
  'Vikram',
  'Tomas',
  'Malik',
];
const NEUTRAL_NAMES = ['Alex', 'Jordan', 'Taylor', 'Casey', 'Riley', 'Morgan', 'Avery', 'Quinn'];

const LAST_NAMES: Record<string, readonly string[]> = {
  HISPANIC: [
    'Garcia',
    'Hernandez',
    'Lopez',
    'Martinez',
    'Gonzalez',
    'Rodriguez',
    'Ramirez',
    'Flores',
    'Torres',
    'Reyes',
    'Cruz',
    'Morales',
    'Gutierrez',
    'Sanchez',
    'Castillo',
    'Mendoza',
  ],
  ASIAN_CHINESE: ['Chen', 'Wong', 'Li', 'Zhang', 'Liu', 'Huang', 'Lam', 'Chan'],
  ASIAN_VIETNAMESE: ['Nguyen', 'Tran', 'Le', 'Pham', 'Vu', 'Hoang', 'Do'],
  ASIAN_KOREAN: ['Kim', 'Park', 'Lee', 'Choi', 'Jung'],
  ASIAN_JAPANESE: ['Tanaka', 'Yamamoto', 'Nakamura', 'Sato', 'Kobayashi'],
  ASIAN_INDIAN: ['Patel', 'Singh', 'Sharma', 'Kumar', 'Reddy', 'Gupta'],
  ASIAN_LAOTIAN: ['Vang', 'Xiong', 'Phommachanh', 'Sayavong'],
  ASIAN_CAMBODIAN: ['Sok', 'Chea', 'Keo', 'Phan'],
  FILIPINO: ['Santos', 'Reyes', 'Dela Cruz', 'Bautista', 'Villanueva', 'Aquino', 'Mendoza'],
  PACIFIC_ISLANDER: ['Kealoha', 'Tuiasosopo', 'Fifita', 'Taufa', 'Cruz', 'Aguon'],
  DEFAULT: [
    'Johnson',
    'Williams',
    'Brown',
    'Davis',
    'Miller',
    'Wilson',
    'Moore',
    'Taylor',
    'Anderson',
    'Thomas',
    'Jackson',
    'White',
    'Harris',
    'Martin',
    'Thompson',
    'Robinson',
    'Clark',
    'Lewis',
    'Walker',
    'Young',
    'Allen',
    'King',
    'Wright',
    'Scott',
    'Green',
    'Baker',
    'Adams',
    'Nelson',
    'Hill',
    'Campbell',
    'Mitchell',
    'Roberts',
    'Carter',
    'Phillips',
    'Evans',
    'Turner',
  ],
};

function lastNamePool(ethnicity: EthnicityCode | undefined): readonly string[] {
  if (ethnicity === undefined) return LAST_NAMES.DEFAULT;
  if (ethnicity.startsWith('PACIFIC_ISLANDER')) return LAST_NAMES.PACIFIC_ISLANDER;
  return LAST_NAMES[ethnicity] ?? LAST_NAMES.DEFAULT;
}

/** A name that fits the self-identification (a mixed answer takes its first code's pool). */
export function drawName(
  prng: Prng,
  identity: SelfIdentification,
): { firstName: string; lastName: string } {
  const gender = identity.gender ?? prng.item(['FEMALE', 'MALE'] as const);
  const firstNames =
    gender === 'FEMALE'
      ? FEMALE_NAMES
      : gender === 'MALE'
        ? MALE_NAMES
        : prng.chance(0.5)
          ? NEUTRAL_NAMES
          : prng.item([FEMALE_NAMES, MALE_NAMES]);
  const first = identity.ethnicities?.[0];
  return {
    firstName: prng.item(firstNames),
    lastName: prng.item(lastNamePool(first === 'DECLINED' ? undefined : first)),
  };
}
