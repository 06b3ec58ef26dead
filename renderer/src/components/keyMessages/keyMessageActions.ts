import type { KeyMessage } from '../../../../shared/keyMessages';
import type { ProseSaver } from '../proseSaver';
import type { KeyMessageTextFields } from './keyMessageTextTarget';

export interface KeyMessagePatch {
  text?: Record<string, string>;
  theme?: string;
  status?: KeyMessage['status'];
}

/** What a card can ask the screen to do; each answers whether it worked (the screen shows why not). */
export interface KeyMessageActions {
  /** Where the texts are typed: saved as they are, one request at a time with the other changes. */
  textSaver: ProseSaver<KeyMessageTextFields, KeyMessage>;
  update(id: string, patch: KeyMessagePatch): Promise<boolean>;
  move(id: string, direction: 'up' | 'down'): void;
  remove(message: KeyMessage): void;
  toggleSelected(id: string): void;
  choose(id: string, lang: string, text: string): void;
}
