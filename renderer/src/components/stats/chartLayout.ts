// Geometry shared by the hand-drawn SVG charts. Every chart is laid out in logical terms (distance
// from the inline start) and turned physical here, so Arabic bars grow from the right.

import { countryName } from '../../../../shared/countryNames';

/** Room kept at the inline end for the figure printed after the longest bar. */
export const VALUE_ROOM = 100;
export const FONT_SIZE = 13;

export type Direction = 'ltr' | 'rtl';

/** The physical x of something `length` long that starts `logical` pixels from the inline start. */
export function physicalX(direction: Direction, width: number, logical: number, length = 0): number {
  return direction === 'rtl' ? width - logical - length : logical;
}

/**
 * Where to anchor text that starts at the inline start of the chart. SVG's `start` follows the
 * text's own direction, so English in an Arabic chart is anchored by its end to sit on the right.
 */
export function startAnchor(chart: Direction, text: Direction): 'start' | 'end' {
  return chart === text ? 'start' : 'end';
}

/** A bar's length for `value` against the largest value drawn, in a chart `width` wide; never invisible when not zero. */
export function barLength(value: number, max: number, width: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(2, (value / max) * Math.max(width - VALUE_ROOM, 20));
}

const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * SVG text does not wrap: a label longer than the chart is cut with an ellipsis, by an estimate
 * of its width (CJK characters about one em, others about half). The table beside keeps it whole.
 */
export function fitLabel(text: string, room: number, fontSize = FONT_SIZE): string {
  let width = 0;
  let cut = 0;
  const chars = [...text];
  for (const char of chars) {
    width += (wide.test(char) ? 1 : 0.56) * fontSize;
    if (width > room - fontSize) break;
    cut += 1;
  }
  return cut >= chars.length ? text : `${chars.slice(0, cut).join('').trimEnd()}…`;
}

/** Country names in the UI language, the same as every export prints them. */
export function countryNamer(lang: string): (code: string) => string {
  return (code) => countryName(code, lang);
}

export function percentFormat(lang: string): (part: number, whole: number) => string {
  const format = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  return (part, whole) => (whole > 0 ? format.format(part / whole) : '–');
}

/** "A, B and C" as the language lists things; for the charts' spoken summaries. */
export function listFormat(lang: string): (items: string[]) => string {
  const format = new Intl.ListFormat(lang, { style: 'narrow', type: 'conjunction' });
  return (items) => format.format(items);
}
