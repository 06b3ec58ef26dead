import { useCallback, useRef, useState } from 'react';
import type { ExportedFile, ExportProgress } from '../../../../shared/exports';
import type { AppError, Result } from '../../../../shared/result';
import { base64ToBytes, saveFile } from '../../api/base64';
import { api } from '../../api/plenaryApi';
import { newExportId } from './exportTarget';

const pollMs = 150;

export interface ExportRun {
  running: boolean;
  progress: ExportProgress | undefined;
  error: AppError | undefined;
  saved: string | undefined;
  start(call: (exportId: string) => Promise<Result<ExportedFile>>): Promise<void>;
  clear(): void;
}

/**
 * Runs one export: polls its progress while the core composes it, then hands the file to the
 * browser as a download under the core's file name (in the desktop app, Electron's download
 * handling saves it).
 */
export function useExportRun(): ExportRun {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ExportProgress>();
  const [error, setError] = useState<AppError>();
  const [saved, setSaved] = useState<string>();
  const busy = useRef(false);

  const start = useCallback(async (call: (exportId: string) => Promise<Result<ExportedFile>>) => {
    if (busy.current) return;
    busy.current = true;
    setRunning(true);
    setError(undefined);
    setSaved(undefined);
    setProgress(undefined);
    const exportId = newExportId();
    let finished = false;
    const poll = async () => {
      const result = await api['export:progress']({ exportId });
      if (finished) return;
      if (result.ok && result.value) setProgress(result.value);
      setTimeout(() => void poll(), pollMs);
    };
    const timer = setTimeout(() => void poll(), pollMs);
    try {
      const result = await call(exportId);
      finished = true;
      clearTimeout(timer);
      if (!result.ok) {
        setProgress(undefined);
        setError(result.error);
        return;
      }
      const file = result.value;
      saveFile(base64ToBytes(file.data), file.fileName);
      setProgress({ phase: 'done', done: 1, total: 1 });
      setSaved(file.fileName);
    } finally {
      finished = true;
      busy.current = false;
      setRunning(false);
    }
  }, []);

  const clear = useCallback(() => {
    setError(undefined);
    setSaved(undefined);
    setProgress(undefined);
  }, []);

  return { running, progress, error, saved, start, clear };
}
