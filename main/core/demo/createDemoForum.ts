import { generateNKeysBetween } from 'fractional-indexing';
import { newRowId } from '../../../shared/rowIds';
import { z } from 'zod';
import demoForum from '../../../resources/demo/forum.json';
import demoParticipants from '../../../resources/demo/participants.json';
import { forumInput, outcomeKinds, paragraphStatuses, sessionKinds, type Forum } from '../../../shared/forum';
import { numberingStyles, paragraphKinds } from '../../../shared/outcome';
import { writeRow, type Writer } from '../store/changeLog';
import { createForum, currentDemoId, getForum } from '../store/forums';
import { sourceLinkId } from '../store/paragraphSources';
import { writeRows } from '../store/writeRows';
import { demoValidatedSessions, writeDemoDocuments } from './demoDocuments';

const text = z.record(z.string(), z.string());
const demoSchema = z.object({
  forum: z.object({
    title: text,
    theme: text,
    venue: text,
    startDate: z.string(),
    endDate: z.string(),
    timeZone: z.string(),
    coOrganisers: z.array(z.string()),
    languages: z.array(z.string()),
    sourceLanguage: z.string(),
    outcomeKind: z.enum(outcomeKinds),
    preamble: text,
    leadIn: text,
    closing: text,
  }),
  outcome: z.object({ kind: z.enum(outcomeKinds), numbering: z.enum(numberingStyles), title: text }),
  sessions: z.array(
    z.object({
      key: z.string(),
      day: z.string(),
      startTime: z.string(),
      endTime: z.string(),
      kind: z.enum(sessionKinds),
      title: text,
      room: text,
      description: text.optional(),
      themes: z.array(z.string()).optional(),
      chair: z.string().optional(),
      moderator: z.string().optional(),
      speakers: z.array(z.string()).optional(),
      rapporteurs: z.array(z.string()).optional(),
    }),
  ),
  notes: z.array(
    z.object({
      key: z.string(),
      session: z.string(),
      speaker: z.string().nullable(),
      lang: z.string(),
      minute: z.number(),
      text: z.string(),
    }),
  ),
  keyMessages: z.array(
    z.object({ key: z.string(), session: z.string(), text, sources: z.array(z.string()), theme: z.string().optional() }),
  ),
  paragraphs: z.array(
    z.object({ key: z.string(), kind: z.enum(paragraphKinds).optional(), text, status: z.enum(paragraphStatuses), sources: z.array(z.string()) }),
  ),
});
const participantsSchema = z.array(
  z.object({
    key: z.string(),
    name: z.string(),
    organisation: z.string(),
    position: z.string().optional(),
    orgType: z.string(),
    country: z.string(),
    gender: z.string(),
    roles: z.array(z.string()),
    email: z.string().optional(),
  }),
);

function addMinutes(day: string, time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = h * 60 + m + minutes;
  const hh = String(Math.floor(total / 60) % 24).padStart(2, '0');
  const mm = String(total % 60).padStart(2, '0');
  return `${day}T${hh}:${mm}`;
}

/**
 * Writes the embedded demo forum (agenda, ~200 participants, notes, key messages, and its outcome
 * document with a draft consensus) through the change log in one transaction, with fresh ids so it
 * can be created more than once.
 */
