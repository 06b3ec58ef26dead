import { exportParticipants } from '../participants/exportParticipants';
import { eraseParticipant } from '../store/eraseParticipant';
import { getForum } from '../store/forums';
import {
  checkInParticipant,
  createParticipant,
  getParticipant,
  queryParticipants,
  setParticipantDeleted,
  updateParticipant,
} from '../store/participants';
import type { Handlers } from './handlers';

type ParticipantCommand =
  | 'participants:query'
  | 'participants:get'
  | 'participants:create'
  | 'participants:update'
  | 'participants:setDeleted'
  | 'participants:checkIn'
  | 'participants:erase'
  | 'participants:export';

export const participantHandlers: Pick<Handlers, ParticipantCommand> = {
  'participants:query': (ctx, input) => {
    // An unknown forum is an error, not an empty list that would look like a forum nobody joined.
    getForum(ctx.db, input.forumId);
    return queryParticipants(ctx.db, input);
  },
  'participants:get': (ctx, input) => getParticipant(ctx.db, input.id),
  'participants:create': (ctx, input) => createParticipant(ctx, input.forumId, input.participant),
  'participants:update': (ctx, input) => updateParticipant(ctx, input.id, input.participant),
  'participants:setDeleted': (ctx, input) => setParticipantDeleted(ctx, input.id, input.deleted),
  'participants:checkIn': (ctx, input) => checkInParticipant(ctx, input.id, input.checkedIn),
  'participants:erase': (ctx, input) => eraseParticipant(ctx, input.id),
  // The only asynchronous one: exceljs writes its zip with promises.
  'participants:export': (ctx, input) => exportParticipants(ctx.db, input.forumId, input.format, new Date(), input.filter),
};
