import { useState } from 'react';
import type { StatewideRollup, Timeliness } from '../../api/types';
import { useApi } from '../../app/use-api';
import { BarChart } from '../../components/BarChart';
import { DownloadButton, TableScroll } from '../../components/Controls';
import { DiversityExplorer } from '../../components/Diversity';
import { Async, Badge } from '../../components/Feedback';
import { FiscalYearSelect, lastClosedFiscalYear } from '../../components/FiscalYearSelect';
import { Page } from '../../components/Page';
import { countText, countValue } from '../../lib/counts';
import { formatDate, formatNumber, humanize } from '../../lib/format';

const TIMELINESS: Timeliness[] = ['ON_TIME', 'LATE', 'OVERDUE', 'NOT_YET_DUE'];
const TIMELINESS_TONE: Record<Timeliness, 'good' | 'warn' | 'bad' | undefined> = {
  ON_TIME: 'good',
  LATE: 'warn',
  OVERDUE: 'bad',
  NOT_YET_DUE: undefined,
};

export function StatewidePage() {
  const [fiscalYear, setFiscalYear] = useState(lastClosedFiscalYear());
  const rollup = useApi<StatewideRollup>(`/reports/statewide/${fiscalYear}`, { format: 'json' });
  return (
    <Page
      title="Statewide roll-up"
      intro="Every department's latest certified annual report, side by side and added up. Small counts are hidden so nobody can be identified."
    >
      <FiscalYearSelect value={fiscalYear} onChange={setFiscalYear} />
      <p>
        <DownloadButton path={`/reports/statewide/${fiscalYear}`} query={{ format: 'csv' }}>
          Download the roll-up (CSV)
        </DownloadButton>
      </p>
      <Async state={rollup} label="the statewide roll-up">
        {(data) => <Rollup data={data} />}
      </Async>
    </Page>
  );
}

function Rollup({ data }: { data: StatewideRollup }) {
  const { summary } = data;
  const certified = data.departments.filter((d) => d.certified);
  return (
    <>
      <p>
        Fiscal year {data.fiscalYear}, timeliness as of {formatDate(data.asOf)}. {summary.certified}{' '}
        of {summary.departments} departments have certified their report.
      </p>
      <dl className="facts">
        <div>
          <dt>Move goals (sum)</dt>
          <dd>{formatNumber(summary.moveGoal)}</dd>
        </div>
        <div>
          <dt>Upward mobility moves in the fiscal year</dt>
          <dd>{countText(summary.counts.fiscalYearMoves)}</dd>
        </div>
        <div>
          <dt>Departments meeting / missing their move goal</dt>
          <dd>
            {summary.departmentsMeetingMoveGoal} / {summary.departmentsMissingMoveGoal}
          </dd>
        </div>
        <div>
          <dt>Participants</dt>
          <dd>{countText(summary.counts.participants)}</dd>
        </div>
        <div>
          <dt>Verified training hours</dt>
          <dd>{formatNumber(summary.verifiedTrainingHours)}</dd>
        </div>
      </dl>

      <BarChart
        title="Reports by timeliness"
        summary={
          TIMELINESS.map((t) => `${humanize(t)}: ${summary.byTimeliness[t]}`).join('; ') + '.'
        }
        categories={TIMELINESS.map((t) => humanize(t))}
        series={[{ name: 'Departments', values: TIMELINESS.map((t) => summary.byTimeliness[t]) }]}
      />
      {certified.length > 0 ? (
        <BarChart
          title="Move goals against moves, by department"
          summary={`${summary.departmentsMeetingMoveGoal} certified departments met their move goal and ${summary.departmentsMissingMoveGoal} missed it.`}
          categories={certified.map((d) => d.departmentCode)}
          series={[
            { name: 'Move goal', values: certified.map((d) => d.moveGoal) },
            { name: 'Moves', values: certified.map((d) => countValue(d.counts?.fiscalYearMoves)) },
          ]}
        />
      ) : null}

      <h2>Departments</h2>
      <TableScroll label="Departments">
        <table>
          <caption>Every department's report for {data.fiscalYear}</caption>
          <thead>
            <tr>
              <th scope="col">Department</th>
              <th scope="col">Due</th>
              <th scope="col">Timeliness</th>
              <th scope="col">Version</th>
              <th scope="col">Move goal</th>
              <th scope="col">Moves</th>
              <th scope="col">Participants</th>
            </tr>
          </thead>
          <tbody>
            {data.departments.map((d) => (
              <tr key={d.departmentCode}>
                <th scope="row">
                  {d.departmentName} ({d.departmentCode})
                </th>
                <td>{formatDate(d.dueDate)}</td>
                <td>
                  <Badge tone={TIMELINESS_TONE[d.timeliness]}>{humanize(d.timeliness)}</Badge>
                  {d.certifiedOn ? ` certified ${formatDate(d.certifiedOn)}` : ''}
                </td>
                <td>{d.certifiedVersion ?? '—'}</td>
                <td>
                  {formatNumber(d.moveGoal)}
                  {d.moveGoalMet === null ? '' : d.moveGoalMet ? ' (met)' : ' (missed)'}
                </td>
                <td>{countText(d.counts?.fiscalYearMoves)}</td>
                <td>{countText(d.counts?.participants)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {certified.length > 0 ? <DiversityExplorer diversity={data.diversity} /> : null}
    </>
  );
}
