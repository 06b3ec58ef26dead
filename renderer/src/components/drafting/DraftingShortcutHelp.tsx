import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { draftingShortcuts } from './draftingShortcuts';

const translated = new Set(['enter', 'delete', 'escape']);

interface Props {
  open: boolean;
  onToggle(open: boolean): void;
}

/** Every drafting key, one glance away ("?" opens and closes the list). */
export function DraftingShortcutHelp({ open, onToggle }: Props) {
  const { t } = useTranslation();
  return (
    <details className="shortcut-help drafting-shortcuts" open={open} onToggle={(event) => onToggle(event.currentTarget.open)}>
      <summary aria-keyshortcuts="?">{t('drafting.shortcuts.title')}</summary>
      <dl>
        {draftingShortcuts.map((shortcut) => (
          <Fragment key={shortcut.id}>
            <dt>
              {shortcut.chords.map((chord, c) => (
                <Fragment key={c}>
                  {c > 0 && <span className="or"> {t('drafting.shortcuts.or')} </span>}
                  {chord.map((key, k) => (
                    <Fragment key={k}>
                      {k > 0 && '+'}
                      <kbd>{translated.has(key) ? t(`drafting.keys.${key}`) : key}</kbd>
                    </Fragment>
                  ))}
                </Fragment>
              ))}
            </dt>
            <dd>{t(`drafting.shortcuts.${shortcut.id}`)}</dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}
