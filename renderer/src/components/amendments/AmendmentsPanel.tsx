import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Amendment, AmendmentKind, AmendmentStatus } from '../../../../shared/amendments';
import type { DraftParagraph, OutcomeDocument } from '../../../../shared/outcome';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useForumRoles } from '../../hooks/useForumRoles';
import { RoleGate } from '../RoleGate';
import { useForumTimeZone } from '../../hooks/useForumTimeZone';
import { languageName } from '../../i18n/languageName';
import { ErrorMessage } from '../ErrorMessage';
import { UndoBar } from '../keyMessages/UndoBar';
import type { ProseSaver } from '../proseSaver';
import { AmendmentCard } from './AmendmentCard';
import type { AmendmentFields } from './amendmentTarget';
import { holdsText, isTyping } from './isTyping';
import { ProposeAmendmentForm } from './ProposeAmendmentForm';
import { SideBySideVersions } from './SideBySideVersions';

export interface AmendmentsPanelProps {
  /** Proposals and edits of open amendments go through it: retried until they land, copied locally. */
  saver: ProseSaver<AmendmentFields, Amendment>;
  paragraph: DraftParagraph;
  document: OutcomeDocument;
  /** Called after any change, so the drafting view reloads counts and text. */
  onChanged(): void;
}

type Decided = Exclude<AmendmentStatus, 'open'>;
/** What just happened, kept untranslated so it reads in the UI language even after a switch. */
type Note = { key: string; number: number; kind?: AmendmentKind };

/**
 * A paragraph's amendments: the open ones first (several at once stand side by side: they
 * compete), then those decided, which stay readable and can be reopened, since nothing proposed is
 * lost. Ctrl+Z in the panel takes the last decision back; N proposes a new amendment.
 */
