import type { Amendment } from '../../../shared/amendments';
import { coOrganisersIn } from '../../../shared/documentKinds';
import { pickText } from '../../../shared/multilingual';
import { textAfterLabel } from '../../../shared/leadingOrdinal';
import { printedLabel, referenceText } from '../../../shared/paragraphPlace';
import { resolveReferences, withoutLeadMarker } from '../../../shared/paragraphRefs';
import { documentText } from '../exports/documentText';
import { documentId as documentIdSchema, type DraftParagraph, type OutcomeDocument } from '../../../shared/outcome';
import { wordDiff } from '../../../shared/wordDiff';
import { formatDate, formatDates } from '../exports/formatDates';
import { invoke } from '../commands/invoke';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import type { CliCommand } from './cliCommands';
import { checkLangOption, dbOption, forumOption, jsonOption } from './cliOptions';
import { checkForumOption, resolveForum } from './resolveForum';
import { UsageError } from './usageError';

const variants = ['clean', 'amendments'] as const;
export type OutcomeVariant = (typeof variants)[number];

const kindLabels: Record<Amendment['kind'], string> = { replace: 'replace', insert_after: 'insert after', delete: 'delete' };

/** The comma that joins a place and a date in the document's language. */
function listComma(lang: string): string {
  const primary = lang.split('-')[0];
  if (primary === 'zh' || primary === 'ja') return '，';
  if (primary === 'ar' || primary === 'fa' || primary === 'ur') return '، ';
  return ', ';
}

/** `[-deleted-]{+inserted+}`: a word diff as plain text. */
export function plainDiff(before: string, after: string, lang: string): string {
  return wordDiff(before, after, lang)
    .map((part) => (part.kind === 'equal' ? part.text : part.kind === 'delete' ? `[-${part.text}-]` : `{+${part.text}+}`))
    .join('');
}

/**
 * The outcome document as plain text in `lang`: title block, preamble, lead-in, the paragraphs
 * numbered as the document says in that language, the closing line. Where a translation is
 * missing the source language's text stands in, marked with its language. The amendments variant
 * adds each paragraph's status and stance tally, and its open amendments as word diffs.
 */
export function formatOutcome(document: OutcomeDocument, lang: string, variant: OutcomeVariant, amendments: Map<string, Amendment[]> = new Map()): string[] {
  const source = document.sourceLanguage;
  const text = (value: Record<string, string>) => {
    const picked = pickText(value, lang, source);
    return { ...picked, marked: picked.fallback ? `${picked.text} (${picked.lang})` : picked.text };
  };
  const lines: string[] = [];
  const block = (value: string) => {
    if (!value) return;
    if (lines.length > 0) lines.push('');
    lines.push(...value.split(/\n+/).flatMap((line, i) => (i === 0 ? [line] : ['', line])));
  };
  const head = [text(document.title).marked, text(document.subtitle).marked];
  const place = text(document.place).marked;
  const dates = formatDates(document.startDate, document.endDate, lang);
  head.push([place, dates].filter(Boolean).join(listComma(lang)));
  lines.push(...head.filter(Boolean));
  const organisers = coOrganisersIn(document.coOrganisers, document.coOrganiserNames, lang);
  if (organisers.length > 0) lines.push('', ...organisers);
  block(text(document.preamble).marked);
  block(text(document.leadIn).marked);
  if (document.paragraphs.length === 0) block('(No paragraphs yet.)');
  for (const paragraph of document.paragraphs) {
    const picked = text(paragraph.text);
    const label = paragraph.kind === 'heading' ? '' : printedLabel(paragraph.place, document, picked.lang);
    // As the exports do: an ordinal word typed at the start of the text is not printed twice,
    // references print as their paragraph's number now, the opening-phrase marker is not shown,
    // and an alternative under negotiation (and the paragraph it competes with) is in square brackets.
    const typed = textAfterLabel(picked.text, label, document.numbering, picked.lang);
    const resolved = withoutLeadMarker(
      resolveReferences(typed, (id) => {
        const place = document.places[id];
        return place ? referenceText(place, picked.lang) : documentText(picked.lang)('outcome.deletedReference');
      }),
    );
    const printed = paragraph.inNegotiation ? `[${resolved}]` : resolved;
    const shown = printed === picked.text ? picked.marked : picked.marked.replace(picked.text, () => printed);
    block(`${label}${shown}`);
    if (variant === 'amendments') lines.push(...annotations(paragraph, amendments.get(paragraph.id) ?? [], lang));
  }
  const closing = text(document.closing);
  const endDate = formatDate(document.endDate, lang);
  block(closing.text ? closing.marked : [place, endDate].filter(Boolean).join(listComma(lang)));
  return lines;
}

