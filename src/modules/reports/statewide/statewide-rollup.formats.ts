export const STATEWIDE_FORMATS = ['json', 'csv', 'pdf', 'xlsx'] as const;
export type StatewideFormat = (typeof STATEWIDE_FORMATS)[number];