export function AmendmentsPanel({ saver, paragraph, document, onChanged }: AmendmentsPanelProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const list = useApiQuery('amendments:list', { paragraphId: paragraph.id });
  const timeZone = useForumTimeZone(document.forumId);
  const { can } = useForumRoles(document.forumId);
  const canPropose = can('amendments', ['text']);
  const canDecide = can('amendments', ['status']);
  const { reload } = list;
  const [reviewing, setReviewing] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError>();
  const [proposing, setProposing] = useState(false);
  const [last, setLast] = useState<{ id: string; number: number; decision: Decided }>();
  const [note, setNote] = useState<Note>();
  const proposeButton = useRef<HTMLButtonElement>(null);

  // The paragraph changed elsewhere (an edit, another panel's decision): staleness may have too.
  const paragraphKey = JSON.stringify([paragraph.text, paragraph.amendments]);
  const seenKey = useRef(paragraphKey);
  useEffect(() => {
    if (seenKey.current === paragraphKey) return;
    seenKey.current = paragraphKey;
    reload();
  }, [paragraphKey, reload]);

  // A proposal or an edit of this paragraph's amendments has landed (the document is read again by the screen).
  useEffect(() => saver.onSaved((_id, saved) => saved.paragraphId === paragraph.id && reload()), [saver, paragraph.id, reload]);

  const amendments = list.data ?? [];
  const numbers = new Map(amendments.map((a, index) => [a.id, index + 1]));
  const open = amendments.filter((a) => a.status === 'open');
  const decided = amendments.filter((a) => a.status !== 'open');
  const changed = useCallback(() => {
    reload();
    onChanged();
  }, [reload, onChanged]);

  const decide = async (amendment: Amendment, decision: AmendmentStatus, reviewedText?: string) => {
    const number = numbers.get(amendment.id) ?? 0;
    // A stale amendment is never applied unseen: the review comes first.
    if (decision === 'accepted' && amendment.stale && reviewedText === undefined) {
      setReviewing(amendment.id);
      return;
    }
    setBusy(true);
    setError(undefined);
    const result = await api['amendments:decide']({ id: amendment.id, decision, ...(reviewedText === undefined ? {} : { reviewedText }) });
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'amendment_stale' && decision === 'open') {
        // Reopening would take back an acceptance the paragraph has since moved on from.
        setNote({ key: 'amendments.reopenRefused', number });
        setLast(undefined);
      } else if (result.error.code === 'amendment_stale') {
        // Changed since this laptop last looked (or again during the review): show the review with fresh text.
        setReviewing(amendment.id);
        if (reviewedText !== undefined) setError(result.error);
        changed();
      } else setError(result.error);
      return;
    }
    setReviewing(undefined);
    if (decision === 'open') {
      setLast(undefined);
      setNote({ key: 'amendments.done.reopened', number });
    } else {
      setLast({ id: amendment.id, number, decision });
      setNote({ key: `amendments.done.${decision}`, number });
    }
    changed();
  };

  const undo = () => {
    const target = last && amendments.find((a) => a.id === last.id);
    if (target && !busy) void decide(target, 'open');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.altKey || event.shiftKey) return;
    if ((event.ctrlKey || event.metaKey) && event.code === 'KeyZ' && last && !holdsText(event.target)) {
      // The drafting screen has an undo of its own on the window: this one is the panel's.
      event.preventDefault();
      event.stopPropagation();
      undo();
    } else if (!event.ctrlKey && !event.metaKey && event.code === 'KeyN' && !proposing && canPropose.allowed && !isTyping(event.target)) {
      event.preventDefault();
      setProposing(true);
    }
  };

  const chooseProse = async (table: 'amendments' | 'outcome_paragraphs', rowId: string, cell: string, text: string) => {
    const result = await api['prose:choose']({ table, rowId, cell, text });
    if (!result.ok) return result.error;
    changed();
    return undefined;
  };

  const card = (amendment: Amendment) => (
    <AmendmentCard
      saver={saver}
      amendment={amendment}
      number={numbers.get(amendment.id) ?? 0}
      sourceLanguage={document.sourceLanguage}
      timeZone={timeZone}
      currentText={paragraph.text[amendment.lang] ?? ''}
      competing={open.length > 1}
      reviewing={reviewing === amendment.id}
      busy={busy}
      onDecide={(decision) => void decide(amendment, decision)}
      onAcceptReviewed={(text) => void decide(amendment, 'accepted', text)}
      onCancelReview={() => {
        setReviewing(undefined);
        setError(undefined);
      }}
      onChooseVersion={(text) => chooseProse('amendments', amendment.id, 'text', text)}
      canDecide={canDecide}
      canEdit={canPropose}
    />
  );

  const message = note && t(note.key, { number: note.number, kind: note.kind ? t(`amendments.kind.${note.kind}`) : '' });
  const alternatives = Object.entries(paragraph.alternatives).filter(([, others]) => others.length > 0);
  return (
    <section className="amendments-panel" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="panel-heading">
        <h3 id={headingId}>{t('amendments.title')}</h3>
        {!proposing && (
          <RoleGate permission={canPropose}>
            {(gate) => (
              <button type="button" ref={proposeButton} onClick={() => setProposing(true)} aria-keyshortcuts="N" {...gate}>
                {t('amendments.propose.open')}
              </button>
            )}
          </RoleGate>
        )}
      </div>
      <UndoBar message={message} onUndo={last ? undo : undefined} onDismiss={() => setNote(undefined)} />
      {error && <ErrorMessage error={error} />}
      {list.error && <ErrorMessage error={list.error} />}
      {proposing && (
        <ProposeAmendmentForm
          saver={saver}
          forumId={document.forumId}
          paragraph={paragraph}
          languages={document.languages}
          sourceLanguage={document.sourceLanguage}
          onProposed={(amendment) => {
            setProposing(false);
            setLast(undefined);
            setNote({ key: 'amendments.done.proposed', number: amendments.length + 1, kind: amendment.kind });
          }}
          onCancel={() => {
            setProposing(false);
            window.setTimeout(() => proposeButton.current?.focus());
          }}
        />
      )}
      {alternatives.map(([lang, others]) => (
        <SideBySideVersions
          key={lang}
          label={t('amendments.versions.paragraphLabel', { language: languageName(lang, i18n.language) })}
          lang={lang}
          shown={paragraph.text[lang] ?? ''}
          others={others}
          onChoose={(text) => chooseProse('outcome_paragraphs', paragraph.id, `text@${lang}`, text)}
        />
      ))}
      {list.data && amendments.length === 0 && !proposing && <p className="hint">{t('amendments.none')}</p>}
      {!list.data && !list.error && <p aria-busy="true">{t('common.loading')}</p>}
      {open.length > 0 && (
        <section className="amendment-group" aria-labelledby={`${headingId}-open`}>
          <h4 id={`${headingId}-open`}>{t('amendments.groups.open', { number: open.length })}</h4>
          {open.length > 1 && <p className="hint">{t('amendments.groups.competingHint')}</p>}
          <div className={open.length > 1 ? 'amendment-grid' : 'amendment-stack'}>{open.map(card)}</div>
        </section>
      )}
      {decided.length > 0 && (
        <section className="amendment-group" aria-labelledby={`${headingId}-decided`}>
          <h4 id={`${headingId}-decided`}>{t('amendments.groups.decided', { number: decided.length })}</h4>
          <div className="amendment-stack">{decided.map(card)}</div>
        </section>
      )}
    </section>
  );
}
