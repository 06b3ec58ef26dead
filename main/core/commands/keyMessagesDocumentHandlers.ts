import { generatedFlags, keepEdited, takeBackGenerated } from '../documents/generatedFlags';
import { generateKeyMessagesDocument } from '../documents/keyMessagesDocument';
import type { Handlers } from './handlers';

type KeyMessagesDocumentCommands = 'documents:generateKeyMessages' | 'documents:generatedFlags' | 'documents:keepEdited' | 'documents:takeBackGenerated';

export const keyMessagesDocumentHandlers: Pick<Handlers, KeyMessagesDocumentCommands> = {
  'documents:generateKeyMessages': (ctx, input) => generateKeyMessagesDocument(ctx, input.forumId, input.documentId),
  'documents:generatedFlags': (ctx, input) => generatedFlags(ctx.db, input.documentId),
  'documents:keepEdited': (ctx, input) => {
    keepEdited(ctx, input.paragraphId);
    return { paragraphId: input.paragraphId };
  },
  'documents:takeBackGenerated': (ctx, input) => ({ removed: takeBackGenerated(ctx, input.documentId, input.paragraphIds) }),
};
