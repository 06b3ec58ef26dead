import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranslationState } from '../../../../shared/agenda';
import { directionOf } from '../../../../shared/languages';
import { leadingOrdinal, stripLeadingOrdinal } from '../../../../shared/leadingOrdinal';
import { maxParagraphText, type DraftParagraph } from '../../../../shared/outcome';
import { isPlainText, parseRichText, richTextProblems } from '../../../../shared/richText';
import { useProseText } from '../../hooks/useProseField';
import type { Permission } from '../../hooks/useForumRoles';
import { languageLabel } from '../agenda/agendaFormat';
import { ErrorMessage } from '../ErrorMessage';
import { FieldError } from '../FieldError';
import type { ProseSaver } from '../proseSaver';
import { ProseSaveStatus } from '../ProseSaveStatus';
import { ProseVersions } from '../ProseVersions';
import { RoleGate } from '../RoleGate';
import { bracketSelection } from './bracketText';
import { MergeFieldMenu } from './MergeFieldMenu';
import { paragraphTextId, type ParagraphTextFields } from './paragraphTextTarget';
import type { TextEdit } from './richEdit';
import { richShortcut, RichToolbar, type RichCommand } from './RichToolbar';
import { RichBlocks } from './RichTextView';

import { leadMarker } from '../../../../shared/paragraphRefs';

export interface BracketTarget {
  /** Puts the selected words in [brackets]; false when nothing is selected. */
  bracket(): boolean;
  /** Puts `token` (a reference, say) at the cursor. */
  insert(token: string): void;
}

interface Props {
  saver: ProseSaver<ParagraphTextFields, DraftParagraph>;
  paragraphId: string;
  documentId: string;
  lang: string;
  isSource: boolean;
  stored: string;
  /** For a translation: missing, out of date (the source changed since), or current. */
  state: TranslationState | undefined;
  alternatives: readonly string[];
  /** The paragraph is a point the document labels with an ordinal word ("First, "): typing one too is warned about. */
  ordinal: boolean;
  onBracketed(): void;
  onNothingSelected(): void;
  onFocusLanguage(lang: string): void;
  /** Ctrl+Shift+X: the drafter wants to insert a reference to a paragraph. */
  onReference?(): void;
  register(lang: string, target: BracketTarget | null): void;
  onSettled(): void;
  /** Whether this laptop may change the text; if not, it can still be read, selected and copied. */
  permission: Permission;
}

/**
 * One language of a paragraph, saved as it is typed by the prose saver. Ctrl+Shift+B brackets the
 * selected words; Ctrl+B, Ctrl+I and Ctrl+K (and the toolbar) write rich text's markup, shown
 * rendered in the preview below the box, with any problem that would stop it being kept.
 */
