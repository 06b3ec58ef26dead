import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  maxParticipantFileBytes,
  type ColumnMapping,
  type ImportField,
  type ParticipantImportPreview,
} from '../../../shared/participantImport';
import type { AppError } from '../../../shared/result';
import { bytesToBase64 } from '../api/base64';
import { api } from '../api/plenaryApi';
import { ErrorMessage } from '../components/ErrorMessage';
import { ColumnMappingEditor } from '../components/participantImport/ColumnMappingEditor';
import { FileTooLargeMessage } from '../components/participantImport/FileTooLargeMessage';
import { ImportAction } from '../components/participantImport/ImportAction';
import { ImportDone } from '../components/participantImport/ImportDone';
import { ImportDuplicates, type DuplicatePolicy } from '../components/participantImport/ImportDuplicates';
import { ImportFilePicker } from '../components/participantImport/ImportFilePicker';
import { ImportIssueList } from '../components/participantImport/ImportIssueList';
import { ImportPreviewTable } from '../components/participantImport/ImportPreviewTable';
import { ImportReadSummary } from '../components/participantImport/ImportReadSummary';
import { formatNumber } from '../i18n/intlFormat';
import { routeHref } from '../hooks/useRoute';
import { useForumRoles } from '../hooks/useForumRoles';
import { RoleNotice } from '../components/RoleGate';

interface ChosenFile {
  fileName: string;
  data: string;
}
type Outcome = { created: number; merged: number; skipped: number };

/**
 * Import a list of participants from CSV or Excel: choose a file, check how it was read and fix the
 * column mapping while the preview follows, then import it all at once (or nothing).
 */
