import { useCallback, useState } from 'react';

/** Local storage when the page may use it; capture still works (unremembered) when it may not. */
export function localStore(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

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
