import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ExceptionEmployee, ExceptionsReport } from '../../api/types';
import { useDepartmentId } from '../../app/use-department';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { BarChart } from '../../components/BarChart';
import { TableScroll } from '../../components/Controls';
import { Async, Badge } from '../../components/Feedback';
import { Page } from '../../components/Page';
import { formatDate, formatNumber, formatPercent, humanize } from '../../lib/format';

/** Long lists start short: the counts above say how many there are. */
const FIRST_ROWS = 10;

const OUTLOOK: Record<ExceptionsReport['goals']['outlook'], string> = {
  NO_GOAL: 'No move goal is recorded for this fiscal year.',
  MET: 'The move goal is met.',
  ON_TRACK:
    'On track: moves so far plus everyone projected eligible by the year end reach the goal.',
  AT_RISK: 'At risk: even if everyone projected eligible moved, the goal would not be reached.',
};

export function DashboardPage() {
  const departmentId = useDepartmentId();
  const report = useApi<ExceptionsReport>(`/departments/${departmentId}/reports/exceptions`);
  return (
    <Page
      title="Dashboard"
      intro="What needs your attention in the department's upward mobility program (the exceptions report)."
    >
      <Async state={report} label="the exceptions report">
        {(data) => <Exceptions report={data} />}
      </Async>
    </Page>
  );
}

function Exceptions({ report }: { report: ExceptionsReport }) {
  const sections: { id: string; label: string; count: number }[] = [
    { id: 'no-plan', label: 'Without an approved plan', count: report.withoutApprovedPlan.count },
    {
      id: 'conversations',
      label: 'Career conversation overdue',
      count: report.conversationOverdue.count,
    },
    {
      id: 'training',
      label: 'Training waiting for verification over 30 days',
      count: report.unverifiedTraining.count,
    },
    {
      id: 'cap',
      label: 'Over the state-time training cap',
      count: report.stateTimeCapExceeded.count,
    },
    {
      id: 'td-limit',
      label: 'T&D assignments near the 24-in-36 limit',
      count: report.tdNearLimit.count,
    },
    {
      id: 'td-early-end',
      label: 'T&D early ends not honoured in time',
      count: report.tdEarlyEndNotHonoured.count,
    },
  ];
  const { goals, participation } = report;
  return (
    <>
      <p>
        As of {formatDate(report.asOf)}, fiscal year {report.fiscalYear}.
      </p>
      <ul className="summary-cards">
        {sections.map((section) => (
          <li key={section.id} className={section.count > 0 ? 'attention' : ''}>
            <a href={`#${section.id}`}>
              <span className="big-number">{formatNumber(section.count)}</span> {section.label}
            </a>
          </li>
        ))}
      </ul>

      <h2>Move goal</h2>
      <p>
        <Badge
          tone={
            goals.outlook === 'AT_RISK' ? 'bad' : goals.outlook === 'NO_GOAL' ? undefined : 'good'
          }
        >
          {humanize(goals.outlook)}
        </Badge>{' '}
        {OUTLOOK[goals.outlook]}
      </p>
      <BarChart
        title={`Move goal against moves, fiscal year ${report.fiscalYear}`}
        summary={`${goals.moveGoal === null ? 'No goal recorded' : `Goal ${formatNumber(goals.moveGoal)}`}; ${formatNumber(goals.actualMoves)} moves so far; ${formatNumber(goals.eligibleByYearEnd)} more employees eligible by ${formatDate(goals.yearEnd)}.`}
        categories={['Move goal', 'Moves so far', 'Moves so far + eligible by year end']}
        series={[
          { name: 'Employees', values: [goals.moveGoal, goals.actualMoves, goals.projectedMoves] },
        ]}
      />

      <h2>Participation</h2>
      <BarChart
        title="Share of employees in low-paying and bridging classes who participate"
        summary={`Part time: ${formatPercent(participation.partTime.rate)} of ${participation.partTime.employees}; full time: ${formatPercent(participation.fullTime.rate)} of ${participation.fullTime.employees}.`}
        categories={['Part time', 'Full time']}
        series={[
          {
            name: 'Participation rate',
            values: [participation.partTime.rate, participation.fullTime.rate],
          },
        ]}
        max={1}
        format={(value) => formatPercent(value)}
      />

      <ExceptionTable
        id="no-plan"
        title="Without an approved plan"
        items={report.withoutApprovedPlan.items}
        columns={[['Designation', (item) => item.designation]]}
      />
      <ExceptionTable
        id="conversations"
        title="Career conversation overdue"
        items={report.conversationOverdue.items}
        columns={[['Last conversation', (item) => formatDate(item.lastConversationOn) || 'Never']]}
      />
      <ExceptionTable
        id="training"
        title="Training waiting for verification over 30 days"
        items={report.unverifiedTraining.items}
        columns={[
          ['Training', (item) => item.title],
          ['Days waiting', (item) => formatNumber(item.daysWaiting)],
        ]}
        action={<Link to="/training">Verify training</Link>}
      />
      <ExceptionTable
        id="cap"
        title="Over the state-time training cap"
        items={report.stateTimeCapExceeded.items}
        columns={[
          ['Hours on state time', (item) => formatNumber(item.hours)],
          ['Cap', (item) => formatNumber(item.capHours)],
        ]}
      />
      <ExceptionTable
        id="td-limit"
        title="T&D assignments near the 24-in-36 limit"
        items={report.tdNearLimit.items}
        columns={[
          ['Months used', (item) => formatNumber(item.usedMonths)],
          ['Past the limit', (item) => (item.pastLimit ? 'Yes' : 'No')],
        ]}
      />
      <ExceptionTable
        id="td-early-end"
        title="T&D early ends not honoured in time"
        items={report.tdEarlyEndNotHonoured.items}
        columns={[
          ['Requested', (item) => formatDate(item.requestedOn)],
          ['Due by', (item) => formatDate(item.dueBy)],
        ]}
      />
    </>
  );
}

function ExceptionTable<T extends ExceptionEmployee>({
  id,
  title,
  items,
  columns,
  action,
}: {
  id: string;
  title: string;
  items: T[];
  columns: [string, (item: T) => ReactNode][];
  action?: ReactNode;
}) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? items : items.slice(0, FIRST_ROWS);
  return (
    <div className="exception">
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      {items.length === 0 ? (
        <p>Nothing to act on.</p>
      ) : (
        <>
          {action ? <p>{action}</p> : null}
          <TableScroll label={title}>
            <table>
              <caption>
                {title}: {items.length}
                {items.length > shown.length ? ` (the first ${shown.length} shown)` : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Employee</th>
                  <th scope="col">Number</th>
                  <th scope="col">Class</th>
                  {columns.map(([label]) => (
                    <th scope="col" key={label}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((item, index) => (
                  <tr key={`${item.employeeId}-${index}`}>
                    <th scope="row">
                      <Link to={`/employees/${item.employeeId}`}>{item.name}</Link>
                    </th>
                    <td>{item.employeeNumber}</td>
                    <td>{item.classCode}</td>
                    {columns.map(([label, render]) => (
                      <td key={label}>{render(item)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {items.length > FIRST_ROWS ? (
            <button
              type="button"
              className="secondary"
              aria-expanded={showAll}
              onClick={() => setShowAll(!showAll)}
            >
              {showAll ? `Show the first ${FIRST_ROWS} only` : `Show all ${items.length}`}
              <span className="visually-hidden"> of {title.toLowerCase()}</span>
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
