import { useEffect, useRef, type RefObject } from 'react';

// Screens load their code and data after the route changes: the heading may come a moment later.
const waitForHeadingMs = 5000;

/**
 * After a navigation, the keyboard and the screen reader land on the new screen's heading instead
 * of staying on the link that was pressed (or falling back to the top of the page), unless the
 * screen has already put the focus inside itself on purpose (capture's note box). The first screen
 * is left alone: the page's first Tab goes to the skip link.
 */
export function useFocusOnNavigate(screenKey: string, main: RefObject<HTMLElement | null>): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const root = main.current;
    if (!root) return;
    const place = (): void => {
      const active = document.activeElement;
      if (active && active !== root && root.contains(active)) return;
      const heading = root.querySelector<HTMLElement>('h1');
      if (!heading) return;
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
    };
    place();
    // A screen may show a loading heading first and replace it once its data is here, taking the
    // focus with it: until the user does something, a focus that fell back to the page is placed again.
    const observer = new MutationObserver(() => {
      const active = document.activeElement;
      if (!active || !root.contains(active) || active === root) place();
    });
    const timer = window.setTimeout(() => stop(), waitForHeadingMs);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
      window.removeEventListener('keydown', stop, true);
      window.removeEventListener('pointerdown', stop, true);
    };
    window.addEventListener('keydown', stop, true);
    window.addEventListener('pointerdown', stop, true);
    observer.observe(root, { childList: true, subtree: true });
    return stop;
  }, [screenKey, main]);
}
