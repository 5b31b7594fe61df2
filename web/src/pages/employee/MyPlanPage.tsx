import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import { ACTIVITY_KINDS } from '../../api/types';
import type {
  ActivityKind,
  CareerPlan,
  CareerPlanSummary,
  EmployeeEligibility,
  Page as ApiPage,
  PlanAction,
  PlanActivity,
} from '../../api/types';
import { useAnnouncer } from '../../app/announcer';
import { useOwnEmployeeId } from '../../app/session';
import { useApi } from '../../app/use-api';
import { ConfirmButton } from '../../components/Controls';
import { Async, ErrorSummary } from '../../components/Feedback';
import { fieldError, SelectField, TextArea, TextField } from '../../components/Fields';
import { Page } from '../../components/Page';
import { PlanDetails } from '../../components/PlanDetails';
import { PlanHistory } from '../../components/Records';
import { humanize } from '../../lib/format';

const DONE: Record<PlanAction, string> = {
  SUBMIT: 'Your plan was submitted for approval.',
  WITHDRAW: 'Your plan was withdrawn.',
  APPROVE: 'The plan was approved.',
  RETURN: 'The plan was returned.',
  COMPLETE: 'The plan was completed.',
};

const OPEN_STATES = new Set(['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED']);

export function MyPlanPage() {
  const employeeId = useOwnEmployeeId();
  const plans = useApi<ApiPage<CareerPlanSummary>>('/career-plans', {
    employeeId,
    sort: 'createdAt',
    order: 'desc',
    pageSize: 20,
  });
  const eligibility = useApi<EmployeeEligibility>(`/employees/${employeeId}/eligibility`);
  const targets = (eligibility.data?.targets ?? []).map((t) => ({
    classCode: t.classCode,
    title: t.title,
  }));

  return (
    <Page
      title="My career plan"
      intro="Your career development plan: your goals, the classes you aim for and the activities that get you there. Your supervisor approves it."
    >
      <Async state={plans} label="your plans">
        {(page) => {
          const current = page.items.find((plan) => OPEN_STATES.has(plan.state)) ?? page.items[0];
          if (!current || !OPEN_STATES.has(current.state)) {
            return (
              <>
                {current ? <p>Your last plan is {humanize(current.state).toLowerCase()}.</p> : null}
                <StartPlan targets={targets} onStarted={plans.reload} />
              </>
            );
          }
          return <CurrentPlan planId={current.id} targets={targets} onChanged={plans.reload} />;
        }}
      </Async>
    </Page>
  );
}

interface TargetOption {
  classCode: string;
  title: string;
}

function TargetChoices({
  targets,
  selected,
  onChange,
}: {
  targets: TargetOption[];
  selected: string[];
  onChange(codes: string[]): void;
}) {
  const known = new Set(targets.map((t) => t.classCode));
  const options = [
    ...targets,
    ...selected
      .filter((code) => !known.has(code))
      .map((code) => ({ classCode: code, title: code })),
  ];
  if (options.length === 0)
    return <p>Your department has no target classes with qualification rules yet.</p>;
  return (
    <fieldset>
      <legend>Classes you aim for</legend>
      {options.map((target) => (
        <div className="field checkbox" key={target.classCode}>
          <input
            type="checkbox"
            id={`target-${target.classCode}`}
            checked={selected.includes(target.classCode)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...selected, target.classCode]
                  : selected.filter((code) => code !== target.classCode),
              )
            }
          />
          <label htmlFor={`target-${target.classCode}`}>
            {target.title} ({target.classCode})
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function StartPlan({ targets, onStarted }: { targets: TargetOption[]; onStarted(): void }) {
  const employeeId = useOwnEmployeeId();
  const { announce } = useAnnouncer();
  const [goals, setGoals] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('/career-plans', {
        method: 'POST',
        body: { employeeId, goals, targetClassCodes: selected },
      });
      announce('Your draft plan was created.');
      onStarted();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)}>
      <h2>Start a plan</h2>
      <ErrorSummary error={error} title="The plan could not be created" />
      <TextArea
        label="Your goals"
        hint="What you want to achieve, and by when."
        value={goals}
        rows={4}
        onChange={(event) => setGoals(event.target.value)}
      />
      <TargetChoices targets={targets} selected={selected} onChange={setSelected} />
      <button type="submit" disabled={busy}>
        Start my plan
      </button>
    </form>
  );
}

