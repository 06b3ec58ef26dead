import { useTranslation } from 'react-i18next';
import { routeHref } from '../../hooks/useRoute';

/** No key message anywhere yet: say where they come from and go there. */
export function KeyMessagesEmpty({ forumId }: { forumId: string }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <h2>{t('keyMessages.empty.title')}</h2>
      <p>{t('keyMessages.empty.body')}</p>
      <a className="button primary" href={routeHref({ name: 'capture', id: forumId })}>
        {t('keyMessages.empty.captureLink')}
      </a>
    </div>
  );
}
