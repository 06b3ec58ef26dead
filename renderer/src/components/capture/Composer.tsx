import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import type { Permission } from '../../hooks/useForumRoles';
import { RoleGate } from '../RoleGate';
import type { NoteSaver } from './noteSaver';
import { useDraftMeta } from './useSaveStatus';

interface Props {
  saver: NoteSaver;
  draftId: string;
  fallbackLang: string;
  box: Ref<HTMLTextAreaElement>;
  /** Ctrl+Enter: the note is done, the next one starts (the screen empties the box). */
  onFinish(): void;
  /** Each keystroke's text and the note's language, for the script check (which renders only when its answer changes). */
  onText?(text: string, lang: string): void;
  describedBy: string;
  /** Whether this laptop may write the session's notes; if not the box is read-only and says why. */
  permission: Permission;
}

/**
 * Where the rapporteur types. The textarea is uncontrolled and a keystroke only hands the text to
 * the saver: nothing else on the screen renders while they type, so each key shows at once.
 */
export function Composer({ saver, draftId, fallbackLang, box, onFinish, onText, describedBy, permission }: Props) {
  const { t } = useTranslation();
  const meta = useDraftMeta(saver, draftId);
  const lang = meta?.lang ?? fallbackLang;
  return (
    <RoleGate permission={permission} kind="text" describedBy={describedBy}>
      {(gate) => (
        <textarea
          ref={box}
          className="composer-box"
          lang={lang}
          dir={directionOf(lang)}
          aria-label={t('capture.composer.label')}
          aria-describedby={describedBy}
          {...gate}
          aria-keyshortcuts="Control+Enter"
          placeholder={t('capture.composer.placeholder')}
          onInput={(event) => {
            const text = event.currentTarget.value;
            saver.editText(draftId, text);
            onText?.(text, lang);
          }}
          onBlur={() => void saver.flush()}
          onKeyDown={(event) => {
            if (permission.allowed && (event.ctrlKey || event.metaKey) && event.key === 'Enter') {
              event.preventDefault();
              onFinish();
            }
          }}
        />
      )}
    </RoleGate>
  );
}
