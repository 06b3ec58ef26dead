import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../shared/languages';
import { ErrorMessage } from '../components/ErrorMessage';
import { dayLabel } from '../components/agenda/agendaFormat';
import { sessionLabels } from '../components/keyMessages/sessionLabels';
import { useDebouncedValue } from '../components/participants/useDebouncedValue';
import { SearchResultGroup, type SearchGroup, type SearchHit } from '../components/search/SearchResultGroup';
import { useSearch } from '../components/search/useSearch';
import { useApiQuery } from '../hooks/useApiQuery';
import { routeHref } from '../hooks/useRoute';
import { formatNumber } from '../i18n/intlFormat';

const groups: readonly SearchGroup[] = ['notes', 'keyMessages', 'sessions', 'participants'];
const firstLimit = 20;
const moreLimit = 100;

/** One box over notes, key messages, sessions and people, searching as you type. */
export function SearchScreen({ forumId, query }: { forumId: string; query?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const uiLanguage = i18n.language;
  const [text, setText] = useState(query ?? '');
  const settled = useDebouncedValue(text, 150);
  // "Show more" holds for the query it was asked for; a new query starts short again.
  const [moreFor, setMoreFor] = useState<string>();
  const { results, error, busy } = useSearch(forumId, settled, moreFor === settled ? moreLimit : firstLimit);
  const agenda = useApiQuery('agenda:get', { forumId }).data;
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  // The query lives in the address, so Back and a reload return to it; replaced, not pushed,
  // or every keystroke would be a step back.
  useEffect(() => {
    const href = routeHref(settled.trim() ? { name: 'search', id: forumId, query: settled } : { name: 'search', id: forumId });
    if (window.location.hash !== href) window.history.replaceState(window.history.state, '', href);
  }, [forumId, settled]);

  const session = useMemo(() => {
    const source = agenda?.forum.sourceLanguage ?? uiLanguage;
    return sessionLabels(agenda?.sessions ?? [], uiLanguage, source, { text: t('search.unknownSession'), lang: uiLanguage });
  }, [agenda, uiLanguage, t]);

  const sessionContext = (hit: SearchHit) => {
    if (!hit.sessionId) return null;
    const label = session(hit.sessionId);
    return (
      <>
        {label.day && (
          <>
            <span className="session-time">{`${dayLabel(label.day, uiLanguage)} ${label.time}`}</span>
            {' · '}
          </>
        )}
        <span lang={label.lang} dir={directionOf(label.lang)}>
          {label.text}
        </span>
      </>
    );
  };
  const whenContext = (hit: SearchHit) => {
    const label = session(hit.id);
    return label.day ? <span className="session-time">{`${dayLabel(label.day, uiLanguage)} ${label.time}`}</span> : null;
  };
  const hrefOf: Record<SearchGroup, (hit: SearchHit) => string> = {
    // A result opens where it is: the note in its session's stream, the message in the list.
    notes: (hit) => routeHref(hit.sessionId ? { name: 'capture', id: forumId, sessionId: hit.sessionId, noteId: hit.id } : { name: 'capture', id: forumId }),
    keyMessages: (hit) => routeHref({ name: 'keyMessages', id: forumId, messageId: hit.id }),
    sessions: (hit) => routeHref({ name: 'editSession', id: forumId, sessionId: hit.id }),
    participants: (hit) => routeHref({ name: 'editParticipant', id: forumId, participantId: hit.id }),
  };
  const contextOf: Partial<Record<SearchGroup, (hit: SearchHit) => ReactNode>> = {
    notes: sessionContext,
    keyMessages: sessionContext,
    sessions: whenContext,
  };

  // Arrow keys walk from the box through every result in reading order, and back up to the box.
  const hitLinks = () => [...(list.current?.querySelectorAll<HTMLAnchorElement>('a.search-hit') ?? [])];
  const fromBox = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown') return;
    const first = hitLinks()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  };
  const withinResults = (event: KeyboardEvent<HTMLDivElement>) => {
    const links = hitLinks();
    const index = links.indexOf(event.target as HTMLAnchorElement);
    if (index < 0) return;
    let target: HTMLElement | undefined;
    if (event.key === 'ArrowDown') target = links[index + 1];
    else if (event.key === 'ArrowUp') target = index === 0 ? (input.current ?? undefined) : links[index - 1];
    else if (event.key === 'Home' && event.ctrlKey) target = links[0];
    else if (event.key === 'End' && event.ctrlKey) target = links.at(-1);
    if (!target) return;
    event.preventDefault();
    target.focus();
  };

  const totals = results?.totals;
  const found = totals ? totals.notes + totals.keyMessages + totals.sessions + totals.participants : 0;
  const truncated = results ? groups.some((g) => results.totals[g] > results[g].length) : false;
  const searching = settled.trim() !== '';

  return (
    <section className="search-screen" aria-labelledby="search-heading">
      <h1 id="search-heading">{t('search.title')}</h1>
      <form role="search" aria-label={t('search.landmark')} className="search-form" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="search-box">{t('search.label')}</label>
        <input
          id="search-box"
          ref={input}
          type="search"
          // An empty box follows the page (its placeholder is in the UI language); typed text its own script.
          dir={text ? 'auto' : undefined}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={text}
          placeholder={t('search.placeholder')}
          aria-describedby="search-keys"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={fromBox}
        />
        <p id="search-keys" className="hint">
          {t('search.keys')}
        </p>
      </form>
      <p role="status" className="search-status">
        {searching && busy && !results && t('search.searching')}
        {searching && results && found > 0 && t('search.found', { number: results.notesTotalIsLowerBound ? t('search.atLeast', { number: formatNumber(found, uiLanguage) }) : formatNumber(found, uiLanguage) })}
        {/* Said to screen readers here; seen in the box below. */}
        {searching && results && found === 0 && !busy && <span className="agenda-sr-only">{t('search.none.title', { query: results.query })}</span>}
      </p>
      {error && <ErrorMessage error={error} />}
      {!searching && (
        <div className="empty-state">
          <h2>{t('search.empty.title')}</h2>
          <p>{t('search.empty.body')}</p>
        </div>
      )}
      {searching && results && found === 0 && !busy && (
        <div className="empty-state">
          <h2>{t('search.none.title', { query: results.query })}</h2>
          <p>{t('search.none.body')}</p>
        </div>
      )}
      {searching && results && found > 0 && (
        <div id="search-results" ref={list} className="search-results" aria-busy={busy} onKeyDown={withinResults}>
          {groups.map((group) => (
            <SearchResultGroup key={group} group={group} hits={results[group]} total={results.totals[group]}
              totalIsLowerBound={group === 'notes' && results.notesTotalIsLowerBound}
              hrefOf={hrefOf[group]} contextOf={contextOf[group]} />
          ))}
          {truncated && moreFor !== settled && (
            <button type="button" onClick={() => setMoreFor(settled)}>
              {t('search.more', { number: moreLimit })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
