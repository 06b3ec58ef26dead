import { z } from 'zod';
import { rowId } from './agenda';
import { languageTagPattern } from './languages';

// How a document (or one paragraph of it) was decided: adopted by consensus, or by a recorded vote
// the secretariat enters delegation by delegation; what delegations said about it (explanations of
// position or vote, reservations); and the silence procedure. Decisions are forum data, synced
// through the change log like any row; outcomes (adopted or not, silence kept or broken) are never
// stored, always computed when read, so no laptop's clock or timer decides them on its own.

export const voteValues = ['yes', 'no', 'abstain', 'absent'] as const;
export type VoteValue = (typeof voteValues)[number];
export const decisionMethods = ['consensus', 'vote'] as const;
export type DecisionMethod = (typeof decisionMethods)[number];
export const statementKinds = ['explanation_of_vote', 'explanation_of_position', 'reservation'] as const;
export type StatementKind = (typeof statementKinds)[number];
/** How explanations and reservations print with the document: as footnotes, or in the decisions annex. */
export const explanationPlacements = ['footnotes', 'annex'] as const;
export type ExplanationPlacement = (typeof explanationPlacements)[number];

/** Open until the deadline; broken by an objection recorded in time; adopted once the deadline passed in silence. */
export type SilenceState = 'open' | 'adopted' | 'broken';

/** The default time a document circulates under silence procedure. */
export const defaultSilenceHours = 72;
/** A vote file is a list of delegations: a few kilobytes. Anything this large is not one. */
export const maxVoteFileBytes = 256 * 1024;
export const maxVoteRows = 1000;

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  absent: number;
  /** Those present and voting: yes and no. Abstentions and absences are not counted. */
  voting: number;
  /** A simple majority of those voting: more yes than no. */
  adopted: boolean;
}

/**
 * The tally of a recorded vote. Adopted by a simple majority of those present and voting: more
 * yes than no; abstaining or absent delegations do not count either way (so 3 yes, 2 no and 40
 * abstentions is adopted, and a tie is not).
 */
export function tallyVotes(votes: Iterable<VoteValue>): Tally {
  const tally = { yes: 0, no: 0, abstain: 0, absent: 0 };
  for (const vote of votes) tally[vote] += 1;
  return { ...tally, voting: tally.yes + tally.no, adopted: tally.yes > tally.no };
}

/** A delegation a vote or a statement may name: a country (key: its ISO code) or an organisation (its name). */
export interface DelegationOption {
  key: string;
  /** Its name in the language asked for. */
  name: string;
}

export interface RecordedVote {
  delegation: string;
  name: string;
  vote: VoteValue;
}

export interface Decision {
  id: string;
  documentId: string;
  /** Null: the whole document. */
  paragraphId: string | null;
  method: DecisionMethod;
  /** The laptop that recorded it, as people know it, and when (ISO). */
  recordedBy: string;
  recordedAt: string;
  note: string;
  /** Recorded votes (kept when the method changes back to consensus, but then not counted). */
  votes: RecordedVote[];
  tally: Tally;
  adopted: boolean;
}

export interface DecisionStatement {
  id: string;
  documentId: string;
  paragraphId: string | null;
  delegation: string;
  name: string;
  kind: StatementKind;
  text: string;
  /** The text's own language, and its direction. */
  lang: string;
  dir: 'ltr' | 'rtl';
  recordedAt: string;
}

export interface SilenceObjection {
  id: string;
  delegation: string;
  name: string;
  text: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** When it was recorded, by the clock of the laptop that recorded it (ISO). */
  objectedAt: string;
  recordedBy: string;
  /** Recorded after the deadline (it came by bundle from a laptop that accepted it): shown, never counted. */
  late: boolean;
}

export interface SilenceProcedure {
  id: string;
  documentId: string;
  /** The issuance circulated, once documents are issued under a symbol; else null. */
  issuanceId: string | null;
  /** What was circulated, as titled when it started. */
  title: string;
  startedAt: string;
  deadline: string;
  startedBy: string;
  state: SilenceState;
  objections: SilenceObjection[];
}

export interface DocumentDecisions {
  documentId: string;
  /** The forum's delegations: its participants' countries and international organisations, and any already named. */
  delegations: DelegationOption[];
  decisions: Decision[];
  statements: DecisionStatement[];
  silence: SilenceProcedure[];
  /** This laptop's clock when read (ISO), so a screen says "deadline passed" by the same reading. */
  now: string;
}

/** One problem of a vote file, by line (1 is the file's first line; 0 the file as a whole). */
export interface VoteFileProblem {
  line: number;
  code: 'tooLarge' | 'tooManyRows' | 'empty' | 'unreadable' | 'missingColumn' | 'unknownDelegation' | 'duplicate' | 'badVote';
  /** The cell as written (a delegation, a vote), or ''. */
  value: string;
}

export interface VoteFileCheck {
  votes: RecordedVote[];
  problems: VoteFileProblem[];
}

const text = (max: number) => z.string().trim().max(max, 'validation.tooLong');
const paragraphId = rowId.nullable().default(null);
const delegationKey = z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong');
const lang = z.string().regex(languageTagPattern, 'validation.languageTag');

