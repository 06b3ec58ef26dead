// SCAFFOLD: replaced by the real handlers in this session.
import { CoreError } from '../errors';
import type { Handlers } from './handlers';

const pending = (): never => { throw new CoreError('internal', 'not built yet'); };
export const searchHandlers: Pick<Handlers, 'search:query'> = {
  'search:query': pending,
};
