import { useTranslation } from 'react-i18next';
import type { DraftParagraph } from '../../../../shared/outcome';

export interface HistoryPanelProps {
  paragraph: DraftParagraph;
  /** Working languages, source first. */
  languages: readonly string[];
  sourceLanguage: string;
}

// SCAFFOLD: replaced by the history panel (helper D).
export function HistoryPanel({ paragraph }: HistoryPanelProps) {
  const { t } = useTranslation();
  return <section aria-label={t('amendments.title')} data-paragraph={paragraph.id} />;
}
