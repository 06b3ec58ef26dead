// SCAFFOLD: replaced by the real handlers in this session.
import { CoreError } from '../errors';
import type { Handlers } from './handlers';

const pending = (): never => { throw new CoreError('internal', 'not built yet'); };
export const agendaHandlers: Pick<Handlers, 'agenda:get' | 'sessions:create' | 'sessions:update' | 'sessions:setDeleted' | 'agenda:setMe'> = {
  'agenda:get': pending,
  'sessions:create': pending,
  'sessions:update': pending,
  'sessions:setDeleted': pending,
  'agenda:setMe': pending,
};
