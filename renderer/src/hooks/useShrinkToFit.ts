import { useLayoutEffect, type RefObject } from 'react';

/**
 * Scales what `box` shows (through the CSS variable `--fit`, which its font size multiplies) down
 * until it fits the box without scrolling, and no further than `smallest`: a projector must show
 * all of the sessions on now and the one next, whatever their number, titles and language. Runs
 * again when `content` changes, when the box is resized and once the fonts have loaded.
 */
export function useShrinkToFit(box: RefObject<HTMLElement | null>, content: string, smallest = 0.4): void {
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const overflows = () => element.scrollHeight > element.clientHeight || element.scrollWidth > element.clientWidth;
    const fit = () => {
      element.style.setProperty('--fit', '1');
      if (!overflows()) return;
      // Bisection: each step lays the box out once; eight steps settle within 0.3 % of the best.
      let low = smallest;
      let high = 1;
      for (let step = 0; step < 8; step++) {
        const middle = (low + high) / 2;
        element.style.setProperty('--fit', String(middle));
        if (overflows()) high = middle;
        else low = middle;
      }
      // A little under the last size that fitted: scroll sizes are rounded, a fraction of a pixel could still be cut.
      element.style.setProperty('--fit', String(low * 0.98));
    };
    fit();
    // The box's own size is set by the window, not by what it holds: scaling never resizes it.
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    let live = true;
    void document.fonts.ready.then(() => live && fit());
    return () => {
      live = false;
      observer.disconnect();
    };
  }, [box, content, smallest]);
}
