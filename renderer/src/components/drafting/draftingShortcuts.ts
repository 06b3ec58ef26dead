/** Key names a keyboard prints the same in every language; the others are translated. */
type Key = 'Ctrl' | 'Alt' | 'Shift' | 'I' | 'D' | 'Y' | '0' | '↑' | '↓' | '←' | '→' | 'L' | 'X' | '?' | 'A' | 'B' | 'C' | 'E' | 'H' | 'J' | 'K' | 'M' | 'N' | 'O' | 'P' | 'R' | 'S' | 'W' | 'Z' | 'enter' | 'delete' | 'escape';

export interface DraftingShortcut {
  id:
    | 'select'
    | 'edit'
    | 'back'
    | 'move'
    | 'level'
    | 'role'
    | 'alternative'
    | 'reference'
    | 'markLead'
    | 'newParagraph'
    | 'fromKeyMessages'
    | 'heading'
    | 'bracket'
    | 'bold'
    | 'italic'
    | 'link'
    | 'sources'
    | 'delete'
    | 'undo'
    | 'project'
    | 'coverage'
    | 'export'
    | 'translators'
    | 'issue'
    | 'proposeAmendment'
    | 'decideAmendment'
    | 'undoDecision'
    | 'submitAmendment'
    | 'decisions'
    | 'vote'
    | 'speakersAdd'
    | 'speakersNext'
    | 'speakersPause'
    | 'speakersMove'
    | 'speakersTimer'
    | 'help';
  /** Alternatives, each a chord of keys pressed together. */
  chords: Key[][];
}

/** The drafting screen's keys, in the order the help lists them. */
export const draftingShortcuts: readonly DraftingShortcut[] = [
  { id: 'select', chords: [['↑'], ['↓'], ['J'], ['K']] },
  { id: 'edit', chords: [['enter']] },
  { id: 'back', chords: [['escape']] },
  { id: 'move', chords: [['Alt', '↑'], ['Alt', '↓']] },
  // Inward is to the right in a left-to-right screen, to the left in Arabic.
  { id: 'level', chords: [['Alt', '→'], ['Alt', '←']] },
  { id: 'role', chords: [['R']] },
  { id: 'alternative', chords: [['B']] },
  { id: 'reference', chords: [['Ctrl', 'Shift', 'X']] },
  { id: 'markLead', chords: [['Ctrl', 'Shift', 'L']] },
  { id: 'newParagraph', chords: [['N']] },
  { id: 'fromKeyMessages', chords: [['M']] },
  { id: 'heading', chords: [['H']] },
  { id: 'bracket', chords: [['Ctrl', 'Shift', 'B']] },
  { id: 'bold', chords: [['Ctrl', 'B']] },
  { id: 'italic', chords: [['Ctrl', 'I']] },
  { id: 'link', chords: [['Ctrl', 'K']] },
  { id: 'sources', chords: [['S']] },
  { id: 'delete', chords: [['delete']] },
  { id: 'undo', chords: [['Ctrl', 'Z']] },
  { id: 'project', chords: [['P']] },
  { id: 'coverage', chords: [['C']] },
  { id: 'export', chords: [['Ctrl', 'E']] },
  { id: 'translators', chords: [['Ctrl', 'Shift', 'E']] },
  { id: 'issue', chords: [['I']] },
  // In the Amendments tab (the panel's own keys, handled there).
  { id: 'proposeAmendment', chords: [['N']] },
  { id: 'decideAmendment', chords: [['A'], ['R'], ['W'], ['O']] },
  { id: 'undoDecision', chords: [['Ctrl', 'Z']] },
  { id: 'submitAmendment', chords: [['Ctrl', 'enter']] },
  { id: 'decisions', chords: [['D']] },
  // In the Decisions tab's vote grid, on a delegation (handled there).
  { id: 'vote', chords: [['Y'], ['N'], ['A'], ['0']] },
  // In the Speakers tab (speakerShortcuts.ts): Alt and a letter, which drafting leaves free.
  { id: 'speakersAdd', chords: [['Alt', 'A']] },
  { id: 'speakersNext', chords: [['Alt', 'J']] },
  { id: 'speakersPause', chords: [['Alt', 'R']] },
  { id: 'speakersMove', chords: [['Alt', '↑'], ['Alt', '↓']] },
  { id: 'speakersTimer', chords: [['Alt', 'O']] },
  { id: 'help', chords: [['?']] },
];

/** Whether the key went to something that takes text or choices, where plain keys keep their meaning. */
export function takesKeys(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}
