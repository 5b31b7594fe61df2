/** Who may do what is decided per route from these; see README "Roles". */
export const ROLES = ['ADMIN', 'COORDINATOR', 'SUPERVISOR', 'EMPLOYEE', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** Roles tied to one department (and, for supervisors and employees, to an employee record). */
export const DEPARTMENT_ROLES: readonly Role[] = ['COORDINATOR', 'SUPERVISOR', 'EMPLOYEE'];
