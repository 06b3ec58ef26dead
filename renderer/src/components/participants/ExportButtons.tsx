import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantListFilter } from '../../../../shared/participants';
import type { AppError } from '../../../../shared/result';
import { base64ToBytes } from '../../api/base64';
import { api } from '../../api/plenaryApi';
import { useApiQuery } from '../../hooks/useApiQuery';
import { formatNumber } from '../../i18n/intlFormat';
import { ExportButton } from '../exports/ExportButton';
import { ErrorMessage } from '../ErrorMessage';

type Format = 'csv' | 'xlsx';

interface Props {
  forumId: string;
  /** The list as the screen shows it (search, filters, order): CSV and Excel export that view. */
  filter: ParticipantListFilter;
}

/** Saves the list as shown as CSV or Excel, as the core writes it, or everyone as a Word table through the export dialog. */
export function ExportButtons({ forumId, filter }: Props) {
  const { t, i18n } = useTranslation();
  const forum = useApiQuery('forums:get', { id: forumId }).data;
  const [busy, setBusy] = useState<Format>();
  const [saved, setSaved] = useState<{ fileName: string; rows: number }>();
  const [error, setError] = useState<AppError>();

  const exportAs = async (format: Format) => {
    setBusy(format);
    setSaved(undefined);
    setError(undefined);
    const result = await api['participants:export']({ forumId, format, filter });
    setBusy(undefined);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const { data, fileName, mimeType } = result.value;
    const url = URL.createObjectURL(new Blob([base64ToBytes(data)], { type: mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    // The download has started once click() returns, but revoking at once cancels it in some engines.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setSaved({ fileName, rows: result.value.rows });
  };

  return (
    <>
      <button type="button" onClick={() => void exportAs('csv')} disabled={busy !== undefined}>
        {busy === 'csv' ? t('participants.list.exporting') : t('participants.list.exportCsv')}
      </button>
      <button type="button" onClick={() => void exportAs('xlsx')} disabled={busy !== undefined}>
        {busy === 'xlsx' ? t('participants.list.exporting') : t('participants.list.exportXlsx')}
      </button>
      {forum && (
        <ExportButton
          target={{ kind: 'participants', forumId, languages: [forum.sourceLanguage, ...forum.languages.filter((l) => l !== forum.sourceLanguage)], sourceLanguage: forum.sourceLanguage }}
        />
      )}
      <span role="status" className="export-status">
        {saved && t('participants.list.exported', { fileName: saved.fileName, number: formatNumber(saved.rows, i18n.language) })}
      </span>
      {error && <ErrorMessage error={error} />}
    </>
  );
}
