import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { QueryValue } from '../api/client';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/** GETs `path` (null: nothing yet) and again whenever the path, the query or `reload()` change. */
export function useApi<T>(path: string | null, query: Record<string, QueryValue> = {}): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({
    loading: path !== null,
  });
  const [generation, setGeneration] = useState(0);
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, loading: true }));
    api<T>(path, {
      query: JSON.parse(queryKey) as Record<string, QueryValue>,
      signal: controller.signal,
    })
      .then((data) => setState({ data, loading: false }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          error: error instanceof Error ? error : new Error(String(error)),
          loading: false,
        });
      });
    return () => controller.abort();
  }, [path, queryKey, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
