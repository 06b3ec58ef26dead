import type { PickedText } from '../../shared/companion';
import { directionOf, languageName, t } from './companionI18n';

// Small DOM builders. Everything shown is set as text, never as markup: user content cannot
// become HTML or script on a participant's phone.

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; attrs?: Record<string, string> } = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** User content in its own language and direction, with a note when it is not the asked one. */
export function picked(tag: 'span' | 'p' | 'h3' | 'strong', text: PickedText, className?: string): HTMLElement {
  // Its own direction: an English title stays whole inside an Arabic page.
  return el(tag, { ...(className ? { className } : {}), attrs: { lang: text.lang, dir: directionOf(text.lang) } }, text.text);
}

export function fallbackNote(text: PickedText): HTMLElement | null {
  return text.fallback ? el('p', { className: 'fallback' }, t('companion.page.fallback', { language: languageName(text.lang) })) : null;
}

export function replace(id: string, ...children: Child[]): void {
  const target = document.getElementById(id);
  if (target) target.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
}

/** Times as the agenda writes them (24-hour), kept left to right inside right-to-left text. */
export const clock = (start: string, end: string) => el('bdi', { className: 'time', attrs: { dir: 'ltr' } }, `${start}–${end}`);

export function dayLabel(day: string, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
  } catch {
    return day;
  }
}

export function timeOf(iso: string, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  } catch {
    return iso;
  }
}
