import type { Amendment, Stance } from '../../../shared/amendments';
import type { Forum } from '../../../shared/forum';
import type { CommandName } from '../../../shared/ipc';
import type { DraftParagraph, OutcomeDocument } from '../../../shared/outcome';
import type { Participant } from '../../../shared/participants';
import type { AppError } from '../../../shared/result';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { tempCore, validForum } from '../helpers/tempCore';
import { importBytes } from '../helpers/exchange';

/** Runs a command through dispatch (validation included) and returns its value, or throws its message. */
export async function call<T>(ctx: CoreContext, name: CommandName, input: unknown): Promise<T> {
  const result = await dispatch(ctx, 'cli', name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The error of a command that must fail. */
export async function refusal(ctx: CoreContext, name: CommandName, input: unknown): Promise<AppError> {
  const result = await dispatch(ctx, 'cli', name, input);
  if (result.ok) throw new Error(`${name} was expected to fail`);
  return result.error;
}

export const point1 = 'We recognise that urban and rural areas depend on each other.';
export const point2 = 'We call for integrated territorial planning.';

export interface Drafting {
  ctx: CoreContext;
  forum: Forum;
  documentId: string;
  paragraphs: [string, string];
  delegate: Participant;
}

/** A forum in English (source), French and Chinese with a two-point document and one delegate. */
export async function drafting(ctx?: CoreContext): Promise<Drafting> {
  const core = ctx ?? (await tempCore());
  const forum = await call<Forum>(core, 'forums:create', { ...validForum, title: { en: 'Forum on Urban-Rural Linkages' }, languages: ['en', 'fr', 'zh'], sourceLanguage: 'en' });
  const document = await call<OutcomeDocument>(core, 'outcome:create', {
    forumId: forum.id,
    document: {
      kind: 'consensus',
      title: { en: 'Songyang Consensus' },
      subtitle: {},
      place: { en: 'Songyang' },
      startDate: '2026-03-02',
      endDate: '2026-03-04',
      coOrganisers: [],
      preamble: {},
      leadIn: {},
      closing: {},
      numbering: 'ordinal',
    },
  });
  const first = await call<DraftParagraph>(core, 'paragraphs:create', { documentId: document.id, after: null, kind: 'numbered', text: { en: point1 } });
  const second = await call<DraftParagraph>(core, 'paragraphs:create', { documentId: document.id, after: first.id, kind: 'numbered', text: { en: point2 } });
  const delegate = await call<Participant>(core, 'participants:create', {
    forumId: forum.id,
    participant: { name: 'Amina Diallo', organisation: 'Republic of Senegal', orgType: null, country: 'SN', gender: null, roles: [], email: '', languages: [] },
  });
  return { ctx: core, forum, documentId: document.id, paragraphs: [first.id, second.id], delegate };
}

export const propose = (ctx: CoreContext, input: Record<string, unknown>) =>
  call<Amendment>(ctx, 'amendments:propose', {
    kind: 'replace',
    lang: 'en',
    text: '',
    proposer: { participantId: null, name: 'Kenya' },
    rationale: '',
    ...input,
  });

export const decide = (ctx: CoreContext, id: string, decision: string, reviewedText?: string) =>
  call<{ amendment: Amendment; paragraph: DraftParagraph | null }>(ctx, 'amendments:decide', reviewedText === undefined ? { id, decision } : { id, decision, reviewedText });

export const listAmendments = (ctx: CoreContext, paragraphId: string) => call<Amendment[]>(ctx, 'amendments:list', { paragraphId });
export const listStances = (ctx: CoreContext, paragraphId: string) => call<Stance[]>(ctx, 'stances:list', { paragraphId });

export const documentOf = (ctx: CoreContext, documentId: string) => call<OutcomeDocument>(ctx, 'outcome:get', { documentId });

/** Carries everything `from` knows of the forum to `to`, as a bundle on a USB stick would. */
export async function send(from: CoreContext, to: CoreContext, forumId: string): Promise<void> {
  await importBytes(to, exportBundle(from, { forumId }).bytes);
}
