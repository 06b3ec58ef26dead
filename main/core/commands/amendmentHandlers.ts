import { CoreError } from '../errors';
import type { Handlers } from './handlers';

type AmendmentCommands = 'amendments:list' | 'amendments:propose' | 'amendments:update' | 'amendments:decide' | 'stances:list' | 'stances:set';

// SCAFFOLD: replaced by the amendments store (helper B).
const notYet = (): never => {
  throw new CoreError('internal', 'SCAFFOLD: amendments are being built');
};

export const amendmentHandlers: Pick<Handlers, AmendmentCommands> = {
  'amendments:list': notYet,
  'amendments:propose': notYet,
  'amendments:update': notYet,
  'amendments:decide': notYet,
  'stances:list': notYet,
  'stances:set': notYet,
};
