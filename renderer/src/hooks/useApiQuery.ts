import { useCallback, useEffect, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/ipc';
import type { AppError, Result } from '../../../shared/result';
import { api } from '../api/plenaryApi';

export interface Query<T> {
  data: T | undefined;
  error: AppError | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Calls a contract command and re-calls it when its input changes (compared by value);
 * answers to an earlier input that arrive late are dropped.
 */
export function useApiQuery<K extends CommandName>(name: K, input: CommandInput<K>): Query<CommandOutput<K>> {
  const [state, setState] = useState<{ data?: CommandOutput<K>; error?: AppError; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const inputKey = JSON.stringify(input);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    const call = api[name] as (input: unknown) => Promise<Result<CommandOutput<K>>>;
    void call(JSON.parse(inputKey)).then((result) => {
      if (!current) return;
      setState(result.ok ? { data: result.value, loading: false } : { error: result.error, loading: false });
    });
    return () => {
      current = false;
    };
  }, [name, inputKey, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
