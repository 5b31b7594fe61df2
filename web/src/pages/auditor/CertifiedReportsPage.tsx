import { useState } from 'react';
import type { Department, Page as ApiPage, StatewideRollup } from '../../api/types';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { TableScroll } from '../../components/Controls';
import { Async, Badge } from '../../components/Feedback';
import { FiscalYearSelect, lastClosedFiscalYear } from '../../components/FiscalYearSelect';
import { Page } from '../../components/Page';
import { formatDate, humanize } from '../../lib/format';

export function CertifiedReportsPage() {
  const [fiscalYear, setFiscalYear] = useState(lastClosedFiscalYear());
  const departments = useApi<ApiPage<Department>>('/departments', { pageSize: 200, sort: 'code' });
  const rollup = useApi<StatewideRollup>(`/reports/statewide/${fiscalYear}`, { format: 'json' });
  return (
    <Page
      title="Certified reports"
      intro="The annual reports departments have certified, as oversight receives them (small counts hidden)."
    >
      <FiscalYearSelect value={fiscalYear} onChange={setFiscalYear} />
      <Async state={departments} label="the departments">
        {(deps) => (
          <Async state={rollup} label="the certified reports">
            {(data) => {
              const byCode = new Map(deps.items.map((d) => [d.code, d]));
              return (
                <TableScroll label="Certified reports">
                  <table>
                    <caption>Annual reports for {fiscalYear}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Department</th>
                        <th scope="col">Status</th>
                        <th scope="col">Certified versions</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.departments.map((row) => {
                        const department = byCode.get(row.departmentCode);
                        const versions = row.certifiedVersion
                          ? Array.from(
                              { length: row.certifiedVersion },
                              (_, i) => row.certifiedVersion! - i,
                            )
                          : [];
                        return (
                          <tr key={row.departmentCode}>
                            <th scope="row">
                              {row.departmentName} ({row.departmentCode})
                            </th>
                            <td>
                              <Badge
                                tone={
                                  row.certified
                                    ? 'good'
                                    : row.timeliness === 'OVERDUE'
                                      ? 'bad'
                                      : undefined
                                }
                              >
                                {humanize(row.timeliness)}
                              </Badge>
                              {row.certifiedOn
                                ? ` certified ${formatDate(row.certifiedOn)}`
                                : ` due ${formatDate(row.dueDate)}`}
                            </td>
                            <td>
                              {department && versions.length > 0 ? (
                                <ul className="plain inline">
                                  {versions.map((version) => (
                                    <li key={version}>
                                      <Link
                                        to={`/certified/${department.id}/${fiscalYear}/${version}`}
                                      >
                                        Open version {version}
                                        <span className="visually-hidden">
                                          {' '}
                                          of {row.departmentCode}
                                        </span>
                                        {version === row.certifiedVersion ? ' (latest)' : ''}
                                      </Link>
                                    </li>
                                  ))}
                                </ul>
                              ) : (
                                'None'
                              )}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </TableScroll>
              );
            }}
          </Async>
        )}
      </Async>
    </Page>
  );
}
