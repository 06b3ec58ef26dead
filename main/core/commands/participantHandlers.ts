// SCAFFOLD: replaced by the real handlers in this session.
import { CoreError } from '../errors';
import type { Handlers } from './handlers';

const pending = (): never => { throw new CoreError('internal', 'not built yet'); };
export const participantHandlers: Pick<Handlers, 'participants:query' | 'participants:get' | 'participants:create' | 'participants:update' | 'participants:setDeleted' | 'participants:checkIn' | 'participants:export'> = {
  'participants:query': pending,
  'participants:get': pending,
  'participants:create': pending,
  'participants:update': pending,
  'participants:setDeleted': pending,
  'participants:checkIn': pending,
  'participants:export': pending,
};
