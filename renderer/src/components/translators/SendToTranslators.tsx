import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import type { XliffExportOutput, XliffScope, XliffVersion } from '../../../../shared/xliff';
import { api } from '../../api/plenaryApi';
import { ErrorMessage } from '../ErrorMessage';
import { ChoiceGroup } from '../exports/ChoiceGroup';
import { LanguageSelect } from '../LanguageSelect';
import type { TranslatorsTarget } from './TranslatorsDialog';

type What = XliffScope['kind'];
const whats: What[] = ['document', 'agenda', 'keyMessages'];

/** The file for one language: which texts, which XLIFF version; saved as a download. */
export function SendToTranslators({ target }: { target: TranslatorsTarget }) {
  const { t } = useTranslation();
  const languages = target.languages.filter((lang) => lang !== target.sourceLanguage);
  const [lang, setLang] = useState(languages[0] ?? '');
  const [what, setWhat] = useState<What>('document');
  const [version, setVersion] = useState<XliffVersion>('2.0');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<XliffExportOutput | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    const scope: XliffScope = what === 'document' ? { kind: 'document', documentId: target.documentId } : { kind: what };
    const result = await api['xliff:export']({ forumId: target.forumId, lang, scope, version });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const url = URL.createObjectURL(new Blob([result.value.xml], { type: 'application/xliff+xml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = result.value.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setSaved(result.value);
  };

  return (
    <form className="translators-send" onSubmit={(event) => void submit(event)} aria-labelledby="translators-send-title">
      <h3 id="translators-send-title">{t('translators.send.title')}</h3>
      <LanguageSelect label={t('translators.send.lang')} languages={languages} value={lang} onChange={setLang} />
      <ChoiceGroup<What> legend={t('translators.send.what')} options={whats} value={what} label={(value) => t(`translators.send.whats.${value}`)} onChange={setWhat} />
      <label className="inline-field">
        <span>{t('translators.send.version')}</span>
        <select value={version} onChange={(event) => setVersion(event.target.value === '1.2' ? '1.2' : '2.0')}>
          <option value="2.0">{t('translators.send.versions.v20')}</option>
          <option value="1.2">{t('translators.send.versions.v12')}</option>
        </select>
      </label>
      {error && <ErrorMessage error={error} />}
      <p role="status" className="export-status">
        {saved && t('translators.send.saved', { fileName: saved.fileName, units: saved.units, missing: saved.missing, outdated: saved.outdated })}
      </p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || lang === ''}>
          {t('translators.send.submit')}
        </button>
      </div>
    </form>
  );
}