export function ParagraphTextEditor(props: Props) {
  const { saver, paragraphId, documentId, lang, isSource, stored, state, alternatives, ordinal, onBracketed, onNothingSelected, onFocusLanguage, onReference, register, onSettled, permission } = props;
  const { t, i18n } = useTranslation();
  const fields = () => ({ paragraphId, documentId, lang, text: stored });
  const { text: draft, status, change, flush } = useProseText(saver, paragraphTextId(paragraphId, lang), fields, stored);
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

  const [asked, setAsked] = useState<RichCommand | null>(null);
  const applyEdit = useCallback(
    (edit: TextEdit) => {
      const element = box.current;
      change(edit.text);
      void flush();
      element?.focus();
      requestAnimationFrame(() => element?.setSelectionRange(edit.start, edit.end));
    },
    [change, flush],
  );

  const insertField = (token: string) => {
    const element = box.current;
    const start = element?.selectionStart ?? draft.length;
    const end = element?.selectionEnd ?? draft.length;
    change(`${draft.slice(0, start)}${token}${draft.slice(end)}`);
    void flush();
    element?.focus();
    requestAnimationFrame(() => element?.setSelectionRange(start + token.length, start + token.length));
  };

  const insertRef = useRef(insertField);
  insertRef.current = insertField;
  useEffect(() => {
    register(lang, { bracket, insert: (token) => insertRef.current(token) });
    return () => register(lang, null);
  }, [register, lang, bracket]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!permission.allowed) return;
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.shiftKey && event.code === 'KeyB') {
      event.preventDefault();
      bracket();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.shiftKey && event.code === 'KeyX' && onReference) {
      event.preventDefault();
      onReference();
      return;
    }
    // The opening phrase (italic or underlined when printed) ends at the cursor.
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.shiftKey && event.code === 'KeyL') {
      event.preventDefault();
      insertField(leadMarker);
      return;
    }
    const command = richShortcut(event);
    if (command) {
      event.preventDefault();
      setAsked(command);
    }
  };

  // "First, …" typed into a point labelled "First, " would print twice: say so, and offer to take it out.
  const typedOrdinal = ordinal ? leadingOrdinal(draft, lang) : null;
  const stripOrdinal = () => {
    change(stripLeadingOrdinal(draft, lang));
    void flush();
    box.current?.focus();
  };

  // A refused save says why beside the box until the next edit; one waiting to be retried says so in its status.
  const refused = status.state === 'rejected' ? status.error : undefined;
  const issue = refused?.issues?.find((i) => i.path === `text.${lang}` || i.path === 'text');
  // Problems found as the text is typed, named (the refused save's message is the general one).
  const problems = richTextProblems(draft);
  const rich = isPlainText(draft) ? null : parseRichText(draft);
  const mark = !isSource && draft.trim() === '' ? 'missing' : !isSource && state === 'outdated' ? 'outdated' : undefined;
  // A save that has not landed is part of what the box says about itself; "Saved" is not news.
  const unsaved = status.state === 'retrying' || status.state === 'rejected';
  const describedBy =
    [issue ? `${id}-error` : '', problems.length > 0 ? `${id}-problems` : '', mark ? `${id}-mark` : '', unsaved ? `${id}-save` : '', typedOrdinal ? `${id}-ordinal` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field paragraph-text${mark ? ` is-${mark}` : ''}`}>
      <div className="field-head">
        <label htmlFor={id}>
          {t('drafting.editor.textIn', { language: languageLabel(lang, i18n.language) })}
          {isSource && <span className="source-mark"> {t('drafting.sourceMark')}</span>}
        </label>
        {permission.allowed && <MergeFieldMenu id={`${id}-fields`} onInsert={insertField} />}
        <ProseSaveStatus status={status} id={`${id}-save`} />
      </div>
      {permission.allowed && (
        <RichToolbar id={id} language={languageLabel(lang, i18n.language)} box={box} asked={asked} onAsked={() => setAsked(null)} onEdit={applyEdit} />
      )}
      <RoleGate permission={permission} kind="text" describedBy={describedBy}>
        {(gate) => (
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
            aria-keyshortcuts="Control+B Control+I Control+K Control+Shift+B Control+Shift+X Control+Shift+L"
            onChange={(event) => change(event.target.value)}
            onFocus={() => onFocusLanguage(lang)}
            onBlur={() => void flush()}
            onKeyDown={onKeyDown}
            {...gate}
          />
        )}
      </RoleGate>
      {problems.length > 0 && (
        <ul id={`${id}-problems`} className="rich-problems warning">
          {problems.map((problem) => (
            <li key={`${problem.code}:${problem.detail}`}>{t(`drafting.rich.problems.${problem.code}`, { detail: problem.detail })}</li>
          ))}
        </ul>
      )}
      {rich && (
        <section className="rich-preview draft-text rich-text" aria-label={t('drafting.rich.preview')} lang={lang} dir={directionOf(lang)}>
          <RichBlocks rich={rich} />
        </section>
      )}
      {mark && (
        <span id={`${id}-mark`} className={`translation-mark ${mark}`}>
          {t(`drafting.editor.${mark}`)}
        </span>
      )}
      {typedOrdinal && (
        <p className="ordinal-typed warning">
          <span id={`${id}-ordinal`} role="status">
            {t('drafting.editor.ordinalTyped', { word: typedOrdinal.word })}
          </span>{' '}
          <button type="button" className="small" onClick={stripOrdinal}>
            {t('drafting.editor.stripOrdinal', { word: typedOrdinal.word })}
          </button>
        </p>
      )}
      {issue ? <FieldError id={`${id}-error`} error={issue} /> : refused && <ErrorMessage error={refused} />}
      {alternatives.length > 0 && <ProseVersions paragraphId={paragraphId} lang={lang} shown={stored} others={[...alternatives]} onSettled={onSettled} />}
    </div>
  );
}
