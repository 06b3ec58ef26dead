/**
 * The help shortcut goes by the character typed, not the key's place: "?" sits on a different key
 * in French, Spanish or Russian layouts, and people press the key that types it. On that same
 * key (Shift and the slash key) an Arabic layout types the Arabic question mark.
 */
export function isHelpKey(event: KeyboardEvent): boolean {
  return event.key === '?' || event.key === '\u061f';
}
