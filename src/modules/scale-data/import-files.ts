/**
 * The import CSV files written beside the database rows (or instead of them): per department a
 * roster of its ACTIVE employees and their training records, in the import layout
 * (imports/import-layout.ts), from the very rows the database gets.
 */
import * as path from 'node:path';
import { ROSTER_COLUMNS, TRAINING_COLUMNS } from '../imports/import-layout';
import { csvRow, isoDate } from './copy-format';
import type { DepartmentRows } from './department-rows';
import { CsvFile } from './scale-data.writer';
import type { CopyTee } from './scale-data.writer';
import type { TrainingRecordDraft } from './training.rule';
import type { WorkforceEmployee } from './workforce.rule';

/** The generator's value for a column of the import layout; a column it does not know stops
 * the run before anything is written, rather than writing files the importer refuses. */
function layoutValue<T>(values: Record<string, T>, column: string): T {
  const value = values[column];
  if (value === undefined) {
    throw new Error(`The import layout has a column the generator does not fill: ${column}`);
  }
  return value;
}

export function rosterTee(dir: string, rows: DepartmentRows): CopyTee<WorkforceEmployee> {
  const values: Record<string, (e: WorkforceEmployee) => string | number | null> = {
    employee_number: (e) => e.employeeNumber,
    first_name: (e) => e.firstName,
    last_name: (e) => e.lastName,
    work_email: (e) => e.workEmail,
    class_code: (e) => e.classCode,
    position_number: (e) => e.positionNumber,
    time_base: (e) => e.timeBase,
    time_base_fraction: (e) => (e.timeBase === 'INTERMITTENT' ? null : e.timeBaseFraction),
    hire_date: (e) => isoDate(e.hireDay),
    supervisor_employee_number: (e) =>
      e.supervisorIndex === null ? null : rows.employees[e.supervisorIndex].employeeNumber,
    ethnicities: (e) => e.ethnicities?.join(';') ?? null,
    gender: (e) => e.gender,
    disability: (e) => e.disability,
    veteran: (e) => e.veteran,
  };
  const columns = ROSTER_COLUMNS.map((c) => layoutValue(values, c.name));
  const file = new CsvFile(
    path.join(dir, `${rows.department.code}-roster.csv`),
    csvRow(ROSTER_COLUMNS.map((c) => c.name)),
  );
  return {
    file,
    line: (e) => (e.separatedDay === null ? csvRow(columns.map((value) => value(e))) : null),
  };
}

export function trainingTee(dir: string, rows: DepartmentRows): CopyTee<TrainingRecordDraft> {
  const values: Record<string, (t: TrainingRecordDraft) => string | number | boolean | null> = {
    employee_number: (t) => rows.employees[t.employeeIndex].employeeNumber,
    title: (t) => t.title,
    provider: (t) => t.provider,
    kind: (t) => t.kind,
    hours: (t) => t.hours,
    semester_units: (t) => (t.semesterUnits === null ? null : t.semesterUnits.toFixed(1)),
    start_date: (t) => isoDate(t.startDay),
    completion_date: (t) => isoDate(t.completionDay),
    on_state_time: (t) => t.onStateTime,
    cost: (t) => (t.cost === null ? null : t.cost.toFixed(2)),
  };
  const columns = TRAINING_COLUMNS.map((c) => layoutValue(values, c.name));
  const file = new CsvFile(
    path.join(dir, `${rows.department.code}-training.csv`),
    csvRow(TRAINING_COLUMNS.map((c) => c.name)),
  );
  return {
    file,
    line: (t) =>
      rows.employees[t.employeeIndex].separatedDay === null
        ? csvRow(columns.map((value) => value(t)))
        : null,
  };
}
