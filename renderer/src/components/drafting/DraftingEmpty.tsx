import { useTranslation } from 'react-i18next';
import type { OutcomeDocument, OutcomeDocumentInput } from '../../../../shared/outcome';
import type { Result } from '../../../../shared/result';
import { useApiQuery } from '../../hooks/useApiQuery';
import { ErrorMessage } from '../ErrorMessage';
import { DocumentForm } from './DocumentForm';
import { documentValuesFromForum } from './documentValues';

interface Props {
  forumId: string;
  onCreate(document: OutcomeDocumentInput): Promise<Result<OutcomeDocument>>;
}

/**
 * No outcome document yet: what one is, and the form to start it, already filled in from the
 * forum (kind, title, theme, venue, dates, co-organisers); the preamble and lead-in are left to write.
 */
export function DraftingEmpty({ forumId, onCreate }: Props) {
  const { t } = useTranslation();
  const forum = useApiQuery('forums:get', { id: forumId });
  return (
    <section className="drafting-screen" aria-labelledby="drafting-heading">
      <h1 id="drafting-heading">{t('drafting.title')}</h1>
      <div className="empty-state drafting-empty">
        <h2>{t('drafting.empty.title')}</h2>
        <p>{t('drafting.empty.what')}</p>
        <p>{t('drafting.empty.how')}</p>
      </div>
      {forum.error && <ErrorMessage error={forum.error} />}
      {!forum.data && !forum.error && <p aria-busy="true">{t('common.loading')}</p>}
      {forum.data && (
        <DocumentForm
          defaultValues={documentValuesFromForum(forum.data)}
          languages={[forum.data.sourceLanguage, ...forum.data.languages.filter((l) => l !== forum.data?.sourceLanguage)]}
          sourceLanguage={forum.data.sourceLanguage}
          submitLabel={t('drafting.empty.create')}
          onSave={onCreate}
        />
      )}
    </section>
  );
}
