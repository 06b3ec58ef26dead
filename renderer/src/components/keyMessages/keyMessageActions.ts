import type { KeyMessage } from '../../../../shared/keyMessages';

export interface KeyMessagePatch {
  text?: Record<string, string>;
  theme?: string;
  status?: KeyMessage['status'];
}

/** What a card can ask the screen to do; each answers whether it worked (the screen shows why not). */
export interface KeyMessageActions {
  update(id: string, patch: KeyMessagePatch): Promise<boolean>;
  move(id: string, direction: 'up' | 'down'): void;
  remove(message: KeyMessage): void;
  toggleSelected(id: string): void;
  choose(id: string, lang: string, text: string): void;
}
