import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeDocument, OutcomeDocumentInput, ParagraphKind } from '../../../../shared/outcome';
import { api } from '../../api/plenaryApi';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useForumRoles } from '../../hooks/useForumRoles';
import { navigate } from '../../hooks/useRoute';
import { ErrorMessage } from '../ErrorMessage';
import { newRowId } from '../newRowId';
import { UndoBar } from '../keyMessages/UndoBar';
import { useUndoShortcut } from '../participants/useUndoShortcut';
import { DocumentForm } from './DocumentForm';
import { DocumentReader } from './DocumentReader';
import { documentValues } from './documentValues';
import { DraftingHeader } from './DraftingHeader';
import { DraftingShortcutHelp } from './DraftingShortcutHelp';
import { DraftToolbar } from './DraftToolbar';
import { GeneratedFlagNotice } from './GeneratedFlagNotice';
import { IssuancesPanel } from '../issuances/IssuancesPanel';
import { KeyMessagesGenerator } from './KeyMessagesGenerator';
import { KeyMessagePicker } from './KeyMessagePicker';
import { NewParagraphForm } from './NewParagraphForm';
import { ParagraphPanel, type PanelTabId } from './ParagraphPanel';
import { paragraphName } from './paragraphName';
import { useDraftingKeys } from './useDraftingKeys';
import { useDelegations } from './useDelegations';
import { useParagraphModel } from './useParagraphModel';
import { useGeneratedFlags } from './useGeneratedFlags';
import { useDraftState } from './useDraftState';

interface Props {
  forumId: string;
  documentId: string;
  /** The paragraph to open (a link from the coverage view or the projector). */
  paragraphId?: string | undefined;
  documents: ReadonlyArray<{ id: string; kind: string; title: Record<string, string> }>;
  onNewDocument(): void;
  onDocumentSaved(): void;
}

/** One document, read in one call; everything after that changes it a paragraph at a time. */
export function DraftingView(props: Props) {
  const { t } = useTranslation();
  const doc = useApiQuery('outcome:get', { documentId: props.documentId });
  if (!doc.data) {
    return (
      <section className="drafting-screen" aria-labelledby="drafting-heading">
        <h1 id="drafting-heading">{t('drafting.title')}</h1>
        {doc.error ? <ErrorMessage error={doc.error} /> : <p aria-busy="true">{t('common.loading')}</p>}
      </section>
    );
  }
  return <DraftingDesk {...props} loaded={doc.data} reload={doc.reload} />;
}

