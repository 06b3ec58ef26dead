import type { CompanionLink } from '../../../shared/companion';
import type { CoreContext } from '../coreContext';
import { listAnnouncements, postAnnouncement, withdrawAnnouncement } from '../companion/announcements';
import { companionLink, revokeCompanionLink } from '../companion/companionLinks';
import { currentProjection, showOnProjector } from '../companion/projections';
import { getForum } from '../store/forums';
import type { Handlers } from './handlers';

type CompanionCommands =
  | 'announcements:list'
  | 'announcements:post'
  | 'announcements:withdraw'
  | 'projector:show'
  | 'projector:current'
  | 'companion:link'
  | 'companion:revoke';

/** The link with the address venue mode serves it at, if it is on. */
const withUrl = (ctx: CoreContext, link: CompanionLink): CompanionLink => ({ ...link, url: ctx.venue?.companionUrl(link.forumId) ?? null });

export const companionHandlers: Pick<Handlers, CompanionCommands> = {
  'announcements:list': (ctx, input) => listAnnouncements(ctx.db, input.forumId),
  'announcements:post': (ctx, input) => postAnnouncement(ctx, input),
  'announcements:withdraw': (ctx, input) => withdrawAnnouncement(ctx, input.id, input.withdrawn ?? true),
  'projector:show': (ctx, input) => showOnProjector(ctx, input.forumId, input.documentId, input.paragraphId),
  'projector:current': (ctx, input) => {
    getForum(ctx.db, input.forumId);
    return currentProjection(ctx.db, input.forumId);
  },
  'companion:link': (ctx, input) => withUrl(ctx, companionLink(ctx.db, input.forumId)),
  'companion:revoke': (ctx, input) => withUrl(ctx, revokeCompanionLink(ctx.db, input.forumId)),
};
