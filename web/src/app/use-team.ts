import { useMemo } from 'react';
import type { Employee, Page } from '../api/types';
import { employeeName } from '../components/Records';
import { useSession } from './session';
import { useApi } from './use-api';

/** The supervisor's direct reports, and a name for each employee id. */
export function useTeam() {
  const { me } = useSession();
  const team = useApi<Page<Employee>>('/employees', {
    supervisorId: me.employeeId,
    status: 'ACTIVE',
    sort: 'lastName',
    pageSize: 200,
  });
  const names = useMemo(
    () =>
      new Map((team.data?.items ?? []).map((employee) => [employee.id, employeeName(employee)])),
    [team.data],
  );
  return { team, names };
}
