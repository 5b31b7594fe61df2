import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Employee, Page as ApiPage } from '../../api/types';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Pager, TableScroll } from '../../components/Controls';
import { Async } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Fields';
import { Page } from '../../components/Page';
import { employeeName } from '../../components/Records';
import { formatDate, humanize } from '../../lib/format';

type SortField = 'lastName' | 'employeeNumber' | 'classCode' | 'hireDate';

interface Filters {
  q: string;
  status: string;
  designation: string;
  classCode: string;
}

const NO_FILTERS: Filters = { q: '', status: 'ACTIVE', designation: '', classCode: '' };
const PAGE_SIZE = 25;

export function EmployeesPage() {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<{ field: SortField; order: 'asc' | 'desc' }>({
    field: 'lastName',
    order: 'asc',
  });
  const [page, setPage] = useState(1);
  const employees = useApi<ApiPage<Employee>>('/employees', {
    ...filters,
    classCode: filters.classCode.trim().toUpperCase(),
    sort: sort.field,
    order: sort.order,
    page,
    pageSize: PAGE_SIZE,
  });

  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setPage(1);
  };
  const sortBy = (field: SortField) => {
    setSort((current) => ({
      field,
      order: current.field === field && current.order === 'asc' ? 'desc' : 'asc',
    }));
    setPage(1);
  };
  const header = (field: SortField, label: string) => {
    const active = sort.field === field;
    return (
      <th
        scope="col"
        aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <button type="button" className="sort" onClick={() => sortBy(field)}>
          {label}
          <span aria-hidden="true">{active ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
          <span className="visually-hidden">{active ? '' : ', sort'}</span>
        </button>
      </th>
    );
  };

  return (
    <Page
      title="Employees"
      intro="Everyone in your department. Search by name or employee number, or narrow the list."
    >
      <form className="filters" role="search" aria-label="Employees" onSubmit={search}>
        <TextField
          label="Name or employee number"
          type="search"
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
        />
        <SelectField
          label="Status"
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          options={[
            { value: '', label: 'Any' },
            { value: 'ACTIVE', label: 'Active' },
            { value: 'SEPARATED', label: 'Separated' },
          ]}
        />
        <SelectField
          label="Designation of their class"
          value={draft.designation}
          onChange={(e) => setDraft({ ...draft, designation: e.target.value })}
          options={[
            { value: '', label: 'Any' },
            { value: 'LPEL', label: 'Low-paying (LPEL)' },
            { value: 'BRIDGING', label: 'Bridging' },
            { value: 'ELTPA', label: 'Entry level (ELTPA)' },
            { value: 'NONE', label: 'Not designated' },
          ]}
        />
        <TextField
          label="Class code"
          value={draft.classCode}
          inputMode="text"
          size={8}
          onChange={(e) => setDraft({ ...draft, classCode: e.target.value })}
        />
        <div className="filter-buttons">
          <button type="submit">Search</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(NO_FILTERS);
              setFilters(NO_FILTERS);
              setPage(1);
            }}
          >
            Clear
          </button>
        </div>
      </form>
      <Async state={employees} label="employees">
        {(data) => (
          <>
            <p aria-live="polite" className="result-count">
              {data.total} {data.total === 1 ? 'employee' : 'employees'} found.
            </p>
            {data.items.length > 0 ? (
              <TableScroll label="Employees">
                <table>
                  <caption className="visually-hidden">
                    Employees, sorted by {humanize(sort.field)}{' '}
                    {sort.order === 'asc' ? 'ascending' : 'descending'}
                  </caption>
                  <thead>
                    <tr>
                      {header('lastName', 'Name')}
                      {header('employeeNumber', 'Number')}
                      {header('classCode', 'Class')}
                      {header('hireDate', 'Hired')}
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((employee) => (
                      <tr key={employee.id}>
                        <th scope="row">
                          <Link to={`/employees/${employee.id}`}>{employeeName(employee)}</Link>
                        </th>
                        <td>{employee.employeeNumber}</td>
                        <td>
                          {employee.classCode} {employee.classTitle}
                        </td>
                        <td>{formatDate(employee.hireDate)}</td>
                        <td>{humanize(employee.status)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : null}
            <Pager
              page={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              onPage={setPage}
              label="Employee pages"
            />
          </>
        )}
      </Async>
    </Page>
  );
}
