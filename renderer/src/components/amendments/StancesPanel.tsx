import { useTranslation } from 'react-i18next';
import type { DraftParagraph } from '../../../../shared/outcome';

export interface StancesPanelProps {
  forumId: string;
  paragraph: DraftParagraph;
  onChanged(): void;
}

// SCAFFOLD: replaced by the stances panel (helper D).
export function StancesPanel({ paragraph }: StancesPanelProps) {
  const { t } = useTranslation();
  return <section aria-label={t('amendments.title')} data-paragraph={paragraph.id} />;
}
