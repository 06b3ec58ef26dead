// SCAFFOLD: replaced by the real handlers in this session.
import { CoreError } from '../errors';
import type { Handlers } from './handlers';

const pending = (): never => { throw new CoreError('internal', 'not built yet'); };
export const keyMessageHandlers: Pick<Handlers, 'keyMessages:list' | 'keyMessages:promote' | 'keyMessages:update' | 'keyMessages:move' | 'keyMessages:merge' | 'keyMessages:setDeleted' | 'keyMessages:duplicates'> = {
  'keyMessages:list': pending,
  'keyMessages:promote': pending,
  'keyMessages:update': pending,
  'keyMessages:move': pending,
  'keyMessages:merge': pending,
  'keyMessages:setDeleted': pending,
  'keyMessages:duplicates': pending,
};