const tally = z.object({ yes: z.number(), no: z.number(), abstain: z.number(), absent: z.number(), voting: z.number(), adopted: z.boolean() });
const recordedVote = z.object({ delegation: z.string(), name: z.string(), vote: z.enum(voteValues) });
const dir = z.enum(['ltr', 'rtl']);
const documentDecisions = z.object({
  documentId: z.string(),
  delegations: z.array(z.object({ key: z.string(), name: z.string() })),
  decisions: z.array(
    z.object({
      id: z.string(),
      documentId: z.string(),
      paragraphId: z.string().nullable(),
      method: z.enum(decisionMethods),
      recordedBy: z.string(),
      recordedAt: z.string(),
      note: z.string(),
      votes: z.array(recordedVote),
      tally,
      adopted: z.boolean(),
    }),
  ),
  statements: z.array(
    z.object({
      id: z.string(),
      documentId: z.string(),
      paragraphId: z.string().nullable(),
      delegation: z.string(),
      name: z.string(),
      kind: z.enum(statementKinds),
      text: z.string(),
      lang: z.string(),
      dir,
      recordedAt: z.string(),
    }),
  ),
  silence: z.array(
    z.object({
      id: z.string(),
      documentId: z.string(),
      issuanceId: z.string().nullable(),
      title: z.string(),
      startedAt: z.string(),
      deadline: z.string(),
      startedBy: z.string(),
      state: z.enum(['open', 'adopted', 'broken']),
      objections: z.array(
        z.object({ id: z.string(), delegation: z.string(), name: z.string(), text: z.string(), lang: z.string(), dir, objectedAt: z.string(), recordedBy: z.string(), late: z.boolean() }),
      ),
    }),
  ),
  now: z.string(),
}) satisfies z.ZodType<DocumentDecisions>;
const voteFileCheck = z.object({
  votes: z.array(recordedVote),
  problems: z.array(z.object({ line: z.number(), code: z.enum(['tooLarge', 'tooManyRows', 'empty', 'unreadable', 'missingColumn', 'unknownDelegation', 'duplicate', 'badVote']), value: z.string() })),
}) satisfies z.ZodType<VoteFileCheck>;
/** The file as text; a little over the limit gets through so the core can say it is too large. */
const csvText = z.string().max(maxVoteFileBytes * 4, 'validation.tooLong');
const uiLang = lang.optional();

export const decisionsContract = {
  /** Everything decided on a document and its paragraphs, names in `lang` (the screen's). */
  'decisions:get': { input: z.object({ documentId: rowId, lang: uiLang }).strict(), output: documentDecisions },
  'decisions:consensus': {
    input: z.object({ documentId: rowId, paragraphId, note: text(2000).default(''), lang: uiLang }).strict(),
    output: documentDecisions,
  },
  /** Records (or changes) delegations' votes; makes the decision a recorded vote. */
  'decisions:votes': {
    input: z
      .object({ documentId: rowId, paragraphId, votes: z.array(z.object({ delegation: delegationKey, vote: z.enum(voteValues) }).strict()).max(maxVoteRows), lang: uiLang })
      .strict(),
    output: documentDecisions,
  },
  /** Reads a vote file (columns delegation, vote) and says what it would record, or what is wrong; changes nothing. */
  'decisions:checkVoteFile': { input: z.object({ documentId: rowId, csv: csvText, lang: uiLang }).strict(), output: voteFileCheck },
  /** Records a vote file's votes, all or (with any problem) none. */
  'decisions:voteFile': { input: z.object({ documentId: rowId, paragraphId, csv: csvText, lang: uiLang }).strict(), output: documentDecisions },
  'decisions:clear': { input: z.object({ documentId: rowId, paragraphId, lang: uiLang }).strict(), output: documentDecisions },
  'decisions:addStatement': {
    input: z
      .object({ documentId: rowId, paragraphId, delegation: delegationKey, kind: z.enum(statementKinds), text: z.string().trim().min(1, 'validation.required').max(10_000, 'validation.tooLong'), textLang: lang, id: rowId.optional(), lang: uiLang })
      .strict(),
    output: documentDecisions,
  },
  'decisions:removeStatement': { input: z.object({ id: rowId, lang: uiLang }).strict(), output: documentDecisions },
  'silence:start': {
    input: z.object({ documentId: rowId, hours: z.number().positive().max(24 * 60).default(defaultSilenceHours), issuanceId: rowId.nullable().default(null), lang: uiLang }).strict(),
    output: documentDecisions,
  },
  /** Moves a procedure's deadline (ISO instant). */
  'silence:deadline': { input: z.object({ procedureId: rowId, deadline: z.iso.datetime({ offset: true }), lang: uiLang }).strict(), output: documentDecisions },
  /** Records a delegation's objection; refused as `objection_too_late` once the deadline has passed. */
  'silence:object': {
    input: z.object({ procedureId: rowId, delegation: delegationKey, text: text(10_000), textLang: lang, id: rowId.optional(), lang: uiLang }).strict(),
    output: documentDecisions,
  },
} as const;
