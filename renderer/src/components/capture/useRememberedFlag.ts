import { useCallback, useState } from 'react';
import { localStore } from '../../hooks/localStore';

export { localStore };

/** A panel open or closed as the user left it. */
export function useRememberedFlag(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    const stored = localStore()?.getItem(key);
    return stored === null || stored === undefined ? initial : stored === '1';
  });
  const set = useCallback(
    (next: boolean) => {
      try {
        localStore()?.setItem(key, next ? '1' : '0');
      } catch {
        // Only this visit remembers it.
      }
      setValue(next);
    },
    [key],
  );
  return [value, set];
}
