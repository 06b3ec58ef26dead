import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import { maxXliffFileBytes, type XliffImportOutput, type XliffPreview } from '../../../../shared/xliff';
import { api } from '../../api/plenaryApi';
import { ErrorMessage } from '../ErrorMessage';
import { languageName } from '../../i18n/languageName';

type Step = { kind: 'choose' } | { kind: 'preview'; fileName: string; xml: string; preview: XliffPreview } | { kind: 'done'; fileName: string; result: XliffImportOutput };

/** A file from the translators: read, previewed ("42 translated, 3 changed since export…"), then imported on request. */
export function ReceiveTranslations({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const choose = async (file: File | undefined) => {
    setError(null);
    setStep({ kind: 'choose' });
    if (!file) return;
    if (file.size > maxXliffFileBytes) return setError({ code: 'file_too_large', message: `${file.name}: ${file.size} bytes` });
    setBusy(true);
    const xml = await file.text();
    const result = await api['xliff:preview']({ forumId, fileName: file.name, xml });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setStep({ kind: 'preview', fileName: file.name, xml, preview: result.value });
  };

  const importFile = async () => {
    if (step.kind !== 'preview') return;
    setBusy(true);
    const result = await api['xliff:import']({ forumId, fileName: step.fileName, xml: step.xml });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setStep({ kind: 'done', fileName: step.fileName, result: result.value });
  };

  const counts = step.kind === 'preview' ? step.preview : step.kind === 'done' ? step.result : null;
  return (
    <section className="translators-receive" aria-labelledby="translators-receive-title">
      <h3 id="translators-receive-title">{t('translators.receive.title')}</h3>
      <label className="file-picker">
        <span>{t('translators.receive.choose')}</span>
        <input
          type="file"
          accept=".xlf,.xliff,.xml"
          disabled={busy}
          onChange={(event) => {
            void choose(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </label>
      {error && <ErrorMessage error={error} />}
      {counts && (
        <div className="translators-preview">
          <p>{t('translators.receive.file', { fileName: step.kind === 'choose' ? '' : step.fileName, lang: languageName(counts.lang, i18n.language), units: counts.units, version: counts.version })}</p>
          <ul>
            <li>{t('translators.receive.translated', { count: counts.translated })}</li>
            <li>{t('translators.receive.unchanged', { count: counts.unchanged })}</li>
            <li>{t('translators.receive.untranslated', { count: counts.untranslated })}</li>
            {counts.changed > 0 && <li>{t('translators.receive.changed', { count: counts.changed })}</li>}
            {counts.unknown > 0 && <li>{t('translators.receive.unknown', { count: counts.unknown })}</li>}
          </ul>
        </div>
      )}
      <p role="status" className="export-status">
        {step.kind === 'done' && t('translators.receive.done', { count: step.result.written })}
      </p>
      {step.kind === 'preview' && (
        <div className="form-actions">
          <button type="button" className="primary" disabled={busy || step.preview.translated === 0} onClick={() => void importFile()}>
            {t('translators.receive.submit', { count: step.preview.translated })}
          </button>
        </div>
      )}
    </section>
  );
}
