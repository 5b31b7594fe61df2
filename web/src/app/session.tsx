import { createContext, useContext } from 'react';
import type { Me } from '../api/types';

export interface Session {
  me: Me;
  signOut(): void;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user (pages render only inside a session). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a session');
  return session;
}

/** The employee record of the signed-in user (EMPLOYEE and SUPERVISOR have one). */
export function useOwnEmployeeId(): string {
  const { me } = useSession();
  if (!me.employeeId) throw new Error(`${me.email} has no employee record`);
  return me.employeeId;
}
