import { agendaSession, agendaView, setAgendaMe } from '../store/agendaView';
import { createSession, setSessionDeleted, updateSession } from '../store/sessions';
import type { Handlers } from './handlers';

export const agendaHandlers: Pick<Handlers, 'agenda:get' | 'sessions:create' | 'sessions:update' | 'sessions:setDeleted' | 'agenda:setMe'> = {
  'agenda:get': (ctx, input) => agendaView(ctx.db, ctx.deviceId, input.forumId),
  'sessions:create': (ctx, input) => agendaSession(ctx.db, createSession(ctx, input.forumId, input.session)),
  'sessions:update': (ctx, input) => {
    updateSession(ctx, input.id, input.session);
    return agendaSession(ctx.db, input.id);
  },
  'sessions:setDeleted': (ctx, input) => {
    setSessionDeleted(ctx, input.id, input.deleted);
    return { id: input.id, deleted: input.deleted };
  },
  'agenda:setMe': (ctx, input) => ({ me: setAgendaMe(ctx, input.forumId, input.participantId) }),
};
