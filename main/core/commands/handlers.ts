import type { z } from 'zod';
import type { CommandName, CommandOutput, Contract } from '../../../shared/ipc';
import { isUiLanguage } from '../../../shared/languages';
import type { CoreContext, Transport } from '../coreContext';
import { createDemoForum } from '../demo/createDemoForum';
import { forumOverview } from '../store/forumOverview';
import { createForum, getForum, listForums, setForumDeleted, updateForum } from '../store/forums';
import { proseVersions, chooseProse } from '../store/proseVersions';
import { getSetting, setSetting } from '../store/settings';
import { CoreError } from '../errors';
import { agendaHandlers } from './agendaHandlers';
import { captureHandlers } from './captureHandlers';
import { companionHandlers } from './companionHandlers';
import { keyMessageHandlers } from './keyMessageHandlers';
import { searchHandlers } from './searchHandlers';
import { speakerHandlers } from './speakerHandlers';
import { outcomeHandlers } from './outcomeHandlers';
import { amendmentHandlers } from './amendmentHandlers';
import { exportHandlers } from './exportHandlers';
import { keyMessagesDocumentHandlers } from './keyMessagesDocumentHandlers';
import { participantHandlers } from './participantHandlers';
import { participantImportHandlers } from './participantImportHandlers';
import { roleHandlers } from './roleHandlers';
import { statsHandlers } from './statsHandlers';
import { syncHandlers } from './syncHandlers';
import { venueHandlers } from './venueHandlers';
import { xliffHandlers } from './xliffHandlers';
import { decisionHandlers } from './decisionHandlers';
import { issuanceHandlers } from './issuanceHandlers';

// Handlers receive the parsed input (defaults applied), which zod types as the schema's output.
type ParsedInput<K extends CommandName> = z.output<Contract[K]['input']>;

export type Handlers = {
  [K in CommandName]: (ctx: CoreContext, input: ParsedInput<K>, transport: Transport) => CommandOutput<K> | Promise<CommandOutput<K>>;
};

/** One handler per contract command; each is synchronous, as the SQLite driver is. */
export const handlers: Handlers = {
  'app:info': (ctx, _input, transport) => ({
    version: ctx.version,
    transport,
    deviceId: ctx.deviceId,
    databasePath: ctx.databasePath,
  }),
  'settings:get': (ctx) => {
    const language = getSetting(ctx.db, ctx.deviceId, 'language');
    return { language: language && isUiLanguage(language) ? language : null };
  },
  'settings:set': (ctx, input) => {
    setSetting(ctx, 'language', input.language);
    return { language: input.language };
  },
  'forums:list': (ctx, input) => listForums(ctx.db, input.deleted === true),
  'forums:get': (ctx, input) => getForum(ctx.db, input.id),
  'forums:overview': (ctx, input) => forumOverview(ctx.db, input.id),
  'forums:create': (ctx, input) => createForum(ctx, input),
  'forums:update': (ctx, input) => updateForum(ctx, input.id, input.forum),
  'forums:setDeleted': (ctx, input) => setForumDeleted(ctx, input.id, input.deleted),
  'demo:create': (ctx) => createDemoForum(ctx),
  'prose:choose': (ctx, input) => {
    const exists = ctx.db.prepare(`SELECT 1 FROM ${input.table} WHERE id = ?`).pluck().get(input.rowId);
    if (!exists) throw new CoreError('not_found', `No ${input.table} row ${input.rowId}.`);
    if (input.table === 'notes' || input.table === 'amendments' ? input.cell !== 'text' : !input.cell.startsWith('text@')) {
      throw new CoreError('invalid_input', `${input.table} has no prose cell ${input.cell}.`, [{ path: 'cell', message: 'validation.invalid' }]);
    }
    chooseProse(ctx, input.table, input.rowId, input.cell, input.text);
    return { versions: proseVersions(ctx, input.table, input.rowId, input.cell).length };
  },
  ...syncHandlers,
  ...agendaHandlers,
  ...participantHandlers,
  ...participantImportHandlers,
  ...statsHandlers,
  ...captureHandlers,
  ...keyMessageHandlers,
  ...searchHandlers,
  ...outcomeHandlers,
  ...amendmentHandlers,
  ...exportHandlers,
  ...xliffHandlers,
  ...keyMessagesDocumentHandlers,
  ...roleHandlers,
  ...venueHandlers,
  ...companionHandlers,
  ...decisionHandlers,
  ...issuanceHandlers,
  ...speakerHandlers,
};
