import { useState } from 'react';
import type {
  Appointment,
  CareerPlan,
  CareerPlanSummary,
  Conversation,
  Employee,
  EmployeeEligibility,
  Page as ApiPage,
  TrainingRecord,
} from '../../api/types';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { ConversationList } from '../../components/Conversations';
import { TableScroll } from '../../components/Controls';
import { Async, Badge } from '../../components/Feedback';
import { Page } from '../../components/Page';
import { PlanDetails } from '../../components/PlanDetails';
import {
  ClassHistory,
  EmployeeFacts,
  employeeName,
  StateBadge,
  TrainingTable,
} from '../../components/Records';
import { formatDate, formatInstant, humanize } from '../../lib/format';

interface AuditEntry {
  id: string;
  occurredAt: string;
  actorRole: string | null;
  action: string;
  changes: Record<string, unknown>;
}

export function EmployeePage({ employeeId }: { employeeId: string }) {
  const employee = useApi<Employee>(`/employees/${employeeId}`);
  const title = employee.data ? employeeName(employee.data) : 'Employee';
  return (
    <Page title={title}>
      <p>
        <Link to="/employees">Back to the employees</Link>
      </p>
      <Async state={employee} label="the employee record">
        {(data) => (
          <>
            <EmployeeFacts employee={data} />
            <Eligibility employeeId={employeeId} />
            <Plans employeeId={employeeId} />
            <History employeeId={employeeId} />
          </>
        )}
      </Async>
    </Page>
  );
}

function Eligibility({ employeeId }: { employeeId: string }) {
  const eligibility = useApi<EmployeeEligibility>(`/employees/${employeeId}/eligibility`);
  return (
    <section aria-labelledby="eligibility-heading">
      <h2 id="eligibility-heading">Eligibility</h2>
      <Async state={eligibility} label="eligibility">
        {(data) =>
          data.targets.length === 0 ? (
            <p>No target class has rules in force.</p>
          ) : (
            <ul>
              {data.targets.map((target) => {
                const nearest = target.patterns.find(
                  (p) => p.patternId === target.nearestPatternId,
                );
                return (
                  <li key={target.classCode}>
                    {target.title} ({target.classCode}):{' '}
                    <Badge
                      tone={
                        target.status === 'ELIGIBLE'
                          ? 'good'
                          : target.status === 'EXAM_ELIGIBLE'
                            ? 'warn'
                            : undefined
                      }
                    >
                      {humanize(target.status)}
                    </Badge>
                    {nearest && !nearest.met
                      ? ` — ${nearest.unmetCount} requirement(s) left${nearest.projectedMetOn ? `, projected ${formatDate(nearest.projectedMetOn)}` : ''}`
                      : ''}
                  </li>
                );
              })}
            </ul>
          )
        }
      </Async>
    </section>
  );
}

function Plans({ employeeId }: { employeeId: string }) {
  const plans = useApi<ApiPage<CareerPlanSummary>>('/career-plans', {
    employeeId,
    sort: 'createdAt',
    order: 'desc',
    pageSize: 50,
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const plan = useApi<CareerPlan>(openId ? `/career-plans/${openId}` : null);
  return (
    <section aria-labelledby="plans-heading">
      <h2 id="plans-heading">Career plans</h2>
      <Async state={plans} label="career plans">
        {(page) =>
          page.items.length === 0 ? (
            <p>No career plan.</p>
          ) : (
            <ul className="plain">
              {page.items.map((summary) => (
                <li key={summary.id}>
                  <StateBadge state={summary.state} /> created {formatDate(summary.createdAt)},
                  targets {summary.targetClassCodes.join(', ') || '—'}{' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-expanded={openId === summary.id}
                    onClick={() => setOpenId(openId === summary.id ? null : summary.id)}
                  >
                    {openId === summary.id ? 'Hide details' : 'Show details and history'}
                  </button>
                  {openId === summary.id ? (
                    <Async state={plan} label="the plan">
                      {(data) => <PlanDetails plan={data} headingLevel={3} />}
                    </Async>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}

function History({ employeeId }: { employeeId: string }) {
  const appointments = useApi<ApiPage<Appointment>>(`/employees/${employeeId}/appointments`, {
    pageSize: 200,
  });
  const training = useApi<ApiPage<TrainingRecord>>('/training-records', {
    employeeId,
    sort: 'completionDate',
    order: 'desc',
    pageSize: 200,
  });
  const conversations = useApi<ApiPage<Conversation>>('/career-conversations', {
    employeeId,
    sort: 'heldOn',
    order: 'desc',
    pageSize: 100,
  });
  const audit = useApi<ApiPage<AuditEntry>>('/audit', {
    entityType: 'employee',
    entityId: employeeId,
    pageSize: 50,
    sort: 'occurredAt',
    order: 'desc',
  });
  return (
    <>
      <h2>Class history</h2>
      <Async state={appointments} label="the class history">
        {(page) => <ClassHistory appointments={page.items} caption="Appointments, oldest first" />}
      </Async>
      <h2>Training</h2>
      <Async state={training} label="training">
        {(page) => <TrainingTable records={page.items} caption="Training records, latest first" />}
      </Async>
      <h2>Career conversations</h2>
      <Async state={conversations} label="conversations">
        {(page) => <ConversationList conversations={page.items} />}
      </Async>
      <h2>Changes to the record</h2>
      <Async state={audit} label="the audit trail">
        {(page) =>
          page.items.length === 0 ? (
            <p>No changes recorded.</p>
          ) : (
            <TableScroll label="Changes to the record">
              <table>
                <caption>Audit trail of the employee record, latest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">What</th>
                    <th scope="col">Fields</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((entry) => (
                    <tr key={entry.id}>
                      <td>{formatInstant(entry.occurredAt)}</td>
                      <td>{humanize(entry.actorRole ?? 'system')}</td>
                      <td>{humanize(entry.action)}</td>
                      <td>{Object.keys(entry.changes).join(', ') || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </Async>
    </>
  );
}
