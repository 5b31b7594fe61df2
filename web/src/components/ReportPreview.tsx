import type { AnnualReport } from '../api/types';
import { countText, countValue } from '../lib/counts';
import { formatDate, formatInstant, formatNumber } from '../lib/format';
import { BarChart } from './BarChart';
import { DiversityExplorer } from './Diversity';
import { Badge } from './Feedback';

/** The annual report's figures as a page: goals against results, the pipeline, diversity. */
export function ReportPreview({ report }: { report: AnnualReport }) {
  const { header, goalsVsResults: goals, participation, pipeline } = report;
  const measured = pipeline.filter((entry) => entry.rulesInForce);
  return (
    <article className="report" aria-label={`Annual report ${header.fiscalYear}`}>
      <p>
        <Badge tone={header.status === 'CERTIFIED' ? 'good' : 'warn'}>
          {header.status === 'CERTIFIED' ? `Certified version ${header.version ?? ''}` : 'Draft'}
        </Badge>{' '}
        {header.departmentName} ({header.departmentCode}), fiscal year {header.fiscalYear}:{' '}
        {formatDate(header.periodStart)} to {formatDate(header.periodEnd)}. Headcounts as of{' '}
        {formatDate(header.asOf)}.
      </p>
      {header.status === 'CERTIFIED' ? (
        <p>
          Certified {formatInstant(header.certifiedAt)} by{' '}
          {header.certifiedByName ?? 'the coordinator'}.
        </p>
      ) : (
        <p>
          Computed {formatInstant(header.generatedAt)}; a draft changes with the records until it is
          certified.
        </p>
      )}
      {report.audience === 'oversight' ? (
        <p className="note">
          Oversight copy: counts from 1 to {report.disclosure.smallCellThreshold - 1} are hidden so
          nobody can be identified.
        </p>
      ) : null}
      {report.missedGoals.problems.length > 0 ? (
        <div className="error-summary">
          <p className="error-title">Before this report can be certified</p>
          <ul>
            {report.missedGoals.problems.map((problem) => (
              <li key={problem.field}>{problem.message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2>Goals and results</h2>
      <BarChart
        title="Goals against results"
        summary={
          goals.goalRecorded
            ? `Upward mobility moves in the fiscal year: ${countText(goals.moves.fiscalYear.moves)} against a goal of ${formatNumber(goals.moves.goal)}.`
            : 'No goals were recorded for this fiscal year; only the results are shown.'
        }
        categories={['Upward mobility moves', 'Participants', 'Approved plans']}
        series={[
          { name: 'Goal', values: [goals.moves.goal, goals.participants.goal, goals.plans.goal] },
          {
            name: 'Result',
            values: [
              countValue(goals.moves.fiscalYear.moves),
              countValue(goals.participants.actual),
              countValue(goals.plans.actual),
            ],
          },
        ]}
      />
      <dl className="facts">
        <div>
          <dt>Moves in calendar year {goals.moves.calendarYear.year}</dt>
          <dd>{countText(goals.moves.calendarYear.moves)}</dd>
        </div>
        <div>
          <dt>Verified training hours</dt>
          <dd>
            {formatNumber(goals.trainingHours.actual)}
            {goals.trainingHours.goal !== null
              ? ` of a goal of ${formatNumber(goals.trainingHours.goal)}`
              : ''}
          </dd>
        </div>
        <div>
          <dt>Employees in low-paying or bridging classes</dt>
          <dd>{countText(participation.employeesInLpelOrBridging.onAsOf)}</dd>
        </div>
        <div>
          <dt>Applications received</dt>
          <dd>{countText(participation.applications.received)}</dd>
        </div>
        <div>
          <dt>Career conversations held</dt>
          <dd>{countText(participation.careerConversations.held)}</dd>
        </div>
      </dl>

      <h2>Pipeline</h2>
      {measured.length === 0 ? (
        <p>No target class has qualification rules in force, so nobody could be measured.</p>
      ) : (
        <BarChart
          title="Who qualifies for each target class"
          summary="Employees in low-paying and bridging classes measured against each target class's minimum qualifications: eligible now, and projected within 6 and 12 months."
          categories={measured.map((entry) => `${entry.title} (${entry.classCode})`)}
          series={[
            { name: 'Eligible now', values: measured.map((entry) => countValue(entry.eligible)) },
            {
              name: 'Within 6 months',
              values: measured.map((entry) => countValue(entry.within6Months)),
            },
            {
              name: 'Within 12 months',
              values: measured.map((entry) => countValue(entry.within12Months)),
            },
          ]}
        />
      )}
      <DiversityExplorer diversity={report.diversity} />
    </article>
  );
}
