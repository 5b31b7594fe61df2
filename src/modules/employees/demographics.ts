/**
 * Voluntary self-identification (2 CCR 599.980 groups, with the Asian and Pacific Islander
 * subgroups Gov Code 8310.5 requires kept apart). More than one may be chosen. DECLINED is a
 * valid answer of its own and is never dropped from counts.
 */
export const ETHNICITY_CODES = [
  'AMERICAN_INDIAN',
  'ASIAN_CHINESE',
  'ASIAN_JAPANESE',
  'ASIAN_KOREAN',
  'ASIAN_VIETNAMESE',
  'ASIAN_INDIAN',
  'ASIAN_LAOTIAN',
  'ASIAN_CAMBODIAN',
  'ASIAN_OTHER',
  'BLACK',
  'FILIPINO',
  'HISPANIC',
  'PACIFIC_ISLANDER_HAWAIIAN',
  'PACIFIC_ISLANDER_GUAMANIAN',
  'PACIFIC_ISLANDER_SAMOAN',
  'PACIFIC_ISLANDER_OTHER',
  'WHITE',
  'OTHER',
  'DECLINED',
] as const;
export type EthnicityCode = (typeof ETHNICITY_CODES)[number];

/** The regulation's seven groups; Filipino is its own group there and an Asian subgroup in 8310.5. */
export function ethnicityGroup(code: EthnicityCode): string {
  if (code.startsWith('ASIAN_')) return 'ASIAN';
  if (code.startsWith('PACIFIC_ISLANDER_')) return 'PACIFIC_ISLANDER';
  return code;
}

export const GENDER_CODES = ['FEMALE', 'MALE', 'NONBINARY', 'DECLINED'] as const;
export type GenderCode = (typeof GENDER_CODES)[number];

export const YES_NO_DECLINED = ['YES', 'NO', 'DECLINED'] as const;
export type YesNoDeclined = (typeof YES_NO_DECLINED)[number];

/** The fields only ADMIN and the department's COORDINATOR may ever receive. */
export const DEMOGRAPHIC_FIELDS = ['ethnicities', 'gender', 'disability', 'veteran'] as const;
