import type { CompanionAgenda, CompanionAnnouncement, CompanionDocument, CompanionForum, CompanionParagraph, CompanionSession } from '../../shared/companion';
import { clock, dayLabel, el, fallbackNote, picked, replace, timeOf } from './companionDom';
import { directionOf, language, languageName, t } from './companionI18n';

// One function per section of the page, each redrawing its section from the server's answer.

export function renderForum(forum: CompanionForum): void {
  const title = document.getElementById('forum-title');
  if (title) {
    title.textContent = forum.title.text;
    title.lang = forum.title.lang;
    title.dir = directionOf(forum.title.lang);
  }
  document.title = forum.title.text || 'Plenary';
  const dates = t('companion.page.dates', { start: dayLabel(forum.startDate, language()), end: dayLabel(forum.endDate, language()) });
  replace('forum-meta', forum.venue.text ? picked('span', forum.venue, 'meta-line') : null, el('span', { className: 'meta-line' }, dates));
}

const plurals = { chair: 'chairs', moderator: 'moderators', speaker: 'speakers' } as const;

/** One line per role: "Speakers: A, B, C". */
function peopleLines(people: CompanionSession['people']): HTMLElement[] {
  const byRole = new Map<CompanionSession['people'][number]['role'], string[]>();
  for (const person of people) byRole.set(person.role, [...(byRole.get(person.role) ?? []), person.name]);
  return [...byRole].map(([role, names]) => {
    const label = t(`companion.page.${names.length > 1 ? plurals[role] : role}`);
    // Each name isolated in its own direction, the separators in the page's language.
    const parts = new Intl.ListFormat(language(), { type: 'unit', style: 'short' }).formatToParts(names);
    return el('li', {}, `${label}: `, ...parts.map((part) => (part.type === 'element' ? el('bdi', {}, part.value) : part.value)));
  });
}

function sessionItem(session: CompanionSession, showDay: boolean): HTMLElement {
  const people = peopleLines(session.people);
  return el(
    'li',
    { className: 'session' },
    el('p', { className: 'when' }, showDay ? `${dayLabel(session.day, language())} ` : '', clock(session.startTime, session.endTime)),
    picked('h3', session.title, 'session-title'),
    session.room.text ? el('p', { className: 'room' }, t('companion.page.room', { room: '' }), picked('span', session.room)) : null,
    people.length ? el('ul', { className: 'people' }, ...people) : null,
  );
}

export function renderNowNext(agenda: CompanionAgenda): void {
  const byId = new Map(agenda.sessions.map((s) => [s.id, s]));
  const list = (ids: string[], showDay: boolean) => el('ul', { className: 'sessions' }, ...ids.flatMap((id) => (byId.get(id) ? [sessionItem(byId.get(id) as CompanionSession, showDay)] : [])));
  const nextToday = agenda.next.every((id) => byId.get(id)?.day === agenda.moment.day);
  replace(
    'now-next-body',
    el('h3', { className: 'marker now' }, t('companion.page.now')),
    agenda.now.length ? list(agenda.now, false) : el('p', { className: 'empty' }, t('companion.page.nothingNow')),
    el('h3', { className: 'marker next' }, t('companion.page.next')),
    agenda.next.length ? list(agenda.next, !nextToday) : el('p', { className: 'empty' }, t('companion.page.nothingNext')),
  );
}

export function renderAgenda(agenda: CompanionAgenda): void {
  if (agenda.sessions.length === 0) return replace('agenda-body', el('p', { className: 'empty' }, t('companion.page.noSessions')));
  const days = new Map<string, CompanionSession[]>();
  for (const session of agenda.sessions) days.set(session.day, [...(days.get(session.day) ?? []), session]);
  const now = new Set(agenda.now);
  replace(
    'agenda-body',
    ...[...days].map(([day, sessions]) =>
      el(
        'section',
        { className: 'day', attrs: { 'aria-label': dayLabel(day, language()) } },
        el('h3', { className: 'day-title' }, dayLabel(day, language())),
        el(
          'ul',
          { className: 'sessions' },
          ...sessions.map((s) => {
            const item = sessionItem(s, false);
            if (now.has(s.id)) {
              item.classList.add('is-now');
              item.prepend(el('span', { className: 'badge' }, t('companion.page.now')));
            }
            return item;
          }),
        ),
      ),
    ),
  );
}

export function renderParagraph(paragraph: CompanionParagraph): void {
  if (!paragraph.text || !paragraph.text.text) return replace('screen-body', el('p', { className: 'empty' }, t('companion.page.screenEmpty')));
  const text = paragraph.label ? { ...paragraph.text, text: `${paragraph.label}${paragraph.text.text}` } : paragraph.text;
  replace(
    'screen-body',
    el(
      'figure',
      { className: 'on-screen' },
      paragraph.documentTitle
        ? el(
            'figcaption',
            {},
            picked('span', paragraph.documentTitle, 'meta-line'),
            paragraph.number !== null ? el('span', { className: 'meta-line point' }, t('companion.page.point', { number: paragraph.number })) : null,
          )
        : null,
      picked('p', text, 'paragraph-text'),
      fallbackNote(paragraph.text),
    ),
  );
}

export function renderAnnouncements(announcements: CompanionAnnouncement[]): void {
  if (announcements.length === 0) return replace('announcements-body', el('p', { className: 'empty' }, t('companion.page.noAnnouncements')));
  replace(
    'announcements-body',
    el(
      'ul',
      { className: 'announcements' },
      ...announcements.map((a) =>
        el(
          'li',
          { className: 'announcement' },
          picked('p', { text: a.text, lang: a.lang, fallback: false }, 'announcement-text'),
          el('p', { className: 'posted' }, t('companion.page.postedAt', { time: timeOf(a.postedAt, language()) })),
        ),
      ),
    ),
  );
}

export function renderDocuments(documents: CompanionDocument[], lang: string): void {
  if (documents.length === 0) return replace('documents-body', el('p', { className: 'empty' }, t('companion.page.noDocuments')));
  replace(
    'documents-body',
    el(
      'ul',
      { className: 'documents' },
      ...documents.map((d) => {
        const link = el('a', { className: 'document-link', attrs: { href: d.href, download: '' } }, picked('span', d.title));
        link.setAttribute('aria-label', t('companion.page.download', { title: d.title.text, language: languageName(lang) }));
        return el('li', {}, link);
      }),
    ),
  );
}

export function renderMine(found: { sessionIds: string[]; names: string[] }, asked: string, agenda: CompanionAgenda | undefined): void {
  if (asked.trim().length < 2) return replace('mine-body', el('p', { className: 'empty' }, t('companion.page.mineShort')));
  if (found.sessionIds.length === 0) return replace('mine-body', el('p', { className: 'empty' }, t('companion.page.mineNone', { name: asked.trim() })));
  const byId = new Map((agenda?.sessions ?? []).map((s) => [s.id, s]));
  replace(
    'mine-body',
    el('p', {}, t('companion.page.mineFound', { names: found.names.join(', ') })),
    el('ul', { className: 'sessions' }, ...found.sessionIds.flatMap((id) => (byId.get(id) ? [sessionItem(byId.get(id) as CompanionSession, true)] : []))),
  );
}
