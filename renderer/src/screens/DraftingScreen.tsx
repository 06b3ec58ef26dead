import { useTranslation } from 'react-i18next';

// SCAFFOLD: replaced by the drafting screens.
export function DraftingScreen({ forumId, documentId }: { forumId: string; documentId?: string }) {
  const { t } = useTranslation();
  return <h1 data-forum={forumId} data-document={documentId}>{t('drafting.title')}</h1>;
}