export function ParticipantImportScreen({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<ChosenFile>();
  const [chosenName, setChosenName] = useState<string>();
  const [tooLarge, setTooLarge] = useState<{ fileName: string; size: number }>();
  const [mapping, setMapping] = useState<ColumnMapping>();
  const [policy, setPolicy] = useState<DuplicatePolicy>('skip');
  // Lines the user confirmed as the same person despite another email address.
  const [samePerson, setSamePerson] = useState<number[]>([]);
  const [preview, setPreview] = useState<ParticipantImportPreview>();
  const [busy, setBusy] = useState<'reading' | 'importing'>();
  const [error, setError] = useState<AppError>();
  const canImport = useForumRoles(forumId).can('participants', ['name']);
  const [outcome, setOutcome] = useState<Outcome>();
  // Each call takes a number; an answer that is no longer the latest is dropped.
  const latest = useRef(0);

  const runPreview = async (chosen: ChosenFile, nextMapping: ColumnMapping | undefined, nextPolicy: DuplicatePolicy, confirmed = samePerson) => {
    const call = ++latest.current;
    setBusy('reading');
    setError(undefined);
    const result = await api['participants:importPreview']({
      forumId,
      file: chosen,
      duplicates: nextPolicy,
      samePerson: confirmed,
      ...(nextMapping ? { mapping: nextMapping } : {}),
    });
    if (call !== latest.current) return;
    setBusy(undefined);
    if (result.ok) {
      setPreview(result.value);
      setMapping(result.value.mapping);
    } else {
      // A failed re-read keeps the last preview on screen; the error says what went wrong.
      setError(result.error);
    }
  };

  const choose = async (picked: File) => {
    const call = ++latest.current;
    setOutcome(undefined);
    setPreview(undefined);
    setMapping(undefined);
    setFile(undefined);
    setError(undefined);
    setChosenName(undefined);
    // Refused before a byte is read: a 100 MB file would otherwise be read, encoded and sent first.
    if (picked.size > maxParticipantFileBytes) {
      setBusy(undefined);
      setTooLarge({ fileName: picked.name, size: picked.size });
      return;
    }
    setTooLarge(undefined);
    setChosenName(picked.name);
    setBusy('reading');
    let data: string;
    try {
      data = bytesToBase64(new Uint8Array(await picked.arrayBuffer()));
    } catch (cause) {
      if (call !== latest.current) return;
      setBusy(undefined);
      setError({ code: 'file_unreadable', message: cause instanceof Error ? cause.message : String(cause) });
      return;
    }
    if (call !== latest.current) return;
    // The contract caps names at 255 characters; the end holds the extension the format is told by.
    const chosen = { fileName: (picked.name || 'participants.csv').slice(-255), data };
    setFile(chosen);
    setSamePerson([]);
    await runPreview(chosen, undefined, policy, []);
  };

  const changeMapping = (field: ImportField, column: number | null) => {
    if (!file) return;
    // A column feeds one field: giving it to this one takes it from any other, as the guess does.
    const next: ColumnMapping = Object.fromEntries(
      Object.entries(mapping ?? {}).map(([other, value]) => [other, column !== null && value === column ? null : value]),
    );
    next[field] = column;
    setMapping(next);
    void runPreview(file, next, policy);
  };

  const changePolicy = (next: DuplicatePolicy) => {
    setPolicy(next);
    if (file) void runPreview(file, mapping, next);
  };

  const confirmSame = (line: number, same: boolean) => {
    const next = same ? [...new Set([...samePerson, line])] : samePerson.filter((l) => l !== line);
    setSamePerson(next);
    if (file) void runPreview(file, mapping, policy, next);
  };

  const runImport = async () => {
    if (!file) return;
    const call = ++latest.current;
    setBusy('importing');
    setError(undefined);
    const result = await api['participants:import']({
      forumId,
      file,
      duplicates: policy,
      samePerson,
      ...(mapping ? { mapping } : {}),
    });
    if (call !== latest.current) return;
    setBusy(undefined);
    if (!result.ok) return setError(result.error);
    setOutcome(result.value);
    setPreview(undefined);
    setFile(undefined);
  };

  const startAgain = () => {
    latest.current++;
    setOutcome(undefined);
    setError(undefined);
    setTooLarge(undefined);
    setChosenName(undefined);
  };

  const n = (value: number) => formatNumber(value, i18n.language);
  const status =
    busy === 'reading'
      ? t('participantImport.reading')
      : busy === 'importing'
        ? t('participantImport.importing')
        : outcome
          ? t('participantImport.done.summary', {
              created: n(outcome.created),
              merged: n(outcome.merged),
              skipped: n(outcome.skipped),
            })
          : preview
            ? t('participantImport.previewReady', { rows: n(preview.counts.rows), errors: n(preview.counts.withErrors) })
            : '';

  return (
    <section className="participant-import" aria-labelledby="import-heading">
      <div className="screen-heading">
        <h1 id="import-heading">{t('participantImport.title')}</h1>
        <a className="button" href={routeHref({ name: 'participants', id: forumId })}>
          {t('participantImport.backToList')}
        </a>
      </div>
      <RoleNotice permission={canImport} />
      {outcome ? (
        <ImportDone forumId={forumId} result={outcome} onAnother={startAgain} />
      ) : (
        <>
          <p className="hint">{t('participantImport.intro')}</p>
          <ImportFilePicker
            fileName={chosenName}
            reading={busy === 'reading' && !preview}
            busy={busy === 'importing'}
            onFile={(picked) => void choose(picked)}
          />
          {tooLarge && <FileTooLargeMessage fileName={tooLarge.fileName} size={tooLarge.size} />}
        </>
      )}
      {/* Always in the page, so that screen readers announce each change of what it says. */}
      <p role="status" className={busy ? 'import-status busy' : 'import-status'}>
        {busy && <span className="spinner" aria-hidden="true" />}
        {status}
      </p>
      {error && <ErrorMessage error={error} />}
      {preview && file && mapping && (
        // Busy here, not on the whole screen, so the status line above is still announced meanwhile.
        <div className="import-preview-steps" aria-busy={busy !== undefined}>
          <ImportReadSummary fileName={file.fileName} preview={preview} />
          <ColumnMappingEditor
            headers={preview.headers}
            sample={preview.sample}
            mapping={mapping}
            locked={busy === 'importing'}
            onChange={changeMapping}
          />
          <ImportIssueList issues={preview.issues} />
          {preview.counts.duplicates > 0 && (
            <ImportDuplicates
              forumId={forumId}
              duplicates={preview.duplicates}
              total={preview.counts.duplicates}
              policy={policy}
              locked={busy === 'importing'}
              onPolicy={changePolicy}
              onConfirmSame={confirmSame}
              samePerson={samePerson}
            />
          )}
          <ImportPreviewTable rows={preview.rows} total={preview.counts.rows} />
          <ImportAction counts={preview.counts} busy={busy !== undefined} onImport={() => void runImport()} />
        </div>
      )}
    </section>
  );
}