interface EditableActivity extends PlanActivity {
  key: string;
}

let nextKey = 0;
const withKey = (activity: PlanActivity): EditableActivity => ({
  ...activity,
  key: `a${nextKey++}`,
});

function CurrentPlan({
  planId,
  targets,
  onChanged,
}: {
  planId: string;
  targets: TargetOption[];
  onChanged(): void;
}) {
  const plan = useApi<CareerPlan>(`/career-plans/${planId}`);
  return (
    <Async state={plan} label="your plan">
      {(data) =>
        data.allowedActions.includes('SUBMIT') ? (
          <EditPlan
            key={data.version}
            plan={data}
            targets={targets}
            onChanged={() => {
              plan.reload();
              onChanged();
            }}
          />
        ) : (
          <>
            <PlanDetails plan={data} />
            <PlanActions
              plan={data}
              onChanged={() => {
                plan.reload();
                onChanged();
              }}
            />
          </>
        )
      }
    </Async>
  );
}

function useTransition(plan: CareerPlan, onChanged: () => void) {
  const { announce } = useAnnouncer();
  const [error, setError] = useState<unknown>(null);
  const run = async (action: PlanAction, version = plan.version, comment?: string) => {
    setError(null);
    try {
      await api(`/career-plans/${plan.id}/transitions`, {
        method: 'POST',
        ifMatch: version,
        body: comment ? { action, comment } : { action },
      });
      announce(DONE[action]);
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };
  return { run, error, setError };
}

function PlanActions({ plan, onChanged }: { plan: CareerPlan; onChanged(): void }) {
  const { run, error } = useTransition(plan, onChanged);
  if (!plan.allowedActions.includes('WITHDRAW')) return null;
  return (
    <div className="actions">
      <ErrorSummary error={error} />
      <ConfirmButton
        className="danger"
        question="Withdraw this plan? You would have to start a new one."
        confirmLabel="Yes, withdraw my plan"
        onConfirm={() => run('WITHDRAW')}
      >
        Withdraw my plan
      </ConfirmButton>
    </div>
  );
}

function EditPlan({
  plan,
  targets,
  onChanged,
}: {
  plan: CareerPlan;
  targets: TargetOption[];
  onChanged(): void;
}) {
  const { announce } = useAnnouncer();
  const [goals, setGoals] = useState(plan.goals);
  const [selected, setSelected] = useState(plan.targetClassCodes);
  const [activities, setActivities] = useState<EditableActivity[]>(() =>
    plan.activities.map(withKey),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { run, error: transitionError } = useTransition(plan, onChanged);
  useEffect(() => setError(null), [plan.version]);

  const update = (key: string, change: Partial<PlanActivity>) =>
    setActivities((list) => list.map((a) => (a.key === key ? { ...a, ...change } : a)));

  /** Saves the form; the new version, or null when the save was refused. */
  const save = async (): Promise<number | null> => {
    setError(null);
    try {
      const saved = await api<CareerPlan>(`/career-plans/${plan.id}`, {
        method: 'PATCH',
        ifMatch: plan.version,
        body: {
          goals,
          targetClassCodes: selected,
          activities: activities.map(({ key: _key, ...activity }) => ({
            ...activity,
            targetDate: activity.targetDate || null,
          })),
        },
      });
      return saved.version;
    } catch (caught) {
      setError(caught);
      return null;
    }
  };

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const version = await save();
    setBusy(false);
    if (version !== null) {
      announce('Your plan was saved.');
      onChanged();
    }
  };

  const onSubmitForApproval = async () => {
    setBusy(true);
    const version = await save();
    if (version !== null) await run('SUBMIT', version);
    setBusy(false);
  };

  const fromGaps = async () => {
    setError(null);
    try {
      const version = await save();
      if (version === null) return;
      const result = await api<{ added: string[] }>(
        `/career-plans/${plan.id}/activities/from-gaps`,
        {
          method: 'POST',
          ifMatch: version,
        },
      );
      announce(
        result.added.length
          ? `${result.added.length} activities were added from your gaps.`
          : 'No new activities: your gaps are already in the plan.',
      );
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <form onSubmit={(event) => void onSave(event)}>
      <p>
        Your plan is <strong>{humanize(plan.state).toLowerCase()}</strong>: you can change it, then
        submit it to your supervisor.
      </p>
      {plan.lastComment ? (
        <div className="comment">
          <p className="comment-title">Your reviewer's comment</p>
          <blockquote>{plan.lastComment}</blockquote>
        </div>
      ) : null}
      <ErrorSummary error={error} title="Your plan was not saved" />
      <ErrorSummary error={transitionError} title="Your plan was not submitted" />
      <TextArea
        label="Your goals"
        hint="What you want to achieve, and by when."
        rows={4}
        value={goals}
        error={fieldError(error, 'goals')}
        onChange={(event) => setGoals(event.target.value)}
      />
      <TargetChoices targets={targets} selected={selected} onChange={setSelected} />
      <h2>Activities</h2>
      {activities.length === 0 ? <p>No activities yet.</p> : null}
      {activities.map((activity, index) => (
        <fieldset key={activity.key} className="activity">
          <legend>Activity {index + 1}</legend>
          <SelectField
            label="Kind"
            value={activity.kind}
            options={ACTIVITY_KINDS.map((kind) => ({ value: kind, label: humanize(kind) }))}
            onChange={(event) => update(activity.key, { kind: event.target.value as ActivityKind })}
          />
          <TextField
            label="Description"
            value={activity.description}
            required
            error={fieldError(error, `activities[${index}].description`)}
            onChange={(event) => update(activity.key, { description: event.target.value })}
          />
          <TextField
            label="Target date"
            type="date"
            value={activity.targetDate ?? ''}
            onChange={(event) => update(activity.key, { targetDate: event.target.value || null })}
          />
          <TextField
            label="Planned hours"
            type="number"
            min={0}
            step={0.25}
            inputMode="decimal"
            value={activity.plannedHours ?? ''}
            onChange={(event) =>
              update(activity.key, {
                plannedHours: event.target.value === '' ? null : Number(event.target.value),
              })
            }
          />
          <button
            type="button"
            className="secondary"
            onClick={() => setActivities((list) => list.filter((a) => a.key !== activity.key))}
          >
            Remove activity {index + 1}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setActivities((list) => [
              ...list,
              withKey({
                kind: 'TRAINING',
                description: '',
                targetDate: null,
                plannedHours: null,
                status: 'PLANNED',
              }),
            ])
          }
        >
          Add an activity
        </button>
        <button type="button" className="secondary" onClick={() => void fromGaps()} disabled={busy}>
          Add activities for my gaps
        </button>
      </div>
      <div className="actions">
        <button type="submit" className="secondary" disabled={busy}>
          Save draft
        </button>
        <button type="button" disabled={busy} onClick={() => void onSubmitForApproval()}>
          Submit for approval
        </button>
        <ConfirmButton
          className="danger"
          question="Withdraw this plan? You would have to start a new one."
          confirmLabel="Yes, withdraw my plan"
          onConfirm={() => run('WITHDRAW')}
        >
          Withdraw my plan
        </ConfirmButton>
      </div>
      <h2>Comments and history</h2>
      <PlanHistory events={plan.events} />
    </form>
  );
}
