import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import type { Conversation, Page as ApiPage } from '../../api/types';
import { useAnnouncer } from '../../app/announcer';
import { useApi } from '../../app/use-api';
import { useTeam } from '../../app/use-team';
import { ConversationList } from '../../components/Conversations';
import { Async, ErrorSummary } from '../../components/Feedback';
import { fieldError, SelectField, TextArea, TextField } from '../../components/Fields';
import { Page } from '../../components/Page';
import { employeeName } from '../../components/Records';
import { todayIso } from '../../lib/format';

export function LogConversationPage() {
  const { team, names } = useTeam();
  const { announce } = useAnnouncer();
  const conversations = useApi<ApiPage<Conversation>>('/career-conversations', {
    sort: 'heldOn',
    order: 'desc',
    pageSize: 50,
  });
  const [employeeId, setEmployeeId] = useState('');
  const [heldOn, setHeldOn] = useState(todayIso());
  const [summary, setSummary] = useState('');
  const [nextSteps, setNextSteps] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('/career-conversations', {
        method: 'POST',
        body: { employeeId, heldOn, summary, nextSteps },
      });
      announce(`The conversation with ${names.get(employeeId) ?? 'the employee'} was logged.`);
      setSummary('');
      setNextSteps('');
      conversations.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title="Career conversations"
      intro="Log a career conversation with one of your direct reports, and see the recent ones."
    >
      <form className="card" onSubmit={(event) => void submit(event)}>
        <h2>Log a conversation</h2>
        <ErrorSummary error={error} title="The conversation was not logged" />
        <Async state={team} label="your direct reports">
          {(page) => (
            <SelectField
              label="Employee"
              required
              value={employeeId}
              error={fieldError(error, 'employeeId')}
              onChange={(event) => setEmployeeId(event.target.value)}
              options={[
                { value: '', label: 'Choose an employee' },
                ...page.items.map((e) => ({
                  value: e.id,
                  label: `${employeeName(e)} (${e.employeeNumber})`,
                })),
              ]}
            />
          )}
        </Async>
        <TextField
          label="Held on"
          type="date"
          required
          max={todayIso()}
          value={heldOn}
          error={fieldError(error, 'heldOn')}
          onChange={(e) => setHeldOn(e.target.value)}
        />
        <TextArea
          label="What you talked about"
          required
          rows={4}
          value={summary}
          error={fieldError(error, 'summary')}
          onChange={(e) => setSummary(e.target.value)}
        />
        <TextArea
          label="Next steps (optional)"
          rows={3}
          value={nextSteps}
          onChange={(e) => setNextSteps(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          Log the conversation
        </button>
      </form>
      <h2>Recent conversations</h2>
      <Async state={conversations} label="recent conversations">
        {(page) => <ConversationList conversations={page.items} names={names} />}
      </Async>
    </Page>
  );
}
