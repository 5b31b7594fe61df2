import { useSession } from './session';

/** The coordinator's department (every coordinator page works inside it). */
export function useDepartmentId(): string {
  const { me } = useSession();
  if (!me.departmentId) throw new Error(`${me.email} has no department`);
  return me.departmentId;
}
