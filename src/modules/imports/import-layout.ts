/**
 * The documented column layouts of the two imports (CSV header row / first XLSX row), shared by
 * the importer, the downloadable templates and the scale-data generator's CSV export.
 * Column names are case-insensitive; order is free; unknown columns are refused.
 *
 * Values:
 * - dates: YYYY-MM-DD;
 * - time_base: FULL_TIME | PART_TIME | INTERMITTENT, time_base_fraction: 0 < x <= 1 (e.g. 0.5);
 * - ethnicities: codes of the state's self-identification form separated by `;` (see
 *   src/modules/employees/demographics.ts), or DECLINED; empty = not provided;
 * - gender: FEMALE | MALE | NONBINARY | DECLINED; disability, veteran: YES | NO | DECLINED;
 * - on_state_time: true | false; kind: CLASSROOM | ONLINE | COLLEGE_COURSE | OJT | MENTORING |
 *   CONFERENCE; hours: 0 < x <= 2000 with up to 2 decimals; cost: dollars, up to 2 decimals.
 */
export interface ImportColumn {
  name: string;
  required: boolean;
  description: string;
}

export const ROSTER_COLUMNS: readonly ImportColumn[] = [
  { name: 'employee_number', required: true, description: 'Key: unique within the department' },
  { name: 'first_name', required: true, description: 'Given name' },
  { name: 'last_name', required: true, description: 'Family name' },
  { name: 'work_email', required: false, description: 'Work e-mail address' },
  {
    name: 'class_code',
    required: true,
    description: 'Current classification (catalog class code)',
  },
  { name: 'position_number', required: false, description: 'Position number' },
  { name: 'time_base', required: true, description: 'FULL_TIME, PART_TIME or INTERMITTENT' },
  { name: 'time_base_fraction', required: false, description: '1 for full time; e.g. 0.5' },
  { name: 'hire_date', required: true, description: 'YYYY-MM-DD' },
  {
    name: 'supervisor_employee_number',
    required: false,
    description: 'The supervisor, by employee number in the same department (may be in the file)',
  },
  { name: 'ethnicities', required: false, description: 'Self-identification codes separated by ;' },
  { name: 'gender', required: false, description: 'FEMALE, MALE, NONBINARY or DECLINED' },
  { name: 'disability', required: false, description: 'YES, NO or DECLINED' },
  { name: 'veteran', required: false, description: 'YES, NO or DECLINED' },
];

export const TRAINING_COLUMNS: readonly ImportColumn[] = [
  { name: 'employee_number', required: true, description: 'The employee, in the department' },
  { name: 'title', required: true, description: 'Course or activity title' },
  { name: 'provider', required: false, description: 'Who gave it' },
  { name: 'kind', required: true, description: 'CLASSROOM, ONLINE, COLLEGE_COURSE, OJT, ...' },
  { name: 'hours', required: true, description: 'Hours, 0 < hours <= 2000' },
  { name: 'start_date', required: true, description: 'YYYY-MM-DD' },
  { name: 'completion_date', required: true, description: 'YYYY-MM-DD, not before start_date' },
  { name: 'on_state_time', required: true, description: 'true or false' },
  { name: 'cost', required: false, description: 'Dollars' },
];

export const IMPORT_KINDS = ['roster', 'training'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  roster: ROSTER_COLUMNS,
  training: TRAINING_COLUMNS,
};
