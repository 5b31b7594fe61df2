import type { Role } from './role';

/** The authenticated caller, as loaded fresh from the database on every request. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  departmentId: string | null;
  employeeId: string | null;
}

/** What a service needs to know about who acts: for scoping and for the audit trail. */
export interface Actor {
  user: AuthUser;
  requestId: string;
}

/** For changes made by the system itself (bootstrap, demo data, imports run from the CLI). */
export function systemActor(requestId = 'system'): Actor {
  return {
    user: {
      id: '00000000-0000-0000-0000-000000000000',
      email: 'system',
      role: 'ADMIN',
      departmentId: null,
      employeeId: null,
    },
    requestId,
  };
}
