import type { Database } from 'better-sqlite3';
import type { OutcomeExportInput } from '../../../shared/exports';
import { directionOf } from '../../../shared/languages';
import type { OutcomeDocument } from '../../../shared/outcome';
import type { ParticipationStats } from '../../../shared/participationStats';
import { countryName } from '../../../shared/countryNames';
import type { Forum } from '../../../shared/forum';
import { cachedStatement } from '../store/cachedStatement';
import { getForum } from '../store/forums';
import { participationStats } from '../store/participationStats';
import { formatSpoken } from '../../../shared/speakingTime';
import { documentText, shownText } from './documentText';
import type { AnnexEntry, OutcomeAnnex, OutcomeColumn, ShownText } from './outcomeModelTypes';
import type { ExplanationPlacement } from '../../../shared/decisions';
import { decisionsAnnexes } from './decisionsAnnex';

const genderKeys = ['female', 'male', 'other', 'undisclosed', 'unknown'] as const;
const orgTypeKeys = ['government', 'local_government', 'un_international', 'academia', 'civil_society', 'private_sector', 'media', 'other', 'unknown'] as const;

const parse = (json: string | null): Record<string, string> => {
  try {
    const value: unknown = JSON.parse(json ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
};

/** Text in `lang`, else the source's (or any language's) with the "not yet translated" marker. */
function pick(texts: Record<string, string>, lang: string, source: string): ShownText | null {
  const textLang = texts[lang] ? lang : texts[source] ? source : Object.keys(texts).find((l) => texts[l]);
  if (!textLang) return null;
  const text = texts[textLang] ?? '';
  return shownText(text, textLang, lang, [{ text, bracketed: false }]);
}

const inline = (shown: ShownText | null): string => (shown ? (shown.fallback ? `${shown.text} ${shown.fallbackNote}` : shown.text) : '');


/** Whether the forum's first day has come, by the calendar of its own time zone. */
export function forumHasBegun(forum: Pick<Forum, 'startDate' | 'timeZone'>, now: Date): boolean {
  if (!forum.startDate) return false;
  let today: string;
  try {
    today = new Intl.DateTimeFormat('en-CA', { timeZone: forum.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    today = now.toISOString().slice(0, 10);
  }
  return today >= forum.startDate;
}

/**
 * The annex's figures and tables. "Checked in" means nothing before the forum opens: it is left out
 * until someone has checked in or the first day has come. A table with no rows is left out too
 * (an empty session table used to stand alone on a page).
 */
function participationAnnex(stats: ParticipationStats, lang: string, source: string, number: number, showCheckIn: boolean): OutcomeAnnex {
  const t = documentText(lang);
  const n = new Intl.NumberFormat([lang, 'en']);
  const p = (key: string) => t(`outcome.participation.${key}`);
  const countHeaders = [p('category'), p('count')];
  return {
    kind: 'participation',
    lang,
    dir: directionOf(lang),
    heading: t('outcome.annex', { number: n.format(number) }),
    title: p('title'),
    // In the order of the seeds' sentence: participants, international organisations, countries.
    figures: [
      { label: p('participants'), value: n.format(stats.participants) },
      { label: p('internationalOrganisations'), value: n.format(stats.internationalOrganisations) },
      { label: p('countries'), value: n.format(stats.countries) },
      { label: p('organisations'), value: n.format(stats.organisations) },
      ...(showCheckIn ? [{ label: p('checkedIn'), value: n.format(stats.checkedIn) }] : []),
    ],
    tables: [
      {
        title: p('byCountry'),
        headers: countHeaders,
        rows: stats.byCountry.map((c) => [countryName(c.country, lang), n.format(c.count)]),
        numeric: [false, true],
      },
      {
        title: p('byOrgType'),
        headers: countHeaders,
        rows: orgTypeKeys.filter((k) => (stats.byOrgType[k] ?? 0) > 0).map((k) => [p(`orgType.${k}`), n.format(stats.byOrgType[k] ?? 0)]),
        numeric: [false, true],
      },
      {
        title: p('byGender'),
        headers: countHeaders,
        rows: genderKeys.filter((k) => (stats.byGender[k] ?? 0) > 0).map((k) => [p(`gender.${k}`), n.format(stats.byGender[k] ?? 0)]),
        numeric: [false, true],
      },
      {
        title: p('bySession'),
        headers: [p('session'), p('people'), p('speakers')],
        rows: stats.bySession.map((s) => [
          inline(pick(s.title, lang, source)) || p('notRecorded'),
          n.format(s.people),
          n.format(s.byRole.speaker ?? 0),
        ]),
        numeric: [false, true, true],
      },
      // Who actually spoke, from the speakers' lists (none: the table is left out).
      {
        title: p('spokenByDelegation'),
        headers: [p('delegation'), p('turns'), p('timeSpoken')],
        rows: stats.spoken.byDelegation.map((d) => [d.delegation || p('notRecorded'), n.format(d.turns), formatSpoken(d.ms)]),
        numeric: [false, true, true],
      },
    ].filter((table) => table.rows.length > 0),
    entries: [],
    emptyNote: '',
  };
}

interface SourceTexts {
  sessions: Map<string, Record<string, string>>;
  messages: Map<string, Record<string, string>>;
}

function sourceTexts(db: Database, doc: OutcomeDocument): SourceTexts {
  const sessionIds = JSON.stringify([...new Set(doc.paragraphs.flatMap((p) => p.sessionIds))]);
  const messageIds = JSON.stringify([...new Set(doc.paragraphs.flatMap((p) => p.keyMessageIds))]);
  const sessions = cachedStatement(db, 'SELECT id, title FROM sessions WHERE id IN (SELECT value FROM json_each(?))').all(sessionIds) as Array<{ id: string; title: string }>;
  const messages = cachedStatement(db, 'SELECT id, text FROM key_messages WHERE id IN (SELECT value FROM json_each(?))').all(messageIds) as Array<{ id: string; text: string }>;
  return {
    sessions: new Map(sessions.map((s) => [s.id, parse(s.title)])),
    messages: new Map(messages.map((m) => [m.id, parse(m.text)])),
  };
}

function provenanceAnnex(doc: OutcomeDocument, texts: SourceTexts, column: OutcomeColumn, number: number): OutcomeAnnex {
  const lang = column.lang;
  const t = documentText(lang);
  const n = new Intl.NumberFormat([lang, 'en']);
  // Section headings are not provenance items: they have no sources, and listing them said
  // "No key message recorded" under every heading.
  const entries: AnnexEntry[] = column.items.flatMap((item, i) => {
    if (item.kind === 'heading') return [];
    const p = doc.paragraphs[i];
    const paragraph = item.number !== null ? t('outcome.provenance.numbered', { number: n.format(item.number) }) : t('outcome.provenance.unnumbered');
    return [
      {
        paragraph,
        sessions: (p?.sessionIds ?? []).map((id) => inline(pick(texts.sessions.get(id) ?? {}, lang, doc.sourceLanguage))).filter(Boolean),
        keyMessages: (p?.keyMessageIds ?? []).flatMap((id) => {
          const shown = pick(texts.messages.get(id) ?? {}, lang, doc.sourceLanguage);
          return shown ? [shown] : [];
        }),
      },
    ];
  });
  const pr = (key: string) => t(`outcome.provenance.${key}`);
  return {
    kind: 'provenance',
    lang,
    dir: directionOf(lang),
    heading: t('outcome.annex', { number: n.format(number) }),
    title: pr('title'),
    figures: [],
    tables: [
      {
        title: pr('title'),
        headers: [pr('paragraph'), pr('sessions'), pr('keyMessages')],
        rows: entries.map((e) => [e.paragraph, e.sessions.join('; ') || '—', e.keyMessages.map(inline).join('\n') || pr('none')]),
        numeric: [false, false, false],
      },
    ],
    entries,
    emptyNote: pr('none'),
  };
}

/** The annexes asked for, each in every exported language, numbered in order (participation, provenance, decisions). */
export function outcomeAnnexes(
  db: Database,
  doc: OutcomeDocument,
  languages: string[],
  wanted: OutcomeExportInput['annexes'],
  columns: OutcomeColumn[],
  now: Date = new Date(),
  explanations: ExplanationPlacement = 'footnotes',
): OutcomeAnnex[] {
  const annexes: OutcomeAnnex[] = [];
  let number = 0;
  if (wanted.participation) {
    number += 1;
    const stats = participationStats(db, doc.forumId);
    const showCheckIn = stats.checkedIn > 0 || forumHasBegun(getForum(db, doc.forumId), now);
    for (const lang of languages) annexes.push(participationAnnex(stats, lang, doc.sourceLanguage, number, showCheckIn));
  }
  if (wanted.provenance) {
    number += 1;
    const texts = sourceTexts(db, doc);
    for (const column of columns) annexes.push(provenanceAnnex(doc, texts, column, number));
  }
  // Last, after the text and its sources: how the text was decided (explanations as footnotes are added even without the annex).
  const decided = decisionsAnnexes(db, doc, columns, wanted.decisions ? number + 1 : null, explanations, getForum(db, doc.forumId).timeZone, now.getTime());
  annexes.push(...decided);
  return annexes;
}
