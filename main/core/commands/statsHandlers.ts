// SCAFFOLD: replaced by the real handlers in this session.
import { CoreError } from '../errors';
import type { Handlers } from './handlers';

const pending = (): never => { throw new CoreError('internal', 'not built yet'); };
export const statsHandlers: Pick<Handlers, 'stats:get'> = {
  'stats:get': pending,
};
