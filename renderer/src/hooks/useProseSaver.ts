import { useEffect, useState } from 'react';
import type { ProseSaver } from '../components/proseSaver';

/**
 * Saves survive the page going away: hidden, closed, reloaded, or this screen left for another.
 * What is waiting is copied to local storage and sent at once; the saver goes on retrying after the
 * screen has gone, and a copy the core never acknowledged is sent when the screen is next opened.
 */
export function useProseSaverLifecycle<F extends object, S>(saver: ProseSaver<F, S>): void {
  useEffect(() => {
    const flush = () => {
      saver.backup();
      void saver.flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const state = saver.getStatus().state;
      flush();
      // In a browser, ask before leaving text the core does not have yet. Not in the desktop app,
      // where a cancelled unload would silently keep the window from closing; the copy in local
      // storage is sent when the screen is next opened.
      if (!window.plenary && (state === 'retrying' || state === 'rejected')) event.preventDefault();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [saver]);
}

/** A saver made once for the screen, with its page lifecycle. */
export function useProseSaver<F extends object, S>(make: () => ProseSaver<F, S>): ProseSaver<F, S> {
  const [saver] = useState(make);
  useProseSaverLifecycle(saver);
  return saver;
}
