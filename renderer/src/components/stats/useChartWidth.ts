import { useEffect, useRef, useState } from 'react';

/** Width a chart is drawn at before its box has been measured. */
export const DEFAULT_CHART_WIDTH = 560;

/**
 * The pixel width of the box a chart sits in, kept up to date as the window resizes. Charts are
 * drawn at that width, one SVG unit to one pixel, so their text stays the page's size however
 * wide or narrow the column is (a scaled viewBox would shrink or blow it up).
 */
export function useChartWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(DEFAULT_CHART_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const measured = Math.round(element.clientWidth);
      if (measured > 0) setWidth(measured);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
