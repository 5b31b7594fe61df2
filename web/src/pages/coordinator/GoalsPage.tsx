import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import type { AnnualGoal, Page as ApiPage } from '../../api/types';
import { useAnnouncer } from '../../app/announcer';
import { useApi } from '../../app/use-api';
import { useDepartmentId } from '../../app/use-department';
import { BarChart } from '../../components/BarChart';
import { TableScroll } from '../../components/Controls';
import { Async, ErrorSummary } from '../../components/Feedback';
import { fieldError, SelectField, TextArea, TextField } from '../../components/Fields';
import { Page } from '../../components/Page';
import { nextFiscalYear, recentFiscalYears } from '../../lib/fiscal-year';
import { formatMoney, formatNumber, todayIso } from '../../lib/format';

export function GoalsPage() {
  const departmentId = useDepartmentId();
  const goals = useApi<ApiPage<AnnualGoal>>(`/departments/${departmentId}/goals`, {
    sort: 'fiscalYear',
    order: 'asc',
    pageSize: 200,
  });
  const years = [
    nextFiscalYear(recentFiscalYears(todayIso(), 1)[0]),
    ...recentFiscalYears(todayIso(), 4),
  ];
  const [fiscalYear, setFiscalYear] = useState(years[1]);
  return (
    <Page
      title="Goals"
      intro="The department's annual upward mobility goals (Gov Code 19402) against the moves that happened."
    >
      <Async state={goals} label="the goals">
        {(page) =>
          page.items.length === 0 ? (
            <p>No goals recorded yet.</p>
          ) : (
            <>
              <BarChart
                title="Move goals against upward mobility moves"
                summary={
                  page.items
                    .map((g) => `${g.fiscalYear}: goal ${g.moveGoal}, ${g.actualMoves} moves`)
                    .join('; ') + '.'
                }
                categories={page.items.map((g) => g.fiscalYear)}
                series={[
                  { name: 'Move goal', values: page.items.map((g) => g.moveGoal) },
                  { name: 'Moves', values: page.items.map((g) => g.actualMoves) },
                ]}
              />
              <TableScroll label="Goals by fiscal year">
                <table>
                  <caption>Goals by fiscal year</caption>
                  <thead>
                    <tr>
                      <th scope="col">Fiscal year</th>
                      <th scope="col">Move goal</th>
                      <th scope="col">Moves</th>
                      <th scope="col">Participants</th>
                      <th scope="col">Plans</th>
                      <th scope="col">Training hours</th>
                      <th scope="col">Budget</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((goal) => (
                      <tr key={goal.id}>
                        <th scope="row">{goal.fiscalYear}</th>
                        <td>{goal.moveGoal}</td>
                        <td>{goal.actualMoves}</td>
                        <td>{goal.participantGoal}</td>
                        <td>{goal.planGoal}</td>
                        <td>{formatNumber(goal.trainingHoursGoal)}</td>
                        <td>{formatMoney(goal.budget)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </>
          )
        }
      </Async>
      <section className="card" aria-labelledby="edit-goal-heading">
        <h2 id="edit-goal-heading">Set the goals of a fiscal year</h2>
        <SelectField
          label="Fiscal year"
          value={fiscalYear}
          onChange={(event) => setFiscalYear(event.target.value)}
          options={years.map((y) => ({ value: y, label: y }))}
        />
        <GoalForm
          key={fiscalYear}
          departmentId={departmentId}
          fiscalYear={fiscalYear}
          onSaved={goals.reload}
        />
      </section>
    </Page>
  );
}

interface GoalFields {
  moveGoal: string;
  participantGoal: string;
  planGoal: string;
  trainingHoursGoal: string;
  budget: string;
  narrative: string;
  missedGoalsExplanation: string;
  twoYearPlan: string;
}

function toFields(goal: AnnualGoal | undefined): GoalFields {
  return {
    moveGoal: goal ? String(goal.moveGoal) : '',
    participantGoal: goal ? String(goal.participantGoal) : '',
    planGoal: goal ? String(goal.planGoal) : '',
    trainingHoursGoal: goal ? String(goal.trainingHoursGoal) : '',
    budget: goal?.budget === null || goal?.budget === undefined ? '' : String(goal.budget),
    narrative: goal?.narrative ?? '',
    missedGoalsExplanation: goal?.missedGoalsExplanation ?? '',
    twoYearPlan: goal?.twoYearPlan ?? '',
  };
}

function GoalForm({
  departmentId,
  fiscalYear,
  onSaved,
}: {
  departmentId: string;
  fiscalYear: string;
  onSaved(): void;
}) {
  const existing = useApi<AnnualGoal>(`/departments/${departmentId}/goals/${fiscalYear}`);
  const notFound = existing.error instanceof ApiError && existing.error.status === 404;
  if (existing.data === undefined && !notFound) {
    return (
      <Async state={existing} label="the goal">
        {() => null}
      </Async>
    );
  }
  return (
    <GoalEditor
      key={existing.data?.version ?? 0}
      departmentId={departmentId}
      fiscalYear={fiscalYear}
      goal={existing.data}
      onSaved={() => {
        existing.reload();
        onSaved();
      }}
    />
  );
}

function GoalEditor({
  departmentId,
  fiscalYear,
  goal,
  onSaved,
}: {
  departmentId: string;
  fiscalYear: string;
  goal: AnnualGoal | undefined;
  onSaved(): void;
}) {
  const { announce } = useAnnouncer();
  const [fields, setFields] = useState<GoalFields>(() => toFields(goal));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof GoalFields) => (event: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: event.target.value }));
  const whole = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/departments/${departmentId}/goals/${fiscalYear}`, {
        method: 'PUT',
        ifMatch: goal?.version,
        body: {
          moveGoal: whole(fields.moveGoal),
          moveGoalsByClass: goal?.moveGoalsByClass ?? [],
          participantGoal: whole(fields.participantGoal),
          planGoal: whole(fields.planGoal),
          trainingHoursGoal: whole(fields.trainingHoursGoal),
          apprenticeGoal: goal?.apprenticeGoal ?? null,
          budget: fields.budget.trim() === '' ? null : Number(fields.budget),
          narrative: fields.narrative,
          missedGoalsExplanation: fields.missedGoalsExplanation.trim() || null,
          twoYearPlan: fields.twoYearPlan.trim() || null,
        },
      });
      announce(`The goals of ${fiscalYear} were saved.`);
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void save(event)}>
      <p>
        {goal
          ? `Goals recorded for ${fiscalYear}; ${goal.actualMoves} moves so far.`
          : `No goals recorded for ${fiscalYear} yet.`}
      </p>
      <ErrorSummary error={error} title="The goals were not saved" />
      <div className="grid">
        <TextField
          label="Upward mobility moves"
          type="number"
          min={0}
          step={1}
          required
          value={fields.moveGoal}
          error={fieldError(error, 'moveGoal')}
          onChange={set('moveGoal')}
        />
        <TextField
          label="Participants"
          type="number"
          min={0}
          step={1}
          required
          value={fields.participantGoal}
          error={fieldError(error, 'participantGoal')}
          onChange={set('participantGoal')}
        />
        <TextField
          label="Career plans"
          type="number"
          min={0}
          step={1}
          required
          value={fields.planGoal}
          error={fieldError(error, 'planGoal')}
          onChange={set('planGoal')}
        />
        <TextField
          label="Training hours"
          type="number"
          min={0}
          step={0.25}
          required
          value={fields.trainingHoursGoal}
          error={fieldError(error, 'trainingHoursGoal')}
          onChange={set('trainingHoursGoal')}
        />
        <TextField
          label="Budget in dollars (optional)"
          type="number"
          min={0}
          step={0.01}
          value={fields.budget}
          error={fieldError(error, 'budget')}
          onChange={set('budget')}
        />
      </div>
      <TextArea
        label="Narrative"
        hint="How the department means to reach these goals."
        rows={3}
        value={fields.narrative}
        error={fieldError(error, 'narrative')}
        onChange={set('narrative')}
      />
      {goal?.missedPreviousTwoYears ||
      fields.missedGoalsExplanation ||
      fieldError(error, 'missedGoalsExplanation') ? (
        <>
          <TextArea
            label="Why the move goals of the two previous years were missed"
            hint="Required by Gov Code 19402 when both were missed."
            rows={3}
            value={fields.missedGoalsExplanation}
            error={fieldError(error, 'missedGoalsExplanation')}
            onChange={set('missedGoalsExplanation')}
          />
          <TextArea
            label="What is needed to meet the goals in the next two years"
            rows={3}
            value={fields.twoYearPlan}
            error={fieldError(error, 'twoYearPlan')}
            onChange={set('twoYearPlan')}
          />
        </>
      ) : null}
      <button type="submit" disabled={busy}>
        Save the goals of {fiscalYear}
      </button>
    </form>
  );
}
