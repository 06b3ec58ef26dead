import { useTranslation } from 'react-i18next';
import { kindLabel } from './kindLabel';
import { pickText } from '../../../../shared/multilingual';
import type { OutcomeDocument } from '../../../../shared/outcome';
import { navigate, routeHref } from '../../hooks/useRoute';
import type { Permission } from '../../hooks/useForumRoles';
import { ExportButton } from '../exports/ExportButton';
import { TranslatorsButton } from '../translators/TranslatorsButton';
import { RoleGate } from '../RoleGate';

interface Props {
  forumId: string;
  document: OutcomeDocument;
  documents: ReadonlyArray<{ id: string; kind: string; title: Record<string, string> }>;
  uiLanguage: string;
  onNewDocument(): void;
  /** Whether this laptop may start a document (the secretariat's). */
  canCreate: Permission;
}

/** The screen's title, which document is open (when the forum has several), the way to the coverage view, and export (Ctrl+E). */
export function DraftingHeader({ forumId, document: doc, documents, uiLanguage, onNewDocument, canCreate }: Props) {
  const { t } = useTranslation();
  const titleOf = (title: Record<string, string>) => pickText(title, uiLanguage, doc.sourceLanguage).text || t('drafting.untitled');
  return (
    <div className="screen-heading">
      <h1 id="drafting-heading">{t('drafting.title')}</h1>
      <div className="actions">
        {documents.length > 1 && (
          <label className="inline-field">
            <span>{t('drafting.document')}</span>
            <select value={doc.id} onChange={(event) => navigate({ name: 'drafting', id: forumId, documentId: event.target.value })}>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {`${titleOf(d.title)} (${kindLabel(t, d.kind)})`}
                </option>
              ))}
            </select>
          </label>
        )}
        <RoleGate permission={canCreate}>
          {(gate) => (
            <button type="button" onClick={onNewDocument} {...gate}>
              {t('drafting.newDocument.button')}
            </button>
          )}
        </RoleGate>
        <a className="button" href={routeHref({ name: 'coverage', id: forumId, documentId: doc.id })} aria-keyshortcuts="C">
          {t('drafting.actions.coverage')}
        </a>
        <ExportButton target={{ kind: 'outcome', documentId: doc.id, languages: doc.languages, sourceLanguage: doc.sourceLanguage }} shortcut />
        <TranslatorsButton target={{ forumId, documentId: doc.id, languages: doc.languages, sourceLanguage: doc.sourceLanguage }} />
      </div>
    </div>
  );
}