export function createDemoForum(writer: Writer): Forum {
  // One demo at a time: asked again, the one this laptop has is opened instead of a copy.
  const existing = currentDemoId(writer.db);
  if (existing) return getForum(writer.db, existing);
  const demo = demoSchema.parse(demoForum);
  const people = participantsSchema.parse(demoParticipants);
  const { preamble, leadIn, closing, ...details } = demo.forum;
  const ids = new Map<string, string>();
  const idOf = (key: string): string => {
    let id = ids.get(key);
    if (!id) {
      id = newRowId();
      ids.set(key, id);
    }
    return id;
  };

  return writer.db.transaction(() => {
    const forum = createForum(writer, forumInput.parse(details), { isDemo: true });
    writeRow(writer, 'forums', forum.id, { preamble, lead_in: leadIn, closing });
    const base = { forum_id: forum.id, deleted: 0 };
    writeRows(
      writer,
      'participants',
      people.map((p) => ({
        rowId: idOf(p.key),
        values: {
          ...base,
          name: p.name,
          organisation: p.organisation,
          position: p.position ?? null,
          org_type: p.orgType,
          country: p.country,
          gender: p.gender,
          roles: p.roles,
          email: p.email ?? null,
        },
      })),
    );
    const sessionStart = new Map<string, { day: string; startTime: string }>();
    for (const s of demo.sessions) {
      sessionStart.set(s.key, s);
      writeRow(writer, 'sessions', idOf(s.key), {
        ...base,
        day: s.day,
        start_time: s.startTime,
        end_time: s.endTime,
        kind: s.kind,
        title: s.title,
        room: s.room,
        description: s.description ?? {},
        themes: s.themes ?? [],
      });
      const roles: Array<[string, string | undefined]> = [
        ['chair', s.chair],
        ['moderator', s.moderator],
        ...(s.speakers ?? []).map((k): [string, string] => ['speaker', k]),
        ...(s.rapporteurs ?? []).map((k): [string, string] => ['rapporteur', k]),
      ];
      for (const [role, key] of roles) {
        if (!key) continue;
        writeRow(writer, 'session_roles', newRowId(), { ...base, session_id: idOf(s.key), participant_id: idOf(key), role });
      }
    }
    writeRows(
      writer,
      'notes',
      demo.notes.map((n) => {
        const start = sessionStart.get(n.session);
        return {
          rowId: idOf(n.key),
          values: {
            ...base,
            session_id: idOf(n.session),
            speaker_id: n.speaker ? idOf(n.speaker) : null,
            lang: n.lang,
            text: n.text,
            created_at: start ? addMinutes(start.day, start.startTime, n.minute) : null,
            // The laptop that creates the demo is its rapporteurs' laptop: its notes are editable there.
            author: writer.deviceId,
          },
        };
      }),
    );
    const validated = demoValidatedSessions();
    demo.keyMessages.forEach((k, index) => {
      writeRow(writer, 'key_messages', idOf(k.key), {
        ...base,
        session_id: idOf(k.session),
        text: k.text,
        theme: k.theme ?? null,
        position: `a${String(index).padStart(4, '0')}`,
        // Validated by the chairs of some sessions: the Key messages document is built from these.
        status: validated.has(k.session) ? 'validated' : undefined,
      });
      for (const source of k.sources) {
        writeRow(writer, 'key_message_sources', newRowId(), { ...base, key_message_id: idOf(k.key), note_id: idOf(source) });
      }
    });
    // The forum's first outcome document takes the forum's id (see outcomeDocuments): its title
    // is its own, the rest of its frame is the forum's.
    writeRow(writer, 'outcome_documents', forum.id, {
      forum_id: forum.id,
      kind: demo.outcome.kind,
      title: demo.outcome.title,
      subtitle: details.theme,
      place: details.venue,
      start_date: details.startDate,
      end_date: details.endDate,
      co_organisers: details.coOrganisers,
      preamble,
      lead_in: leadIn,
      closing,
      numbering: demo.outcome.numbering,
      deleted: 0,
    });
    const positions = generateNKeysBetween(null, null, demo.paragraphs.length);
    demo.paragraphs.forEach((p, index) => {
      writeRow(writer, 'outcome_paragraphs', idOf(p.key), {
        ...base,
        document_id: forum.id,
        kind: p.kind ?? 'numbered',
        text: p.text,
        status: p.status,
        position: positions[index],
      });
      for (const source of p.sources) {
        // The id a link made in the app would get, so re-linking on another laptop merges with it.
        writeRow(writer, 'paragraph_sources', sourceLinkId(idOf(p.key), idOf(source)), { ...base, paragraph_id: idOf(p.key), key_message_id: idOf(source) });
      }
    });
    writeDemoDocuments(writer, forum, {
      idOf,
      keyMessagesOf: (session) => demo.keyMessages.filter((k) => k.session === session).map((k) => ({ key: k.key, text: k.text })),
    });
    return getForum(writer.db, forum.id);
  })();
}
