import type { Highlighted, SearchResults } from '../../../shared/search';
import { invoke } from '../commands/invoke';
import type { CliCommand } from './cliCommands';
import { dbOption, forumOption, jsonOption } from './cliOptions';
import { checkForumOption, resolveForum } from './resolveForum';
import { UsageError } from './usageError';

const groups = [
  ['notes', 'Notes'],
  ['keyMessages', 'Key messages'],
  ['sessions', 'Sessions'],
  ['participants', 'Participants'],
] as const;

/** The snippet on one line, each match between « and ». */
export function markMatches(snippet: Highlighted): string {
  let text = snippet.text;
  for (const [start, end] of [...snippet.matches].sort((a, b) => b[0] - a[0])) {
    text = `${text.slice(0, start)}«${text.slice(start, end)}»${text.slice(end)}`;
  }
  return text.replace(/\s+/gu, ' ').trim();
}

/** The results as text: each group that found something, its hits with the matches marked. */
export function searchReport(results: SearchResults): string[] {
  const number = new Intl.NumberFormat('en');
  const lines: string[] = [];
  for (const [group, title] of groups) {
    const hits = results[group];
    if (hits.length === 0) continue;
    const lowerBound = group === 'notes' && results.notesTotalIsLowerBound;
    const total = `${number.format(results.totals[group])}${lowerBound ? '+' : ''}`;
    if (lines.length) lines.push('');
    lines.push(hits.length < results.totals[group] || lowerBound ? `${title} (${hits.length} of ${total})` : `${title} (${total})`);
    for (const hit of hits) lines.push(`  ${markMatches(hit.snippet)}${hit.lang ? `  [${hit.lang}]` : ''}`);
  }
  return lines;
}

const blankQuery = 'Say what to search for: plenary search "words" (put -- before a query that starts with -).';

export const searchCommands: CliCommand[] = [
  {
    name: 'search',
    summary: 'search a forum’s notes, key messages, sessions and participants (plain text; every word must appear)',
    options: [
      dbOption,
      forumOption,
      jsonOption,
      { name: 'limit', type: 'string', description: 'hits shown per group, 1 to 100 (default 20)' },
    ],
    files: { min: 1, label: 'query' },
    readOnly: true,
    validate(values, words) {
      if (!words.join(' ').trim()) throw new UsageError(blankQuery);
      checkForumOption(values);
      const limit = values.limit;
      if (limit !== undefined && (typeof limit !== 'string' || !/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 100)) {
        throw new UsageError(`--limit must be a whole number from 1 to 100, not "${String(limit)}".`);
      }
    },
    async run(ctx, values, out, words) {
      const text = words.join(' ');
      if (!text.trim()) throw new UsageError(blankQuery);
      const forum = await resolveForum(ctx, values.forum);
      const results = await invoke(ctx, 'search:query', {
        forumId: forum.id,
        text,
        ...(typeof values.limit === 'string' ? { limit: Number(values.limit) } : {}),
      });
      if (values.json) out(JSON.stringify(results, null, 2));
      else {
        const lines = searchReport(results);
        for (const line of lines.length ? lines : [`No results for “${text}”.`]) out(line);
      }
      return 0;
    },
  },
];
