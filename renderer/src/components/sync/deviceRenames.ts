import { useSyncExternalStore } from 'react';

// This laptop's name is shown in more than one place (the first-run dialog, Share and merge): a
// rename in one is followed by the others without each asking the core again and again.
let renames = 0;
const listeners = new Set<() => void>();

export function announceRename(): void {
  renames += 1;
  listeners.forEach((listener) => listener());
}

/** Changes each time this laptop is renamed: a dependency for what shows its name. */
export function useRenames(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => renames,
  );
}
