import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { apiFile } from '../api/client';
import type { QueryValue } from '../api/client';
import { useAnnouncer } from '../app/announcer';
import { saveBlob } from '../lib/download';
import { ErrorSummary } from './Feedback';

/**
 * A button for an action that cannot be undone: the first press asks, in place, and moves the
 * focus to the confirming button; "Cancel" brings it back.
 */
export function ConfirmButton({
  children,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  className,
}: {
  children: ReactNode;
  question: string;
  confirmLabel: string;
  onConfirm(): void | Promise<void>;
  disabled?: boolean;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button
        type="button"
        ref={openRef}
        className={className}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {children}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>{' '}
      <button
        type="button"
        ref={confirmRef}
        className="danger"
        onClick={() => {
          setAsking(false);
          void onConfirm();
        }}
      >
        {confirmLabel}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

/** Downloads a file from the API (with the token) and saves it. */
export function DownloadButton({
  path,
  query,
  children,
  describedBy,
}: {
  path: string;
  query?: Record<string, QueryValue>;
  children: ReactNode;
  describedBy?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { announce } = useAnnouncer();
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { blob, fileName } = await apiFile(path, { query });
      saveBlob(blob, fileName);
      announce(`Downloaded ${fileName}.`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => void download()}
        disabled={busy}
        aria-describedby={describedBy}
      >
        {busy ? 'Preparing…' : children}
      </button>
      {error ? <ErrorSummary error={error} title="The download failed" /> : null}
    </>
  );
}

/** A table that scrolls sideways on narrow screens; the region can take the focus to scroll. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

export function Pager({
  page,
  pageSize,
  total,
  onPage,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
  label: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        Previous page
      </button>
      <span>
        Page {page} of {pages}
      </span>
      <button
        type="button"
        className="secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
