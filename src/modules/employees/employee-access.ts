import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor, AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import type { PlanActorRelation } from '../career-plans/plan-workflow.rule';
import { Employee } from './employee.entity';

/** An id that matches no row: a caller without the needed link sees nothing. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * SQL condition (for `employeeIdColumn`) limiting rows to employees the caller may see:
 * ADMIN every one; COORDINATOR their department; SUPERVISOR themselves and their direct
 * reports; EMPLOYEE themselves; AUDITOR none (oversight reads aggregates, never individuals).
 */
export function employeeScopeCondition(
  user: AuthUser,
  employeeIdColumn: string,
): { sql: string; params: Record<string, string> } {
  switch (user.role) {
    case 'ADMIN':
      return { sql: 'TRUE', params: {} };
    case 'COORDINATOR':
      return {
        sql: `${employeeIdColumn} IN (SELECT scope_e.id FROM employees scope_e WHERE scope_e.department_id = :scopeDepartmentId)`,
        params: { scopeDepartmentId: user.departmentId ?? NOBODY },
      };
    case 'SUPERVISOR':
      return {
        sql: `${employeeIdColumn} IN (SELECT scope_e.id FROM employees scope_e WHERE scope_e.id = :scopeEmployeeId OR scope_e.supervisor_id = :scopeEmployeeId)`,
        params: { scopeEmployeeId: user.employeeId ?? NOBODY },
      };
    case 'EMPLOYEE':
      return {
        sql: `${employeeIdColumn} = :scopeEmployeeId`,
        params: { scopeEmployeeId: user.employeeId ?? NOBODY },
      };
    case 'AUDITOR':
      return { sql: 'FALSE', params: {} };
  }
}

/** Applies the caller's employee scope to a query whose rows carry an employee id column. */
export function scopeToVisibleEmployees<T extends object>(
  query: SelectQueryBuilder<T>,
  user: AuthUser,
  employeeIdColumn: string,
): SelectQueryBuilder<T> {
  const { sql, params } = employeeScopeCondition(user, employeeIdColumn);
  return query.andWhere(sql, params);
}

/** The employee if the caller may see them, else 404 (never a 403 that confirms they exist). */
export async function findVisibleEmployee(
  manager: EntityManager,
  employeeId: string,
  actor: Actor,
  options: { lock?: boolean } = {},
): Promise<Employee> {
  const query = manager
    .getRepository(Employee)
    .createQueryBuilder('employee')
    .where('employee.id = :employeeId', { employeeId });
  scopeToVisibleEmployees(query, actor.user, 'employee.id');
  if (options.lock) query.setLock('pessimistic_write');
  const employee = await query.getOne();
  if (!employee) throw DomainError.notFound('Employee');
  return employee;
}

/** How the caller stands to an employee, for workflow rules (see plan-workflow.rule). */
export function relationTo(user: AuthUser, employee: Employee): PlanActorRelation {
  if (user.employeeId !== null && user.employeeId === employee.id) return 'OWNER';
  if (
    user.role === 'SUPERVISOR' &&
    user.employeeId !== null &&
    employee.supervisorId === user.employeeId
  ) {
    return 'SUPERVISOR';
  }
  if (user.role === 'COORDINATOR' && user.departmentId === employee.departmentId)
    return 'COORDINATOR';
  if (user.role === 'ADMIN') return 'ADMIN';
  return 'OTHER';
}

/**
 * A record about an employee (plan, training, assignment...) by id, if the caller may see that
 * employee; else 404 under the record's own name, so its existence is not confirmed.
 */
export async function findVisibleEmployeeRecord<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  actor: Actor,
  notFoundLabel: string,
  options: { lock?: boolean } = {},
): Promise<T> {
  const query = manager
    .getRepository(entity)
    .createQueryBuilder('record')
    .where('record.id = :id', { id });
  scopeToVisibleEmployees(query, actor.user, 'record.employee_id');
  if (options.lock) query.setLock('pessimistic_write');
  const record = await query.getOne();
  if (!record) throw DomainError.notFound(notFoundLabel);
  return record;
}
