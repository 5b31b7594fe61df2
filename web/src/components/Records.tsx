/** Pieces several pages show: an employee's record, class history, plan history, training. */
import type { Appointment, Employee, PlanEvent, TrainingRecord } from '../api/types';
import { formatDate, formatInstant, formatNumber, humanize } from '../lib/format';
import { TableScroll } from './Controls';
import { Badge } from './Feedback';

export function employeeName(employee: Pick<Employee, 'firstName' | 'lastName'>): string {
  return `${employee.firstName} ${employee.lastName}`;
}

export function EmployeeFacts({ employee }: { employee: Employee }) {
  const facts: [string, string][] = [
    ['Name', employeeName(employee)],
    ['Employee number', employee.employeeNumber],
    ['Class', `${employee.classTitle} (${employee.classCode})`],
    ['Hired', formatDate(employee.hireDate)],
    [
      'Time base',
      employee.timeBase === 'PART_TIME'
        ? `Part time (${formatNumber(employee.timeBaseFraction)})`
        : humanize(employee.timeBase),
    ],
    ['Status', humanize(employee.status)],
    ['Education', humanize(employee.educationLevel)],
    ['College semester units', formatNumber(employee.collegeSemesterUnits)],
    ['Licenses', employee.licenses.length ? employee.licenses.join(', ') : 'None recorded'],
    ['Work email', employee.workEmail ?? '—'],
  ];
  return (
    <dl className="facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function classWithDesignation(classCode: string | null, designation: string): string {
  if (!classCode) return '—';
  return designation === 'NONE' ? classCode : `${classCode} (${designation})`;
}

export function ClassHistory({
  appointments,
  caption,
}: {
  appointments: Appointment[];
  caption: string;
}) {
  if (appointments.length === 0) return <p>No appointments recorded.</p>;
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Effective</th>
            <th scope="col">Type</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Upward mobility move</th>
          </tr>
        </thead>
        <tbody>
          {appointments.map((appointment) => (
            <tr key={appointment.id}>
              <td>{formatDate(appointment.effectiveDate)}</td>
              <td>{humanize(appointment.type)}</td>
              <td>
                {classWithDesignation(appointment.fromClassCode, appointment.fromDesignation)}
              </td>
              <td>{classWithDesignation(appointment.toClassCode, appointment.toDesignation)}</td>
              <td>{appointment.isUpwardMobilityMove ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const STATE_TONE: Record<string, 'good' | 'warn' | 'bad' | undefined> = {
  APPROVED: 'good',
  COMPLETED: 'good',
  SUBMITTED: 'warn',
  RETURNED: 'bad',
  WITHDRAWN: undefined,
  DRAFT: undefined,
  VERIFIED: 'good',
  REPORTED: 'warn',
  REJECTED: 'bad',
};

export function StateBadge({ state }: { state: string }) {
  return <Badge tone={STATE_TONE[state]}>{humanize(state)}</Badge>;
}

export function PlanHistory({ events }: { events: PlanEvent[] }) {
  if (events.length === 0) return <p>Nothing has happened to this plan yet.</p>;
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li key={event.id}>
          <p>
            <strong>{humanize(event.action)}</strong> by the{' '}
            {humanize(event.actorRelation).toLowerCase()} on {formatInstant(event.occurredAt)}:{' '}
            {humanize(event.fromState)} → {humanize(event.toState)}
          </p>
          {event.comment ? <blockquote>{event.comment}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}

export function TrainingTable({
  records,
  caption,
  names,
}: {
  records: TrainingRecord[];
  caption: string;
  names?: Map<string, string>;
}) {
  if (records.length === 0) return <p>No training recorded.</p>;
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {names ? <th scope="col">Employee</th> : null}
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">Hours</th>
            <th scope="col">Completed</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.id}>
              {names ? <td>{names.get(record.employeeId) ?? '—'}</td> : null}
              <td>{record.title}</td>
              <td>{humanize(record.kind)}</td>
              <td>{formatNumber(record.hours)}</td>
              <td>{formatDate(record.completionDate)}</td>
              <td>
                <StateBadge state={record.status} />
                {record.rejectionReason ? (
                  <span className="note"> {record.rejectionReason}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
