import { Fragment, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { captureShortcuts } from './captureShortcuts';

interface Props {
  open: boolean;
  onToggle(open: boolean): void;
  panel: Ref<HTMLDetailsElement>;
}

const translated = new Set(['enter', 'space', 'delete', 'escape']);

/** Every capture key, always one glance away ("?" opens and closes it). */
export function ShortcutHelp({ open, onToggle, panel }: Props) {
  const { t } = useTranslation();
  return (
    <details ref={panel} className="shortcut-help" open={open} onToggle={(event) => onToggle(event.currentTarget.open)}>
      <summary aria-keyshortcuts="?">{t('capture.shortcuts.title')}</summary>
      <dl>
        {captureShortcuts.map((shortcut) => (
          <Fragment key={shortcut.id}>
            <dt>
              {shortcut.chords.map((chord, c) => (
                <Fragment key={c}>
                  {c > 0 && <span className="or"> {t('capture.shortcuts.or')} </span>}
                  {chord.map((key, k) => (
                    <Fragment key={k}>
                      {k > 0 && '+'}
                      <kbd>{translated.has(key) ? t(`capture.keys.${key}`) : key}</kbd>
                    </Fragment>
                  ))}
                </Fragment>
              ))}
            </dt>
            <dd>{t(`capture.shortcuts.${shortcut.id}`)}</dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}
