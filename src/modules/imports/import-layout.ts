/**
 * The documented column layouts of the two imports (CSV header row / first XLSX row), shared by
 * the importer, the downloadable templates and the scale-data generator's CSV export.
 * Column names are case-insensitive; order is free; unknown columns are refused.
 *
 * Values:
 * - dates: YYYY-MM-DD (M/D/YYYY, as Excel re-saves a CSV, is read too; XLSX date cells as such);
 * - time_base: FULL_TIME | PART_TIME | INTERMITTENT, time_base_fraction: 0 < x <= 1 (e.g. 0.5);
 * - ethnicities: codes of the state's self-identification form separated by `;` (see
 *   src/modules/employees/demographics.ts), or DECLINED; empty = not provided;
 * - gender: FEMALE | MALE | NONBINARY | DECLINED; disability, veteran: YES | NO | DECLINED;
 * - on_state_time: true | false (yes | no are read too); kind: CLASSROOM | ONLINE |
 *   COLLEGE_COURSE | OJT | MENTORING | CONFERENCE; hours: 0 < x <= 2000 in quarter hours;
 *   semester_units: required for a COLLEGE_COURSE only (0 < x <= 99.9, one decimal);
 *   cost: dollars, up to 2 decimals.
 * Code values (time_base, kind, gender, ...) are case-insensitive. Cells are trimmed. A cell
 * starting with `=`, `+`, `-` or `@` is stored as the text it is (exports neutralise it).
 *
 * Keys (a second import of the same file changes nothing):
 * - roster: employee_number, unique within the department;
 * - training: employee_number + title + start_date + completion_date (title compared exactly,
 *   after trimming).
 *
 * What an empty cell or an absent optional column means on an existing record:
 * - an absent optional column leaves that field as it is;
 * - work_email, position_number, supervisor_employee_number, provider, cost, semester_units:
 *   an empty cell clears the field (payroll is the source of truth for them);
 * - ethnicities, gender, disability, veteran: an empty cell keeps what is recorded (employees may
 *   have answered in the application since); DECLINED records a refusal to answer.
 * - class_code of an existing employee must be their current class: a class change is an
 *   appointment (POST /employees/:id/appointments), which keeps the class history complete.
 * - A training record already VERIFIED or REJECTED is never changed by an import; new and
 *   updated records are REPORTED (a coordinator verifies them).
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
  {
    name: 'semester_units',
    required: false,
    description: 'Semester units: required for a COLLEGE_COURSE, only for it',
  },
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

/** The columns that identify a row's record: the same key twice in one file is refused. */
export const IMPORT_KEY_COLUMNS: Record<ImportKind, readonly string[]> = {
  roster: ['employee_number'],
  training: ['employee_number', 'title', 'start_date', 'completion_date'],
};

/** The layout as a Markdown table, for the OpenAPI description of the import routes. */
export function layoutMarkdown(kind: ImportKind): string {
  const rows = IMPORT_COLUMNS[kind].map(
    (column) =>
      `| ${column.name} | ${column.required ? 'yes' : 'no'} | ${column.description.replace(/\|/g, '\\|')} |`,
  );
  return [
    `Columns of a ${kind} file (key: ${IMPORT_KEY_COLUMNS[kind].join(' + ')}):`,
    '',
    '| column | required | value |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}
