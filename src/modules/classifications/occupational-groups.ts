/**
 * Occupational groups named by CalHR/SPB. Low-paying groups are where LPEL classes usually sit;
 * TPA groups hold the entry technical, professional and administrative classes. A class's
 * upward-mobility status is still read from its department's designation, never from these.
 */
export const LOW_PAYING_OCCUPATIONAL_GROUPS = [
  'CUSTODIAL_DOMESTIC',
  'HORTICULTURE',
  'MECHANICAL_CONSTRUCTION_TRADES',
  'OFFICE_ALLIED',
  'CAREER_DEVELOPMENT_BRIDGING',
] as const;

export const TPA_OCCUPATIONAL_GROUPS = [
  'AGRICULTURE_CONSERVATION',
  'EDUCATION_LIBRARY',
  'ENGINEERING_ALLIED',
  'FISCAL_MANAGEMENT_STAFF_SERVICES',
  'LEGAL',
  'MEDICAL',
  'DISASTER',
  'PROTECTIVE_SERVICES_PUBLIC_SAFETY',
  'SOCIAL_SECURITY_REHABILITATION',
] as const;

export const OCCUPATIONAL_GROUPS = [
  ...LOW_PAYING_OCCUPATIONAL_GROUPS,
  ...TPA_OCCUPATIONAL_GROUPS,
  'OTHER',
] as const;
export type OccupationalGroup = (typeof OCCUPATIONAL_GROUPS)[number];

/** EEO-4 job categories. */
export const EEO4_CATEGORIES = [
  'OFFICIALS_ADMINISTRATORS',
  'PROFESSIONALS',
  'TECHNICIANS',
  'PROTECTIVE_SERVICE_SWORN',
  'PROTECTIVE_SERVICE_NON_SWORN',
  'ADMINISTRATIVE_SUPPORT',
  'SKILLED_CRAFT',
  'SERVICE_MAINTENANCE',
] as const;
export type Eeo4Category = (typeof EEO4_CATEGORIES)[number];
