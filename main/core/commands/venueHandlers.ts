import type { VenueContract } from '../../../shared/venue';
import { venueController } from '../venue/venueController';
import type { Handlers } from './handlers';

/** The venue network over the contract: each command asks the open database's venue controller. */
export const venueHandlers: Pick<Handlers, keyof VenueContract> = {
  'venue:status': (ctx) => venueController(ctx).status(),
  'venue:start': (ctx, input) => venueController(ctx).start({ host: input.host, ...(input.port === undefined ? {} : { port: input.port }) }),
  'venue:stop': (ctx) => venueController(ctx).stop(),
  'venue:pairingCode': (ctx) => venueController(ctx).newPairingCode(),
  'peers:list': (ctx) => venueController(ctx).peers(),
  'peers:add': (ctx, input) => venueController(ctx).addPeer(input.url, input.code),
  'peers:remove': (ctx, input) => venueController(ctx).removePeer(input.deviceId),
  'peers:sync': async (ctx) => ({ peers: await venueController(ctx).syncNow() }),
  'peers:nearby': (ctx) => venueController(ctx).nearby(),
};
