import { useTranslation } from 'react-i18next';

// SCAFFOLD: replaced by the drafting screens.
export function CoverageScreen({ forumId, documentId }: { forumId: string; documentId: string }) {
  const { t } = useTranslation();
  return <h1 data-forum={forumId} data-document={documentId}>{t('coverage.title')}</h1>;
}
