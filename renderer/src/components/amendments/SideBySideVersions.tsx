import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import type { AppError } from '../../../../shared/result';
import { ErrorMessage } from '../ErrorMessage';
import { WordDiffView } from './WordDiffView';

interface Props {
  /** Names the group: what these are versions of. */
  label: string;
  lang: string;
  shown: string;
  others: readonly string[];
  /** Makes the chosen text the only live one; resolves to an error if it could not. */
  onChoose(text: string): Promise<AppError | undefined>;
}

/**
 * Versions of one text written at the same moment on two laptops, as cards side by side: the one
 * shown now first, then each other one with its differences from it. Nothing is lost until someone
 * chooses, and the choice travels to the other laptops like any edit.
 */
export function SideBySideVersions({ label, lang, shown, others, onChoose }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError>();
  const [busy, setBusy] = useState(false);
  const choose = async (text: string) => {
    setBusy(true);
    const failure = await onChoose(text);
    setBusy(false);
    setError(failure);
  };
  return (
    <section className="side-versions" aria-label={label}>
      <p className="warning">
        <span aria-hidden="true">⚠ </span>
        {t('amendments.versions.explain', { number: others.length + 1 })}
      </p>
      <ol className="version-grid">
        <li className="version-card" aria-label={t('amendments.versions.number', { number: 1 })}>
          <p className="version-title">{t('amendments.versions.shown')}</p>
          <p lang={lang} dir={directionOf(lang)}>
            {shown}
          </p>
          <button type="button" disabled={busy} onClick={() => void choose(shown)}>
            {t('amendments.versions.keep', { number: 1 })}
          </button>
        </li>
        {others.map((text, index) => (
          <li key={index} className="version-card" aria-label={t('amendments.versions.number', { number: index + 2 })}>
            <p className="version-title">{t('amendments.versions.other', { number: index + 2 })}</p>
            <WordDiffView before={shown} after={text} lang={lang} label={t('amendments.versions.against')} />
            <button type="button" disabled={busy} onClick={() => void choose(text)}>
              {t('amendments.versions.keep', { number: index + 2 })}
            </button>
          </li>
        ))}
      </ol>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
