import { participationStats } from '../store/participationStats';
import type { Handlers } from './handlers';

export const statsHandlers: Pick<Handlers, 'stats:get'> = {
  'stats:get': (ctx, input) => participationStats(ctx.db, input.forumId),
};
