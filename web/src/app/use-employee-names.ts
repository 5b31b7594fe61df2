import { useMemo } from 'react';
import type { Employee, Page } from '../api/types';
import { employeeName } from '../components/Records';
import { useApi } from './use-api';

/** Names of the department's employees by id (lists of records carry ids only). */
export function useEmployeeNames(): Map<string, string> {
  const employees = useApi<Page<Employee>>('/employees', { pageSize: 200, sort: 'lastName' });
  return useMemo(
    () =>
      new Map(
        (employees.data?.items ?? []).map((e) => [
          e.id,
          `${employeeName(e)} (${e.employeeNumber})`,
        ]),
      ),
    [employees.data],
  );
}
