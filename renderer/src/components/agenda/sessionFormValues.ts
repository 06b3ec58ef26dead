import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { AgendaSession, SessionInput, sessionInput } from '../../../../shared/agenda';

export type SessionFormValues = z.input<typeof sessionInput>;
export type SessionFormApi = UseFormReturn<SessionFormValues, unknown, SessionInput>;
export const textFields = ['title', 'room', 'description'] as const;
export type TextField = (typeof textFields)[number];

export function newSessionValues(day: string): SessionFormValues {
  return { day, startTime: '09:00', endTime: '10:00', kind: 'plenary', title: {}, room: {}, description: {}, roles: [] };
}

export function sessionValues(session: AgendaSession): SessionFormValues {
  return {
    day: session.day,
    startTime: session.startTime,
    endTime: session.endTime,
    kind: session.kind,
    title: { ...session.title },
    room: { ...session.room },
    description: { ...session.description },
    roles: session.roles.map((r) => ({ participantId: r.participantId, role: r.role })),
  };
}

/**
 * Blank translations, and texts in languages the forum no longer works in, are dropped before
 * validation: the store reads a language left out as one to clear, as the forum form does.
 */
export function pruneSessionValues(values: SessionFormValues, languages: readonly string[]): SessionFormValues {
  const keep = (text: Record<string, string>) =>
    Object.fromEntries(Object.entries(text).filter(([lang, value]) => languages.includes(lang) && value.trim() !== ''));
  return { ...values, title: keep(values.title), room: keep(values.room), description: keep(values.description) };
}
