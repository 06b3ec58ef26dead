import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxVoteFileBytes, type VoteFileCheck } from '../../../../shared/decisions';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { formatNumber } from '../../i18n/intlFormat';
import { ErrorMessage } from '../ErrorMessage';

interface Props {
  documentId: string;
  paragraphId: string | null;
  disabled: boolean;
  onRecorded(): void;
}

/**
 * A recorded vote from the secretariat's CSV file (columns delegation, vote): checked first, each
 * problem shown with its line, and recorded only when the whole file is right.
 */
export function VoteFileImport({ documentId, paragraphId, disabled, onRecorded }: Props) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<{ name: string; csv: string; check: VoteFileCheck }>();
  const [error, setError] = useState<AppError>();
  const lang = i18n.language;

  const choose = async (chosen: File | undefined) => {
    setError(undefined);
    setFile(undefined);
    if (!chosen) return;
    if (chosen.size > maxVoteFileBytes) {
      setFile({ name: chosen.name, csv: '', check: { votes: [], problems: [{ line: 0, code: 'tooLarge', value: String(maxVoteFileBytes) }] } });
      return;
    }
    const csv = await chosen.text();
    const result = await api['decisions:checkVoteFile']({ documentId, csv, lang });
    if (!result.ok) return setError(result.error);
    setFile({ name: chosen.name, csv, check: result.value });
  };
  const record = async () => {
    if (!file) return;
    const result = await api['decisions:voteFile']({ documentId, paragraphId, csv: file.csv, lang });
    if (!result.ok) return setError(result.error);
    setFile(undefined);
    onRecorded();
  };
  const problems = file?.check.problems ?? [];
  return (
    <div className="vote-file">
      <label className="field">
        <span>{t('decisions.file.choose')}</span>
        <input type="file" accept=".csv,text/csv,text/plain" disabled={disabled} onChange={(event) => void choose(event.target.files?.[0])} />
      </label>
      <p className="hint">{t('decisions.file.hint')}</p>
      {error && <ErrorMessage error={error} />}
      {problems.length > 0 && (
        <div role="alert" className="error-message">
          <p>{t('decisions.file.refused', { file: file?.name ?? '' })}</p>
          <ul>
            {problems.map((p, index) => (
              <li key={index}>
                {p.line > 0 && `${t('decisions.file.line', { line: formatNumber(p.line, lang) })} `}
                <bdi>{t(`decisions.file.problem.${p.code}`, { value: p.value, limit: p.value })}</bdi>
              </li>
            ))}
          </ul>
        </div>
      )}
      {file && problems.length === 0 && (
        <p role="status">
          {t('decisions.file.ready', { number: formatNumber(file.check.votes.length, lang), file: file.name })}{' '}
          <button type="button" onClick={() => void record()} disabled={disabled}>
            {t('decisions.file.record')}
          </button>
        </p>
      )}
    </div>
  );
}
