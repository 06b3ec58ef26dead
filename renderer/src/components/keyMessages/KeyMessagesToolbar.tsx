import { useTranslation } from 'react-i18next';
import { languageLabel } from '../agenda/agendaFormat';
import type { SessionLabel } from './sessionLabels';

export type KeyMessagesView = 'session' | 'theme';
const views: readonly KeyMessagesView[] = ['session', 'theme'];

interface Props {
  view: KeyMessagesView;
  onView(view: KeyMessagesView): void;
  languages: readonly string[];
  lang: string;
  onLanguage(lang: string): void;
  sessionIds: readonly string[];
  sessionFilter: string;
  onSessionFilter(sessionId: string): void;
  sessionLabel(sessionId: string): SessionLabel;
}

/** By session or by theme; which session; which language the board and suggestions read in. */
export function KeyMessagesToolbar(props: Props) {
  const { view, onView, languages, lang, onLanguage, sessionIds, sessionFilter, onSessionFilter, sessionLabel } = props;
  const { t, i18n } = useTranslation();
  return (
    <div className="agenda-controls key-messages-toolbar">
      <div role="group" aria-label={t('keyMessages.views.label')} className="view-switch">
        {views.map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => onView(v)}>
            {t(`keyMessages.views.${v}`)}
          </button>
        ))}
      </div>
      {view === 'session' && (
        <label className="inline-field">
          <span>{t('keyMessages.views.sessionFilter')}</span>
          <select value={sessionFilter} onChange={(event) => onSessionFilter(event.target.value)}>
            <option value="">{t('keyMessages.views.allSessions')}</option>
            {sessionIds.map((id) => {
              const session = sessionLabel(id);
              return (
                <option key={id} value={id}>
                  {session.time ? `${session.time} ${session.text}` : session.text}
                </option>
              );
            })}
          </select>
        </label>
      )}
      <label className="inline-field">
        <span>{t('forum.contentLanguage')}</span>
        <select value={lang} onChange={(event) => onLanguage(event.target.value)}>
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageLabel(code, i18n.language)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
