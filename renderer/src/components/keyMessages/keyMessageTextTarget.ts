import type { CommandInput } from '../../../../shared/ipc';
import type { KeyMessage } from '../../../../shared/keyMessages';
import type { Result } from '../../../../shared/result';
import type { ProseTarget } from '../proseSaving';

/** One language of one key message, as the prose saver keeps it (and its local copy). */
export interface KeyMessageTextFields {
  messageId: string;
  lang: string;
  text: string;
}

/** The draft's id: the row and the cell. */
export const keyMessageTextId = (messageId: string, lang: string) => `${messageId}.text@${lang}`;

/** Local copies of a forum's unsaved key message texts. */
export const keyMessageCopyPrefix = (forumId: string) => `plenary.unsaved.${forumId}.key_messages.`;

/** A key message's text in one language is saved alone, so a translation and the source never overwrite each other. */
export function keyMessageTextTarget(update: (input: CommandInput<'keyMessages:update'>) => Promise<Result<KeyMessage>>): ProseTarget<KeyMessageTextFields, KeyMessage> {
  return {
    held: (field) => field !== 'text',
    send: ({ fields }) => update({ id: fields.messageId, text: { [fields.lang]: fields.text } }),
  };
}
