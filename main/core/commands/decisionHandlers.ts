import type { CoreContext } from '../coreContext';
import { checkVoteFile, describeVoteFileProblems } from '../decisions/voteFile';
import { addStatement, clearDecision, documentDecisions, recordConsensus, recordVotes, removeStatement } from '../decisions/decisions';
import { forumDelegations } from '../decisions/delegations';
import { recordObjection, setSilenceDeadline, startSilence } from '../decisions/silence';
import { CoreError } from '../errors';
import { liveDocument } from '../store/outcomeDocuments';
import type { Handlers } from './handlers';

type DecisionCommands =
  | 'decisions:get'
  | 'decisions:consensus'
  | 'decisions:votes'
  | 'decisions:checkVoteFile'
  | 'decisions:voteFile'
  | 'decisions:clear'
  | 'decisions:addStatement'
  | 'decisions:removeStatement'
  | 'silence:start'
  | 'silence:deadline'
  | 'silence:object';

const read = (ctx: CoreContext, documentId: string, lang: string | undefined) => documentDecisions(ctx.db, documentId, lang ?? 'en', ctx.clock.wallNow());

/** A vote file's votes, or `vote_file_rejected` naming every problem by line (nothing recorded). */
export function voteFileVotes(ctx: CoreContext, documentId: string, csv: string, lang = 'en') {
  const { row } = liveDocument(ctx.db, documentId);
  const check = checkVoteFile(csv, forumDelegations(ctx.db, row.forum_id, lang), lang);
  if (check.problems.length > 0) {
    throw new CoreError(
      'vote_file_rejected',
      describeVoteFileProblems(check.problems),
      check.problems.map((p) => ({ path: `line.${p.line}`, message: `decisions.file.problem.${p.code}` })),
    );
  }
  return check.votes;
}

export const decisionHandlers: Pick<Handlers, DecisionCommands> = {
  'decisions:get': (ctx, input) => read(ctx, input.documentId, input.lang),
  'decisions:consensus': (ctx, input) => {
    recordConsensus(ctx, input.documentId, input.paragraphId, input.note);
    return read(ctx, input.documentId, input.lang);
  },
  'decisions:votes': (ctx, input) => {
    recordVotes(ctx, input.documentId, input.paragraphId, input.votes);
    return read(ctx, input.documentId, input.lang);
  },
  'decisions:checkVoteFile': (ctx, input) => {
    const { row } = liveDocument(ctx.db, input.documentId);
    return checkVoteFile(input.csv, forumDelegations(ctx.db, row.forum_id, input.lang ?? 'en'), input.lang ?? 'en');
  },
  'decisions:voteFile': (ctx, input) => {
    const votes = voteFileVotes(ctx, input.documentId, input.csv, input.lang);
    recordVotes(ctx, input.documentId, input.paragraphId, votes);
    return read(ctx, input.documentId, input.lang);
  },
  'decisions:clear': (ctx, input) => {
    clearDecision(ctx, input.documentId, input.paragraphId);
    return read(ctx, input.documentId, input.lang);
  },
  'decisions:addStatement': (ctx, input) => {
    addStatement(ctx, input);
    return read(ctx, input.documentId, input.lang);
  },
  'decisions:removeStatement': (ctx, input) => read(ctx, removeStatement(ctx, input.id), input.lang),
  'silence:start': (ctx, input) => {
    startSilence(ctx, input);
    return read(ctx, input.documentId, input.lang);
  },
  'silence:deadline': (ctx, input) => read(ctx, setSilenceDeadline(ctx, input.procedureId, input.deadline), input.lang),
  'silence:object': (ctx, input) => read(ctx, recordObjection(ctx, input), input.lang),
};
