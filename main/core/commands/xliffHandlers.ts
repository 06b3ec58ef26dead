import { exportXliff, importXliff, previewXliff } from '../xliff/xliffFiles';
import type { Handlers } from './handlers';

/** Translators' files: composed and read in the worker; only the import's writes run here. */
export const xliffHandlers: Pick<Handlers, 'xliff:export' | 'xliff:preview' | 'xliff:import'> = {
  'xliff:export': (ctx, input) => exportXliff(ctx, input),
  'xliff:preview': (ctx, input) => previewXliff(ctx, input),
  'xliff:import': (ctx, input) => importXliff(ctx, input),
};
