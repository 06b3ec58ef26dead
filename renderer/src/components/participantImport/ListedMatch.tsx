import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../hooks/useApiQuery';
import { routeHref } from '../../hooks/useRoute';

/** The listed person a row matches, by name, linked to their record so it can be checked. */
export function ListedMatch({ forumId, participantId }: { forumId: string; participantId: string }) {
  const { t } = useTranslation();
  const person = useApiQuery('participants:get', { id: participantId });
  const href = routeHref({ name: 'editParticipant', id: forumId, participantId });
  return (
    <a href={href}>
      {person.data ? (
        <>
          <bdi>{person.data.name}</bdi>
          {person.data.organisation && (
            <>
              {' '}
              (<bdi>{person.data.organisation}</bdi>)
            </>
          )}
        </>
      ) : (
        t('participantImport.duplicates.listedPerson')
      )}
    </a>
  );
}
