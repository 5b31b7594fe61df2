import type { CareerPlanSummary, Page as ApiPage } from '../../api/types';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { useTeam } from '../../app/use-team';
import { TableScroll } from '../../components/Controls';
import { Async } from '../../components/Feedback';
import { Page } from '../../components/Page';
import { formatDate } from '../../lib/format';

export function ReviewsPage() {
  const { names } = useTeam();
  const plans = useApi<ApiPage<CareerPlanSummary>>('/career-plans', {
    state: 'SUBMITTED',
    sort: 'updatedAt',
    order: 'asc',
    pageSize: 200,
  });
  return (
    <Page
      title="Plans to review"
      intro="Career plans your direct reports submitted. Approve them, or return them with a comment saying what to change."
    >
      <Async state={plans} label="plans waiting for you">
        {(page) =>
          page.items.length === 0 ? (
            <p>No plan is waiting for you.</p>
          ) : (
            <TableScroll label="Plans waiting for review">
              <table>
                <caption>{page.total} plans waiting, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Employee</th>
                    <th scope="col">Submitted</th>
                    <th scope="col">Target classes</th>
                    <th scope="col">Review</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((plan) => {
                    const name = names.get(plan.employeeId) ?? 'Employee';
                    return (
                      <tr key={plan.id}>
                        <th scope="row">{name}</th>
                        <td>{formatDate(plan.submittedAt)}</td>
                        <td>{plan.targetClassCodes.join(', ') || '—'}</td>
                        <td>
                          <Link to={`/reviews/${plan.id}`}>Review the plan of {name}</Link>
                        </td>
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
