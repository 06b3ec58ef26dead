import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeDocument, OutcomeDocumentInput } from '../../../shared/outcome';
import type { Result } from '../../../shared/result';
import { api } from '../api/plenaryApi';
import { DocumentForm } from '../components/drafting/DocumentForm';
import { documentValuesFromForum } from '../components/drafting/documentValues';
import { DraftingEmpty } from '../components/drafting/DraftingEmpty';
import { DraftingView } from '../components/drafting/DraftingView';
import { ErrorMessage } from '../components/ErrorMessage';
import { useApiQuery } from '../hooks/useApiQuery';
import { navigate, routeHref } from '../hooks/useRoute';

/**
 * The drafting committee's desk: the outcome document as it reads, paragraph by paragraph, with the
 * selected paragraph open beside it. Without a document yet, the way to start one.
 */
export function DraftingScreen({ forumId, documentId, paragraphId }: { forumId: string; documentId?: string; paragraphId?: string }) {
  const { t } = useTranslation();
  const list = useApiQuery('outcome:list', { forumId });
  const [creating, setCreating] = useState(false);

  if (list.error) return <ErrorMessage error={list.error} />;
  if (!list.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const documents = list.data;
  const shownId = documentId ?? documents[0]?.id;

  const create = async (document: OutcomeDocumentInput) => {
    const result = await api['outcome:create']({ forumId, document });
    if (result.ok) {
      setCreating(false);
      list.reload();
      navigate({ name: 'drafting', id: forumId, documentId: result.value.id });
    }
    return result;
  };

  if (documents.length === 0 || shownId === undefined) return <DraftingEmpty forumId={forumId} onCreate={create} />;
  if (creating) return <NewDocument forumId={forumId} onCreate={create} onCancel={() => setCreating(false)} />;
  if (!documents.some((d) => d.id === shownId)) {
    // Just created: the list is being read again and will have it in a moment.
    if (list.loading) return <p aria-busy="true">{t('common.loading')}</p>;
    return (
      <section className="drafting-screen" aria-labelledby="drafting-heading">
        <h1 id="drafting-heading">{t('drafting.title')}</h1>
        <p className="empty-state">{t('drafting.documentGone')}</p>
        <a className="button" href={routeHref({ name: 'drafting', id: forumId })}>
          {t('drafting.openFirst')}
        </a>
      </section>
    );
  }
  return (
    <DraftingView
      key={shownId}
      forumId={forumId}
      documentId={shownId}
      paragraphId={paragraphId}
      documents={documents}
      onNewDocument={() => setCreating(true)}
      onDocumentSaved={list.reload}
    />
  );
}

/** A further document for the same forum (a communiqué beside the consensus, say), prefilled from the forum. */
interface NewDocumentProps {
  forumId: string;
  onCreate(document: OutcomeDocumentInput): Promise<Result<OutcomeDocument>>;
  onCancel(): void;
}

function NewDocument({ forumId, onCreate, onCancel }: NewDocumentProps) {
  const { t } = useTranslation();
  const forum = useApiQuery('forums:get', { id: forumId });
  if (forum.error) return <ErrorMessage error={forum.error} />;
  if (!forum.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const { languages, sourceLanguage } = forum.data;
  return (
    <section className="drafting-screen" aria-labelledby="new-document-heading">
      <h1 id="new-document-heading">{t('drafting.newDocument.title')}</h1>
      <p className="hint">{t('drafting.newDocument.intro')}</p>
      <DocumentForm
        defaultValues={documentValuesFromForum(forum.data)}
        languages={[sourceLanguage, ...languages.filter((l) => l !== sourceLanguage)]}
        sourceLanguage={sourceLanguage}
        submitLabel={t('drafting.newDocument.create')}
        onSave={onCreate}
        onCancel={onCancel}
      />
    </section>
  );
}
