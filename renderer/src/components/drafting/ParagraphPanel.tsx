import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paragraphStatuses } from '../../../../shared/forum';
import type { Amendment } from '../../../../shared/amendments';
import { paragraphKinds, type DraftParagraph, type OutcomeDocument, type ParagraphKind, type ParagraphStatus } from '../../../../shared/outcome';
import type { AppError } from '../../../../shared/result';
import type { Permission } from '../../hooks/useForumRoles';
import { routeHref } from '../../hooks/useRoute';
import { AmendmentsPanel } from '../amendments/AmendmentsPanel';
import type { AmendmentFields } from '../amendments/amendmentTarget';
import { HistoryPanel } from '../amendments/HistoryPanel';
import { StancesPanel } from '../amendments/StancesPanel';
import { DecisionsPanel } from '../decisions/DecisionsPanel';
import { ErrorMessage } from '../ErrorMessage';
import { RoleGate } from '../RoleGate';
import type { ProseSaver } from '../proseSaver';
import { SpeakersPanel } from '../speakers/SpeakersPanel';
import { PanelTabs } from './PanelTabs';
import { ParagraphSources } from './ParagraphSources';
import { ParagraphTextEditor, type BracketTarget } from './ParagraphTextEditor';
import type { ParagraphTextFields } from './paragraphTextTarget';
import type { ParagraphPatch } from './useDraftState';
import { ParagraphModelFields } from './ParagraphModelFields';
import { ReferencePicker } from './ReferencePicker';

export const panelTabIds = ['text', 'sources', 'amendments', 'stances', 'decisions', 'speakers', 'history'] as const;
export type PanelTabId = (typeof panelTabIds)[number];

interface Props {
  forumId: string;
  /** Saves the texts as they are typed. */
  saver: ProseSaver<ParagraphTextFields, DraftParagraph>;
  /** Saves amendments as they are proposed and edited. */
  amendmentSaver: ProseSaver<AmendmentFields, Amendment>;
  document: OutcomeDocument;
  paragraph: DraftParagraph;
  name: string;
  /** Working languages, source first. */
  languages: readonly string[];
  readingLang: string;
  tab: PanelTabId;
  onTab(tab: PanelTabId): void;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onUpdate(id: string, patch: ParagraphPatch): Promise<AppError | undefined>;
  onMove(direction: 'up' | 'down'): void;
  onDelete(): void;
  onEditSources(): void;
  /** Something changed the document beyond this paragraph's own answer: read it again. */
  onChanged(): void;
  /** Text, kind, order and sources (a drafter's). */
  canDraft: Permission;
  /** The status (the chair's). */
  canDecide: Permission;
  /** Roles, levels, alternatives and references (see useParagraphModel). */
  model: {
    paragraphs: readonly DraftParagraph[];
    delegations: readonly string[];
    alternativeOpen: boolean;
    onAlternativeOpen(open: boolean): void;
    onAddAlternative(text: Record<string, string>, proposers: string[], alternativeId: string): Promise<AppError | undefined>;
  };
}

/**
 * The selected paragraph at work: its text in every working language side by side, its status and
 * kind, where it comes from, and (from the amendments area) its amendments, stances and history.
 */
