import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';

interface Props {
  lang: string;
  shown: string;
  others: readonly string[];
  onChoose(text: string): void;
}

/**
 * The same text edited at the same moment on two laptops: nothing is lost, every version stands
 * here until someone picks one, and the choice travels to the other laptops like any edit.
 */
export function KeyMessageVersions({ lang, shown, others, onChoose }: Props) {
  const { t } = useTranslation();
  return (
    <div className="prose-versions" role="group" aria-label={t('keyMessages.versions.label')}>
      <p className="warning">{t('keyMessages.versions.title')}</p>
      <ol start={2}>
        {others.map((text, index) => (
          <li key={index}>
            <p lang={lang} dir={directionOf(lang)}>
              {text}
            </p>
            <button type="button" onClick={() => onChoose(text)}>
              {t('keyMessages.versions.use', { number: index + 2 })}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChoose(shown)}>
        {t('keyMessages.versions.keepShown')}
      </button>
    </div>
  );
}
