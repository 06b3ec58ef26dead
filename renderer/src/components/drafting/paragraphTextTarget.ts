import type { CommandInput } from '../../../../shared/ipc';
import type { DraftParagraph } from '../../../../shared/outcome';
import type { Result } from '../../../../shared/result';
import type { ProseTarget } from '../proseSaving';

/** One language of one paragraph, as the prose saver keeps it (and its local copy). */
export interface ParagraphTextFields {
  paragraphId: string;
  documentId: string;
  lang: string;
  text: string;
}

/** The draft's id: the row and the cell. */
export const paragraphTextId = (paragraphId: string, lang: string) => `${paragraphId}.text@${lang}`;

/** Local copies of a forum's unsaved paragraph texts. */
export const paragraphCopyPrefix = (forumId: string) => `plenary.unsaved.${forumId}.outcome_paragraphs.`;

/**
 * A paragraph's text in one language is saved alone: a translation typed here and the source
 * typed on another laptop never overwrite each other, and the core names the version each edit
 * replaces. Emptying the source is refused (the draft then waits for the next edit).
 */
export function paragraphTextTarget(update: (input: CommandInput<'paragraphs:update'>) => Promise<Result<DraftParagraph>>): ProseTarget<ParagraphTextFields, DraftParagraph> {
  return {
    held: (field) => field !== 'text',
    send: ({ fields }) => update({ id: fields.paragraphId, text: { [fields.lang]: fields.text } }),
  };
}
