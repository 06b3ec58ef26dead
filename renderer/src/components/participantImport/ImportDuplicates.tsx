import { useTranslation } from 'react-i18next';
import type { ImportDuplicate } from '../../../../shared/participantImport';
import { formatNumber } from '../../i18n/intlFormat';
import { ListedMatch } from './ListedMatch';

export type DuplicatePolicy = 'skip' | 'merge';

interface Props {
  forumId: string;
  duplicates: ImportDuplicate[];
  total: number;
  policy: DuplicatePolicy;
  /** Only while the import runs. */
  locked: boolean;
  onPolicy(policy: DuplicatePolicy): void;
  /** A row with the same name and organisation but another email: the user says whether it is that person. */
  onConfirmSame(line: number, same: boolean): void;
  /** Lines the user has confirmed so far (shown at once, before the preview answers). */
  samePerson: readonly number[];
}

/** Each shown match to a listed person looks its name up; beyond this the count says the rest. */
const maxShown = 100;

/** Rows that match someone already listed (or an earlier row), and what to do with them. */
export function ImportDuplicates({ forumId, duplicates, total, policy, locked, onPolicy, onConfirmSame, samePerson }: Props) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const shown = duplicates.slice(0, maxShown);
  return (
    <section aria-labelledby="import-duplicates-heading">
      <h2 id="import-duplicates-heading">{t('participantImport.duplicates.heading')}</h2>
      <fieldset className="import-policy" disabled={locked}>
        <legend>{t('participantImport.duplicates.policyLegend')}</legend>
        {(['skip', 'merge'] as const).map((choice) => (
          <label key={choice} className="checkbox">
            <input
              type="radio"
              name="import-duplicate-policy"
              value={choice}
              checked={policy === choice}
              onChange={() => onPolicy(choice)}
            />
            {t(`participantImport.duplicates.${choice}`)}
          </label>
        ))}
      </fieldset>
      <ul className="import-duplicates" aria-labelledby="import-duplicates-heading">
        {shown.map((duplicate) => (
          <li key={duplicate.line}>
            <span className="number">{t('participantImport.duplicates.line', { line: n(duplicate.line) })}</span>{' '}
            <bdi className="import-person">{duplicate.name}</bdi>{' '}
            <span className="import-match">
              {t(`participantImport.duplicates.reason.${duplicate.reason}`)}{' '}
              {duplicate.existingId ? (
                <ListedMatch forumId={forumId} participantId={duplicate.existingId} />
              ) : (
                t('participantImport.duplicates.earlierLine', { line: n(duplicate.otherLine ?? 0) })
              )}
            </span>
            {duplicate.reason === 'sameNameOtherEmail' && (
              <label className="checkbox import-same-person">
                <input
                  type="checkbox"
                  checked={samePerson.includes(duplicate.line)}
                  disabled={locked}
                  onChange={(event) => onConfirmSame(duplicate.line, event.target.checked)}
                />
                {t('participantImport.duplicates.samePerson')}
              </label>
            )}
          </li>
        ))}
      </ul>
      {total > shown.length && (
        <p className="hint">{t('participantImport.duplicates.capped', { shown: n(shown.length), total: n(total) })}</p>
      )}
    </section>
  );
}
