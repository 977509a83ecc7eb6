import { useCallback, useEffect, useState } from "preact/hooks";
import { apiGet, isAbort, type Query } from "./client.js";

export interface ApiState<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** GET `path` whenever the query changes; the previous request is aborted. `null` path: do nothing. */
export function useApi<T>(path: string | null, query: Query = {}): ApiState<T> {
  const key = path === null ? "" : `${path}?${JSON.stringify(query)}`;
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({
    loading: path !== null,
  });
  // The key stands for path and query.
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    apiGet<T>(path, query, controller.signal).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ error: error as Error, loading: false });
      },
    );
    return () => controller.abort();
  }, [key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
