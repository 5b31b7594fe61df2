import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import { TRAINING_KINDS } from '../../api/types';
import type { Page as ApiPage, TrainingKind, TrainingRecord } from '../../api/types';
import { useAnnouncer } from '../../app/announcer';
import { useOwnEmployeeId } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Async, ErrorSummary } from '../../components/Feedback';
import { CheckboxField, fieldError, SelectField, TextField } from '../../components/Fields';
import { Page } from '../../components/Page';
import { TrainingTable } from '../../components/Records';
import { formatNumber, humanize, todayIso } from '../../lib/format';

interface TrainingForm {
  title: string;
  provider: string;
  kind: TrainingKind;
  hours: string;
  semesterUnits: string;
  startDate: string;
  completionDate: string;
  onStateTime: boolean;
}

const EMPTY: TrainingForm = {
  title: '',
  provider: '',
  kind: 'CLASSROOM',
  hours: '',
  semesterUnits: '',
  startDate: '',
  completionDate: '',
  onStateTime: true,
};

export function MyTrainingPage() {
  const employeeId = useOwnEmployeeId();
  const records = useApi<ApiPage<TrainingRecord>>('/training-records', {
    employeeId,
    sort: 'completionDate',
    order: 'desc',
    pageSize: 200,
  });
  return (
    <Page
      title="My training"
      intro="Report training you completed, with a certificate or transcript. Your coordinator verifies it; only verified training counts toward qualifications."
    >
      <Async state={records} label="your training">
        {(page) => {
          const verified = page.items
            .filter((r) => r.status === 'VERIFIED')
            .reduce((sum, r) => sum + r.hours, 0);
          return (
            <>
              <p>
                {page.total} {page.total === 1 ? 'record' : 'records'}; {formatNumber(verified)}{' '}
                verified hours.
              </p>
              <TrainingTable records={page.items} caption="Your training records, latest first" />
            </>
          );
        }}
      </Async>
      <ReportTraining employeeId={employeeId} onReported={records.reload} />
    </Page>
  );
}

function ReportTraining({ employeeId, onReported }: { employeeId: string; onReported(): void }) {
  const { announce } = useAnnouncer();
  const [form, setForm] = useState<TrainingForm>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const set = <K extends keyof TrainingForm>(key: K, value: TrainingForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    let created: TrainingRecord | null = null;
    try {
      created = await api<TrainingRecord>('/training-records', {
        method: 'POST',
        body: {
          employeeId,
          title: form.title,
          provider: form.provider,
          kind: form.kind,
          hours: Number(form.hours),
          semesterUnits:
            form.kind === 'COLLEGE_COURSE' && form.semesterUnits !== ''
              ? Number(form.semesterUnits)
              : undefined,
          startDate: form.startDate,
          completionDate: form.completionDate,
          onStateTime: form.onStateTime,
        },
      });
      const file = fileInput.current?.files?.[0];
      if (file) {
        const body = new FormData();
        body.append('file', file);
        await api(`/training-records/${created.id}/evidence`, { method: 'POST', form: body });
      }
      announce(
        `Training "${created.title}" was reported${file ? ' with its evidence' : ''}. Your coordinator will verify it.`,
      );
      setForm(EMPTY);
      if (fileInput.current) fileInput.current.value = '';
      onReported();
    } catch (caught) {
      setError(caught);
      if (created) onReported();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="card">
      <h2>Report training</h2>
      <ErrorSummary error={error} title="The training was not reported" />
      <TextField
        label="Title"
        required
        value={form.title}
        error={fieldError(error, 'title')}
        onChange={(e) => set('title', e.target.value)}
      />
      <TextField
        label="Provider (optional)"
        value={form.provider}
        onChange={(e) => set('provider', e.target.value)}
      />
      <SelectField
        label="Kind"
        value={form.kind}
        options={TRAINING_KINDS.map((kind) => ({ value: kind, label: humanize(kind) }))}
        onChange={(e) => set('kind', e.target.value as TrainingKind)}
      />
      <TextField
        label="Hours"
        hint="In quarter hours, e.g. 7.5"
        type="number"
        min={0.25}
        step={0.25}
        inputMode="decimal"
        required
        value={form.hours}
        error={fieldError(error, 'hours')}
        onChange={(e) => set('hours', e.target.value)}
      />
      {form.kind === 'COLLEGE_COURSE' ? (
        <TextField
          label="Semester units"
          type="number"
          min={0.5}
          step={0.5}
          required
          value={form.semesterUnits}
          error={fieldError(error, 'semesterUnits')}
          onChange={(e) => set('semesterUnits', e.target.value)}
        />
      ) : null}
      <TextField
        label="Start date"
        type="date"
        required
        max={todayIso()}
        value={form.startDate}
        error={fieldError(error, 'startDate')}
        onChange={(e) => set('startDate', e.target.value)}
      />
      <TextField
        label="Completion date"
        type="date"
        required
        max={todayIso()}
        value={form.completionDate}
        error={fieldError(error, 'completionDate')}
        onChange={(e) => set('completionDate', e.target.value)}
      />
      <CheckboxField
        label="Taken on paid state time"
        checked={form.onStateTime}
        onChange={(e) => set('onStateTime', e.target.checked)}
      />
      <TextField
        label="Evidence (optional)"
        hint="A certificate or transcript: PDF, PNG or JPEG, at most 10 MB."
        type="file"
        accept="application/pdf,image/png,image/jpeg"
        ref={fileInput}
      />
      <button type="submit" disabled={busy}>
        {busy ? 'Reporting…' : 'Report training'}
      </button>
    </form>
  );
}
