import { CoreError } from '../errors';
import type { Handlers } from './handlers';

type OutcomeCommands =
  | 'outcome:list'
  | 'outcome:get'
  | 'outcome:create'
  | 'outcome:update'
  | 'outcome:coverage'
  | 'paragraphs:create'
  | 'paragraphs:update'
  | 'paragraphs:move'
  | 'paragraphs:setDeleted'
  | 'paragraphs:setSources'
  | 'paragraphs:sources'
  | 'paragraphs:history';

// SCAFFOLD: replaced by the drafting store (helper A).
const notYet = (): never => {
  throw new CoreError('internal', 'SCAFFOLD: drafting is being built');
};

export const outcomeHandlers: Pick<Handlers, OutcomeCommands> = {
  'outcome:list': notYet,
  'outcome:get': notYet,
  'outcome:create': notYet,
  'outcome:update': notYet,
  'outcome:coverage': notYet,
  'paragraphs:create': notYet,
  'paragraphs:update': notYet,
  'paragraphs:move': notYet,
  'paragraphs:setDeleted': notYet,
  'paragraphs:setSources': notYet,
  'paragraphs:sources': notYet,
  'paragraphs:history': notYet,
};
