import type { AuthUser } from './auth-user';

/**
 * Which departments a caller may read: ADMIN and AUDITOR every one (auditors see aggregates
 * only; the services decide what), everyone else their own. `null` means all.
 */
export function readableDepartmentId(user: AuthUser): string | null {
  if (user.role === 'ADMIN' || user.role === 'AUDITOR') return null;
  // A department role without a department sees nothing: an impossible id matches no row.
  return user.departmentId ?? '00000000-0000-0000-0000-000000000000';
}
