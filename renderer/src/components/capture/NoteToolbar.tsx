import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { languageLabel } from '../agenda/agendaFormat';
import { ariaKeys } from './captureShortcuts';
import type { NoteSaver } from './noteSaver';
import type { TagOption } from './noteFormat';
import { SpeakerField, type Speaker } from './SpeakerField';
import { TagChips } from './TagChips';
import { TagPicker } from './TagPicker';
import { useDraftMeta } from './useSaveStatus';

interface Props {
  saver: NoteSaver;
  /** The note being written, or the one being edited in the stream. */
  targetId: string;
  forumId: string;
  languages: readonly string[];
  uiLanguage: string;
  sessionSpeakers: readonly { id: string; name: string; role: string }[];
  tagOptions: readonly TagOption[];
  byTag: ReadonlyMap<string, TagOption>;
  themes: readonly string[];
  tagPickerOpen: boolean;
  selectedCount: number;
  speakerInput: Ref<HTMLInputElement>;
  languageSelect: Ref<HTMLSelectElement>;
  onSpeaker(speaker: Speaker): void;
  onLanguage(lang: string): void;
  onOpenTags(): void;
  onAddTag(option: TagOption): void;
  onRemoveTag(tag: string): void;
  onCloseTags(): void;
  onToggleKeyPoint(): void;
  onPromote(): void;
  /** Back to the text after a choice. */
  onDone(): void;
}

/** Everything about the current note but its text, each with its shortcut. */
export function NoteToolbar(props: Props) {
  const { t } = useTranslation();
  const { saver, targetId, byTag } = props;
  const meta = useDraftMeta(saver, targetId);
  if (!meta) return null;
  const speaker: Speaker = { id: meta.speakerId, name: meta.speakerName };
  const languages = props.languages.includes(meta.lang) ? props.languages : [meta.lang, ...props.languages];
  return (
    <div className="note-toolbar" role="group" aria-label={t('capture.toolbar.label')}>
      <SpeakerField
        forumId={props.forumId}
        sessionSpeakers={props.sessionSpeakers}
        value={speaker}
        input={props.speakerInput}
        onPick={props.onSpeaker}
        onDone={props.onDone}
      />
      <label className="language-field">
        <span>{t('capture.language.label')}</span>
        <select ref={props.languageSelect} value={meta.lang} onChange={(event) => props.onLanguage(event.target.value)} aria-keyshortcuts={ariaKeys('language')}>
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageLabel(code, props.uiLanguage)}
            </option>
          ))}
        </select>
      </label>
      <div className="tag-field">
        <button type="button" onClick={props.onOpenTags} aria-expanded={props.tagPickerOpen} aria-keyshortcuts={ariaKeys('tag')}>
          {t('capture.tags.add')}
        </button>
        <TagChips tags={meta.tags} byTag={byTag} onRemove={props.onRemoveTag} />
        {props.tagPickerOpen && (
          <TagPicker options={props.tagOptions} themes={props.themes} current={meta.tags} onAdd={props.onAddTag} onClose={props.onCloseTags} />
        )}
      </div>
      <button type="button" className="key-point-toggle" aria-pressed={meta.keyPoint} onClick={props.onToggleKeyPoint} aria-keyshortcuts={ariaKeys('keyPoint')}>
        {t('capture.keyPoint.button')}
      </button>
      <button type="button" className="primary" onClick={props.onPromote} aria-keyshortcuts={ariaKeys('promote')}>
        {props.selectedCount > 0 ? t('capture.promote.selected', { number: props.selectedCount }) : t('capture.promote.button')}
      </button>
    </div>
  );
}
