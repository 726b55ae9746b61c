import { useEffect, useRef, useState } from 'react';

/** A value being loaded: loading, loaded or failed, with a reload. */
export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` when `key` changes (and on `reload()`); results of superseded runs are dropped.
 * The previous data stays visible while a reload runs.
 */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncState<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(load);
  latest.current = load;
  const run = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key and generation are the triggers; load is read through a ref
  useEffect(() => {
    const mine = ++run.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    latest.current().then(
      (data) => mine === run.current && setState({ data, loading: false }),
      (error: unknown) => mine === run.current && setState((s) => ({ ...s, error, loading: false })),
    );
    return () => {
      run.current++;
    };
  }, [key, generation]);
  return {
    data: state.data,
    error: state.error,
    loading: state.loading,
    reload: () => setGeneration((g) => g + 1),
  };
}
