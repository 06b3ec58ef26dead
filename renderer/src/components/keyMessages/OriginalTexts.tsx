import { useTranslation } from 'react-i18next';
import type { KeyMessage } from '../../../../shared/keyMessages';
import { languageLabel } from '../agenda/agendaFormat';
import { scriptOf, scriptsOfLanguage } from '../capture/textScript';
import type { KeyMessageActions } from './keyMessageActions';
import { KeyMessageTextField } from './KeyMessageTextField';

interface Props {
  message: KeyMessage;
  /** Working languages, source first. */
  languages: readonly string[];
  actions: KeyMessageActions;
  onChoose(lang: string, text: string): void;
}

/** The languages of a message's text that the forum does not work in: promoted from a note noted in one. */
export function originalLanguages(message: KeyMessage, languages: readonly string[]): string[] {
  return Object.keys(message.text).filter((lang) => !languages.includes(lang) && (message.text[lang] ?? '') !== '');
}

/**
 * Text kept in a language that is not a working language (a note taken in it, or typed under the
 * wrong one): shown and labelled as such beside the working languages' boxes, so it can be read
 * and translated, and moved in one click to an empty box of a working language its letters fit.
 */
export function OriginalTexts({ message, languages, actions, onChoose }: Props) {
  const { t, i18n } = useTranslation();
  const originals = originalLanguages(message, languages);
  if (originals.length === 0) return null;
  return (
    <>
      {originals.map((lang) => {
        const text = message.text[lang] ?? '';
        const script = scriptOf(text);
        const targets = languages.filter((l) => !(message.text[l] ?? '').trim() && script !== undefined && scriptsOfLanguage(l).includes(script));
        const language = languageLabel(lang, i18n.language);
        return (
          <div key={lang} className="key-message-original">
            <p className="original-note">{t('keyMessages.card.notWorking', { language })}</p>
            <KeyMessageTextField
              saver={actions.textSaver}
              messageId={message.id}
              lang={lang}
              isSource={false}
              label={t('keyMessages.card.original', { language })}
              stored={text}
              alternatives={message.alternatives[lang] ?? []}
              onChoose={onChoose}
            />
            {targets.length > 0 && (
              <div className="original-moves">
                {targets.map((target) => (
                  <button key={target} type="button" onClick={() => void actions.update(message.id, { text: { [target]: text, [lang]: '' } })}>
                    {t('keyMessages.card.moveTo', { language: languageLabel(target, i18n.language) })}
                  </button>
                ))}
              </div>
            )}
          </div>
        );
      })}
    </>
  );
}
