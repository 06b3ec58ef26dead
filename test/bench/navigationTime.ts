import type { Page } from '@playwright/test';

/**
 * Time from an in-app navigation (the hash changes, as a click on the forum's navigation does)
 * until `ready` holds in the page; the check runs on every DOM mutation, so polling adds nothing.
 * With `untilDrawn`, until the frame that shows it has been drawn as well.
 */
export async function navigationTime(page: Page, hash: string, ready: string, untilDrawn = false): Promise<number> {
  return page.evaluate(
    ({ hash, ready, untilDrawn }) =>
      new Promise<number>((resolve, reject) => {
        const isReady = new Function(ready) as () => boolean;
        const start = performance.now();
        const timer = setTimeout(() => reject(new Error(`not ready after 20 s: ${ready}`)), 20_000);
        const observer = new MutationObserver(() => {
          if (!isReady()) return;
          observer.disconnect();
          clearTimeout(timer);
          if (untilDrawn) requestAnimationFrame(() => resolve(performance.now() - start));
          else resolve(performance.now() - start);
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        window.location.hash = hash;
      }),
    { hash, ready, untilDrawn },
  );
}
