/**
 * Who may see an employee's voluntary self-identification (ethnicities, gender, disability,
 * veteran), and what a valid answer is.
 *
 * Decision (kept deliberately simple):
 * - On employee records (`GET /employees`, `GET /employees/:id`) the demographic keys are sent
 *   only to ADMIN and to the COORDINATOR of the employee's department. Everyone else, the
 *   employee included, gets a record without the keys at all (not even `null`), so a client can
 *   never leak them by accident.
 * - The employee reads and sets their own answers only through
 *   `GET|PUT /employees/:id/self-identification`, which the owner, ADMIN and the department's
 *   COORDINATOR may use (a supervisor never may).
 * - Every response carrying ANOTHER person's answers (to ADMIN or COORDINATOR: a record, a list,
 *   the record returned by a create or update, the self-identification GET) is audited as
 *   `READ_DEMOGRAPHICS`, one entry per request listing the employee ids; one's own answers are
 *   not. The self-identification PUT only echoes what the caller just sent, so it is audited as
 *   the change it is, not as a read.
 */
import type { AuthUser } from '../../common/auth/auth-user';
import type { EthnicityCode } from './demographics';
import type { RecordProblem } from './employee-record.rule';

type Viewer = Pick<AuthUser, 'role' | 'departmentId' | 'employeeId'>;
interface EmployeeRef {
  id: string;
  departmentId: string;
}

/** Whether employee records sent to `viewer` carry the demographic keys. */
export function canSeeDemographics(viewer: Viewer, employee: EmployeeRef): boolean {
  if (viewer.role === 'ADMIN') return true;
  return (
    viewer.role === 'COORDINATOR' &&
    viewer.departmentId !== null &&
    viewer.departmentId === employee.departmentId
  );
}

/** Whether `viewer` may read and set the employee's self-identification on its own route. */
export function canUseSelfIdentification(viewer: Viewer, employee: EmployeeRef): boolean {
  return isOwnRecord(viewer, employee) || canSeeDemographics(viewer, employee);
}

export function isOwnRecord(viewer: Viewer, employee: EmployeeRef): boolean {
  return viewer.employeeId !== null && viewer.employeeId === employee.id;
}

/** The ids whose demographics `viewer` read that must be audited: everyone's but their own. */
export function demographicReadsToAudit(
  viewer: Viewer,
  employees: readonly EmployeeRef[],
): string[] {
  return employees
    .filter((employee) => canSeeDemographics(viewer, employee) && !isOwnRecord(viewer, employee))
    .map((employee) => employee.id);
}

/**
 * More than one ethnicity may be chosen (the state survey allows it); DECLINED is an answer of
 * its own and cannot be combined with another; no code twice; `null` means "not answered" and an
 * empty list is not an answer.
 */
export function ethnicityProblems(
  codes: readonly EthnicityCode[] | null | undefined,
  field = 'ethnicities',
): RecordProblem[] {
  if (codes === null || codes === undefined) return [];
  const problems: RecordProblem[] = [];
  if (codes.length === 0) {
    problems.push({ field, message: 'must list at least one code (or be null: not answered)' });
  }
  if (codes.includes('DECLINED') && codes.length > 1) {
    problems.push({ field, message: 'DECLINED cannot be combined with other codes' });
  }
  if (new Set(codes).size !== codes.length) {
    problems.push({ field, message: 'must not list a code twice' });
  }
  return problems;
}
