import { createDocument, listDocuments, updateDocument } from '../store/outcomeDocuments';
import { documentCoverage } from '../store/outcomeCoverage';
import {
  createParagraph,
  paragraphRecord,
  moveParagraph,
  setParagraphDeleted,
  setParagraphSources,
  updateParagraph,
} from '../store/outcomeParagraphs';
import { getDraftParagraph, getOutcomeDocument } from '../store/outcomeView';
import { paragraphHistory } from '../store/paragraphHistory';
import { paragraphSourceList } from '../store/paragraphSources';
import { addAlternative } from '../store/paragraphModel';
import type { Handlers } from './handlers';

type OutcomeCommands =
  | 'outcome:list'
  | 'outcome:get'
  | 'outcome:create'
  | 'outcome:update'
  | 'outcome:coverage'
  | 'paragraphs:create'
  | 'paragraphs:update'
  | 'paragraphs:addAlternative'
  | 'paragraphs:move'
  | 'paragraphs:setDeleted'
  | 'paragraphs:setSources'
  | 'paragraphs:sources'
  | 'paragraphs:history';

export const outcomeHandlers: Pick<Handlers, OutcomeCommands> = {
  'outcome:list': (ctx, input) => listDocuments(ctx.db, input.forumId),
  'outcome:get': (ctx, input) => getOutcomeDocument(ctx.db, input.documentId),
  'outcome:create': (ctx, input) => getOutcomeDocument(ctx.db, createDocument(ctx, input.forumId, input.document)),
  'outcome:update': (ctx, input) => {
    updateDocument(ctx, input.documentId, input.document);
    return getOutcomeDocument(ctx.db, input.documentId);
  },
  'outcome:coverage': (ctx, input) => documentCoverage(ctx.db, input.documentId),
  'paragraphs:create': (ctx, input) => getDraftParagraph(ctx.db, createParagraph(ctx, input)),
  'paragraphs:update': (ctx, input) => {
    updateParagraph(ctx, input.id, { text: input.text, status: input.status, kind: input.kind, role: input.role, level: input.level, proposers: input.proposers });
    return getDraftParagraph(ctx.db, input.id);
  },
  'paragraphs:addAlternative': (ctx, input) =>
    getDraftParagraph(ctx.db, addAlternative(ctx, { paragraphId: input.id, text: input.text, proposers: input.proposers, id: input.alternativeId })),
  'paragraphs:move': (ctx, input) => {
    moveParagraph(ctx, input.id, input.after, input.before);
    return getDraftParagraph(ctx.db, input.id);
  },
  'paragraphs:setDeleted': (ctx, input) => {
    setParagraphDeleted(ctx, input.id, input.deleted);
    return { id: input.id, deleted: input.deleted };
  },
  'paragraphs:setSources': (ctx, input) => {
    setParagraphSources(ctx, input.id, input.keyMessageIds);
    return getDraftParagraph(ctx.db, input.id);
  },
  'paragraphs:sources': (ctx, input) => paragraphSourceList(ctx.db, paragraphRecord(ctx.db, input.id).id),
  'paragraphs:history': (ctx, input) => paragraphHistory(ctx.db, ctx.deviceId, paragraphRecord(ctx.db, input.id).id, input.lang),
};
