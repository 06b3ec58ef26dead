import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../i18n/intlFormat';
import { ModalDialog } from '../ModalDialog';
import type { KeyMessage } from '../../../../shared/keyMessages';
import { directionOf } from '../../../../shared/languages';
import { pickText } from '../../../../shared/multilingual';
import type { AppError } from '../../../../shared/result';
import { useApiQuery } from '../../hooks/useApiQuery';
import { ErrorMessage } from '../ErrorMessage';
import { groupBySession } from '../keyMessages/keyMessageOrder';
import { sessionLabels } from '../keyMessages/sessionLabels';

interface Props {
  forumId: string;
  title: string;
  intro: string;
  /** Ticked when the dialog opens (a paragraph's current sources). */
  initial: readonly string[];
  readingLang: string;
  sourceLanguage: string;
  /** Per key message, the paragraphs of this document already drawing on it. */
  usedBy: ReadonlyMap<string, readonly string[]>;
  confirmLabel(count: number): string;
  /** May be empty only when replacing sources (a paragraph may stand on none). */
  allowNone: boolean;
  onConfirm(keyMessageIds: string[]): Promise<AppError | undefined>;
  onClose(): void;
}

const matches = (message: KeyMessage, session: string, query: string) =>
  !query ||
  Object.values(message.text).some((text) => text.toLocaleLowerCase().includes(query)) ||
  message.theme.toLocaleLowerCase().includes(query) ||
  session.toLocaleLowerCase().includes(query);

/**
 * The forum's key messages by session, to pick from: searched, filtered to the unused ones, ticked
 * with Space, walked with the arrows, and Enter to finish.
 */
export function KeyMessagePicker(props: Props) {
  const { forumId, title, intro, initial, readingLang, sourceLanguage, usedBy, confirmLabel, allowNone, onConfirm, onClose } = props;
  const { t, i18n } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  const agenda = useApiQuery('agenda:get', { forumId });
  const messages = useApiQuery('keyMessages:list', { forumId });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(initial));
  const [query, setQuery] = useState('');
  const [unusedOnly, setUnusedOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError>();

  const label = useMemo(
    () => sessionLabels(agenda.data?.sessions ?? [], readingLang, sourceLanguage, { text: t('drafting.sources.unknownSession'), lang: readingLang }, i18n.language),
    [agenda.data, readingLang, sourceLanguage, t, i18n.language],
  );
  const groups = useMemo(() => {
    const bySession = groupBySession(messages.data ?? []);
    const order = (agenda.data?.sessions ?? []).map((s) => s.id);
    const ids = [...order.filter((id) => bySession.has(id)), ...[...bySession.keys()].filter((id) => !order.includes(id))];
    return ids.map((sessionId) => ({ sessionId, messages: bySession.get(sessionId) ?? [] }));
  }, [messages.data, agenda.data]);
  const normalized = query.trim().toLocaleLowerCase();
  const shown = groups
    .map((group) => ({
      ...group,
      messages: group.messages.filter((m) => matches(m, label(group.sessionId).text, normalized) && (!unusedOnly || chosen.has(m.id) || !usedBy.has(m.id))),
    }))
    .filter((group) => group.messages.length > 0);
  // In agenda order, so a paragraph made from them reads in the order they were said.
  const ordered = groups.flatMap((g) => g.messages.map((m) => m.id)).filter((id) => chosen.has(id));

  const toggle = (id: string) =>
    setChosen((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || (!allowNone && ordered.length === 0)) return;
    setBusy(true);
    setError(undefined);
    const failure = await onConfirm(ordered);
    setBusy(false);
    if (failure) setError(failure);
  };
  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const boxes = [...(list.current?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? [])];
    const index = boxes.findIndex((box) => box === document.activeElement);
    if (index < 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      boxes[Math.min(boxes.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void submit();
    }
  };
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    list.current?.querySelector<HTMLInputElement>('input[type=checkbox]')?.focus();
  };

  const loadError = agenda.error ?? messages.error;
  return (
    <ModalDialog className="picker-dialog" labelledBy="picker-title" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="picker-title">{title}</h2>
        <p className="hint">{intro}</p>
        <div className="picker-filters">
          <label className="field">
            <span>{t('drafting.picker.search')}</span>
            <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} onKeyDown={onSearchKey} aria-describedby="picker-keys" />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={unusedOnly} onChange={(event) => setUnusedOnly(event.target.checked)} />
            {t('drafting.picker.unusedOnly')}
          </label>
        </div>
        <p id="picker-keys" className="hint picker-keys">
          {t('drafting.picker.keys')}
        </p>
        {loadError && <ErrorMessage error={loadError} />}
        {!loadError && (!agenda.data || !messages.data) && <p aria-busy="true">{t('common.loading')}</p>}
        {messages.data && messages.data.length === 0 && <p className="empty-state">{t('drafting.picker.noKeyMessages')}</p>}
        {messages.data && messages.data.length > 0 && shown.length === 0 && <p className="hint">{t('drafting.picker.noMatch')}</p>}
        <div className="picker-list" ref={list} onKeyDown={onListKey}>
          {shown.map((group) => {
            const session = label(group.sessionId);
            const headingId = `picker-session-${group.sessionId}`;
            return (
              <section key={group.sessionId} className="picker-session" aria-labelledby={headingId}>
                <h3 id={headingId}>
                  <span lang={session.lang} dir={directionOf(session.lang)}>
                    {session.text}
                  </span>
                </h3>
                <ul>
                  {group.messages.map((message) => {
                    const text = pickText(message.text, readingLang, sourceLanguage);
                    const used = usedBy.get(message.id);
                    return (
                      <li key={message.id}>
                        <label className="picker-option">
                          <input
                            type="checkbox"
                            checked={chosen.has(message.id)}
                            onChange={() => toggle(message.id)}
                            aria-describedby={used ? `picker-used-${message.id}` : undefined}
                          />
                          <span lang={text.lang} dir={directionOf(text.lang)}>
                            {text.text}
                          </span>
                        </label>
                        {used && (
                          <span id={`picker-used-${message.id}`} className="picker-used">
                            {t('drafting.picker.usedIn', { paragraphs: formatList(used, i18n.language) })}
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </div>
        {error && <ErrorMessage error={error} />}
        <div className="form-actions picker-actions">
          <span role="status" className="picker-count">
            {t('drafting.picker.selected', { number: ordered.length })}
          </span>
          <button type="submit" className="primary" disabled={busy || (!allowNone && ordered.length === 0)}>
            {confirmLabel(ordered.length)}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
