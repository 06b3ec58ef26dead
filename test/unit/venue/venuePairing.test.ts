import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { venueController } from '../../../main/core/venue/venueController';
import { validForum } from '../helpers/tempCore';
import { createSession, sessionInput } from '../agenda/agendaFixture';
import { eventually, forumState, laptop, listen, pair } from './venueHelpers';

describe('pairing two laptops at a venue', () => {
  it('pairs by URL and code, then each pulls what the other wrote', async () => {
    const a = await laptop('Secretariat');
    const b = await laptop('Rapporteur B');
    await listen(a, '127.0.0.2');
    await listen(b, '127.0.0.3');
    const forum = await invoke(a, 'forums:create', validForum);
    const peer = await pair(b, a);
    expect(peer).toMatchObject({ deviceId: a.deviceId, name: 'Secretariat' });
    expect(venueController(a).peers().map((p) => p.deviceId)).toEqual([b.deviceId]);
    await eventually('b has the forum', () => b.db.prepare('SELECT 1 FROM forums WHERE id = ?').get(forum.id) !== undefined);
    await createSession(b, forum.id, sessionInput());
    await eventually('both alike', () => forumState(a) === forumState(b));
  });
});
