import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import type { ImportPreview, ImportProgress } from '../../../../shared/sync';
import { bytesToBase64 } from '../../api/base64';
import { api } from '../../api/plenaryApi';
import { ErrorMessage } from '../ErrorMessage';
import { ImportPreviewCard, type ImportConsent } from './ImportPreviewCard';

export interface PendingBundle {
  key: string;
  fileName: string;
  data?: string;
  preview?: ImportPreview;
  error?: AppError;
  progress?: ImportProgress;
  status: 'checking' | 'ready' | 'importing' | 'imported' | 'failed';
}

/**
 * Takes any number of bundle files (a USB stick's worth), checks each and shows what it would add
 * before anything is written; each is then imported on its own, after the user trusts its signer.
 */
export function BundleImport({ currentForumId, onImported }: { currentForumId?: string; onImported(forumId: string): void }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<PendingBundle[]>([]);
  const update = (key: string, patch: Partial<PendingBundle>) =>
    setPending((all) => all.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const choose = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      const key = `${file.name}-${file.size}-${file.lastModified}-${Math.random()}`;
      setPending((all) => [...all, { key, fileName: file.name, status: 'checking' }]);
      const data = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const result = await api['bundle:preview']({ data });
      update(key, result.ok ? { data, preview: result.value, status: 'ready' } : { error: result.error, status: 'failed' });
    }
  };

  const apply = async (bundle: PendingBundle, consent: ImportConsent) => {
    if (!bundle.data) return;
    update(bundle.key, { status: 'importing' });
    // The core reports progress under an id we choose; ask for it while the import runs.
    const importId = crypto.randomUUID();
    const poll = setInterval(() => {
      void api['bundle:progress']({ importId }).then((answer) => {
        if (answer.ok && answer.value) update(bundle.key, { progress: answer.value });
      });
    }, 250);
    const result = await api['bundle:import']({ data: bundle.data, ...consent, importId });
    clearInterval(poll);
    if (!result.ok) return update(bundle.key, { error: result.error, status: 'failed' });
    update(bundle.key, { preview: result.value, status: 'imported', data: undefined });
    onImported(result.value.forum.id);
  };

  return (
    <div className="bundle-import">
      <h3>{t('sync.importTitle')}</h3>
      <label className="file-picker">
        <span>{t('sync.chooseFiles')}</span>
        <input
          type="file"
          accept=".plenary"
          multiple
          onChange={(event) => {
            void choose(event.target.files);
            event.target.value = '';
          }}
        />
      </label>
      <ul className="pending-bundles" aria-label={t('sync.pendingLabel')}>
        {pending.map((bundle) => (
          <li key={bundle.key} aria-busy={bundle.status === 'checking' || bundle.status === 'importing'}>
            <p className="file-name">
              <bdi>{bundle.fileName}</bdi>
            </p>
            {bundle.status === 'checking' && <p role="status">{t('sync.checking')}</p>}
            {bundle.status === 'importing' && (
              <p className="import-progress">
                <progress
                  aria-label={t('sync.progressLabel')}
                  max={bundle.progress?.total || 1}
                  value={bundle.progress?.phase === 'apply' ? bundle.progress.done : 0}
                />{' '}
                <span role="status">{t(`sync.phase.${bundle.progress?.phase ?? 'verify'}`)}</span>
              </p>
            )}
            {bundle.error && <ErrorMessage error={bundle.error} />}
            {bundle.preview && (
              <ImportPreviewCard
                preview={bundle.preview}
                status={bundle.status}
                currentForumId={currentForumId}
                onImport={(consent) => void apply(bundle, consent)}
              />
            )}
            {(bundle.status === 'imported' || bundle.status === 'failed') && (
              <button type="button" onClick={() => setPending((all) => all.filter((p) => p.key !== bundle.key))}>
                {t('sync.dismiss')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
