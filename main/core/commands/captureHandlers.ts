import { getCatalogues } from '../capture/catalogues';
import { captureProgress } from '../store/captureProgress';
import { createNote, listNotes, setNoteDeleted, updateNote } from '../store/notes';
import type { Handlers } from './handlers';

export const captureHandlers: Pick<Handlers, 'notes:list' | 'notes:create' | 'notes:update' | 'notes:setDeleted' | 'catalogues:get' | 'capture:progress'> = {
  'notes:list': (ctx, input) => listNotes(ctx.db, ctx.deviceId, input.sessionId, { before: input.before, limit: input.limit }),
  'notes:create': (ctx, input) => createNote(ctx, input),
  'notes:update': (ctx, input) => updateNote(ctx, input),
  'notes:setDeleted': (ctx, input) => setNoteDeleted(ctx, input.id, input.deleted),
  'catalogues:get': () => getCatalogues(),
  'capture:progress': (ctx, input) => captureProgress(ctx.db, input.forumId),
};
