import { invoke } from '../commands/invoke';
import type { CliCommand } from './cliCommands';
import { dbOption, forumOption } from './cliOptions';
import { checkForumOption, resolveForum } from './resolveForum';

/** `plenary documents generate-key-messages`: builds or refreshes the forum's Key messages document. */
export const keyMessagesDocumentCommand: CliCommand = {
  name: 'documents generate-key-messages',
  summary: "build or refresh the forum's Key messages document from its validated key messages (edits are kept)",
  options: [dbOption, forumOption],
  // It writes, but only into a forum that exists: a mistyped --db must not create an empty database.
  mustExist: true,
  validate(values) {
    checkForumOption(values);
  },
  async run(ctx, values, out) {
    const forum = await resolveForum(ctx, values.forum);
    const result = await invoke(ctx, 'documents:generateKeyMessages', { forumId: forum.id });
    out(`${result.created ? 'Created' : 'Refreshed'} the Key messages document ${result.documentId}.`);
    out(`Added ${result.added}, updated ${result.updated}, kept ${result.keptEdited} edited (flagged), ${result.withdrawn} no longer validated (flagged, kept).`);
    if (result.keptEdited + result.withdrawn > 0) out('Flagged paragraphs are shown on the drafting screen; nothing was deleted.');
    return 0;
  },
};
