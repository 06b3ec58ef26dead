import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issuance } from '../../../../shared/issuances';
import { api } from '../../api/plenaryApi';
import { useApiQuery } from '../../hooks/useApiQuery';
import type { Permission } from '../../hooks/useForumRoles';
import { formatTime } from '../../i18n/intlFormat';
import { takesKeys } from '../drafting/draftingShortcuts';
import { ErrorMessage } from '../ErrorMessage';
import { ExportProgressBar } from '../exports/ExportProgressBar';
import { useExportRun } from '../exports/useExportRun';
import { RoleGate } from '../RoleGate';
import { IssueDialog } from './IssueDialog';

interface Props {
  forumId: string;
  documentId: string;
  /** The language the document is read in: exports print in it. */
  readingLang: string;
  canIssue: Permission;
}

const formats = ['docx', 'html', 'md'] as const;

/** A symbol is Latin text with slashes: isolated, so an Arabic sentence keeps it in one piece. */
const isolated = (symbol: string) => `\u2066${symbol}\u2069`;

/**
 * The document's issuances (symbol, kind, date, laptop; conflicts and damaged ones marked), with
 * issuing (I), exporting one as issued, exporting the draft with tracked changes against one, and
 * choosing which of two same-symbol issuances stands.
 */
export function IssuancesPanel({ forumId, documentId, readingLang, canIssue }: Props) {
  const { t, i18n } = useTranslation();
  const query = useApiQuery('outcome:issuances', { documentId });
  // Dates on the forum's clock, as every time in the app.
  const timeZone = useApiQuery('forums:get', { id: forumId }).data?.timeZone ?? 'UTC';
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState(false);
  const [format, setFormat] = useState<(typeof formats)[number]>('docx');
  // What was just done, worded at render so it follows the interface language.
  const [notice, setNotice] = useState<{ key: 'issued' | 'chosen'; symbol: string }>();
  const run = useExportRun();
  const list = query.data;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.code !== 'KeyI' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (takesKeys(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      setOpen(true);
      if (canIssue.allowed) setDialog(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canIssue.allowed]);

  const exportIssued = (i: Issuance) =>
    void run.start((exportId) =>
      api['export:issuance']({ issuanceId: i.id, format, languages: [i.languages.includes(readingLang) ? readingLang : (i.languages[0] ?? readingLang)], paper: 'a4', exportId }),
    );
  const exportChanges = (i: Issuance) =>
    void run.start((exportId) =>
      api['export:outcome']({
        documentId,
        format,
        languages: [readingLang],
        variant: 'clean',
        annexes: { participation: false, provenance: false },
        fallback: true,
        paper: 'a4',
        compareTo: i.id,
        exportId,
      }),
    );
  const stand = async (i: Issuance) => {
    const result = await api['outcome:chooseIssuance']({ issuanceId: i.id });
    if (result.ok) setNotice({ key: 'chosen', symbol: i.symbol });
    query.reload();
  };
  const when = (i: Issuance) => formatTime(i.issuedAt, i18n.language, timeZone, { withDate: true });
  const kindText = (i: Issuance) => (i.revisesSymbol ? t('issuances.kindOf', { kind: t(`issuances.kinds.${i.kind}`), symbol: isolated(i.revisesSymbol) }) : t(`issuances.kinds.${i.kind}`));

  return (
    <details className="document-issuances" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary aria-keyshortcuts="I">{t('issuances.title', { number: list?.issuances.length ?? 0 })}</summary>
      <p className="hint">{t('issuances.intro')}</p>
      {query.error && <ErrorMessage error={query.error} />}
      {list?.conflicts.map((c) => (
        <p key={c.symbol} className="warning" role="alert">
          {t('issuances.conflict', { symbol: c.symbol })}
        </p>
      ))}
      <p role="status" className="recovered-status">
        {notice ? t(`issuances.${notice.key}`, { symbol: isolated(notice.symbol) }) : ''}
      </p>
      <div className="actions">
        <RoleGate permission={canIssue}>
          {(gate) => (
            <button type="button" className="primary" aria-keyshortcuts="I" onClick={() => setDialog(true)} {...gate}>
              {t('issuances.issue')}
            </button>
          )}
        </RoleGate>
        <label className="inline-field">
          <span>{t('issuances.format')}</span>
          <select value={format} onChange={(event) => setFormat(event.target.value as (typeof formats)[number])}>
            {formats.map((f) => (
              <option key={f} value={f}>
                {t(`issuances.formats.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list && list.issuances.length === 0 && <p className="empty-state">{t('issuances.none')}</p>}
      {list && list.issuances.length > 0 && (
        <table className="issuances-table">
          <thead>
            <tr>
              <th scope="col">{t('issuances.columns.symbol')}</th>
              <th scope="col">{t('issuances.columns.kind')}</th>
              <th scope="col">{t('issuances.columns.date')}</th>
              <th scope="col">{t('issuances.columns.laptop')}</th>
              <th scope="col">{t('issuances.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.issuances.map((i) => (
              <tr key={i.id} className={[i.conflict ? 'conflict' : '', i.damaged ? 'damaged' : '', i.withdrawn ? 'withdrawn' : ''].join(' ').trim() || undefined}>
                <th scope="row" dir="ltr">
                  {i.symbol}
                </th>
                <td>
                  {kindText(i)}
                  {i.conflict && <strong className="mark"> {t('issuances.conflictMark')}</strong>}
                  {i.withdrawn && <span className="mark"> {t('issuances.withdrawn')}</span>}
                  {i.damaged && <strong className="mark"> {t('issuances.damaged')}</strong>}
                </td>
                <td>{when(i)}</td>
                <td>
                  <bdi>{i.laptop.name}</bdi>{' '}
                  <span dir="ltr" className="fingerprint">
                    ({i.laptop.fingerprint})
                  </span>
                </td>
                <td className="actions">
                  <button type="button" disabled={i.damaged || run.running} onClick={() => exportIssued(i)} aria-label={t('issuances.exportIssuedOf', { symbol: i.symbol })}>
                    {t('issuances.exportIssued')}
                  </button>
                  <button type="button" disabled={i.damaged || run.running} onClick={() => exportChanges(i)} aria-label={t('issuances.exportChangesOf', { symbol: i.symbol })}>
                    {t('issuances.exportChanges')}
                  </button>
                  {i.conflict && (
                    <RoleGate permission={canIssue}>
                      {(gate) => (
                        <button type="button" onClick={() => void stand(i)} aria-label={t('issuances.standsOf', { symbol: i.symbol, laptop: i.laptop.name })} {...gate}>
                          {t('issuances.stands')}
                        </button>
                      )}
                    </RoleGate>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {run.progress && <ExportProgressBar progress={run.progress} />}
      {run.error && <ErrorMessage error={run.error} />}
      <p role="status" className="recovered-status">
        {run.saved ? t('issuances.saved', { file: run.saved }) : ''}
      </p>
      {dialog && list && (
        <IssueDialog
          documentId={documentId}
          list={list}
          onClose={() => setDialog(false)}
          onIssued={(symbol) => {
            setDialog(false);
            setNotice({ key: 'issued', symbol });
            query.reload();
          }}
        />
      )}
    </details>
  );
}
