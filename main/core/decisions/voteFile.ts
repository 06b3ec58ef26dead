import Papa from 'papaparse';
import { maxVoteFileBytes, maxVoteRows, type DelegationOption, type RecordedVote, type VoteFileCheck, type VoteFileProblem, type VoteValue } from '../../../shared/decisions';
import { foldForMatching } from '../participants/foldForMatching';
import { delegationName, matchDelegation } from './delegations';

// A recorded vote as the secretariat's spreadsheet has it: two columns, delegation and vote, one
// row a delegation. The header is optional and may be written in any of the six languages, as
// may the votes. The file is all or nothing: any problem is reported with its line and nothing is
// recorded, so a half-entered vote never stands as the meeting's.

const headerWords = {
  delegation: ['delegation', 'délégation', 'delegacion', 'delegación', 'делегация', '代表团', '代表團', 'الوفد', 'country', 'pays', 'país', 'страна', '国家', 'البلد'],
  vote: ['vote', 'voto', 'votacion', 'votación', 'голос', 'голосование', '投票', '表决', 'التصويت', 'الصوت'],
};

const voteWords: Record<VoteValue, string[]> = {
  yes: ['yes', 'y', 'in favour', 'in favor', 'for', 'oui', 'pour', 'sí', 'si', 'a favor', 'да', 'за', '赞成', '贊成', '是', 'نعم', 'مؤيد'],
  no: ['no', 'n', 'against', 'non', 'contre', 'en contra', 'нет', 'против', '反对', '反對', '否', 'لا', 'معارض'],
  abstain: ['abstain', 'abstention', 'a', 'abstained', 'abstención', 'abstencion', 'воздержался', 'воздержалась', 'воздержание', '弃权', '棄權', 'امتناع', 'ممتنع'],
  absent: ['absent', '0', 'ausente', 'отсутствует', 'отсутствовал', '缺席', 'غائب', 'not present', 'non présent'],
};

let voteIndex: Map<string, VoteValue> | undefined;

/** The vote a cell means, in any of the six languages, or undefined. */
export function readVote(cell: string): VoteValue | undefined {
  if (!voteIndex) {
    voteIndex = new Map();
    for (const [vote, words] of Object.entries(voteWords) as Array<[VoteValue, string[]]>) for (const word of words) voteIndex.set(foldForMatching(word) || word, vote);
  }
  const folded = foldForMatching(cell) || cell.trim();
  return voteIndex.get(folded);
}

const isHeader = (cell: string, words: readonly string[]) => words.some((word) => foldForMatching(word) === foldForMatching(cell));

interface Row {
  line: number;
  cells: string[];
}

function readRows(text: string): { rows: Row[]; tooMany: boolean } {
  const rows: Row[] = [];
  let tooMany = false;
  let counted = 0;
  let line = 1;
  let from = 0;
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
    step(result, parser) {
      // One header and the rows: past the cap, reading on only costs memory.
      if (rows.length > maxVoteRows) {
        tooMany = true;
        parser.abort();
        return;
      }
      // The row starts at the first character after the previous row that is not a blank line.
      let start = from;
      while (start < text.length && /[\s]/u.test(text[start] ?? '')) start += 1;
      for (let at = text.indexOf('\n', counted); at !== -1 && at < start; at = text.indexOf('\n', at + 1)) line += 1;
      counted = start;
      rows.push({ line, cells: result.data.map((cell) => cell.trim()) });
      from = result.meta.cursor;
    },
  });
  return { rows, tooMany };
}

/**
 * What a vote file would record against the forum's delegations, or every problem in it with its
 * line: a delegation that is not the forum's, one listed twice, a vote that is not yes, no,
 * abstain or absent, a file too large. Changes nothing.
 */
export function checkVoteFile(csv: string, known: readonly DelegationOption[], lang: string): VoteFileCheck {
  const problems: VoteFileProblem[] = [];
  const text = csv.replace(/^\uFEFF/, '');
  if (Buffer.byteLength(text, 'utf8') > maxVoteFileBytes) return { votes: [], problems: [{ line: 0, code: 'tooLarge', value: String(maxVoteFileBytes) }] };
  const { rows, tooMany } = readRows(text);
  if (tooMany) return { votes: [], problems: [{ line: 0, code: 'tooManyRows', value: String(maxVoteRows) }] };
  if (rows.length === 0) return { votes: [], problems: [{ line: 0, code: 'empty', value: '' }] };
  let delegationColumn = 0;
  let voteColumn = 1;
  let body = rows;
  const first = rows[0];
  if (first && first.cells.some((cell) => isHeader(cell, headerWords.delegation) || isHeader(cell, headerWords.vote))) {
    delegationColumn = first.cells.findIndex((cell) => isHeader(cell, headerWords.delegation));
    voteColumn = first.cells.findIndex((cell) => isHeader(cell, headerWords.vote));
    if (delegationColumn < 0) problems.push({ line: first.line, code: 'missingColumn', value: 'delegation' });
    if (voteColumn < 0) problems.push({ line: first.line, code: 'missingColumn', value: 'vote' });
    if (problems.length > 0) return { votes: [], problems };
    body = rows.slice(1);
  }
  const votes: RecordedVote[] = [];
  const seen = new Map<string, number>();
  for (const row of body) {
    const written = row.cells[delegationColumn] ?? '';
    const voteCell = row.cells[voteColumn] ?? '';
    const key = matchDelegation(written, known);
    const vote = readVote(voteCell);
    if (key === undefined) problems.push({ line: row.line, code: 'unknownDelegation', value: written });
    if (vote === undefined) problems.push({ line: row.line, code: 'badVote', value: voteCell });
    if (key === undefined || vote === undefined) continue;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line: row.line, code: 'duplicate', value: `${written} (${earlier})` });
      continue;
    }
    seen.set(key, row.line);
    votes.push({ delegation: key, name: delegationName(key, lang), vote });
  }
  if (votes.length === 0 && problems.length === 0) problems.push({ line: 0, code: 'empty', value: '' });
  return { votes: problems.length > 0 ? [] : votes, problems };
}

/** The problems as one English sentence a line (the CLI's message, and the error's). */
export function describeVoteFileProblems(problems: readonly VoteFileProblem[]): string {
  const say: Record<VoteFileProblem['code'], (value: string) => string> = {
    tooLarge: (v) => `the file is larger than ${v} bytes: not a vote file`,
    tooManyRows: (v) => `the file has more than ${v} rows: not a vote file`,
    empty: () => 'the file lists no votes',
    unreadable: () => 'the file cannot be read as CSV',
    missingColumn: (v) => `the header has no ${v} column`,
    unknownDelegation: (v) => `"${v}" is not a delegation of this forum`,
    duplicate: (v) => `the delegation "${v.replace(/ \((\d+)\)$/, '')}" is listed twice (first on line ${/\((\d+)\)$/.exec(v)?.[1] ?? '?'})`,
    badVote: (v) => `"${v}" is not a vote (yes, no, abstain or absent)`,
  };
  return problems.map((p) => (p.line > 0 ? `line ${p.line}: ` : '') + say[p.code](p.value)).join('\n');
}
