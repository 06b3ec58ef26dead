import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The file being previewed, if any: the browser's own "no file chosen" is neither true after a drop nor translated. */
  fileName: string | undefined;
  /** A new file is being read and there is no preview yet. */
  reading: boolean;
  /** The import runs: no other file until it is done. */
  busy: boolean;
  onFile(file: File): void;
}

/** Step 1: a file by the usual picker (its button in the UI language), or dropped on the zone. */
export function ImportFilePicker({ fileName, reading, busy, onFile }: Props) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={dragging ? 'import-drop-zone dragging' : 'import-drop-zone'}
      aria-busy={reading}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file && !busy) onFile(file);
      }}
    >
      <div className="import-file-row">
        <label className="import-file-button">
          <span className="button">{t('participantImport.chooseFile')}</span>
          <input
            className="import-file-input"
            type="file"
            accept=".csv,.tsv,.txt,.xlsx"
            disabled={busy}
            aria-describedby="import-file-hint"
            onClick={(event) => {
              // Emptied first so that choosing the same file again, once corrected, reads it again.
              event.currentTarget.value = '';
            }}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) onFile(file);
            }}
          />
        </label>
        <span className="import-file-name">
          {fileName ? <bdi>{fileName}</bdi> : t('participantImport.noFile')}
        </span>
      </div>
      <p id="import-file-hint" className="hint">
        {t('participantImport.fileHint')}
      </p>
    </div>
  );
}
