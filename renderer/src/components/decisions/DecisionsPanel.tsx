import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteValue } from '../../../../shared/decisions';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useForumRoles } from '../../hooks/useForumRoles';
import { formatNumber, formatTime } from '../../i18n/intlFormat';
import { ErrorMessage } from '../ErrorMessage';
import { SilenceSection } from './SilenceSection';
import { StatementsSection } from './StatementsSection';
import { VoteFileImport } from './VoteFileImport';
import { VoteGrid } from './VoteGrid';

interface Props {
  forumId: string;
  documentId: string;
  /** The paragraph selected; the panel decides it or the whole document. */
  paragraphId: string;
  paragraphName: string;
  sourceLanguage: string;
  onChanged(): void;
}

/**
 * How the document, or the selected paragraph, was decided: by consensus or by a recorded vote
 * (the grid, or a CSV file), what delegations said about it, and the silence procedure.
 */
export function DecisionsPanel({ forumId, documentId, paragraphId, paragraphName, sourceLanguage, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = useId();
  const [scope, setScope] = useState<'document' | 'paragraph'>('document');
  const [note, setNote] = useState('');
  const [voting, setVoting] = useState(false);
  const [error, setError] = useState<AppError>();
  const query = useApiQuery('decisions:get', { documentId, lang });
  const forum = useApiQuery('forums:get', { id: forumId });
  const roles = useForumRoles(forumId);
  const canRecord = roles.can('decisions', ['method']);
  const canState = roles.can('decision_statements', ['text']);
  const target = scope === 'document' ? null : paragraphId;
  const data = query.data;
  const decision = data?.decisions.find((d) => d.paragraphId === target);
  const votes = useMemo(() => new Map<string, VoteValue>((decision?.method === 'vote' ? decision.votes : []).map((v) => [v.delegation, v.vote])), [decision]);
  const timeZone = forum.data?.timeZone ?? 'UTC';

  const run = async (work: () => Promise<{ ok: true } | { ok: false; error: AppError }>) => {
    setError(undefined);
    const result = await work();
    if (!result.ok) return setError(result.error);
    query.reload();
    onChanged();
  };
  const vote = (delegation: string, value: VoteValue) => void run(() => api['decisions:votes']({ documentId, paragraphId: target, votes: [{ delegation, vote: value }], lang }));
  const n = (value: number) => formatNumber(value, lang);

  return (
    <section className="decisions-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('decisions.title')}</h3>
      <fieldset className="decision-scope">
        <legend>{t('decisions.scope.label')}</legend>
        <label>
          <input type="radio" name="decision-scope" checked={scope === 'document'} onChange={() => setScope('document')} /> {t('decisions.scope.document')}
        </label>
        <label>
          <input type="radio" name="decision-scope" checked={scope === 'paragraph'} onChange={() => setScope('paragraph')} /> {t('decisions.scope.paragraph', { name: paragraphName })}
        </label>
      </fieldset>
      {query.error && <ErrorMessage error={query.error} />}
      {error && <ErrorMessage error={error} />}
      <div className="decision-outcome" role="status">
        {!decision && <p>{t('decisions.none')}</p>}
        {decision?.method === 'consensus' && <p>{t('decisions.consensusRecorded')}</p>}
        {decision?.method === 'vote' && (
          <p>
            {t('decisions.tally', { yes: n(decision.tally.yes), no: n(decision.tally.no), abstain: n(decision.tally.abstain), absent: n(decision.tally.absent) })}{' '}
            <strong>{t(decision.adopted ? 'decisions.adopted' : 'decisions.notAdopted')}</strong>
          </p>
        )}
        {decision && (
          <p className="hint">
            {t('decisions.recordedBy', { laptop: decision.recordedBy || t('decisions.thisLaptop'), time: formatTime(decision.recordedAt, lang, timeZone, { withDate: true }) })}
            {decision.note && <bdi> · {decision.note}</bdi>}
          </p>
        )}
      </div>
      <p className="hint">{t('decisions.majority')}</p>
      {!canRecord.allowed && <p className="hint role-hint">{canRecord.reason}</p>}
      {canRecord.allowed && (
        <div className="decision-actions">
          <label className="field">
            <span>{t('decisions.note')}</span>
            <input value={note} onChange={(event) => setNote(event.target.value)} />
          </label>
          <button type="button" onClick={() => void run(() => api['decisions:consensus']({ documentId, paragraphId: target, note, lang }))}>
            {t('decisions.recordConsensus')}
          </button>
          <button type="button" aria-expanded={voting || decision?.method === 'vote'} onClick={() => setVoting((open) => !open)}>
            {t('decisions.recordVote')}
          </button>
          {decision && (
            <button type="button" className="danger" onClick={() => void run(() => api['decisions:clear']({ documentId, paragraphId: target, lang }))}>
              {t('decisions.clear')}
            </button>
          )}
        </div>
      )}
      {data && (voting || decision?.method === 'vote') && (
        <>
          <VoteGrid delegations={data.delegations} votes={votes} disabled={!canRecord.allowed} onVote={vote} />
          <VoteFileImport documentId={documentId} paragraphId={target} disabled={!canRecord.allowed} onRecorded={() => void run(async () => ({ ok: true }))} />
        </>
      )}
      {data && (
        <StatementsSection
          documentId={documentId}
          paragraphId={target}
          statements={data.statements.filter((s) => s.paragraphId === target)}
          delegations={data.delegations}
          defaultLang={sourceLanguage}
          canRecord={canState.allowed}
          onChanged={() => void run(async () => ({ ok: true }))}
        />
      )}
      {data && scope === 'document' && (
        <SilenceSection
          documentId={documentId}
          procedures={data.silence}
          delegations={data.delegations}
          timeZone={timeZone}
          defaultLang={sourceLanguage}
          canRecord={canRecord.allowed}
          onChanged={() => void run(async () => ({ ok: true }))}
        />
      )}
    </section>
  );
}
