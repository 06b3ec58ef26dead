import fs from 'node:fs';
import { maxVoteFileBytes, type Decision, type DocumentDecisions, type SilenceProcedure } from '../../../shared/decisions';
import { rowId } from '../../../shared/agenda';
import { invoke } from '../commands/invoke';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import type { CliCommand } from './cliCommands';
import { dbOption, forumOption, isLanguageTag, jsonOption } from './cliOptions';
import { checkForumOption, resolveForum } from './resolveForum';
import { UsageError } from './usageError';

type Values = Record<string, string | boolean | undefined>;

const documentOption = { name: 'document', type: 'string', description: "the document id (default: the forum's first outcome document)" } as const;

function checkId(values: Values, name: string): void {
  const value = values[name];
  if (value !== undefined && (typeof value !== 'string' || !rowId.safeParse(value).success)) throw new UsageError(`--${name} must be an id, not "${String(value)}".`);
}

/** The document named, else the forum's first. */
async function documentOf(ctx: CoreContext, values: Values): Promise<string> {
  if (typeof values.document === 'string') return values.document;
  const forum = await resolveForum(ctx, values.forum);
  const [first] = await invoke(ctx, 'outcome:list', { forumId: forum.id });
  if (!first) throw new UsageError('This forum has no outcome document yet: create one in the drafting view.');
  return first.id;
}

/** A document or paragraph that is not there is the caller's mistake: said with the usage, exit 2. */
async function asUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CoreError && error.code === 'not_found') throw new UsageError(error.message);
    throw error;
  }
}

export function describeDecision(decision: Decision): string {
  if (decision.method === 'consensus') return `Adopted by consensus${decision.note ? ` (${decision.note})` : ''}.`;
  const { yes, no, abstain, absent, voting } = decision.tally;
  return [
    `Recorded vote: ${yes} yes, ${no} no, ${abstain} abstaining, ${absent} absent (${voting} present and voting).`,
    `${decision.adopted ? 'Adopted' : 'Not adopted'}: a simple majority of those present and voting (yes more than no); abstentions are not counted.`,
  ].join('\n');
}

function describeSilence(p: SilenceProcedure): string {
  const state = { open: 'open', adopted: 'adopted (silence not broken)', broken: 'silence broken' }[p.state];
  const lines = [`${p.id}  ${p.title}  until ${p.deadline}: ${state}`];
  for (const o of p.objections) lines.push(`  objection by ${o.name} at ${o.objectedAt}${o.late ? ' (after the deadline: not counted)' : ''}: ${o.text}`);
  return lines.join('\n');
}

const decide: CliCommand = {
  name: 'outcome decide',
  summary: 'record how a document (or a paragraph) was decided: by consensus, or a recorded vote from a CSV file (prints the tally)',
  options: [
    dbOption,
    forumOption,
    documentOption,
    { name: 'paragraph', type: 'string', description: 'a paragraph id, to decide one paragraph rather than the whole document' },
    { name: 'consensus', type: 'boolean', description: 'adopted by consensus' },
    { name: 'vote', type: 'string', description: 'a CSV file with the columns delegation,vote (yes, no, abstain, absent; header optional, any of the six languages)' },
    { name: 'note', type: 'string', description: 'a note on the decision (consensus)' },
    jsonOption,
  ],
  mustExist: true,
  validate(values) {
    checkForumOption(values);
    checkId(values, 'document');
    checkId(values, 'paragraph');
    if ((values.consensus === true) === (typeof values.vote === 'string')) throw new UsageError('Give either --consensus or --vote FILE.csv.');
    if (typeof values.vote === 'string') {
      let size: number;
      try {
        size = fs.statSync(values.vote).size;
      } catch {
        throw new UsageError(`Cannot read the vote file ${values.vote}.`);
      }
      if (size > maxVoteFileBytes) throw new UsageError(`The vote file ${values.vote} is larger than ${maxVoteFileBytes} bytes: not a vote file. Nothing was changed.`);
    }
  },
  async run(ctx, values, out) {
    const documentId = await documentOf(ctx, values);
    const paragraphId = typeof values.paragraph === 'string' ? values.paragraph : null;
    let decided: DocumentDecisions;
    if (values.consensus === true) {
      decided = await asUsage(() => invoke(ctx, 'decisions:consensus', { documentId, paragraphId, note: typeof values.note === 'string' ? values.note : '' }));
    } else {
      const csv = fs.readFileSync(String(values.vote), 'utf8');
      try {
        decided = await asUsage(() => invoke(ctx, 'decisions:voteFile', { documentId, paragraphId, csv }));
      } catch (error) {
        if (!(error instanceof CoreError) || error.code !== 'vote_file_rejected') throw error;
        out(`The vote file was not recorded; nothing was changed:\n${error.message}`);
        return 2;
      }
    }
    const decision = decided.decisions.find((d) => d.paragraphId === paragraphId);
    // JSON: everything decided on the document, as `decisions:get` answers it.
    if (values.json) out(JSON.stringify(decided, null, 2));
    else if (decision) out(describeDecision(decision));
    return 0;
  },
};

