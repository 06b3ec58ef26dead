import { addSpeaker, actOnSpeaker, moveSpeaker, nextSpeaker, setSpeakerSettings } from '../store/speakerQueue';
import { currentSpeakerList, readSpeakerList } from '../store/speakerLists';
import { getForum } from '../store/forums';
import type { Handlers } from './handlers';

type SpeakerCommands = 'speakers:list' | 'speakers:current' | 'speakers:add' | 'speakers:move' | 'speakers:next' | 'speakers:act' | 'speakers:settings';

// The wall clock of this laptop, read once per command: a timer started here is stamped with it,
// and a timer started elsewhere is counted against it (never the other way round).
export const speakerHandlers: Pick<Handlers, SpeakerCommands> = {
  'speakers:list': (ctx, input) => readSpeakerList(ctx.db, input.forumId, input.subject, Date.now()),
  'speakers:current': (ctx, input) => {
    getForum(ctx.db, input.forumId);
    return currentSpeakerList(ctx.db, input.forumId, Date.now());
  },
  'speakers:add': (ctx, input) => {
    const now = Date.now();
    addSpeaker(ctx, input.forumId, input.subject, { participantId: input.participantId, delegation: input.delegation, kind: input.kind }, now);
    return readSpeakerList(ctx.db, input.forumId, input.subject, now);
  },
  'speakers:move': (ctx, input) => {
    moveSpeaker(ctx, input.forumId, input.subject, input.id, input.toIndex);
    return readSpeakerList(ctx.db, input.forumId, input.subject, Date.now());
  },
  'speakers:next': (ctx, input) => {
    const now = Date.now();
    nextSpeaker(ctx, input.forumId, input.subject, now);
    return readSpeakerList(ctx.db, input.forumId, input.subject, now);
  },
  'speakers:act': (ctx, input) => {
    const now = Date.now();
    actOnSpeaker(ctx, input.forumId, input.subject, input.id, input.action, now);
    return readSpeakerList(ctx.db, input.forumId, input.subject, now);
  },
  'speakers:settings': (ctx, input) => {
    setSpeakerSettings(ctx, input.forumId, input.subject, { times: input.times, delegationTotalMs: input.delegationTotalMs });
    return readSpeakerList(ctx.db, input.forumId, input.subject, Date.now());
  },
};
