import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agenda, SessionInput } from '../../../shared/agenda';
import { api } from '../api/plenaryApi';
import { ErrorMessage } from '../components/ErrorMessage';
import { agendaDays, momentInZone } from '../components/agenda/agendaTime';
import { SessionForm } from '../components/agenda/SessionForm';
import { newSessionValues, sessionValues } from '../components/agenda/sessionFormValues';
import { useApiQuery } from '../hooks/useApiQuery';
import { useForumRoles } from '../hooks/useForumRoles';
import { RoleNotice } from '../components/RoleGate';
import { navigate } from '../hooks/useRoute';

/** Create a session, or edit one when an id is given; saving returns to the agenda. */
export function SessionFormScreen({ forumId, sessionId }: { forumId: string; sessionId?: string }) {
  const { t } = useTranslation();
  // The agenda carries the forum, the session, its people's names and its translation states.
  const agenda = useApiQuery('agenda:get', { forumId });
  if (agenda.error) return <ErrorMessage error={agenda.error} />;
  if (!agenda.data) return <p aria-busy="true">{t('common.loading')}</p>;
  return <SessionFormLoaded agenda={agenda.data} sessionId={sessionId} />;
}

function SessionFormLoaded({ agenda, sessionId }: { agenda: Agenda; sessionId: string | undefined }) {
  const { t } = useTranslation();
  const { forum } = agenda;
  const session = sessionId ? agenda.sessions.find((s) => s.id === sessionId) : undefined;
  const back = useCallback(() => navigate({ name: 'agenda', id: forum.id }), [forum.id]);
  const canEdit = useForumRoles(forum.id).can('sessions', ['title']);
  const save = useCallback(
    async (values: SessionInput) => {
      const result = sessionId
        ? await api['sessions:update']({ id: sessionId, session: values })
        : await api['sessions:create']({ forumId: forum.id, session: values });
      if (result.ok) back();
      return result;
    },
    [sessionId, forum.id, back],
  );

  if (sessionId && !session) {
    return <ErrorMessage error={{ code: 'not_found', message: `No session ${sessionId} in this forum's agenda` }} />;
  }
  // A new session goes on today if the forum is running, else on its first day.
  const today = momentInZone(forum.timeZone).day;
  const days = agendaDays(forum.startDate, forum.endDate, []);
  const defaults = session ? sessionValues(session) : newSessionValues(days.includes(today) ? today : (days[0] ?? today));
  return (
    <section aria-labelledby="session-form-heading" className="session-form-screen">
      <h1 id="session-form-heading">{session ? t('agenda.form.editTitle') : t('agenda.form.newTitle')}</h1>
      <RoleNotice permission={canEdit} />
      <SessionForm forum={forum} defaultValues={defaults} session={session} onSave={save} onCancel={back} />
    </section>
  );
}