const actions = ['start', 'object', 'status'] as const;

const silence: CliCommand = {
  name: 'outcome silence',
  summary: 'silence procedure: start (circulate with a deadline), object (record an objection), status',
  options: [
    dbOption,
    forumOption,
    documentOption,
    { name: 'hours', type: 'string', description: 'start: how long it circulates (default 72)' },
    { name: 'issuance', type: 'string', description: 'start: the issuance circulated (its symbol or id), if any' },
    { name: 'procedure', type: 'string', description: 'object: the procedure (default: the newest of the document)' },
    { name: 'delegation', type: 'string', description: 'object: the delegation objecting (a country or organisation)' },
    { name: 'text', type: 'string', description: 'object: what it said' },
    { name: 'lang', type: 'string', description: 'object: the language of the text (default en)' },
    jsonOption,
  ],
  files: { min: 1, label: 'action' },
  mustExist: true,
  validate(values, files) {
    checkForumOption(values);
    checkId(values, 'document');
    checkId(values, 'procedure');
    const [action] = files;
    if (files.length !== 1 || !(actions as readonly string[]).includes(action ?? '')) throw new UsageError(`Say start, object or status (one of them), not "${files.join(' ')}".`);
    if (values.hours !== undefined && !(Number(values.hours) > 0 && Number(values.hours) <= 1440)) throw new UsageError(`--hours must be a number of hours up to 1440, not "${String(values.hours)}".`);
    if (action === 'object' && typeof values.delegation !== 'string') throw new UsageError('object needs --delegation NAME.');
    if (values.lang !== undefined && !isLanguageTag(String(values.lang))) throw new UsageError(`--lang: "${String(values.lang)}" is not a language code such as en, zh or es.`);
  },
  async run(ctx, values, out, files) {
    const action = files[0];
    const documentId = await documentOf(ctx, values);
    let decided: DocumentDecisions;
    if (action === 'start') {
      let issuanceId: string | null = null;
      if (typeof values.issuance === 'string') {
        const given = values.issuance;
        const { issuances } = await asUsage(() => invoke(ctx, 'outcome:issuances', { documentId }));
        const found = issuances.filter((i) => i.id === given || (i.symbol === given && !i.withdrawn));
        if (found.length !== 1 || !found[0]) throw new UsageError(`--issuance: no single issuance ${given} of this document (see \`plenary outcome issuances\`).`);
        issuanceId = found[0].id;
      }
      const chosen = issuanceId;
      decided = await asUsage(() => invoke(ctx, 'silence:start', { documentId, hours: values.hours === undefined ? 72 : Number(values.hours), issuanceId: chosen }));
    } else if (action === 'object') {
      const current = await asUsage(() => invoke(ctx, 'decisions:get', { documentId }));
      const procedureId = typeof values.procedure === 'string' ? values.procedure : current.silence[0]?.id;
      if (!procedureId) throw new UsageError('This document is under no silence procedure: start one first.');
      decided = await asUsage(() =>
        invoke(ctx, 'silence:object', { procedureId, delegation: String(values.delegation), text: typeof values.text === 'string' ? values.text : '', textLang: typeof values.lang === 'string' ? values.lang : 'en' }),
      );
    } else {
      decided = await asUsage(() => invoke(ctx, 'decisions:get', { documentId }));
    }
    const procedures = action === 'status' ? decided.silence : decided.silence.slice(0, 1);
    if (values.json) out(JSON.stringify(decided, null, 2));
    else out(procedures.length === 0 ? 'No silence procedure.' : procedures.map(describeSilence).join('\n'));
    return 0;
  },
};

export const decisionCommands: CliCommand[] = [decide, silence];
