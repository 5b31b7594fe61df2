import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import type { ImportKind, ImportProblem, ImportRun, Page as ApiPage } from '../../api/types';
import { useAnnouncer } from '../../app/announcer';
import { useApi } from '../../app/use-api';
import { DownloadButton, TableScroll } from '../../components/Controls';
import { Async, Badge, ErrorSummary } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Fields';
import { Page } from '../../components/Page';
import { formatInstant, formatNumber, humanize } from '../../lib/format';

const KINDS: { value: ImportKind; label: string }[] = [
  { value: 'roster', label: 'Payroll roster (employees)' },
  { value: 'training', label: 'Training records' },
];

/** The problems of a refused import travel in the error body. */
function runOf(
  error: unknown,
): Pick<ImportRun, 'problemCount' | 'counts' | 'problems' | 'problemsOmitted'> | null {
  if (!(error instanceof ApiError) || !error.problem || !Array.isArray(error.problem.problems))
    return null;
  const problem = error.problem as unknown as {
    problems: ImportProblem[];
    problemCount: number;
    problemsOmitted: number;
    counts: ImportRun['counts'];
  };
  return problem;
}

export function ImportsPage() {
  const { announce } = useAnnouncer();
  const runs = useApi<ApiPage<ImportRun>>('/imports', { pageSize: 20 });
  const [kind, setKind] = useState<ImportKind>('roster');
  const [result, setResult] = useState<ImportRun | null>(null);
  const [refused, setRefused] = useState<ReturnType<typeof runOf>>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const upload = async (dryRun: boolean) => {
    const file = fileInput.current?.files?.[0];
    setError(null);
    setRefused(null);
    if (!file) {
      setError(new Error('Choose a CSV or XLSX file first.'));
      return;
    }
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file);
      const run = await api<ImportRun>(`/imports/${kind}`, {
        method: 'POST',
        query: { dryRun },
        form,
      });
      setResult(run);
      if (dryRun) {
        announce(
          run.problemCount === 0
            ? `The file is clean: ${run.rowCount} rows checked. Nothing was written yet.`
            : `${run.problemCount} problems found in ${run.counts.rejected} rows. Nothing was written.`,
        );
      } else {
        announce(
          `Imported: ${run.counts.created} created, ${run.counts.updated} updated, ${run.counts.unchanged} unchanged.`,
        );
        if (fileInput.current) fileInput.current.value = '';
      }
      runs.reload();
    } catch (caught) {
      setResult(null);
      const problems = runOf(caught);
      if (problems) {
        setRefused(problems);
        announce(`${problems.problemCount} problems found. Nothing was imported.`);
      } else setError(caught);
      runs.reload();
    } finally {
      setBusy(false);
    }
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    void upload(true);
  };
  const problems = result?.problems ?? refused?.problems ?? [];

  return (
    <Page
      title="Imports"
      intro="Load the payroll roster or training records from a CSV or XLSX file. Check the file first: every problem is listed by row and column, and nothing is written until the whole file is clean."
    >
      <form className="card" onSubmit={check}>
        <h2>Check a file</h2>
        <SelectField
          label="What the file holds"
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as ImportKind);
            setResult(null);
            setRefused(null);
          }}
          options={KINDS}
        />
        <p>
          <DownloadButton path={`/imports/templates/${kind}`} query={{ format: 'csv' }}>
            Download the {kind} template (CSV)
          </DownloadButton>
        </p>
        <TextField
          label="File"
          hint="CSV in UTF-8, or XLSX (its first sheet), with the template's header row."
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          ref={fileInput}
          onChange={() => {
            setResult(null);
            setRefused(null);
          }}
        />
        <ErrorSummary error={error} title="The file could not be checked" />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Working…' : 'Check the file (dry run)'}
          </button>
          {result && result.dryRun && result.problemCount === 0 ? (
            <button type="button" disabled={busy} onClick={() => void upload(false)}>
              Import the file
            </button>
          ) : null}
        </div>
      </form>

      {result ? (
        <section aria-labelledby="result-heading" className="card">
          <h2 id="result-heading">{result.dryRun ? 'Check result' : 'Import result'}</h2>
          <p>
            <Badge
              tone={result.status === 'REJECTED' || result.status === 'FAILED' ? 'bad' : 'good'}
            >
              {humanize(result.status)}
            </Badge>{' '}
            {result.fileName}: {formatNumber(result.rowCount)} rows.{' '}
            {result.dryRun ? 'It would create' : 'Created'} {result.counts.created},{' '}
            {result.dryRun ? 'update' : 'updated'} {result.counts.updated},{' '}
            {result.counts.unchanged} unchanged, {result.counts.rejected} rows with problems.
          </p>
        </section>
      ) : null}
      {refused ? (
        <p className="error-summary">
          Nothing was imported: {refused.problemCount} problems in {refused.counts.rejected} rows.
        </p>
      ) : null}
      {problems.length > 0 ? (
        <ProblemsTable
          problems={problems}
          omitted={result?.problemsOmitted ?? refused?.problemsOmitted ?? 0}
        />
      ) : null}

      <h2>Recent imports</h2>
      <Async state={runs} label="recent imports">
        {(page) =>
          page.items.length === 0 ? (
            <p>No imports yet.</p>
          ) : (
            <TableScroll label="Recent imports">
              <table>
                <caption>The last {page.items.length} import runs</caption>
                <thead>
                  <tr>
                    <th scope="col">Started</th>
                    <th scope="col">Kind</th>
                    <th scope="col">File</th>
                    <th scope="col">Dry run</th>
                    <th scope="col">Status</th>
                    <th scope="col">Rows</th>
                    <th scope="col">Problems</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((run) => (
                    <tr key={run.id}>
                      <td>{formatInstant(run.startedAt)}</td>
                      <td>{humanize(run.kind)}</td>
                      <td>{run.fileName}</td>
                      <td>{run.dryRun ? 'Yes' : 'No'}</td>
                      <td>{humanize(run.status)}</td>
                      <td>{formatNumber(run.rowCount)}</td>
                      <td>{formatNumber(run.problemCount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </Async>
    </Page>
  );
}

function ProblemsTable({ problems, omitted }: { problems: ImportProblem[]; omitted: number }) {
  return (
    <>
      <h2>Problems in the file</h2>
      <TableScroll label="Problems in the file">
        <table className="problems">
          <caption>
            {problems.length} problems{omitted > 0 ? ` (${omitted} more not listed)` : ''}; row 1 is
            the header row
          </caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => (
              <tr key={index}>
                <td>{problem.row ?? 'File'}</td>
                <td>{problem.column ?? '—'}</td>
                <td>{problem.value ?? '—'}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
