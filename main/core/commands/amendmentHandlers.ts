import {
  decideAmendment,
  getAmendment,
  listAmendments,
  paragraphAfterDecision,
  proposeAmendment,
  updateAmendment,
} from '../store/amendments';
import { listStances, setStance } from '../store/stances';
import type { Handlers } from './handlers';

type AmendmentCommands = 'amendments:list' | 'amendments:propose' | 'amendments:update' | 'amendments:decide' | 'stances:list' | 'stances:set';

export const amendmentHandlers: Pick<Handlers, AmendmentCommands> = {
  'amendments:list': (ctx, input) => listAmendments(ctx.db, input.paragraphId),
  'amendments:propose': (ctx, input) => getAmendment(ctx.db, proposeAmendment(ctx, input)),
  'amendments:update': (ctx, input) => {
    updateAmendment(ctx, input.id, { text: input.text, rationale: input.rationale });
    return getAmendment(ctx.db, input.id);
  },
  'amendments:decide': (ctx, input) => {
    decideAmendment(ctx, input.id, input.decision, input.reviewedText);
    const amendment = getAmendment(ctx.db, input.id);
    return { amendment, paragraph: paragraphAfterDecision(ctx.db, amendment.paragraphId) };
  },
  'stances:list': (ctx, input) => listStances(ctx.db, input.paragraphId),
  'stances:set': (ctx, input) => {
    setStance(ctx, input.paragraphId, input.delegation, input.stance, input.note);
    return listStances(ctx.db, input.paragraphId);
  },
};