function DraftingDesk({ forumId, paragraphId, documents, onNewDocument, onDocumentSaved, loaded, reload }: Props & { loaded: OutcomeDocument; reload(): void }) {
  const { t, i18n } = useTranslation();
  const [recovered, setRecovered] = useState(0);
  const state = useDraftState(loaded, reload, setRecovered);
  const { can } = useForumRoles(forumId);
  // Text, order, kind and sources are the drafters'; a paragraph's status is the chair's.
  const canDraft = can('outcome_paragraphs', ['text']);
  const canDecide = can('outcome_paragraphs', ['status']);
  const canFrame = can('outcome_documents', ['title']);
  const { paragraphs, actions } = state;
  const generated = useGeneratedFlags(loaded.id, paragraphs);
  const source = loaded.sourceLanguage;
  const languages = useMemo(() => [source, ...loaded.languages.filter((l) => l !== source)], [loaded.languages, source]);
  const langKey = `drafting-reading-${loaded.id}`;
  const [chosenLanguage, setChosenLanguage] = useState(() => window.sessionStorage.getItem(langKey) ?? undefined);
  const readingLang =
    chosenLanguage && languages.includes(chosenLanguage) ? chosenLanguage : languages.includes(i18n.language) ? i18n.language : source;
  const chooseLanguage = (lang: string) => {
    window.sessionStorage.setItem(langKey, lang);
    setChosenLanguage(lang);
  };
  const [selectedId, setSelectedId] = useState<string | undefined>(paragraphId);
  const [tab, setTab] = useState<PanelTabId>('text');
  const [composer, setComposer] = useState<ParagraphKind>();
  const [picker, setPicker] = useState<'create' | 'sources'>();
  const [helpOpen, setHelpOpen] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  // What the deleted paragraph was called when it went ("Point 3"): its number is gone with it.
  const [deletedName, setDeletedName] = useState('');
  const focusRequest = useRef<string>(paragraphId);
  // One id per opening of the picker: trying again after a lost answer never makes two paragraphs.
  const pickerCreateId = useRef('');
  useEffect(() => {
    if (picker === 'create') pickerCreateId.current = newRowId();
  }, [picker]);
  const refocus = useRef<Element | null>(null);

  const index = paragraphs.findIndex((p) => p.id === selectedId);
  const selected = index >= 0 ? paragraphs[index] : undefined;
  const selectedFlag = selected ? generated.flagOf(selected.id) : undefined;
  // The document as it stands here (paragraphs changed since it was read), for the amendments panel.
  const current = useMemo(() => ({ ...loaded, paragraphs: [...paragraphs] }), [loaded, paragraphs]);
  const nameOf = useCallback((id: string) => {
    const at = paragraphs.findIndex((p) => p.id === id);
    const paragraph = paragraphs[at];
    return paragraph ? paragraphName(paragraph, at, t, i18n.language) : '';
  }, [paragraphs, t, i18n.language]);

  // Focus follows the selection made from the keyboard, and comes back to what had it before a move.
  useEffect(() => {
    const id = focusRequest.current;
    focusRequest.current = undefined;
    const element = id ? paragraphElement(id) : refocus.current;
    refocus.current = null;
    focusElement(element);
  }, [paragraphs, selectedId]);
  const focusParagraph = (id: string) => {
    focusRequest.current = undefined;
    focusElement(paragraphElement(id));
  };

  const select = useCallback((id: string) => setSelectedId(id), []);
  const selectAndFocus = (id: string) => {
    focusRequest.current = id;
    // Selecting the paragraph already selected (Esc from its editor) changes no state, so no
    // render would come to take the request: focus it now.
    if (id === selectedId) focusParagraph(id);
    else setSelectedId(id);
  };
  const after = selected?.id ?? paragraphs.at(-1)?.id ?? null;
  const placeText = selected ? t('drafting.composer.after', { name: nameOf(selected.id) }) : t('drafting.composer.atEnd');

  const addParagraph = async (kind: ParagraphKind, text: string, id: string) => {
    const like = kind === 'heading' || !selected || selected.kind === 'heading' ? {} : { role: selected.role, level: selected.level };
    const result = await actions.create({ id, after, kind, text: { [source]: text }, ...like });
    if (!result.ok) return result.error;
    // A retry that found the paragraph its lost first try made: the words typed since still go in.
    if ((result.value.text[source] ?? '') !== text.trim()) void actions.update(id, { text: { [source]: text } });
    setComposer(undefined);
    selectAndFocus(result.value.id);
    return undefined;
  };
  const fromKeyMessages = async (keyMessageIds: string[]) => {
    const result = await actions.create({ id: pickerCreateId.current, after, kind: 'numbered', text: {}, keyMessageIds });
    if (!result.ok) return result.error;
    setPicker(undefined);
    selectAndFocus(result.value.id);
    return undefined;
  };
  const setSources = async (keyMessageIds: string[]) => {
    if (!selected) return undefined;
    const failure = await actions.setSources(selected.id, keyMessageIds);
    if (failure) return failure;
    setPicker(undefined);
    setTab('sources');
    return undefined;
  };
  const move = (direction: 'up' | 'down') => {
    if (!selected) return;
    refocus.current = document.activeElement;
    void actions.move(selected.id, direction);
  };
  const remove = () => {
    if (!selected) return;
    const next = paragraphs[index + 1] ?? paragraphs[index - 1];
    setDeletedName(nameOf(selected.id));
    void actions.remove(selected).then((done) => done && setSelectedId(next?.id));
  };
  const undo = () => {
    const restored = state.lastAction?.kind === 'deleted' ? state.lastAction.paragraph.id : undefined;
    state.undo();
    if (restored) selectAndFocus(restored);
  };
  useUndoShortcut(undo, state.lastAction?.kind === 'deleted' && !picker);
  const saveDetails = async (input: OutcomeDocumentInput) => {
    const result = await api['outcome:update']({ documentId: loaded.id, document: input });
    if (result.ok) {
      reload();
      onDocumentSaved();
    }
    return result;
  };

  const model = useParagraphModel({ update: actions.update, reload, selected, allowed: canDraft.allowed, onError: state.setError });
  const named = useMemo(() => [...new Set(paragraphs.flatMap((p) => p.proposers))], [paragraphs]);
  const delegations = useDelegations(forumId, named, i18n.language);

  useDraftingKeys(
    {
      step(delta) {
        const next = index < 0 ? paragraphs[delta > 0 ? 0 : paragraphs.length - 1] : paragraphs[index + delta];
        if (next) selectAndFocus(next.id);
      },
      edit() {
        if (!selected) return;
        setTab('text');
        requestAnimationFrame(() => document.getElementById(`paragraph-${selected.id}-${source}`)?.focus());
      },
      back: () => selected && selectAndFocus(selected.id),
      move: (direction) => canDraft.allowed && move(direction),
      indent: model.indent,
      cycleRole: model.cycleRole,
      addAlternative: () => {
        model.openAlternative();
        setTab('text');
      },
      compose: (kind) => canDraft.allowed && setComposer(kind),
      fromKeyMessages: () => canDraft.allowed && setPicker('create'),
      editSources: () => canDraft.allowed && selected && setPicker('sources'),
      remove: () => canDraft.allowed && remove(),
      project: () => navigate({ name: 'draftProjector', id: forumId, documentId: loaded.id, paragraphId: selected?.id }),
      coverage: () => navigate({ name: 'coverage', id: forumId, documentId: loaded.id }),
      decisions: () => selected && setTab('decisions'),
      toggleHelp: () => setHelpOpen((open) => !open),
    },
    composer === undefined && picker === undefined,
  );

  const usedBy = useMemo(() => {
    const map = new Map<string, string[]>();
    if (!picker) return map;
    paragraphs.forEach((p, at) => {
      for (const id of p.keyMessageIds) map.set(id, [...(map.get(id) ?? []), paragraphName(p, at, t, i18n.language)]);
    });
    return map;
  }, [picker, paragraphs, t, i18n.language]);

  const composerForm = composer && (
    <NewParagraphForm key={composer} initialKind={composer} sourceLanguage={source} placeText={placeText} onSubmit={addParagraph} onCancel={() => setComposer(undefined)} />
  );
  const lastAction = state.lastAction;
  return (
    <section className="drafting-screen" aria-labelledby="drafting-heading">
      <DraftingHeader forumId={forumId} document={loaded} documents={documents} uiLanguage={i18n.language} onNewDocument={onNewDocument} canCreate={canFrame} />
      {state.error && <ErrorMessage error={state.error} />}
      <p className="recovered-status" role="status">
        {recovered > 0 ? t('proseSave.recovered', { number: recovered }) : ''}
      </p>
      <UndoBar
        message={lastAction && t(`drafting.undo.${lastAction.kind}`, { name: deletedName })}
        onUndo={lastAction?.kind === 'deleted' ? undo : undefined}
        onDismiss={state.dismissLastAction}
      />
      <details className="document-details" open={detailsOpen} onToggle={(event) => setDetailsOpen(event.currentTarget.open)}>
        <summary>{t('drafting.details.title')}</summary>
        {detailsOpen && (
          <DocumentForm
            defaultValues={documentValues(loaded)}
            languages={languages}
            sourceLanguage={source}
            translations={loaded.translations}
            storedKind={loaded.kind}
            submitLabel={t('drafting.details.save')}
            onSave={saveDetails}
          />
        )}
      </details>
      <IssuancesPanel forumId={forumId} documentId={loaded.id} readingLang={readingLang} canIssue={can('issuances', ['symbol'])} />
      <DraftToolbar
        languages={languages}
        readingLang={readingLang}
        onReadingLanguage={chooseLanguage}
        placeText={placeText}
        onCompose={setComposer}
        onFromKeyMessages={() => setPicker('create')}
        canDraft={canDraft}
      />
      {loaded.kind === 'key_messages' && (
        <KeyMessagesGenerator
          forumId={forumId}
          documentId={loaded.id}
          hasParagraphs={paragraphs.length > 0}
          flags={generated.flags}
          nameOf={nameOf}
          onGenerated={reload}
          onSelect={selectAndFocus}
          canGenerate={can('generated_paragraphs', ['document_id'])}
        />
      )}
      <div className="drafting-layout">
        <div className="drafting-reader" lang={readingLang}>
          <DocumentReader
            document={loaded}
            paragraphs={paragraphs}
            readingLang={readingLang}
            selectedId={selectedId}
            onSelect={select}
            composer={composerForm}
            composerAfter={selected?.id}
            empty={<p className="empty-state">{t('drafting.noParagraphs')}</p>}
          />
        </div>
        <div className="drafting-side">
          {selected && selectedFlag && (
            <GeneratedFlagNotice
              key={selected.id}
              flag={selectedFlag}
              onUse={(text) => actions.update(selected.id, { text })}
              onSettled={generated.reload}
            />
          )}
          {selected ? (
            <ParagraphPanel
              forumId={forumId}
              saver={state.paragraphSaver}
              amendmentSaver={state.amendmentSaver}
              document={current}
              paragraph={selected}
              name={nameOf(selected.id)}
              languages={languages}
              readingLang={readingLang}
              tab={tab}
              onTab={setTab}
              canMoveUp={index > 0}
              canMoveDown={index < paragraphs.length - 1}
              onUpdate={model.change}
              onMove={move}
              onDelete={remove}
              onEditSources={() => setPicker('sources')}
              onChanged={reload}
              canDraft={canDraft}
              canDecide={canDecide}
              model={{
                paragraphs,
                delegations,
                alternativeOpen: model.alternativeOpen,
                onAlternativeOpen: model.setAlternativeOpen,
                onAddAlternative: (text, proposers, alternativeId) => model.addAlternative(selected.id, text, proposers, alternativeId),
              }}
            />
          ) : (
            paragraphs.length > 0 && <p className="panel-hint">{t('drafting.selectHint')}</p>
          )}
          <DraftingShortcutHelp open={helpOpen} onToggle={setHelpOpen} />
        </div>
      </div>
      {picker && (
        <KeyMessagePicker
          forumId={forumId}
          title={t(picker === 'create' ? 'drafting.picker.createTitle' : 'drafting.picker.sourcesTitle')}
          intro={picker === 'create' ? t('drafting.picker.createIntro', { place: placeText }) : t('drafting.picker.sourcesIntro', { name: selected ? nameOf(selected.id) : '' })}
          initial={picker === 'sources' ? (selected?.keyMessageIds ?? []) : []}
          readingLang={readingLang}
          sourceLanguage={source}
          usedBy={usedBy}
          allowNone={picker === 'sources'}
          confirmLabel={(count) => (picker === 'create' ? t('drafting.picker.create', { number: count }) : t('drafting.picker.saveSources'))}
          onConfirm={picker === 'create' ? fromKeyMessages : setSources}
          onClose={() => setPicker(undefined)}
        />
      )}
    </section>
  );
}

const paragraphElement = (id: string) => document.querySelector<HTMLElement>(`[data-paragraph="${CSS.escape(id)}"]`);

function focusElement(element: Element | null): void {
  if (element instanceof HTMLElement && element.isConnected && document.activeElement !== element) {
    element.focus();
    element.scrollIntoView({ block: 'nearest' });
  }
}
