import type { TFunction } from 'i18next';
import { memo } from 'react';
import type { AgendaSession } from '../../../../shared/agenda';
import { pickText } from '../../../../shared/multilingual';
import { routeHref } from '../../hooks/useRoute';
import { RoleGate } from '../RoleGate';
import { dayLabel } from './agendaFormat';
import { AgendaText } from './AgendaText';
import { SessionRoles } from './SessionRoles';
import { TranslationMarks } from './TranslationMarks';
import { formatClockRange } from '../../i18n/intlFormat';

export type SessionMarker = 'now' | 'next' | undefined;

interface Props {
  session: AgendaSession;
  forumId: string;
  lang: string;
  sourceLanguage: string;
  translationTargets: readonly string[];
  showTranslations: boolean;
  /** In "my sessions", which spans days, each session says its day. */
  showDay?: boolean;
  me?: string | null;
  marker: SessionMarker;
  uiLanguage: string;
  t: TFunction;
  fallbackLabel(shownLanguage: string): string;
  onDelete(session: AgendaSession): void;
  /** Why this laptop may not change the agenda (its role); empty when it may. A string keeps the card memoised. */
  lockedReason?: string;
}

/** One session of the agenda. Memoised: the clock's tick re-renders only the cards it marks. */
export const SessionCard = memo(function SessionCard(props: Props) {
  const { session, lang, sourceLanguage, marker, t, fallbackLabel } = props;
  const titleId = `session-${session.id}-title`;
  const plainTitle = pickText(session.title, lang, sourceLanguage).text || t('agenda.untitled');
  const permission = { allowed: !props.lockedReason, reason: props.lockedReason ?? '' };
  return (
    <li className={`session-card kind-${session.kind}${marker ? ` is-${marker}` : ''}`} id={`session-${session.id}`}>
      <article aria-labelledby={titleId}>
        <div className="session-when">
          <span className="session-time">
            {props.showDay && <span className="session-day">{dayLabel(session.day, props.uiLanguage)} </span>}
            {/* Isolated, each in its own direction: "9:00 – 10:30 AM"; in Arabic the range reads from the right. */}
            <bdi dir="auto">{formatClockRange(session.startTime, session.endTime, props.uiLanguage)}</bdi>
          </span>
          <span className="kind-badge">{t(`sessionKind.${session.kind}`)}</span>
          {marker && <span className={`now-marker ${marker}`}>{t(`agenda.${marker}`)}</span>}
        </div>
        <h3 id={titleId} className="session-title">
          <AgendaText text={session.title} lang={lang} sourceLanguage={sourceLanguage} fallbackLabel={fallbackLabel} />
          {!pickText(session.title, lang, sourceLanguage).text && <span className="hint">{t('agenda.untitled')}</span>}
        </h3>
        {Object.keys(session.room).length > 0 && (
          <p className="session-room">
            <span className="agenda-sr-only">{t('agenda.roomLabel')} </span>
            <AgendaText text={session.room} lang={lang} sourceLanguage={sourceLanguage} fallbackLabel={fallbackLabel} />
          </p>
        )}
        <SessionRoles roles={session.roles} me={props.me} t={t} />
        {props.showTranslations && (
          <TranslationMarks translations={session.translations} targets={props.translationTargets} uiLanguage={props.uiLanguage} t={t} />
        )}
        <div className="session-actions">
          <RoleGate permission={permission}>
            {(gate) => (
              <a href={routeHref({ name: 'editSession', id: props.forumId, sessionId: session.id })} aria-label={t('agenda.editSession', { title: plainTitle })} {...gate}>
                {t('agenda.edit')}
              </a>
            )}
          </RoleGate>
          <RoleGate permission={permission}>
            {(gate) => (
              <button type="button" className="agenda-link-button" onClick={() => props.onDelete(session)} aria-label={t('agenda.deleteSession', { title: plainTitle })} {...gate}>
                {t('agenda.delete')}
              </button>
            )}
          </RoleGate>
        </div>
      </article>
    </li>
  );
});
