import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/** Key names a keyboard prints the same in every language; the others are translated. */
type Key = 'Ctrl' | 'Alt' | 'Shift' | '↑' | '↓' | '/' | '?' | 'A' | 'G' | 'J' | 'K' | 'L' | 'O' | 'P' | 'R' | 'S' | 'T' | 'X' | 'Z' | 'enter' | 'space' | 'delete' | 'escape';

export interface Shortcut {
  id: 'finish' | 'speaker' | 'speakersAdd' | 'speakersNext' | 'speakersPause' | 'speakersMove' | 'speakersTimer' | 'clearSpeaker' | 'language' | 'acceptLanguage' | 'tag' | 'keyPoint' | 'promote' | 'notes' | 'move' | 'select' | 'edit' | 'delete' | 'back' | 'undo' | 'search' | 'help';
  /** Alternatives, each a chord of keys pressed together. */
  chords: Key[][];
  /** For aria-keyshortcuts (its own syntax: "Control+Enter"). */
  aria?: string;
}

/** The capture screen's keys, in the order the help lists them. */
export const captureShortcuts: readonly Shortcut[] = [
  { id: 'finish', chords: [['Ctrl', 'enter']], aria: 'Control+Enter' },
  { id: 'speaker', chords: [['Alt', 'S']], aria: 'Alt+S' },
  { id: 'clearSpeaker', chords: [['Alt', 'X']], aria: 'Alt+X' },
  { id: 'language', chords: [['Alt', 'L']], aria: 'Alt+L' },
  { id: 'acceptLanguage', chords: [['Alt', 'G']], aria: 'Alt+G' },
  { id: 'tag', chords: [['Alt', 'T']], aria: 'Alt+T' },
  { id: 'keyPoint', chords: [['Alt', 'K']], aria: 'Alt+K' },
  { id: 'promote', chords: [['Alt', 'P']], aria: 'Alt+P' },
  { id: 'notes', chords: [['Alt', '↑']], aria: 'Alt+ArrowUp' },
  { id: 'move', chords: [['↑'], ['↓']] },
  { id: 'select', chords: [['space']], aria: 'Space' },
  { id: 'edit', chords: [['enter']], aria: 'Enter' },
  { id: 'delete', chords: [['delete']], aria: 'Delete' },
  { id: 'back', chords: [['escape']], aria: 'Escape' },
  { id: 'undo', chords: [['Ctrl', 'Z']], aria: 'Control+Z' },
  { id: 'search', chords: [['Ctrl', 'K'], ['/']], aria: 'Control+K /' },
  { id: 'help', chords: [['?']], aria: '?' },
  // The speakers' list below the notes (speakerShortcuts.ts).
  { id: 'speakersAdd', chords: [['Alt', 'A']], aria: 'Alt+A' },
  { id: 'speakersNext', chords: [['Alt', 'J']], aria: 'Alt+J' },
  { id: 'speakersPause', chords: [['Alt', 'R']], aria: 'Alt+R' },
  { id: 'speakersMove', chords: [['Alt', '↑'], ['Alt', '↓']] },
  { id: 'speakersTimer', chords: [['Alt', 'O']], aria: 'Alt+O' },
];

export function ariaKeys(id: Shortcut['id']): string | undefined {
  return captureShortcuts.find((s) => s.id === id)?.aria;
}

/** Alt plus a letter, by the key's place on the keyboard, so it works in any layout (Arabic, Russian). */
export function altKey(event: KeyboardEvent | ReactKeyboardEvent, letter: string): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && event.code === `Key${letter}`;
}

/** Whether the key went to something that takes text, where plain keys must keep their meaning. */
export function inTextField(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}
