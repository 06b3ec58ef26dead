import type { Amendment, AmendmentKind, Delegation } from '../../../../shared/amendments';
import type { CommandInput } from '../../../../shared/ipc';
import type { Result } from '../../../../shared/result';
import type { ProseTarget } from '../proseSaving';
import { sentDelegation } from './sentDelegation';

/** An amendment as the prose saver keeps it (and its local copy): being written, proposed, or edited while open. */
export interface AmendmentFields {
  paragraphId: string;
  kind: AmendmentKind;
  lang: string;
  text: string;
  proposer: Delegation;
  rationale: string;
  /** Proposed ("Propose" pressed): until then it is only kept here, never sent. */
  submitted: boolean;
}

export interface AmendmentApi {
  propose(input: CommandInput<'amendments:propose'>): Promise<Result<Amendment>>;
  update(input: CommandInput<'amendments:update'>): Promise<Result<Amendment>>;
}

/** Local copies of a forum's unsaved amendments. */
export const amendmentCopyPrefix = (forumId: string) => `plenary.unsaved.${forumId}.amendments.`;

/**
 * An amendment is proposed with the id chosen here, so a proposal retried after a lost answer
 * never makes two; while open, its text and rationale are edited as they are typed. One being
 * written is copied locally (nothing typed is lost) but sent only once it is proposed.
 */
export function amendmentTarget(api: AmendmentApi): ProseTarget<AmendmentFields, Amendment> {
  return {
    ready: (fields) => fields.submitted,
    keep: (fields) => fields.text.trim() !== '' || fields.rationale.trim() !== '',
    held: (field) => field !== 'text' && field !== 'rationale',
    send({ id, fields, created, changed }) {
      if (!created) {
        const { paragraphId, kind, lang, text, proposer, rationale } = fields;
        return api.propose({ id, paragraphId, kind, lang, text: kind === 'delete' ? '' : text, proposer: sentDelegation(proposer), rationale });
      }
      const input: CommandInput<'amendments:update'> = { id };
      if (changed.has('text') && fields.kind !== 'delete') input.text = fields.text;
      if (changed.has('rationale')) input.rationale = fields.rationale;
      return api.update(input);
    },
  };
}