export function ParagraphPanel(props: Props) {
  const { forumId, saver, amendmentSaver, document: doc, paragraph, name, languages, readingLang, tab, onTab, canMoveUp, canMoveDown, onUpdate, onMove, onDelete, onEditSources, onChanged, canDraft, canDecide, model } = props;
  const { t } = useTranslation();
  const [error, setError] = useState<AppError>();
  const [bracketHint, setBracketHint] = useState(false);
  const targets = useRef(new Map<string, BracketTarget>());
  const lastLanguage = useRef(doc.sourceLanguage);
  const referenceBox = useRef<HTMLInputElement>(null);
  const onReference = useCallback(() => referenceBox.current?.focus(), []);
  const insertReference = (token: string) => {
    const target = targets.current.get(lastLanguage.current) ?? targets.current.get(doc.sourceLanguage);
    target?.insert(token);
  };
  const { id } = paragraph;

  const change = async (patch: ParagraphPatch) => {
    setError(undefined);
    const failure = await onUpdate(id, patch);
    if (failure) setError(failure);
  };
  const register = useCallback((lang: string, target: BracketTarget | null) => {
    if (target) targets.current.set(lang, target);
    else targets.current.delete(lang);
  }, []);
  const status = paragraph.status;
  const onBracketed = useCallback(() => {
    setBracketHint(false);
    if (status !== 'bracketed') void onUpdate(id, { status: 'bracketed' }).then((failure) => failure && setError(failure));
  }, [onUpdate, id, status]);
  const onNothingSelected = useCallback(() => setBracketHint(true), []);
  const onFocusLanguage = useCallback((lang: string) => {
    lastLanguage.current = lang;
  }, []);

  const tabs = [
    { id: 'text' as const, label: t('drafting.tabs.text') },
    { id: 'sources' as const, label: t('drafting.tabs.sources'), count: paragraph.keyMessageIds.length },
    { id: 'amendments' as const, label: t('drafting.tabs.amendments'), count: paragraph.amendments.open },
    { id: 'stances' as const, label: t('drafting.tabs.stances') },
    { id: 'decisions' as const, label: t('decisions.tab') },
    { id: 'speakers' as const, label: t('drafting.tabs.speakers') },
    { id: 'history' as const, label: t('drafting.tabs.history') },
  ];
  const tabId = (tabName: PanelTabId) => `paragraph-tab-${tabName}`;
  const panelId = (tabName: PanelTabId) => `paragraph-tabpanel-${tabName}`;

  return (
    <aside className="paragraph-panel" aria-labelledby="paragraph-panel-heading">
      <div className="panel-head">
        <h2 id="paragraph-panel-heading">{name}</h2>
        <div className="panel-tools">
          <RoleGate permission={canDraft}>
            {(gate) => (
              <button type="button" disabled={!canMoveUp} onClick={() => onMove('up')} aria-keyshortcuts="Alt+ArrowUp" {...gate}>
                <span aria-hidden="true">↑ </span>
                {t('drafting.actions.moveUp')}
              </button>
            )}
          </RoleGate>
          <RoleGate permission={canDraft}>
            {(gate) => (
              <button type="button" disabled={!canMoveDown} onClick={() => onMove('down')} aria-keyshortcuts="Alt+ArrowDown" {...gate}>
                <span aria-hidden="true">↓ </span>
                {t('drafting.actions.moveDown')}
              </button>
            )}
          </RoleGate>
          <a className="button" href={routeHref({ name: 'draftProjector', id: forumId, documentId: doc.id, paragraphId: id })} aria-keyshortcuts="P">
            {t('drafting.actions.project')}
          </a>
          <RoleGate permission={canDraft}>
            {(gate) => (
              <button type="button" className="danger" onClick={onDelete} aria-keyshortcuts="Delete" {...gate}>
                {t('drafting.actions.delete')}
              </button>
            )}
          </RoleGate>
        </div>
      </div>
      <div className="panel-fields">
        <label className="field">
          <span>{t('drafting.editor.status')}</span>
          <RoleGate permission={canDecide}>
            {(gate) => (
              <select value={paragraph.status} onChange={(event) => void change({ status: event.target.value as ParagraphStatus })} {...gate}>
                {paragraphStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`paragraphStatus.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </RoleGate>
        </label>
        <label className="field">
          <span>{t('drafting.editor.kind')}</span>
          <RoleGate permission={canDraft}>
            {(gate) => (
              <select value={paragraph.kind} onChange={(event) => void change({ kind: event.target.value as ParagraphKind })} {...gate}>
                {paragraphKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`drafting.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </RoleGate>
        </label>
      </div>
      <ParagraphModelFields
        paragraph={paragraph}
        sourceLanguage={doc.sourceLanguage}
        delegations={model.delegations}
        canDraft={canDraft}
        alternativeOpen={model.alternativeOpen}
        onAlternativeOpen={model.onAlternativeOpen}
        onChange={change}
        onAddAlternative={(text, proposers, alternativeId) => model.onAddAlternative(text, proposers, alternativeId)}
      />
      {error && <ErrorMessage error={error} />}
      <PanelTabs tabs={tabs} selected={tab} onSelect={onTab} label={t('drafting.tabs.label')} tabId={tabId} panelId={panelId} />
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className="panel-body" tabIndex={tab === 'text' ? undefined : 0}>
        {tab === 'text' && (
          <div className="paragraph-texts">
            {canDraft.allowed && (
              <div className="bracket-tool">
                <button
                  type="button"
                  aria-keyshortcuts="Control+Shift+B"
                  // Pressing the button must not take the selection away from the text box first.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => (targets.current.get(lastLanguage.current) ?? targets.current.get(doc.sourceLanguage))?.bracket()}
                >
                  {t('drafting.editor.bracket')}
                </button>
                <span className={bracketHint ? 'warning' : 'hint'} role="status">
                  {bracketHint ? t('drafting.editor.bracketNothing') : t('drafting.editor.bracketHint')}
                </span>
              </div>
            )}
            {canDraft.allowed && (
              <ReferencePicker
                ref={referenceBox}
                paragraphId={id}
                paragraphs={model.paragraphs}
                readingLang={readingLang}
                sourceLanguage={doc.sourceLanguage}
                onInsert={insertReference}
              />
            )}
            {languages.map((lang) => (
              <ParagraphTextEditor
                key={`${id}-${lang}`}
                saver={saver}
                paragraphId={id}
                documentId={doc.id}
                lang={lang}
                isSource={lang === doc.sourceLanguage}
                stored={paragraph.text[lang] ?? ''}
                state={paragraph.translations[lang]}
                alternatives={paragraph.alternatives[lang] ?? []}
                ordinal={doc.numbering === 'ordinal' && paragraph.kind === 'numbered'}
                onBracketed={onBracketed}
                onNothingSelected={onNothingSelected}
                onFocusLanguage={onFocusLanguage}
                onReference={onReference}
                register={register}
                onSettled={onChanged}
                permission={canDraft}
              />
            ))}
          </div>
        )}
        {tab === 'sources' && (
          <ParagraphSources
            key={`${id}-${paragraph.keyMessageIds.join(',')}`}
            paragraphId={id}
            readingLang={readingLang}
            sourceLanguage={doc.sourceLanguage}
            onEdit={onEditSources}
            canEdit={canDraft}
          />
        )}
        {tab === 'amendments' && <AmendmentsPanel key={id} saver={amendmentSaver} paragraph={paragraph} document={doc} onChanged={onChanged} />}
        {tab === 'stances' && <StancesPanel key={id} forumId={forumId} paragraph={paragraph} onChanged={onChanged} />}
        {tab === 'decisions' && (
          <DecisionsPanel key={id} forumId={forumId} documentId={doc.id} paragraphId={id} paragraphName={name} sourceLanguage={doc.sourceLanguage} onChanged={onChanged} />
        )}
        {tab === 'speakers' && <SpeakersPanel key={id} forumId={forumId} subject={{ kind: 'paragraph', id }} />}
        {tab === 'history' && <HistoryPanel key={id} forumId={doc.forumId} paragraph={paragraph} languages={languages} sourceLanguage={doc.sourceLanguage} />}
      </div>
    </aside>
  );
}
