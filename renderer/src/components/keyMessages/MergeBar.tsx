import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/intlFormat';

interface Props {
  count: number;
  onMerge(): void;
  onClear(): void;
}

/** Stays in view at the bottom while messages are being picked: merging takes exactly two. */
export function MergeBar({ count, onMerge, onClear }: Props) {
  const { t, i18n } = useTranslation();
  if (count === 0) return null;
  return (
    <div className="merge-bar" role="group" aria-label={t('keyMessages.mergeBar.label')}>
      <span>{t('keyMessages.mergeBar.selected', { number: formatNumber(count, i18n.language) })}</span>
      {count < 2 && <span className="hint">{t('keyMessages.mergeBar.pickAnother')}</span>}
      <button type="button" className="primary" disabled={count < 2} onClick={onMerge}>
        {t('keyMessages.mergeBar.merge')}
      </button>
      <button type="button" onClick={onClear}>
        {t('keyMessages.mergeBar.clear')}
      </button>
    </div>
  );
}
