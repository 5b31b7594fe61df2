import { useState } from 'react';
import { api } from '../../api/client';
import type { Page as ApiPage, TrainingRecord, TrainingRecordDetail } from '../../api/types';
import { useAnnouncer } from '../../app/announcer';
import { useApi } from '../../app/use-api';
import { useEmployeeNames } from '../../app/use-employee-names';
import { DownloadButton, TableScroll } from '../../components/Controls';
import { Async, ErrorSummary } from '../../components/Feedback';
import { TextField } from '../../components/Fields';
import { Page } from '../../components/Page';
import { formatDate, formatNumber, humanize } from '../../lib/format';

export function VerifyTrainingPage() {
  const { announce } = useAnnouncer();
  const names = useEmployeeNames();
  const records = useApi<ApiPage<TrainingRecord>>('/training-records', {
    status: 'REPORTED',
    sort: 'completionDate',
    order: 'asc',
    pageSize: 200,
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const items = records.data?.items ?? [];
  const allSelected = items.length > 0 && items.every((record) => selected.has(record.id));

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const verify = async () => {
    if (selected.size === 0) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api<{ verified: number }>('/training-records/verify', {
        method: 'POST',
        body: { ids: [...selected] },
      });
      announce(
        `${result.verified} training ${result.verified === 1 ? 'record was' : 'records were'} verified.`,
      );
      setSelected(new Set());
      records.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title="Verify training"
      intro="Training employees reported, waiting for you to check the evidence. Only verified training counts toward qualifications and the annual report."
    >
      <ErrorSummary error={error} title="Nothing was verified" />
      <Async state={records} label="training waiting for verification">
        {(page) =>
          page.items.length === 0 ? (
            <p>No training is waiting for verification.</p>
          ) : (
            <div>
              <div className="actions">
                <button
                  type="button"
                  disabled={busy || selected.size === 0}
                  onClick={() => void verify()}
                >
                  Verify selected ({selected.size})
                </button>
              </div>
              <TableScroll label="Training waiting for verification">
                <table>
                  <caption>{page.total} records waiting, oldest completion first</caption>
                  <thead>
                    <tr>
                      <th scope="col">
                        <input
                          type="checkbox"
                          id="select-all"
                          checked={allSelected}
                          onChange={(event) =>
                            setSelected(
                              event.target.checked ? new Set(items.map((r) => r.id)) : new Set(),
                            )
                          }
                        />
                        <label htmlFor="select-all" className="visually-hidden">
                          Select all
                        </label>
                      </th>
                      <th scope="col">Employee</th>
                      <th scope="col">Training</th>
                      <th scope="col">Hours</th>
                      <th scope="col">Completed</th>
                      <th scope="col">Evidence</th>
                      <th scope="col">Reject</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((record) => (
                      <tr key={record.id}>
                        <td>
                          <input
                            type="checkbox"
                            id={`select-${record.id}`}
                            checked={selected.has(record.id)}
                            onChange={(event) => toggle(record.id, event.target.checked)}
                          />
                          <label htmlFor={`select-${record.id}`} className="visually-hidden">
                            Select {record.title}, {names.get(record.employeeId) ?? 'employee'}
                          </label>
                        </td>
                        <td>{names.get(record.employeeId) ?? '—'}</td>
                        <td>
                          {record.title}
                          <span className="note">
                            {' '}
                            {humanize(record.kind)}
                            {record.provider ? `, ${record.provider}` : ''}
                            {record.onStateTime ? ', state time' : ''}
                            {record.exceedsStateTimeCap ? ' (over the state-time cap)' : ''}
                          </span>
                        </td>
                        <td>{formatNumber(record.hours)}</td>
                        <td>{formatDate(record.completionDate)}</td>
                        <td>
                          <Evidence record={record} />
                        </td>
                        <td>
                          <Reject record={record} onRejected={records.reload} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </div>
          )
        }
      </Async>
    </Page>
  );
}

function Evidence({ record }: { record: TrainingRecord }) {
  const [open, setOpen] = useState(false);
  const detail = useApi<TrainingRecordDetail>(open ? `/training-records/${record.id}` : null);
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        Show evidence<span className="visually-hidden"> for {record.title}</span>
      </button>
    );
  }
  return (
    <Async state={detail} label="evidence">
      {(data) =>
        data.evidence.length === 0 ? (
          <span>None uploaded</span>
        ) : (
          <ul className="plain">
            {data.evidence.map((file) => (
              <li key={file.id}>
                <DownloadButton path={`/training-records/${record.id}/evidence/${file.id}`}>
                  Download {file.fileName}
                </DownloadButton>
              </li>
            ))}
          </ul>
        )
      }
    </Async>
  );
}

function Reject({ record, onRejected }: { record: TrainingRecord; onRejected(): void }) {
  const { announce } = useAnnouncer();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Reject<span className="visually-hidden"> {record.title}</span>
      </button>
    );
  }
  const reject = async () => {
    setError(null);
    try {
      await api(`/training-records/${record.id}/reject`, { method: 'POST', body: { reason } });
      announce(`"${record.title}" was rejected.`);
      onRejected();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <div className="inline-form">
      <ErrorSummary error={error} title="Not rejected" />
      <TextField
        label={`Why reject "${record.title}"?`}
        value={reason}
        autoFocus
        onChange={(event) => setReason(event.target.value)}
      />
      <button
        type="button"
        className="danger"
        onClick={() => void reject()}
        disabled={!reason.trim()}
      >
        Reject
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </div>
  );
}
