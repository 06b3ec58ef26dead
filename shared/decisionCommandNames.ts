// The decisions' commands, for the preload's channel list (kept apart from the zod contract).
export const decisionCommandNames = [
  'decisions:get',
  'decisions:consensus',
  'decisions:votes',
  'decisions:checkVoteFile',
  'decisions:voteFile',
  'decisions:clear',
  'decisions:addStatement',
  'decisions:removeStatement',
  'silence:start',
  'silence:deadline',
  'silence:object',
] as const;
