import type { Appointment, Employee, Page as ApiPage, Participation } from '../../api/types';
import { useOwnEmployeeId } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Async } from '../../components/Feedback';
import { Page } from '../../components/Page';
import { ClassHistory, EmployeeFacts } from '../../components/Records';
import { formatDate } from '../../lib/format';

export function MyRecordPage() {
  const employeeId = useOwnEmployeeId();
  const employee = useApi<Employee>(`/employees/${employeeId}`);
  const participation = useApi<ApiPage<Participation>>(`/employees/${employeeId}/participation`);
  const appointments = useApi<ApiPage<Appointment>>(`/employees/${employeeId}/appointments`, {
    pageSize: 200,
  });
  return (
    <Page
      title="My record"
      intro="What the department holds about you. Ask your coordinator to correct anything that is wrong."
    >
      <Async state={employee} label="your record">
        {(data) => <EmployeeFacts employee={data} />}
      </Async>
      <h2>Program participation</h2>
      <Async state={participation} label="your participation">
        {(data) => {
          const open = data.items.find((item) => item.active);
          if (open)
            return <p>You have been a program participant since {formatDate(open.startedOn)}.</p>;
          if (data.items.length > 0) {
            const last = data.items[0];
            return (
              <p>
                Your participation ended on {formatDate(last.withdrawnOn)}
                {last.withdrawalReason ? ` (${last.withdrawalReason})` : ''}.
              </p>
            );
          }
          return (
            <p>You are not a program participant. Your coordinator can tell you how to apply.</p>
          );
        }}
      </Async>
      <h2>Class history</h2>
      <Async state={appointments} label="your class history">
        {(data) => (
          <ClassHistory appointments={data.items} caption="Your appointments, oldest first" />
        )}
      </Async>
    </Page>
  );
}
