import { useTranslation } from 'react-i18next';
import type { DraftParagraph, OutcomeDocument } from '../../../../shared/outcome';

export interface AmendmentsPanelProps {
  paragraph: DraftParagraph;
  document: OutcomeDocument;
  /** Called after any change, so the drafting view reloads counts and text. */
  onChanged(): void;
}

// SCAFFOLD: replaced by the amendments panel (helper D).
export function AmendmentsPanel({ paragraph }: AmendmentsPanelProps) {
  const { t } = useTranslation();
  return <section aria-label={t('amendments.title')} data-paragraph={paragraph.id} />;
}
