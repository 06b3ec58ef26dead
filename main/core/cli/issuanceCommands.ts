import { issuanceKinds, issuanceSymbol, type Issuance, type IssuanceKind } from '../../../shared/issuances';
import { documentId as documentIdSchema } from '../../../shared/outcome';
import { invoke } from '../commands/invoke';
import { CoreError } from '../errors';
import type { CliCommand } from './cliCommands';
import { dbOption, forumOption, jsonOption } from './cliOptions';
import { chooseDocument } from './outcomeCommands';
import { checkForumOption } from './resolveForum';
import { UsageError } from './usageError';

const documentOption = { name: 'document', type: 'string' as const, description: "the document id (default: the forum's first outcome document)" };

function checkDocument(values: Record<string, string | boolean | undefined>): void {
  checkForumOption(values);
  if (values.document !== undefined && !documentIdSchema.safeParse(values.document).success) {
    throw new UsageError(`--document must be an id (see \`plenary documents list\`), not "${String(values.document)}".`);
  }
}

/** One issuance a line: symbol, kind, when, which laptop, and what is wrong with it. */
function describe(i: Issuance): string {
  const marks = [i.conflict ? 'CONFLICT: another issuance has this symbol' : '', i.withdrawn ? 'withdrawn' : '', i.damaged ? 'DAMAGED: its signature does not verify' : ''].filter(Boolean);
  const revises = i.revisesSymbol ? ` of ${i.revisesSymbol}` : '';
  return `${i.symbol}  ${i.kind}${revises}  ${i.issuedAt}  ${i.laptop.name || i.laptop.deviceId} (${i.laptop.fingerprint})  ${i.id}${marks.length ? `  [${marks.join('; ')}]` : ''}`;
}

export const issuanceCommands: CliCommand[] = [
  {
    name: 'outcome issue',
    summary: 'issue the outcome document as it stands under a symbol: a frozen snapshot in every language, signed by this laptop',
    options: [
      dbOption,
      forumOption,
      documentOption,
      { name: 'symbol', type: 'string', description: 'the document symbol, such as UN-Habitat/EGM/2026/L.1 or …/L.1/Rev.1' },
      { name: 'kind', type: 'string', description: `${issuanceKinds.join(', ')} (default: original the first time, then revision)` },
    ],
    mustExist: true,
    validate(values) {
      if (values.symbol === undefined) throw new UsageError('Say under which symbol with --symbol SYMBOL (see `plenary outcome issuances` for the next one).');
      if (typeof values.symbol !== 'string' || !issuanceSymbol.safeParse(values.symbol).success) {
        throw new UsageError(`--symbol must be one printable line of 1 to 120 characters, such as UN-Habitat/EGM/2026/L.1.`);
      }
      if (values.kind !== undefined && !(issuanceKinds as readonly string[]).includes(String(values.kind))) {
        throw new UsageError(`--kind must be ${issuanceKinds.join(', ')}, not "${String(values.kind)}".`);
      }
      checkDocument(values);
    },
    async run(ctx, values, out) {
      const document = await chooseDocument(ctx, values);
      const kind = values.kind === undefined ? undefined : (String(values.kind) as IssuanceKind);
      try {
        const issued = await invoke(ctx, 'outcome:issue', { documentId: document.id, symbol: String(values.symbol), ...(kind ? { kind } : {}) });
        out(issued.id);
      } catch (error) {
        // A symbol already used, or a revision of nothing, is how the command was called.
        if (error instanceof CoreError && (error.code === 'symbol_taken' || error.code === 'invalid_input')) throw new UsageError(`${error.message}`);
        throw error;
      }
      return 0;
    },
  },
  {
    name: 'outcome issuances',
    summary: "list a document's issuances: symbol, kind, date, laptop, conflicts and damaged ones",
    options: [dbOption, forumOption, documentOption, jsonOption],
    readOnly: true,
    validate: checkDocument,
    async run(ctx, values, out) {
      const document = await chooseDocument(ctx, values);
      const list = await invoke(ctx, 'outcome:issuances', { documentId: document.id });
      if (values.json) {
        out(JSON.stringify(list, null, 2));
        return 0;
      }
      if (list.issuances.length === 0) out('Not issued yet.');
      for (const issuance of list.issuances) out(describe(issuance));
      for (const conflict of list.conflicts) out(`Two issuances named ${conflict.symbol}: choose the one that stands in the drafting view's History.`);
      if (list.nextRevision) out(`Next revision: ${list.nextRevision}; next corrigendum: ${list.nextCorrigendum ?? '-'}`);
      return 0;
    },
  },
];
