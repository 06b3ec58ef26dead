import { importParticipants, previewImport } from '../participants/importParticipants';
import type { Handlers } from './handlers';

/** The file arrives base64 in `input.file.data`; its size is checked before it is decoded. */
export const participantImportHandlers: Pick<Handlers, 'participants:importPreview' | 'participants:import'> = {
  // The worker reads the file and plans; the main connection writes, a slice at a time.
  'participants:importPreview': (ctx, input) => previewImport(ctx, input),
  'participants:import': (ctx, input) => importParticipants(ctx, input),
};
