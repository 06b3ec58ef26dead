import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/participants';
import type { AppError } from '../../../shared/result';
import { api } from '../api/plenaryApi';
import { ErrorMessage } from '../components/ErrorMessage';
import { EraseParticipantDialog } from '../components/participants/EraseParticipantDialog';
import { ExportButtons } from '../components/participants/ExportButtons';
import { ParticipantFilters } from '../components/participants/ParticipantFilters';
import { ParticipantTable } from '../components/participants/ParticipantTable';
import { UndoBanner } from '../components/participants/UndoBanner';
import { hasFilters, listQuery, loadView, noFilters, saveView, type ListView, type SortField } from '../components/participants/participantFilters';
import { useDebouncedValue } from '../components/participants/useDebouncedValue';
import { useParticipantPages } from '../components/participants/useParticipantPages';
import { useUndoShortcut } from '../components/participants/useUndoShortcut';
import { useApiQuery } from '../hooks/useApiQuery';
import { routeHref } from '../hooks/useRoute';
import { useForumRoles } from '../hooks/useForumRoles';
import { RoleGate } from '../components/RoleGate';
import { formatNumber } from '../i18n/intlFormat';

type LastAction = { kind: 'deleted' | 'restored' | 'erased'; participant: Participant };

/** Everyone registered for the forum: searched, filtered, sorted, and smooth at 25,000 people. */
export function ParticipantsScreen({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<ListView>(() => loadView(forumId));
  const text = useDebouncedValue(view.filters.text, 150);
  const query = listQuery(forumId, view, text);
  const queryKey = JSON.stringify(query);
  const { forumId: _forum, ...exportFilter } = query;
  const pages = useParticipantPages(query);
  // The unfiltered total, for "1,234 of 25,000" and to tell an empty forum from an empty search.
  const everyone = useApiQuery('participants:query', { forumId, limit: 1 });
  const timeZone = useApiQuery('forums:get', { id: forumId }).data?.timeZone;
  const roles = useForumRoles(forumId);
  const [lastAction, setLastAction] = useState<LastAction>();
  const [actionError, setActionError] = useState<AppError>();
  const [erasing, setErasing] = useState<Participant>();

  useEffect(() => saveView(forumId, view), [forumId, view]);

  const { refresh } = pages;
  const reloadEveryone = everyone.reload;
  const setDeleted = useCallback(
    async (participant: Participant, deleted: boolean) => {
      setActionError(undefined);
      const result = await api['participants:setDeleted']({ id: participant.id, deleted });
      if (!result.ok) {
        setActionError(result.error);
        return;
      }
      setLastAction({ kind: deleted ? 'deleted' : 'restored', participant });
      reloadEveryone();
      await refresh();
    },
    [refresh, reloadEveryone],
  );
  const onDelete = useCallback((participant: Participant) => void setDeleted(participant, true), [setDeleted]);
  const undo = useCallback(() => {
    if (lastAction?.kind === 'deleted') void setDeleted(lastAction.participant, false);
  }, [lastAction, setDeleted]);
  useUndoShortcut(undo, lastAction?.kind === 'deleted');

  const onSort = (field: SortField) =>
    setView((v) => ({ ...v, sort: field, descending: v.sort === field ? !v.descending : false }));
  const clearFilters = () => setView((v) => ({ ...v, filters: noFilters }));

  const lang = i18n.language;
  const allCount = everyone.data?.total;
  // While a new search runs, the last count stays (aria-busy on the table says it is refreshing).
  const shown = pages.total;
  const filtered = hasFilters(view.filters);
  // The list of participants is the secretariat's; other laptops read it.
  const canEdit = roles.can('participants', ['name']);

  // Offered in the heading and again in the empty list's invitation: one pair of links.
  const addAndImport = (
    <>
      <RoleGate permission={canEdit}>
        {(gate) => (
          <a className="button primary" href={routeHref({ name: 'newParticipant', id: forumId })} {...gate}>
            {t('participants.list.add')}
          </a>
        )}
      </RoleGate>
      <RoleGate permission={canEdit}>
        {(gate) => (
          <a className="button" href={routeHref({ name: 'importParticipants', id: forumId })} {...gate}>
            {t('participants.list.import')}
          </a>
        )}
      </RoleGate>
    </>
  );
  return (
    <section aria-labelledby="participants-heading" className="participants-screen">
      <div className="screen-heading">
        <h1 id="participants-heading">{t('participants.title')}</h1>
        <div className="actions">
          {addAndImport}
          <ExportButtons forumId={forumId} filter={exportFilter} />
        </div>
      </div>

      {everyone.error && <ErrorMessage error={everyone.error} />}
      {pages.error && <ErrorMessage error={pages.error} />}
      {actionError && <ErrorMessage error={actionError} />}
      <UndoBanner
        message={lastAction && t(`participants.list.${lastAction.kind}`, { name: lastAction.participant.name })}
        onUndo={lastAction?.kind === 'deleted' ? undo : undefined}
        onDismiss={() => setLastAction(undefined)}
        takeFocus
      />
      {lastAction?.kind === 'deleted' && canEdit.allowed && (
        <p className="erase-offer">
          <button type="button" className="link-button danger" onClick={() => setErasing(lastAction.participant)}>
            {t('participants.erase.offer', { name: lastAction.participant.name })}
          </button>
        </p>
      )}
      {erasing && (
        <EraseParticipantDialog
          participant={erasing}
          onClose={() => setErasing(undefined)}
          onErased={(participant) => {
            setErasing(undefined);
            setLastAction({ kind: 'erased', participant });
          }}
        />
      )}

      {allCount === 0 && !filtered ? (
        <div className="empty-state">
          <h2>{t('participants.list.emptyTitle')}</h2>
          <p>{t('participants.list.emptyBody')}</p>
          <div className="actions">
            {addAndImport}
          </div>
        </div>
      ) : (
        <>
          <ParticipantFilters filters={view.filters} onChange={(filters) => setView((v) => ({ ...v, filters }))} />
          <p className="participant-count" role="status">
            {shown !== undefined &&
              allCount !== undefined &&
              t('participants.list.count', { shown: formatNumber(shown, lang), total: formatNumber(allCount, lang) })}
          </p>
          {shown === 0 ? (
            <div className="empty-state">
              <h2>{t('participants.list.noMatchesTitle')}</h2>
              <p>{t('participants.list.noMatchesBody')}</p>
              <button type="button" className="primary" onClick={clearFilters}>
                {t('participants.list.clearFilters')}
              </button>
            </div>
          ) : (
            <ParticipantTable
              pages={pages}
              queryKey={queryKey}
              sort={view.sort}
              descending={view.descending}
              onSort={onSort}
              forumId={forumId}
              timeZone={timeZone}
              onDelete={onDelete}
              lockedReason={canEdit.reason}
            />
          )}
        </>
      )}
    </section>
  );
}
