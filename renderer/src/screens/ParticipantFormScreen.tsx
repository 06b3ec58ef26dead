import { useTranslation } from 'react-i18next';
import type { Participant, ParticipantInput } from '../../../shared/participants';
import type { Result } from '../../../shared/result';
import { api } from '../api/plenaryApi';
import { ErrorMessage } from '../components/ErrorMessage';
import { ParticipantForm } from '../components/participants/ParticipantForm';
import { useApiQuery } from '../hooks/useApiQuery';
import { useForumRoles } from '../hooks/useForumRoles';
import { RoleNotice } from '../components/RoleGate';
import { navigate, routeHref } from '../hooks/useRoute';

const blank: ParticipantInput = {
  name: '',
  organisation: '',
  position: '',
  orgType: null,
  country: '',
  gender: null,
  roles: [],
  email: '',
  languages: [],
};

const inputOf = ({ name, organisation, position, orgType, country, gender, roles, email, languages }: Participant): ParticipantInput => ({
  name,
  organisation,
  position,
  orgType,
  country,
  gender,
  roles,
  email,
  languages,
});

/** Add a participant, or edit one when an id is given; saving goes back to the list. */
export function ParticipantFormScreen({ forumId, participantId }: { forumId: string; participantId?: string }) {
  const { t } = useTranslation();
  const timeZone = useApiQuery('forums:get', { id: forumId }).data?.timeZone;
  const canEdit = useForumRoles(forumId).can('participants', ['name']);
  const backToList = () => navigate({ name: 'participants', id: forumId });
  const saved = <T,>(result: Result<T>) => {
    if (result.ok) backToList();
    return result;
  };

  return (
    <section aria-labelledby="participant-form-heading">
      <p className="back-link">
        <a href={routeHref({ name: 'participants', id: forumId })}>{t('participants.form.back')}</a>
      </p>
      <h1 id="participant-form-heading">{participantId ? t('participants.form.editTitle') : t('participants.form.newTitle')}</h1>
      <RoleNotice permission={canEdit} />
      <p className="hint">{t('participants.form.shortcutHint')}</p>
      {participantId ? (
        <EditParticipant participantId={participantId} timeZone={timeZone} onSaved={saved} onCancel={backToList} />
      ) : (
        <ParticipantForm
          defaultValues={blank}
          timeZone={timeZone}
          onSave={async (participant) => saved(await api['participants:create']({ forumId, participant }))}
          onCancel={backToList}
        />
      )}
    </section>
  );
}

interface EditProps {
  participantId: string;
  timeZone: string | undefined;
  onSaved<T>(result: Result<T>): Result<T>;
  onCancel(): void;
}

function EditParticipant({ participantId, timeZone, onSaved, onCancel }: EditProps) {
  const { t } = useTranslation();
  const existing = useApiQuery('participants:get', { id: participantId });
  if (existing.error) return <ErrorMessage error={existing.error} />;
  if (!existing.data) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <ParticipantForm
      defaultValues={inputOf(existing.data)}
      checkedInAt={existing.data.checkedInAt}
      timeZone={timeZone}
      onSave={async (participant) => onSaved(await api['participants:update']({ id: participantId, participant }))}
      onCancel={onCancel}
    />
  );
}
