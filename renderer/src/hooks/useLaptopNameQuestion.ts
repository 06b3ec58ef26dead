import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/plenaryApi';

const laterKey = 'plenary.laptopNameLater';

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * Whether to ask for this laptop's name: only while nobody has chosen one, and not again in this
 * tab once someone answered "Later" (the next start asks again). `hostName` is what the laptop is
 * called meanwhile, to say why it matters.
 */
export function useLaptopNameQuestion(): { hostName: string | undefined; done(named: boolean): void } {
  const [hostName, setHostName] = useState<string>();
  useEffect(() => {
    if (sessionStore()?.getItem(laterKey)) return;
    let current = true;
    void api['device:get']({}).then((result) => {
      if (current && result.ok && !result.value.named) setHostName(result.value.name);
    });
    return () => {
      current = false;
    };
  }, []);
  const done = useCallback((named: boolean) => {
    setHostName(undefined);
    if (!named) {
      try {
        sessionStore()?.setItem(laterKey, '1');
      } catch {
        // Not kept: the question comes back on the next reload, which is harmless.
      }
    }
  }, []);
  return { hostName, done };
}
