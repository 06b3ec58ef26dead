import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranslationState } from '../../../../shared/agenda';
import { directionOf } from '../../../../shared/languages';
import { maxParagraphText } from '../../../../shared/outcome';
import type { AppError } from '../../../../shared/result';
import { languageLabel } from '../agenda/agendaFormat';
import { ErrorMessage } from '../ErrorMessage';
import { FieldError } from '../FieldError';
import { useAutosave } from '../keyMessages/useAutosave';
import { ProseVersions } from '../ProseVersions';
import { bracketSelection } from './bracketText';

export interface BracketTarget {
  /** Puts the selected words in [brackets]; false when nothing is selected. */
  bracket(): boolean;
}

interface Props {
  paragraphId: string;
  lang: string;
  isSource: boolean;
  stored: string;
  /** For a translation: missing, out of date (the source changed since), or current. */
  state: TranslationState | undefined;
  alternatives: readonly string[];
  onSave(lang: string, text: string): Promise<AppError | undefined>;
  onBracketed(): void;
  onNothingSelected(): void;
  onFocusLanguage(lang: string): void;
  register(lang: string, target: BracketTarget | null): void;
  onSettled(): void;
}

/** One language of a paragraph, saved as it is typed; Ctrl+B brackets the selected words. */
export function ParagraphTextEditor(props: Props) {
  const { paragraphId, lang, isSource, stored, state, alternatives, onSave, onBracketed, onNothingSelected, onFocusLanguage, register, onSettled } = props;
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<AppError>();
  const save = useCallback(
    async (text: string) => {
      const failure = await onSave(lang, text);
      setError(failure);
      return failure === undefined;
    },
    [onSave, lang],
  );
  const { draft, state: saveState, change, flush } = useAutosave(stored, save);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = `paragraph-${paragraphId}-${lang}`;

  const bracket = useCallback(() => {
    const element = box.current;
    if (!element) return false;
    const result = bracketSelection(element.value, element.selectionStart, element.selectionEnd);
    if (!result) {
      onNothingSelected();
      return false;
    }
    if (result.text !== element.value) {
      change(result.text);
      void flush();
    }
    element.focus();
    // The new text is rendered on the next frame; put the selection on the bracketed words then.
    requestAnimationFrame(() => element.setSelectionRange(result.start, result.end));
    onBracketed();
    return true;
  }, [change, flush, onBracketed, onNothingSelected]);

  useEffect(() => {
    register(lang, { bracket });
    return () => register(lang, null);
  }, [register, lang, bracket]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.code === 'KeyB') {
      event.preventDefault();
      bracket();
    }
  };

  // Typed back to what is stored (after a refused save, say): nothing is waiting, nothing is wrong.
  const settled = draft.trim() === stored.trim();
  const shownError = settled ? undefined : error;
  const shownState = settled && saveState === 'failed' ? 'idle' : saveState;
  const issue = shownError?.issues?.find((i) => i.path === `text.${lang}` || i.path === 'text');
  const mark = !isSource && draft.trim() === '' ? 'missing' : !isSource && state === 'outdated' ? 'outdated' : undefined;
  const describedBy = [issue ? `${id}-error` : '', mark ? `${id}-mark` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field paragraph-text${mark ? ` is-${mark}` : ''}`}>
      <div className="field-head">
        <label htmlFor={id}>
          {t('drafting.editor.textIn', { language: languageLabel(lang, i18n.language) })}
          {isSource && <span className="source-mark"> {t('drafting.sourceMark')}</span>}
        </label>
        <span className={`save-state save-${shownState}`}>{shownState === 'idle' ? '' : t(`drafting.save.${shownState}`)}</span>
      </div>
      <textarea
        ref={box}
        id={id}
        lang={lang}
        dir={directionOf(lang)}
        rows={4}
        value={draft}
        maxLength={maxParagraphText}
        aria-invalid={issue ? true : undefined}
        aria-describedby={describedBy}
        aria-keyshortcuts="Control+B"
        onChange={(event) => change(event.target.value)}
        onFocus={() => onFocusLanguage(lang)}
        onBlur={() => void flush()}
        onKeyDown={onKeyDown}
      />
      {mark && (
        <span id={`${id}-mark`} className={`translation-mark ${mark}`}>
          {t(`drafting.editor.${mark}`)}
        </span>
      )}
      {issue ? <FieldError id={`${id}-error`} error={issue} /> : shownError && <ErrorMessage error={shownError} />}
      {alternatives.length > 0 && <ProseVersions paragraphId={paragraphId} lang={lang} shown={stored} others={[...alternatives]} onSettled={onSettled} />}
    </div>
  );
}
