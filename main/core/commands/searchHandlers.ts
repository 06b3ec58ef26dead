import { searchForum } from '../search/searchForum';
import type { Handlers } from './handlers';

export const searchHandlers: Pick<Handlers, 'search:query'> = {
  'search:query': (ctx, input) => searchForum(ctx.db, input),
};
