import { useState } from 'react';
import { api } from '../../api/client';
import type { CareerPlan, Employee, PlanAction } from '../../api/types';
import { useAnnouncer } from '../../app/announcer';
import { Link, useRouter } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Async, ErrorSummary } from '../../components/Feedback';
import { TextArea } from '../../components/Fields';
import { Page } from '../../components/Page';
import { PlanDetails } from '../../components/PlanDetails';
import { employeeName } from '../../components/Records';

export function ReviewPlanPage({ planId }: { planId: string }) {
  const plan = useApi<CareerPlan>(`/career-plans/${planId}`);
  const employee = useApi<Employee>(plan.data ? `/employees/${plan.data.employeeId}` : null);
  const title = employee.data ? `Plan of ${employeeName(employee.data)}` : 'Career plan';
  return (
    <Page title={title}>
      <p>
        <Link to="/reviews">Back to the plans to review</Link>
      </p>
      <Async state={plan} label="the plan">
        {(data) => (
          <>
            <PlanDetails plan={data} />
            <Decision plan={data} onDecided={plan.reload} />
          </>
        )}
      </Async>
    </Page>
  );
}

function Decision({ plan, onDecided }: { plan: CareerPlan; onDecided(): void }) {
  const { announce } = useAnnouncer();
  const { navigate } = useRouter();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missingComment, setMissingComment] = useState(false);
  const [busy, setBusy] = useState(false);
  const canApprove = plan.allowedActions.includes('APPROVE');
  const canReturn = plan.allowedActions.includes('RETURN');
  if (!canApprove && !canReturn) return <p>There is nothing for you to decide on this plan now.</p>;

  const decide = async (action: PlanAction) => {
    setError(null);
    if (action === 'RETURN' && !comment.trim()) {
      setMissingComment(true);
      return;
    }
    setMissingComment(false);
    setBusy(true);
    try {
      await api(`/career-plans/${plan.id}/transitions`, {
        method: 'POST',
        ifMatch: plan.version,
        body: comment.trim() ? { action, comment: comment.trim() } : { action },
      });
      announce(
        action === 'APPROVE'
          ? 'The plan was approved.'
          : 'The plan was returned to the employee with your comment.',
      );
      onDecided();
      navigate('/reviews');
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(event) => event.preventDefault()}>
      <h2>Your decision</h2>
      <ErrorSummary error={error} title="Your decision was not recorded" />
      <TextArea
        label="Comment"
        hint="Required to return the plan: say what the employee should change."
        rows={4}
        value={comment}
        error={missingComment ? 'Write what should change before returning the plan.' : undefined}
        onChange={(event) => setComment(event.target.value)}
      />
      <div className="actions">
        {canApprove ? (
          <button type="button" disabled={busy} onClick={() => void decide('APPROVE')}>
            Approve the plan
          </button>
        ) : null}
        {canReturn ? (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void decide('RETURN')}
          >
            Return with comment
          </button>
        ) : null}
      </div>
    </form>
  );
}
