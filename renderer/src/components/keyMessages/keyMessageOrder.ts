import type { KeyMessage } from '../../../../shared/keyMessages';

/**
 * Fractional indexes compare as plain strings (code-unit order), never with localeCompare,
 * which would put "a0" and "Zz" in the wrong order. Ties (two laptops picked the same key)
 * break by id, so every laptop shows the same order.
 */
export function byPosition(a: KeyMessage, b: KeyMessage): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Each session's messages in the rapporteur's order. */
export function groupBySession(messages: readonly KeyMessage[]): Map<string, KeyMessage[]> {
  const groups = new Map<string, KeyMessage[]>();
  for (const message of [...messages].sort(byPosition)) {
    const list = groups.get(message.sessionId);
    if (list) list.push(message);
    else groups.set(message.sessionId, [message]);
  }
  return groups;
}

/**
 * Messages by theme, themes in alphabetical order of the UI language, the unthemed last.
 * Themes typed on different laptops differ in case and spacing: "Food systems" and
 * "food systems " are one theme.
 */
export function groupByTheme(messages: readonly KeyMessage[], sessionOrder: ReadonlyMap<string, number>, uiLanguage: string) {
  const groups = new Map<string, { theme: string; messages: KeyMessage[] }>();
  for (const message of messages) {
    const theme = message.theme.trim();
    const key = theme.toLocaleLowerCase(uiLanguage);
    const group = groups.get(key);
    if (group) group.messages.push(message);
    else groups.set(key, { theme, messages: [message] });
  }
  const inAgendaOrder = (a: KeyMessage, b: KeyMessage) =>
    (sessionOrder.get(a.sessionId) ?? Infinity) - (sessionOrder.get(b.sessionId) ?? Infinity) || byPosition(a, b);
  const collator = new Intl.Collator(uiLanguage);
  return [...groups.values()]
    .map((group) => ({ ...group, messages: group.messages.sort(inAgendaOrder) }))
    .sort((a, b) => (a.theme === '' ? 1 : b.theme === '' ? -1 : collator.compare(a.theme, b.theme)));
}

/** The distinct themes in use, for the theme box's suggestions. */
export function themesOf(messages: readonly KeyMessage[], uiLanguage: string): string[] {
  const seen = new Map<string, string>();
  for (const message of messages) {
    const theme = message.theme.trim();
    if (theme && !seen.has(theme.toLocaleLowerCase(uiLanguage))) seen.set(theme.toLocaleLowerCase(uiLanguage), theme);
  }
  return [...seen.values()].sort(new Intl.Collator(uiLanguage).compare);
}

/** Where `keyMessages:move` must put a message to take it one step up or down its session's list. */
export function moveTarget(list: readonly KeyMessage[], id: string, direction: 'up' | 'down') {
  const index = list.findIndex((m) => m.id === id);
  if (index < 0) return undefined;
  if (direction === 'up') {
    if (index === 0) return undefined;
    return { after: list[index - 2]?.id ?? null, before: list[index - 1]?.id ?? null };
  }
  if (index === list.length - 1) return undefined;
  return { after: list[index + 1]?.id ?? null, before: list[index + 2]?.id ?? null };
}
