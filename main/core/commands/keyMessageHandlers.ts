import { duplicates } from '../capture/similarMessages';
import {
  getKeyMessage,
  listKeyMessages,
  mergeKeyMessages,
  moveKeyMessage,
  promoteNotes,
  setKeyMessageDeleted,
  updateKeyMessage,
} from '../store/keyMessages';
import type { Handlers } from './handlers';

type KeyMessageCommands =
  | 'keyMessages:list'
  | 'keyMessages:promote'
  | 'keyMessages:update'
  | 'keyMessages:move'
  | 'keyMessages:merge'
  | 'keyMessages:setDeleted'
  | 'keyMessages:duplicates';

export const keyMessageHandlers: Pick<Handlers, KeyMessageCommands> = {
  'keyMessages:list': (ctx, input) => listKeyMessages(ctx.db, input.forumId, input.sessionId),
  'keyMessages:promote': (ctx, input) => getKeyMessage(ctx.db, promoteNotes(ctx, input.sessionId, input.noteIds, input.text)),
  'keyMessages:update': (ctx, input) => {
    updateKeyMessage(ctx, input.id, { text: input.text, theme: input.theme, status: input.status });
    return getKeyMessage(ctx.db, input.id);
  },
  'keyMessages:move': (ctx, input) => {
    moveKeyMessage(ctx, input.id, input.after, input.before);
    return getKeyMessage(ctx.db, input.id);
  },
  'keyMessages:merge': (ctx, input) => {
    mergeKeyMessages(ctx, input.keepId, input.mergeId, input.text);
    return getKeyMessage(ctx.db, input.keepId);
  },
  'keyMessages:setDeleted': (ctx, input) => {
    setKeyMessageDeleted(ctx, input.id, input.deleted);
    return { id: input.id, deleted: input.deleted };
  },
  'keyMessages:duplicates': (ctx, input) => duplicates(ctx.db, input.forumId),
};
