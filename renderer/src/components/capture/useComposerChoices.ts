import { useCallback, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { languageLabel } from '../agenda/agendaFormat';
import type { NoteMeta } from './noteFields';
import type { Speaker } from './SpeakerField';
import type { LanguageSuggestion } from './useLanguageSuggestion';

interface Options {
  setMeta(id: string, patch: Partial<NoteMeta>): void;
  /** The note being written. */
  composerId: string;
  /** The note a toolbar choice applies to: the one written, or one edited in the stream. */
  targetId: string;
  /** Remembers the language chosen for the session's next notes. */
  setLang(lang: string): void;
  suggestion: LanguageSuggestion;
  setAnnouncement(text: string): void;
  /** Names of participants picked here, for notes of speakers outside the session's roles. */
  picked: MutableRefObject<Map<string, string>>;
}

/** The speaker and language of a note as the rapporteur chooses them, and what the next note carries over. */
export function useComposerChoices({ setMeta, composerId, targetId, setLang, suggestion, setAnnouncement, picked }: Options) {
  const { t, i18n } = useTranslation();
  // The speaker kept from the note before, shown until the rapporteur changes or clears it.
  const [carriedSpeaker, setCarriedSpeaker] = useState<string>();
  const onSpeaker = useCallback(
    (speaker: Speaker) => {
      if (speaker.id) picked.current.set(speaker.id, speaker.name);
      setMeta(targetId, { speakerId: speaker.id, speakerName: speaker.name });
      if (targetId === composerId) setCarriedSpeaker(undefined);
      setAnnouncement(speaker.name ? t('capture.speaker.set', { name: speaker.name }) : t('capture.speaker.cleared'));
    },
    [setMeta, targetId, composerId, t, setAnnouncement, picked],
  );
  // Alt+X: the note being edited in the stream loses its speaker, or the next note the one it kept.
  const clearSpeaker = useCallback(() => {
    setMeta(targetId, { speakerId: null, speakerName: '' });
    if (targetId === composerId) setCarriedSpeaker(undefined);
    setAnnouncement(t('capture.speaker.cleared'));
  }, [setMeta, targetId, composerId, t, setAnnouncement]);
  const setComposerLanguage = useCallback(
    (next: string) => {
      setMeta(composerId, { lang: next });
      setLang(next);
      suggestion.recheck(next);
    },
    [setMeta, composerId, setLang, suggestion],
  );
  const onLanguage = useCallback(
    (next: string) => (targetId === composerId ? setComposerLanguage(next) : setMeta(targetId, { lang: next })),
    [setMeta, targetId, composerId, setComposerLanguage],
  );
  const acceptLanguage = useCallback(() => {
    const offered = suggestion.suggested;
    if (!offered) return;
    setComposerLanguage(offered);
    setAnnouncement(t('capture.language.set', { language: languageLabel(offered, i18n.language) }));
  }, [suggestion.suggested, setComposerLanguage, setAnnouncement, t, i18n.language]);
  return { carriedSpeaker, setCarriedSpeaker, onSpeaker, clearSpeaker, onLanguage, acceptLanguage };
}
