import { isDocumentKind } from '../../../shared/documentKinds';
import { invoke } from '../commands/invoke';
import type { CliCommand } from './cliCommands';
import { dbOption, forumOption, jsonOption } from './cliOptions';
import { checkForumOption, resolveForum } from './resolveForum';

export const documentCommands: CliCommand[] = [
  {
    name: 'documents list',
    summary: "list the forum's documents: id, kind and title in each language",
    options: [dbOption, forumOption, jsonOption],
    readOnly: true,
    validate: checkForumOption,
    async run(ctx, values, out) {
      const forum = await resolveForum(ctx, values.forum);
      const documents = await invoke(ctx, 'outcome:list', { forumId: forum.id });
      if (values.json) {
        // knownKind: false for a kind a newer Plenary made; the document is listed all the same.
        out(JSON.stringify(documents.map((d) => ({ ...d, knownKind: isDocumentKind(d.kind) })), null, 2));
        return 0;
      }
      if (documents.length === 0) out('This forum has no document yet. Create one on the drafting screen.');
      for (const d of documents) {
        out(`${d.id}  ${d.kind}${isDocumentKind(d.kind) ? '' : ' (made by a newer Plenary)'}  ${d.paragraphs} paragraphs`);
        for (const lang of forum.languages) if (d.title[lang]) out(`  ${lang}: ${d.title[lang]}`);
      }
      return 0;
    },
  },
];
