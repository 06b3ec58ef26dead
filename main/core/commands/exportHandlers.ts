import { CoreError } from '../errors';
import type { Handlers } from './handlers';

type ExportCommands =
  | 'export:outcomeCheck'
  | 'export:outcome'
  | 'export:agenda'
  | 'export:participants'
  | 'export:participation'
  | 'export:progress';

// SCAFFOLD: replaced by the exports (helper H wires E, F and G's functions here).
const notYet = (): never => {
  throw new CoreError('internal', 'SCAFFOLD: exports are being built');
};

export const exportHandlers: Pick<Handlers, ExportCommands> = {
  'export:outcomeCheck': notYet,
  'export:outcome': notYet,
  'export:agenda': notYet,
  'export:participants': notYet,
  'export:participation': notYet,
  'export:progress': notYet,
};
