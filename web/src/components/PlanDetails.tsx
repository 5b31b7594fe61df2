import type { CareerPlan, PlanActivity } from '../api/types';
import { formatDate, formatNumber, humanize } from '../lib/format';
import { TableScroll } from './Controls';
import { PlanHistory, StateBadge } from './Records';

export function ActivitiesTable({
  activities,
  caption,
}: {
  activities: PlanActivity[];
  caption: string;
}) {
  if (activities.length === 0) return <p>No activities yet.</p>;
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Activity</th>
            <th scope="col">Kind</th>
            <th scope="col">Target date</th>
            <th scope="col">Planned hours</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {activities.map((activity, index) => (
            <tr key={activity.id ?? index}>
              <td>{activity.description}</td>
              <td>{humanize(activity.kind)}</td>
              <td>{formatDate(activity.targetDate)}</td>
              <td>{formatNumber(activity.plannedHours)}</td>
              <td>{humanize(activity.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A plan read-only: state, goals, targets, activities, comments and history. */
export function PlanDetails({
  plan,
  headingLevel = 2,
}: {
  plan: CareerPlan;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="plan">
      <p>
        Status: <StateBadge state={plan.state} />
        {plan.submittedAt ? ` · submitted ${formatDate(plan.submittedAt)}` : ''}
        {plan.approvedAt ? ` · approved ${formatDate(plan.approvedAt)}` : ''}
      </p>
      {plan.nextConversationDue ? (
        <p>
          Next career conversation due by {formatDate(plan.nextConversationDue.dueOn)}
          {plan.nextConversationDue.overdue ? ' (overdue)' : ''}.
        </p>
      ) : null}
      {plan.lastComment ? (
        <div className="comment">
          <p className="comment-title">Latest comment from your reviewer</p>
          <blockquote>{plan.lastComment}</blockquote>
        </div>
      ) : null}
      <H>Goals</H>
      <p className="prewrap">{plan.goals || 'No goals written yet.'}</p>
      <H>Target classes</H>
      <p>{plan.targetClassCodes.length ? plan.targetClassCodes.join(', ') : 'None chosen yet.'}</p>
      <H>Activities</H>
      <ActivitiesTable activities={plan.activities} caption="Planned activities" />
      <H>Comments and history</H>
      <PlanHistory events={plan.events} />
    </div>
  );
}
