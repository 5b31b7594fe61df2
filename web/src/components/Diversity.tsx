import { useId, useState } from 'react';
import type { DiversitySection } from '../api/types';
import { countText } from '../lib/counts';
import { formatNumber, formatPercent, humanize } from '../lib/format';
import { BarChart } from './BarChart';
import { TableScroll } from './Controls';
import { SelectField } from './Fields';

const DECISION_LABELS: Record<string, string> = {
  acceptedIntoProgram: 'Accepted into the program',
  approvedPlan: 'Approved career plan',
  trainingVerified: 'Verified training',
  tdAssignment: 'Training and development assignment',
  appointedToEltpa: 'Appointed to an entry-level technical, professional or administrative class',
};

/** Impact ratios (four-fifths rule) for one decision and one dimension at a time. */
export function DiversityExplorer({ diversity }: { diversity: DiversitySection }) {
  const decisions = Object.keys(diversity.decisions);
  const [decision, setDecision] = useState(decisions[0] ?? '');
  const dimensions = Object.keys(diversity.decisions[decision]?.byDimension ?? {});
  const [dimension, setDimension] = useState(dimensions[0] ?? 'ethnicity');
  const headingId = useId();
  const result = diversity.decisions[decision];
  const table = result?.byDimension[dimension];
  if (!result || !table) return <p>No diversity figures.</p>;
  const groups = table.groups.filter((group) => group.total !== 0);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Diversity: impact ratios</h2>
      <p>
        Each group's selection rate divided by the highest group's rate. Below{' '}
        {formatNumber(diversity.fourFifths)} (the four-fifths rule) the difference may show adverse
        impact; a test at α = {formatNumber(diversity.alpha)} says whether it is significant.
      </p>
      <div className="filters">
        <SelectField
          label="Decision"
          value={decision}
          onChange={(event) => setDecision(event.target.value)}
          options={decisions.map((key) => ({
            value: key,
            label: DECISION_LABELS[key] ?? humanize(key),
          }))}
        />
        <SelectField
          label="Group by"
          value={dimension}
          onChange={(event) => setDimension(event.target.value)}
          options={dimensions.map((key) => ({ value: key, label: humanize(key) }))}
        />
      </div>
      <p>
        Selected: {result.selection}. Out of: {result.pool}.
      </p>
      {groups.length === 0 ? (
        <p>Nobody was in this pool.</p>
      ) : (
        <>
          <BarChart
            title={`Impact ratio by ${dimension}: ${DECISION_LABELS[decision] ?? humanize(decision)}`}
            summary={`${groups.filter((g) => g.fourFifthsFlag).length} of ${groups.length} groups are below the four-fifths threshold.`}
            categories={groups.map((group) => humanize(group.group))}
            series={[{ name: 'Impact ratio', values: groups.map((group) => group.impactRatio) }]}
            reference={{ value: diversity.fourFifths, label: 'the four-fifths threshold' }}
            max={1}
            format={(value) => formatNumber(value)}
          />
          <TableScroll label="Diversity figures">
            <table>
              <caption>
                {DECISION_LABELS[decision] ?? humanize(decision)} by {dimension}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Selected</th>
                  <th scope="col">Out of</th>
                  <th scope="col">Rate</th>
                  <th scope="col">Impact ratio</th>
                  <th scope="col">Below four-fifths</th>
                  <th scope="col">p-value</th>
                </tr>
              </thead>
              <tbody>
                {table.groups.map((group) => (
                  <tr key={group.group}>
                    <th scope="row">
                      {humanize(group.group)}
                      {group.isReference ? ' (reference)' : ''}
                    </th>
                    <td>{countText(group.selected)}</td>
                    <td>{countText(group.total)}</td>
                    <td>{formatPercent(group.rate)}</td>
                    <td>{formatNumber(group.impactRatio)}</td>
                    <td>
                      {group.fourFifthsFlag === null ? '—' : group.fourFifthsFlag ? 'Yes' : 'No'}
                    </td>
                    <td>
                      {formatNumber(group.pValue)}
                      {group.significant ? ' (significant)' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
