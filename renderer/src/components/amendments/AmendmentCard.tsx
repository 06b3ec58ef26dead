import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Amendment, AmendmentStatus } from '../../../../shared/amendments';
import type { AppError } from '../../../../shared/result';
import type { Permission } from '../../hooks/useForumRoles';
import { languageName } from '../../i18n/languageName';
import type { ProseSaver } from '../proseSaver';
import { RoleGate } from '../RoleGate';
import { amendmentDiff } from './amendedText';
import { AmendmentEditor } from './AmendmentEditor';
import type { AmendmentFields } from './amendmentTarget';
import { formatMoment } from './formatMoment';
import { isTyping } from './isTyping';
import { SideBySideVersions } from './SideBySideVersions';
import { StaleReview } from './StaleReview';
import { WordDiffView } from './WordDiffView';

interface Props {
  /** An open amendment's words and rationale are corrected through it, saved as they are typed. */
  saver: ProseSaver<AmendmentFields, Amendment>;
  amendment: Amendment;
  /** Its place among the paragraph's amendments, oldest first: how people refer to it. */
  number: number;
  sourceLanguage: string;
  /** The forum's time zone, for when it was proposed and decided. */
  timeZone: string | undefined;
  /** The paragraph's text now in the amendment's language. */
  currentText: string;
  /** Other open amendments to the same paragraph stand beside it. */
  competing: boolean;
  reviewing: boolean;
  busy: boolean;
  onDecide(decision: AmendmentStatus): void;
  onAcceptReviewed(reviewedText: string): void;
  onCancelReview(): void;
  onChooseVersion(text: string): Promise<AppError | undefined>;
  /** Deciding is the chair's; editing the proposal, the drafters'. */
  canDecide: Permission;
  canEdit: Permission;
}

/**
 * Keys that decide the amendment whose card has the focus (outside a text box), read by their place
 * on the keyboard so they work in an Arabic or Russian layout too.
 */
const decisionKeys: Record<string, AmendmentStatus> = { KeyA: 'accepted', KeyR: 'rejected', KeyW: 'withdrawn', KeyO: 'open' };

/** One amendment: what it proposes as a word diff, by whom and why, where it stands, and the chair's buttons. */
export function AmendmentCard(props: Props) {
  const { saver, amendment, number, sourceLanguage, currentText, competing, reviewing, busy, onDecide, canDecide, canEdit } = props;
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const ui = i18n.language;
  const open = amendment.status === 'open';
  const titleId = `amendment-${amendment.id}`;
  const proposer = amendment.proposer.name || t('amendments.card.unknownProposer');
  const diff = amendmentDiff(amendment, amendment.baseText);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || busy || !canDecide.allowed) return;
    if (isTyping(event.target)) return;
    const decision = decisionKeys[event.code];
    if (!decision || (decision === 'open') === open) return;
    event.preventDefault();
    onDecide(decision);
  };

  return (
    <article
      className={`amendment-card status-${amendment.status}${amendment.stale && open ? ' is-stale' : ''}`}
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header className="amendment-head">
        <h5 id={titleId}>{t('amendments.card.title', { number, kind: t(`amendments.kind.${amendment.kind}`), proposer })}</h5>
        <span className={`status-badge amendment-status status-${amendment.status}`}>{t(`amendments.status.${amendment.status}`)}</span>
        {open && amendment.stale && (
          <span className="stale-badge">
            <span aria-hidden="true">⚠ </span>
            {t('amendments.card.stale')}
          </span>
        )}
        {open && competing && <span className="competing-badge">{t('amendments.card.competing')}</span>}
      </header>
      <p className="meta amendment-meta">
        <span>{t('amendments.card.proposedAt', { time: formatMoment(amendment.createdAt, ui, props.timeZone) })}</span>
        {amendment.decidedAt && !open && <span>{t(`amendments.card.decidedAt.${amendment.status}`, { time: formatMoment(amendment.decidedAt, ui, props.timeZone) })}</span>}
        {amendment.lang !== sourceLanguage && <span>{t('amendments.card.inLanguage', { language: languageName(amendment.lang, ui) })}</span>}
      </p>
      {amendment.kind === 'insert_after' && <p className="amendment-what">{t('amendments.card.insertAfter')}</p>}
      {amendment.kind === 'delete' && <p className="amendment-what">{t('amendments.card.delete')}</p>}
      <WordDiffView {...diff} lang={amendment.lang} label={t('amendments.card.diff')} className="amendment-diff" />
      {editing && open && <AmendmentEditor saver={saver} amendment={amendment} onDone={() => setEditing(false)} />}
      {amendment.rationale && (
        <p className="amendment-rationale">
          <span className="rationale-label">{t('amendments.card.rationale')}</span> <span dir="auto">{amendment.rationale}</span>
        </p>
      )}
      {amendment.alternatives.length > 0 && (
        <SideBySideVersions
          label={t('amendments.versions.amendmentLabel', { number })}
          lang={amendment.lang}
          shown={amendment.text}
          others={amendment.alternatives}
          onChoose={props.onChooseVersion}
        />
      )}
      {reviewing ? (
        <StaleReview amendment={amendment} currentText={currentText} busy={busy} onAccept={props.onAcceptReviewed} onCancel={props.onCancelReview} />
      ) : (
        <div className="actions amendment-actions">
          {open ? (
            <>
              <RoleGate permission={canDecide}>
                {(gate) => (
                  <button type="button" className="primary" disabled={busy} onClick={() => onDecide('accepted')} {...gate} aria-keyshortcuts="A">
                    {t('amendments.actions.accept')}
                  </button>
                )}
              </RoleGate>
              <RoleGate permission={canDecide}>
                {(gate) => (
                  <button type="button" disabled={busy} onClick={() => onDecide('rejected')} {...gate} aria-keyshortcuts="R">
                    {t('amendments.actions.reject')}
                  </button>
                )}
              </RoleGate>
              <RoleGate permission={canDecide}>
                {(gate) => (
                  <button type="button" disabled={busy} onClick={() => onDecide('withdrawn')} {...gate} aria-keyshortcuts="W">
                    {t('amendments.actions.withdraw')}
                  </button>
                )}
              </RoleGate>
              {!editing && (
                <RoleGate permission={canEdit}>
                  {(gate) => (
                    <button type="button" onClick={() => setEditing(true)} {...gate}>
                      {t('amendments.actions.edit')}
                    </button>
                  )}
                </RoleGate>
              )}
            </>
          ) : (
            <RoleGate permission={canDecide}>
              {(gate) => (
                <button type="button" disabled={busy} onClick={() => onDecide('open')} {...gate} aria-keyshortcuts="O">
                  {t('amendments.actions.reopen')}
                </button>
              )}
            </RoleGate>
          )}
        </div>
      )}
    </article>
  );
}
