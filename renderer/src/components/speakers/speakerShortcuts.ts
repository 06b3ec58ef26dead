// The speakers' list's keys, the same on the capture and drafting screens. Alt plus a letter by
// the key's place (so they work in Arabic and Russian layouts), none of them taken there: Alt+A
// add, Alt+J next speaker, Alt+R pause or resume, Alt+O the full-screen timer. Alt+N (a new
// forum), Alt+U (venue) and the menu bar's V, F, E, W are the app's.

export type SpeakerKey = 'add' | 'next' | 'pause' | 'timer';

const byCode: Record<string, SpeakerKey> = { KeyA: 'add', KeyJ: 'next', KeyR: 'pause', KeyO: 'timer' };

export function speakerKeys(event: KeyboardEvent): SpeakerKey | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  return Object.prototype.hasOwnProperty.call(byCode, event.code) ? byCode[event.code] : undefined;
}
