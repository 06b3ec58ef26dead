import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Amendment } from '../../../../shared/amendments';
import { amendmentDiff } from './amendedText';
import { WordDiffView } from './WordDiffView';

interface Props {
  amendment: Amendment;
  /** The paragraph's text now, in the amendment's language. */
  currentText: string;
  busy: boolean;
  onAccept(reviewedText: string): void;
  onCancel(): void;
}

/**
 * The paragraph changed after the amendment was written: before it is applied, the chair sees what
 * changed since, and what the amendment would now do to the current text. Accepting from here
 * names the text reviewed, so a further change made meanwhile is caught again, never overwritten.
 */
export function StaleReview({ amendment, currentText, busy, onAccept, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      className="stale-review"
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-explain`}
      tabIndex={-1}
      ref={box}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <h6 id={`${id}-title`}>{t('amendments.review.title')}</h6>
      <p id={`${id}-explain`}>{t('amendments.review.explain')}</p>
      <p className="review-step">{t('amendments.review.sinceProposed')}</p>
      <WordDiffView before={amendment.baseText} after={currentText} lang={amendment.lang} label={t('amendments.review.sinceProposed')} />
      <p className="review-step">{t('amendments.review.againstCurrent')}</p>
      <WordDiffView {...amendmentDiff(amendment, currentText)} lang={amendment.lang} label={t('amendments.review.againstCurrent')} />
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => onAccept(currentText)}>
          {t('amendments.review.acceptAnyway')}
        </button>
        <button type="button" onClick={onCancel} aria-keyshortcuts="Escape">
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
