// SCAFFOLD: replaced by the real handlers in this session.
import { CoreError } from '../errors';
import type { Handlers } from './handlers';

const pending = (): never => { throw new CoreError('internal', 'not built yet'); };
export const captureHandlers: Pick<Handlers, 'notes:list' | 'notes:create' | 'notes:update' | 'notes:setDeleted' | 'catalogues:get' | 'capture:progress'> = {
  'notes:list': pending,
  'notes:create': pending,
  'notes:update': pending,
  'notes:setDeleted': pending,
  'catalogues:get': pending,
  'capture:progress': pending,
};
