import { useTranslation } from 'react-i18next';
import { languageLabel } from '../agenda/agendaFormat';
import { ariaKeys } from './captureShortcuts';

interface Props {
  /** The note's language now. */
  lang: string;
  working: readonly string[];
  uiLanguage: string;
  /** A language the letters typed fit better, to offer in one click (or Alt+G). */
  suggested: string | undefined;
  onAcceptLanguage(lang: string): void;
  /** The speaker kept from the note before, until the rapporteur changes or clears them (Alt+X). */
  carriedSpeaker: string | undefined;
  onClearSpeaker(): void;
}

/**
 * What the next note will carry without being asked, said where the rapporteur looks: a speaker
 * kept from the note before, and a language its letters do not fit. Each is undone with one key.
 */
export function ComposerNotices({ lang, working, uiLanguage, suggested, onAcceptLanguage, carriedSpeaker, onClearSpeaker }: Props) {
  const { t } = useTranslation();
  const language = (code: string) => languageLabel(code, uiLanguage);
  const notWorking = !working.includes(lang);
  // Always there, so what appears in it is read out as it appears.
  return (
    <div className="composer-notices" aria-live="polite">
      {carriedSpeaker && (
        <p className="composer-notice speaker-carried">
          <span>{t('capture.speaker.still', { name: carriedSpeaker })}</span>{' '}
          <button type="button" className="link-button" onClick={onClearSpeaker} aria-keyshortcuts={ariaKeys('clearSpeaker')}>
            {t('capture.speaker.clear')}
          </button>
        </p>
      )}
      {suggested ? (
        <p className="composer-notice language-suggestion">
          <span>{t('capture.language.mismatch', { language: language(lang) })}</span>{' '}
          <button type="button" onClick={() => onAcceptLanguage(suggested)} aria-keyshortcuts={ariaKeys('acceptLanguage')}>
            {t('capture.language.use', { language: language(suggested) })}
          </button>
        </p>
      ) : (
        notWorking && <p className="composer-notice language-not-working">{t('capture.language.notWorking', { language: language(lang) })}</p>
      )}
    </div>
  );
}
