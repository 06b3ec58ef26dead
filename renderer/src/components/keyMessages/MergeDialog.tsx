import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../ModalDialog';
import type { KeyMessage } from '../../../../shared/keyMessages';
import { directionOf } from '../../../../shared/languages';
import type { AppError } from '../../../../shared/result';
import { languageLabel } from '../agenda/agendaFormat';
import { ErrorMessage } from '../ErrorMessage';
import type { SessionLabel } from './sessionLabels';

interface Props {
  first: KeyMessage;
  second: KeyMessage;
  /** Working languages, source first. */
  languages: readonly string[];
  sessionLabel(sessionId: string): SessionLabel;
  onConfirm(keepId: string, mergeId: string, text: Record<string, string> | undefined): Promise<AppError | undefined>;
  onClose(): void;
}

/** Joins two texts the way a reader expects in that script: no space between Chinese sentences. */
function joinTexts(a: string, b: string, lang: string): string {
  if (!a.trim()) return b;
  if (!b.trim()) return a;
  return lang.startsWith('zh') || lang.startsWith('ja') ? `${a.trim()}${b.trim()}` : `${a.trim()} ${b.trim()}`;
}

/**
 * Two messages become one: both texts side by side in each language, the merged text taken from
 * either, both, or edited by hand; the result keeps the sources of both.
 */
export function MergeDialog({ first, second, languages, sessionLabel, onConfirm, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [keep, setKeep] = useState<'first' | 'second'>('first');
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(languages.map((lang) => [lang, first.text[lang] || second.text[lang] || ''])),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError>();

  const kept = keep === 'first' ? first : second;
  const merged = keep === 'first' ? second : first;
  const shownLanguages = languages.filter((lang) => first.text[lang] || second.text[lang]);
  const sourceCount = new Set([...first.sources, ...second.sources].map((s) => s.noteId)).size;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changed = Object.fromEntries(languages.filter((lang) => (texts[lang] ?? '').trim() !== (kept.text[lang] ?? '').trim()).map((lang) => [lang, (texts[lang] ?? '').trim()]));
    setBusy(true);
    setError(undefined);
    const failure = await onConfirm(kept.id, merged.id, Object.keys(changed).length > 0 ? changed : undefined);
    setBusy(false);
    if (failure) setError(failure);
  };

  const sideLabel = (message: KeyMessage, which: 'first' | 'second') => {
    const session = sessionLabel(message.sessionId);
    return (
      <>
        {t(`keyMessages.merge.${which}`)}
        {' · '}
        <span lang={session.lang} dir={directionOf(session.lang)}>
          {session.text}
        </span>
      </>
    );
  };

  return (
    <ModalDialog className="merge-dialog" labelledBy="merge-dialog-title" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="merge-dialog-title">{t('keyMessages.merge.title')}</h2>
        <p className="hint">{t('keyMessages.merge.intro', { number: sourceCount })}</p>
        <fieldset className="merge-keep">
          <legend>{t('keyMessages.merge.keepLegend')}</legend>
          {(['first', 'second'] as const).map((which) => (
            <label key={which} className="checkbox">
              <input type="radio" name="merge-keep" checked={keep === which} onChange={() => setKeep(which)} />
              <span>{sideLabel(which === 'first' ? first : second, which)}</span>
            </label>
          ))}
        </fieldset>
        {shownLanguages.map((lang) => {
          const id = `merge-text-${lang}`;
          const language = languageLabel(lang, i18n.language);
          const set = (text: string) => setTexts((all) => ({ ...all, [lang]: text }));
          return (
            <fieldset key={lang} className="merge-language">
              <legend>{language}</legend>
              <div className="merge-compare">
                {([first, second] as const).map((message, index) => (
                  <div key={message.id} className="merge-side">
                    <p className="merge-side-label">{t(index === 0 ? 'keyMessages.merge.first' : 'keyMessages.merge.second')}</p>
                    <p lang={lang} dir={directionOf(lang)} className="merge-side-text">
                      {message.text[lang] || '—'}
                    </p>
                    {message.text[lang] && (
                      <button type="button" onClick={() => set(message.text[lang] ?? '')}>
                        {t(index === 0 ? 'keyMessages.merge.useFirst' : 'keyMessages.merge.useSecond')}
                      </button>
                    )}
                  </div>
                ))}
              </div>
              <div className="field">
                <label htmlFor={id}>{t('keyMessages.merge.result', { language })}</label>
                <textarea id={id} lang={lang} dir={directionOf(lang)} rows={3} maxLength={5000} value={texts[lang] ?? ''} onChange={(event) => set(event.target.value)} />
              </div>
              {first.text[lang] && second.text[lang] && (
                <button type="button" onClick={() => set(joinTexts(first.text[lang] ?? '', second.text[lang] ?? '', lang))}>
                  {t('keyMessages.merge.useBoth')}
                </button>
              )}
            </fieldset>
          );
        })}
        {error && <ErrorMessage error={error} />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('keyMessages.merge.confirm')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
