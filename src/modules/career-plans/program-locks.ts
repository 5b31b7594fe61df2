import type { EntityManager } from 'typeorm';

/**
 * Serializes, per employee, the writes that must see each other: opening an application, opening
 * a participation, creating a career plan (one open of each at a time). A transaction-scoped
 * advisory lock (two-key form, so it never meets the audit chain's one-key lock) rather than a
 * row lock on `employees`, so that edits of the employee record itself are not held up.
 */
export async function lockEmployeeProgramRecords(
  manager: EntityManager,
  employeeId: string,
): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
    'um:employee-program',
    employeeId,
  ]);
}

/** Serializes new versions of one department's selection criteria. */
export async function lockDepartmentCriteria(
  manager: EntityManager,
  departmentId: string,
): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
    'um:selection-criteria',
    departmentId,
  ]);
}
