import type { CareerPlanSummary, Page as ApiPage } from '../../api/types';
import { useTeam } from '../../app/use-team';
import { useApi } from '../../app/use-api';
import { TableScroll } from '../../components/Controls';
import { Async } from '../../components/Feedback';
import { Page } from '../../components/Page';
import { employeeName, StateBadge } from '../../components/Records';
import { formatDate } from '../../lib/format';

export function TeamPage() {
  const { team } = useTeam();
  const plans = useApi<ApiPage<CareerPlanSummary>>('/career-plans', {
    sort: 'createdAt',
    order: 'desc',
    pageSize: 200,
  });
  const latestPlan = new Map<string, CareerPlanSummary>();
  for (const plan of plans.data?.items ?? [])
    if (!latestPlan.has(plan.employeeId)) latestPlan.set(plan.employeeId, plan);
  return (
    <Page
      title="My direct reports"
      intro="The employees who report to you and where their career plans stand."
    >
      <Async state={team} label="your direct reports">
        {(page) =>
          page.items.length === 0 ? (
            <p>No employees report to you.</p>
          ) : (
            <TableScroll label="Direct reports">
              <table>
                <caption>{page.total} direct reports</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Employee number</th>
                    <th scope="col">Class</th>
                    <th scope="col">Hired</th>
                    <th scope="col">Career plan</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((employee) => {
                    const plan = latestPlan.get(employee.id);
                    return (
                      <tr key={employee.id}>
                        <th scope="row">{employeeName(employee)}</th>
                        <td>{employee.employeeNumber}</td>
                        <td>
                          {employee.classTitle} ({employee.classCode})
                        </td>
                        <td>{formatDate(employee.hireDate)}</td>
                        <td>{plan ? <StateBadge state={plan.state} /> : 'None'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </Async>
    </Page>
  );
}
