import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../ModalDialog';
import type { ExportedFile } from '../../../../shared/exports';
import type { Result } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { ErrorMessage } from '../ErrorMessage';
import { ChoiceGroup } from './ChoiceGroup';
import { CompilationExportOptions, type CompilationChoices } from './CompilationExportOptions';
import { ExportProgressBar } from './ExportProgressBar';
import { sourceFirst } from './exportLanguages';
import { startingLanguage, type ExportTarget } from './exportTarget';
import { formatsOf, ListExportOptions, type ListChoices } from './ListExportOptions';
import { OutcomeExportOptions, type OutcomeChoices } from './OutcomeExportOptions';
import { useExportRun } from './useExportRun';

interface Props {
  target: ExportTarget;
  onClose(): void;
}

/**
 * The export dialog: a modal (focus stays inside, Esc closes) with the choices for what is being
 * exported, the missing translations for an outcome document, progress, and the download.
 */
export function ExportDialog({ target, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const run = useExportRun();
  const lang = startingLanguage(target, i18n.language);
  // Whatever order the forum stored its languages in, the source language is offered first.
  const languages = sourceFirst(target.languages, target.sourceLanguage);
  const [outcome, setOutcome] = useState<OutcomeChoices>({
    format: 'docx',
    languages: [lang],
    variant: 'clean',
    annexes: { participation: false, provenance: false, decisions: false },
    explanations: 'footnotes',
    fallback: false,
    paper: 'a4',
  });
  const [list, setList] = useState<ListChoices>({ format: target.kind === 'outcome' ? 'docx' : (formatsOf[target.kind][0] ?? 'docx'), lang, paper: 'a4' });
  const [insist, setInsist] = useState(false);
  // From the drafting screen: the document itself, or its compilation text (who wants what).
  const [what, setWhat] = useState<'document' | 'compilation'>('document');
  const [compilation, setCompilation] = useState<CompilationChoices>({ format: 'docx', lang, amendments: 'all' });

  const exportOutcome = async (documentId: string): Promise<void> => {
    if (outcome.languages.length === 0) return;
    if (!outcome.fallback) {
      // Checked again at the moment of export: a laptop's bundle may have changed things meanwhile.
      const check = await api['export:outcomeCheck']({ documentId, languages: outcome.languages });
      if (check.ok && check.value.missing.length > 0) {
        setInsist(true);
        return;
      }
    }
    setInsist(false);
    await run.start((exportId) => api['export:outcome']({ documentId, ...outcome, exportId }));
  };

  const exportList = (forumId: string, kind: 'agenda' | 'participants' | 'participation'): Promise<void> => {
    const start = (exportId: string): Promise<Result<ExportedFile>> => {
      if (kind === 'agenda') return api['export:agenda']({ forumId, format: list.format === 'csv' ? 'docx' : list.format, lang: list.lang, paper: list.paper, exportId });
      if (kind === 'participants') return api['export:participants']({ forumId, format: list.format === 'csv' ? 'csv' : 'docx', lang: list.lang, exportId });
      return api['export:participation']({ forumId, lang: list.lang, exportId });
    };
    return run.start(start);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target.kind === 'outcome' && what === 'compilation') {
      const { documentId } = target;
      void run.start((exportId) => api['export:compilation']({ documentId, ...compilation, exportId }));
      return;
    }
    void (target.kind === 'outcome' ? exportOutcome(target.documentId) : exportList(target.forumId, target.kind));
  };

  return (
    <ModalDialog className="export-dialog" labelledBy="export-dialog-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="export-dialog-title">{t(`exports.titles.${target.kind}`)}</h2>
        {target.kind === 'outcome' && (
          <ChoiceGroup legend={t('exports.what.legend')} options={['document', 'compilation'] as const} value={what} label={(w) => t(`exports.what.${w}`)} onChange={(value) => { setWhat(value); run.clear(); }} />
        )}
        {target.kind === 'outcome' && what === 'compilation' ? (
          <CompilationExportOptions languages={languages} value={compilation} onChange={(value) => { setCompilation(value); run.clear(); }} />
        ) : target.kind === 'outcome' ? (
          <OutcomeExportOptions documentId={target.documentId} languages={languages} value={outcome} onChange={(value) => { setOutcome(value); run.clear(); }} insist={insist} />
        ) : (
          <ListExportOptions kind={target.kind} languages={languages} value={list} onChange={(value) => { setList(value); run.clear(); }} />
        )}
        {(run.running || run.progress) && <ExportProgressBar progress={run.progress} />}
        {run.error && <ErrorMessage error={run.error} />}
        <p role="status" className="export-status">
          {run.saved && t('exports.saved', { fileName: run.saved })}
        </p>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={run.running}>
            {run.running ? t('exports.exporting') : t('exports.submit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('exports.close')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
