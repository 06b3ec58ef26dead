import { useTranslation } from 'react-i18next';

// SCAFFOLD: replaced by the drafting screens.
export function DraftProjectorScreen({ forumId, documentId, paragraphId }: { forumId: string; documentId: string; paragraphId?: string }) {
  const { t } = useTranslation();
  return <h1 data-forum={forumId} data-document={documentId} data-paragraph={paragraphId}>{t('amendments.title')}</h1>;
}
