import ExcelJS from 'exceljs';
import { ETHNICITY_CODES, GENDER_CODES, YES_NO_DECLINED } from '../employees/demographics';
import { IMPORT_MEDIA_TYPES } from './import-file.rule';
import type { ImportFormat } from './import-file.rule';
import { IMPORT_COLUMNS, IMPORT_KEY_COLUMNS } from './import-layout';
import type { ImportKind } from './import-layout';
import { ROSTER_TIME_BASES } from './roster-row.rule';
import { IMPORT_TRAINING_KINDS } from './training-row.rule';

export interface ImportTemplate {
  content: Buffer;
  contentType: string;
  fileName: string;
}

/** Cells Excel must keep as typed (leading zeros of employee numbers, codes like 0001). */
const TEXT_COLUMNS = new Set([
  'employee_number',
  'supervisor_employee_number',
  'class_code',
  'position_number',
  'title',
  'provider',
]);
const DATE_COLUMNS = new Set(['hire_date', 'start_date', 'completion_date']);
/** Drop-down lists offered in the XLSX template. */
const CHOICES: Record<string, readonly string[]> = {
  time_base: ROSTER_TIME_BASES,
  gender: GENDER_CODES,
  disability: YES_NO_DECLINED,
  veteran: YES_NO_DECLINED,
  kind: IMPORT_TRAINING_KINDS,
  on_state_time: ['true', 'false'],
};
/** Rows of the XLSX template that carry the formats and drop-downs. */
const TEMPLATE_ROWS = 5000;

/** exceljs keeps range validations in `dataValidations`, which its type declarations omit. */
function validationsOf(sheet: ExcelJS.Worksheet): {
  add(range: string, validation: ExcelJS.DataValidation): void;
} {
  return (sheet as unknown as { dataValidations: ReturnType<typeof validationsOf> })
    .dataValidations;
}

/**
 * The header row of a kind's import file: as CSV (UTF-8 with a byte-order mark, so Excel opens
 * accented names correctly), or as an XLSX workbook whose first sheet is filled in (text and
 * date formats, drop-downs) and whose second sheet documents the columns.
 */
export async function importTemplate(
  kind: ImportKind,
  format: ImportFormat,
): Promise<ImportTemplate> {
  const columns = IMPORT_COLUMNS[kind];
  const fileName = `um-${kind}-import-template.${format}`;
  if (format === 'csv') {
    const content = Buffer.from(`\uFEFF${columns.map((column) => column.name).join(',')}\r\n`);
    return { content, contentType: `${IMPORT_MEDIA_TYPES.csv}; charset=utf-8`, fileName };
  }

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Upward Mobility Program';
  const sheet = workbook.addWorksheet(kind, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.name,
    key: column.name,
    width: Math.max(14, column.name.length + 4),
    style: TEXT_COLUMNS.has(column.name)
      ? { numFmt: '@' }
      : DATE_COLUMNS.has(column.name)
        ? { numFmt: 'yyyy-mm-dd' }
        : {},
  }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((column, index) => {
    const choices = CHOICES[column.name];
    if (!choices) return;
    const letter = sheet.getColumn(index + 1).letter;
    validationsOf(sheet).add(`${letter}2:${letter}${TEMPLATE_ROWS}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`"${choices.join(',')}"`],
      showErrorMessage: true,
      errorTitle: column.name,
      error: `One of ${choices.join(', ')}`,
    });
  });

  const notes = workbook.addWorksheet('columns');
  notes.columns = [
    { header: 'column', key: 'name', width: 28 },
    { header: 'required', key: 'required', width: 10 },
    { header: 'value', key: 'description', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const column of columns) {
    notes.addRow({ ...column, required: column.required ? 'yes' : 'no' });
  }
  notes.addRow({});
  notes.addRow({ name: 'Key', description: IMPORT_KEY_COLUMNS[kind].join(' + ') });
  notes.addRow({
    name: 'Note',
    description: 'Only the first sheet is imported; dates are YYYY-MM-DD.',
  });
  if (kind === 'roster') {
    notes.addRow({ name: 'Ethnicity codes', description: ETHNICITY_CODES.join('; ') });
  }
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { content, contentType: IMPORT_MEDIA_TYPES.xlsx, fileName };
}
