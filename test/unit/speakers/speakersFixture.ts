import type { Forum } from '../../../shared/forum';
import type { Participant } from '../../../shared/participants';
import type { SpeakerList, SpeakerListSubject } from '../../../shared/speakers';
import type { CoreContext } from '../../../main/core/coreContext';
import { tempCore, validForum } from '../helpers/tempCore';
import { addSession, call } from '../drafting/draftingFixture';

export { call, refusal, send } from '../drafting/draftingFixture';

export interface Room {
  ctx: CoreContext;
  forum: Forum;
  sessionId: string;
  subject: SpeakerListSubject;
  people: Participant[];
}

const delegates = [
  { name: 'Amina Diallo', organisation: 'Republic of Senegal', country: 'SN', gender: 'female' },
  { name: 'Tomás Ruiz', organisation: 'Chile', country: 'CL', gender: 'male' },
  { name: 'Li Wei', organisation: 'China', country: 'CN', gender: 'female' },
  { name: 'Jonas Berg', organisation: 'Norway', country: 'NO', gender: 'male' },
  { name: 'Kavya Rao', organisation: 'India', country: 'IN', gender: 'female' },
] as const;

/** A forum with a plenary session and five delegates from four continents. */
export async function room(ctx?: CoreContext): Promise<Room> {
  const core = ctx ?? (await tempCore());
  const forum = await call<Forum>(core, 'forums:create', validForum);
  const sessionId = addSession(core, forum.id, 'Opening plenary', '2026-03-02', '09:00');
  const people: Participant[] = [];
  for (const d of delegates) {
    people.push(
      await call<Participant>(core, 'participants:create', {
        forumId: forum.id,
        participant: { ...d, orgType: null, roles: [], email: '', languages: [] },
      }),
    );
  }
  return { ctx: core, forum, sessionId, subject: { kind: 'session', id: sessionId }, people };
}

export const list = (r: Pick<Room, 'ctx' | 'forum' | 'subject'>, ctx = r.ctx) => call<SpeakerList>(ctx, 'speakers:list', { forumId: r.forum.id, subject: r.subject });

export const add = (r: Pick<Room, 'ctx' | 'forum' | 'subject'>, who: { participantId?: string; delegation?: string }, kind = 'statement', ctx = r.ctx) =>
  call<SpeakerList>(ctx, 'speakers:add', { forumId: r.forum.id, subject: r.subject, participantId: who.participantId ?? null, delegation: who.delegation ?? '', kind });

/** The queue as names, `*` marking the one speaking now. */
export const names = (l: SpeakerList) => [...(l.current ? [`*${l.current.name}`] : []), ...l.waiting.map((e) => e.name)];
