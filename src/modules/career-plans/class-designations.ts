import type { EntityManager } from 'typeorm';
import { designationAt } from '../appointments/upward-move.rule';
import type { ClassDesignation, UmDesignation } from '../appointments/upward-move.rule';
import { fiscalYearOf } from '../program-calendar/fiscal-year.rule';

/**
 * The department's designation (LPEL, BRIDGING, ELTPA or NONE) of each class code on `date`,
 * read from `um_designations` and decided by `designationAt` (the fiscal year containing the
 * date, else the latest earlier one). Codes of classes that do not exist are left out.
 */
export async function designationsOn(
  manager: EntityManager,
  departmentId: string,
  classCodes: readonly string[],
  date: string,
): Promise<Map<string, UmDesignation>> {
  const unique = [...new Set(classCodes)];
  if (unique.length === 0) return new Map();
  const known: { classCode: string }[] = await manager.query(
    'SELECT class_code AS "classCode" FROM classifications WHERE class_code = ANY($1)',
    [unique],
  );
  const rows: { classCode: string; fiscalYear: string; designation: UmDesignation }[] =
    await manager.query(
      `SELECT c.class_code AS "classCode", d.fiscal_year AS "fiscalYear", d.designation::text AS "designation"
         FROM um_designations d JOIN classifications c ON c.id = d.classification_id
        WHERE d.department_id = $1 AND c.class_code = ANY($2)`,
      [departmentId, unique],
    );
  const designations: ClassDesignation[] = rows.map((row) => ({
    classCode: row.classCode,
    fiscalYear: row.fiscalYear.trim(),
    designation: row.designation,
  }));
  return new Map(
    known.map(({ classCode }) => [classCode, designationAt(designations, classCode, date)]),
  );
}

/** Problems for target class codes that are unknown or not ELTPA for the department on `date`. */
export async function eltpaTargetProblems(
  manager: EntityManager,
  departmentId: string,
  classCodes: readonly string[],
  date: string,
  field: (index: number) => string,
): Promise<{ field: string; message: string }[]> {
  const designations = await designationsOn(manager, departmentId, classCodes, date);
  return classCodes.flatMap((code, index) => {
    const designation = designations.get(code);
    if (designation === undefined)
      return [{ field: field(index), message: `unknown class ${code}` }];
    if (designation !== 'ELTPA') {
      return [
        {
          field: field(index),
          message: `${code} is not designated ELTPA by the department for ${fiscalYearOf(date)}`,
        },
      ];
    }
    return [];
  });
}