function annotations(paragraph: DraftParagraph, amendments: Amendment[], lang: string): string[] {
  const { support, objection, reservation } = paragraph.stances;
  const out = [`    [${paragraph.status}]  support ${support}, objection ${objection}, reservation ${reservation}`];
  const open = amendments.filter((a) => a.status === 'open');
  if (paragraph.amendments.total > 0) out.push(`    Amendments: ${paragraph.amendments.open} open of ${paragraph.amendments.total}`);
  for (const amendment of open) {
    const current = paragraph.text[amendment.lang] ?? '';
    const language = amendment.lang === lang ? '' : ` (${amendment.lang})`;
    out.push(`    - ${kindLabels[amendment.kind]}${language}, proposed by ${amendment.proposer.name || '?'}${amendment.stale ? ' (the paragraph has changed since)' : ''}`);
    if (amendment.rationale) out.push(`      Rationale: ${amendment.rationale}`);
    const diff =
      amendment.kind === 'replace'
        ? plainDiff(current, amendment.text, amendment.lang)
        : amendment.kind === 'insert_after'
          ? `{+${amendment.text}+}`
          : `[-${current}-]`;
    out.push(`      ${diff}`);
  }
  return out;
}

/** The document named, else the first of the forum named, else of the only forum there is. */
export async function chooseDocument(ctx: CoreContext, values: Record<string, string | boolean | undefined>): Promise<OutcomeDocument> {
  if (typeof values.document === 'string') {
    const forum = typeof values.forum === 'string' ? await resolveForum(ctx, values.forum) : undefined;
    let document: OutcomeDocument;
    try {
      document = await invoke(ctx, 'outcome:get', { documentId: values.document });
    } catch (error) {
      if (error instanceof CoreError && error.code === 'not_found') throw new UsageError(`There is no outcome document ${values.document} (see \`plenary outcome show --json\`).`);
      throw error;
    }
    if (forum && forum.id !== document.forumId) throw new UsageError(`The outcome document ${document.id} belongs to another forum than ${forum.id}.`);
    return document;
  }
  const forum = await resolveForum(ctx, values.forum);
  const [first] = await invoke(ctx, 'outcome:list', { forumId: forum.id });
  if (!first) throw new Error('This forum has no outcome document yet: create one in the drafting view.');
  return invoke(ctx, 'outcome:get', { documentId: first.id });
}

export const outcomeCommands: CliCommand[] = [
  {
    name: 'outcome show',
    summary: 'print an outcome document as text in one of its languages, clean or with amendments',
    options: [
      dbOption,
      forumOption,
      { name: 'document', type: 'string', description: "the document id (default: the forum's first outcome document)" },
      { name: 'lang', type: 'string', description: 'language to print in, one of the forum’s working languages (default: its source language)' },
      { name: 'variant', type: 'string', description: 'clean (default), or amendments: with statuses, stances and open amendments' },
      jsonOption,
    ],
    readOnly: true,
    validate(values) {
      checkLangOption(values);
      if (values.variant !== undefined && !variants.includes(String(values.variant) as OutcomeVariant)) {
        throw new UsageError(`--variant must be clean or amendments, not "${String(values.variant)}".`);
      }
      checkForumOption(values);
      if (values.document !== undefined && !documentIdSchema.safeParse(values.document).success) {
        throw new UsageError(`--document must be an id (see \`plenary outcome show --json\`), not "${String(values.document)}".`);
      }
    },
    async run(ctx, values, out) {
      const document = await chooseDocument(ctx, values);
      const lang = typeof values.lang === 'string' ? values.lang : document.sourceLanguage;
      if (!document.languages.includes(lang)) {
        throw new UsageError(`${lang} is not a working language of this forum: use one of ${document.languages.join(', ')}.`);
      }
      const variant = (values.variant ?? 'clean') as OutcomeVariant;
      const amendments = new Map<string, Amendment[]>();
      if (variant === 'amendments') {
        for (const paragraph of document.paragraphs) {
          if (paragraph.amendments.total > 0) amendments.set(paragraph.id, await invoke(ctx, 'amendments:list', { paragraphId: paragraph.id }));
        }
      }
      if (values.json) {
        out(JSON.stringify(variant === 'amendments' ? { ...document, amendments: Object.fromEntries(amendments) } : document, null, 2));
      } else {
        out(formatOutcome(document, lang, variant, amendments).join('\n'));
      }
      return 0;
    },
  },
];
