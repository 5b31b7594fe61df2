import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import type { Loaded } from '../app/use-api';

/** What went wrong, with the fields the API named; announced at once (role="alert"). */
export function ErrorSummary({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const fields = error instanceof ApiError ? error.fieldProblems : [];
  return (
    <div className="error-summary" role="alert">
      <p className="error-title">{title ?? 'That did not work'}</p>
      <p>{message}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map((problem, index) => (
            <li key={index}>
              {problem.field ? <strong>{problem.field}: </strong> : null}
              {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Shows a loading line, the error, or the content once the data is there. */
export function Async<T>({
  state,
  label,
  children,
}: {
  state: Loaded<T>;
  label: string;
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorSummary error={state.error} title={`Could not load ${label}`} />;
  if (state.data === undefined) return <p className="loading">Loading {label}…</p>;
  return <>{children(state.data)}</>;
}

export function Badge({ tone, children }: { tone?: 'good' | 'warn' | 'bad'; children: ReactNode }) {
  return <span className={`badge ${tone ?? ''}`}>{children}</span>;
}
