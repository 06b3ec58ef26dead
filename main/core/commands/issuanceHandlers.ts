import { chooseIssuance, issueDocument, listIssuances } from '../issuances/issuances';
import { runExport } from './exportHandlers';
import type { Handlers } from './handlers';

export const issuanceHandlers = {
  'outcome:issuances': (ctx, input) => listIssuances(ctx.db, input.documentId),
  'outcome:issue': (ctx, input) => issueDocument(ctx, input),
  'outcome:chooseIssuance': (ctx, input) => chooseIssuance(ctx, input.issuanceId),
  'export:issuance': (ctx, { exportId, ...input }) => runExport(ctx, { kind: 'issuance', input }, exportId),
} satisfies Partial<Handlers>;
