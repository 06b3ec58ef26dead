import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { ErrorMessage } from '../ErrorMessage';
import { ParticipantPicker } from './ParticipantPicker';

interface Props {
  forumId: string;
  me: string | null;
  /** The name, when the agenda already lists this person in a session. */
  knownName: string | undefined;
  onChanged(): void;
}

/** Who uses this laptop ("I am …"), remembered on this laptop only, for "My sessions". */
export function MeChooser({ forumId, me, knownName, onChanged }: Props) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  const [error, setError] = useState<AppError>();
  const [fetched, setFetched] = useState<{ id: string; name: string }>();

  // Someone with no role anywhere is not named in the agenda; ask for the name once.
  useEffect(() => {
    if (!me || knownName) return;
    let current = true;
    void api['participants:get']({ id: me }).then((result) => {
      if (current && result.ok) setFetched({ id: me, name: result.value.name });
    });
    return () => {
      current = false;
    };
  }, [me, knownName]);

  const save = async (participantId: string | null) => {
    setError(undefined);
    const result = await api['agenda:setMe']({ forumId, participantId });
    if (!result.ok) return setError(result.error);
    setChanging(false);
    onChanged();
  };

  const name = knownName ?? (fetched?.id === me ? fetched.name : undefined);
  return (
    <div className="me-chooser">
      {error && <ErrorMessage error={error} />}
      {me && !changing ? (
        <p className="me-current">
          <span>{t('agenda.me.current')} </span>
          <strong>
            <bdi>{name ?? t('common.loading')}</bdi>
          </strong>{' '}
          <button type="button" className="agenda-link-button" onClick={() => setChanging(true)}>
            {t('agenda.me.change')}
          </button>{' '}
          <button type="button" className="agenda-link-button" onClick={() => void save(null)}>
            {t('agenda.me.clear')}
          </button>
        </p>
      ) : (
        <div className="me-picker">
          {!me && <p className="hint">{t('agenda.me.prompt')}</p>}
          <ParticipantPicker forumId={forumId} label={t('agenda.me.label')} onAdd={(person) => void save(person.id)} />
          {changing && (
            <button type="button" onClick={() => setChanging(false)}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
