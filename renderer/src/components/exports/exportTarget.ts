/** What an export dialog exports, with the forum's working languages (source first). */
export type ExportTarget =
  | { kind: 'outcome'; documentId: string; languages: readonly string[]; sourceLanguage: string }
  | { kind: 'agenda' | 'participants' | 'participation'; forumId: string; languages: readonly string[]; sourceLanguage: string };

/** The language a one-language export starts with: the screen's, when the forum works in it. */
export function startingLanguage(target: ExportTarget, uiLanguage: string): string {
  return target.languages.includes(uiLanguage) ? uiLanguage : target.sourceLanguage;
}

/** An id for polling one export's progress (the contract wants 8 to 64 letters, digits, - or _). */
export function newExportId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `export-${random}`.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);
}
