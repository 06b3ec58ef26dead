import { importParticipants, previewImport } from '../participants/importParticipants';
import { participantImportInWorker } from '../sync/importInWorker';
import type { Handlers } from './handlers';

/** The file arrives base64 in `input.file.data`; its size is checked before it is decoded. */
export const participantImportHandlers: Pick<Handlers, 'participants:importPreview' | 'participants:import'> = {
  'participants:importPreview': (ctx, input) => previewImport(ctx, input),
  // Hosts with a window to keep responsive write in a worker; the CLI has none and waits.
  'participants:import': (ctx, input) =>
    ctx.importWorker ? participantImportInWorker(ctx, ctx.importWorker, input) : importParticipants(ctx, input),
};
