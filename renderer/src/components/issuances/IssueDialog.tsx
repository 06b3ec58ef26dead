import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { issuanceKinds, issuanceSymbol, type IssuanceKind, type IssuanceList } from '../../../../shared/issuances';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { ErrorMessage } from '../ErrorMessage';
import { ModalDialog } from '../ModalDialog';

interface Props {
  documentId: string;
  list: IssuanceList;
  onIssued(symbol: string): void;
  onClose(): void;
}

/** The symbol typed (prefilled with the next revision's), the kind, and what it revises: then issue. */
export function IssueDialog({ documentId, list, onIssued, onClose }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const symbolId = useId();
  const hintId = useId();
  const [kind, setKind] = useState<IssuanceKind>(list.next.kind);
  const suggested = (k: IssuanceKind) => (k === 'revision' ? (list.nextRevision ?? '') : k === 'corrigendum' ? (list.nextCorrigendum ?? '') : '');
  const [symbol, setSymbol] = useState(list.next.symbol);
  const [error, setError] = useState<AppError>();
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // The symbol is what one comes to type (showModal would focus the first radio button).
  useEffect(() => input.current?.focus(), []);
  const latest = list.issuances.filter((i) => !i.withdrawn && !i.damaged).at(-1);
  const chooseKind = (next: IssuanceKind) => {
    // The symbol follows the kind while it is still the one offered.
    if (symbol === suggested(kind)) setSymbol(suggested(next));
    setKind(next);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = issuanceSymbol.safeParse(symbol);
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    setBusy(true);
    const result = await api['outcome:issue']({ documentId, symbol: parsed.data, kind });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onIssued(result.value.symbol);
  };
  return (
    <ModalDialog className="issue-dialog" labelledBy={headingId} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id={headingId}>{t('issuances.dialogTitle')}</h2>
        <p>{t('issuances.dialogIntro')}</p>
        <fieldset className="choice-group">
          <legend>{t('issuances.kind')}</legend>
          {issuanceKinds.map((k) => (
            <label key={k}>
              <input type="radio" name="issuance-kind" value={k} checked={kind === k} disabled={k !== 'original' && !latest} onChange={() => chooseKind(k)} />
              {t(`issuances.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind !== 'original' && latest && <p className="hint">{t('issuances.revises', { symbol: `\u2066${latest.symbol}\u2069` })}</p>}
        <label htmlFor={symbolId}>{t('issuances.symbol')}</label>
        <input
          id={symbolId}
          dir="ltr"
          ref={input}
          value={symbol}
          spellCheck={false}
          aria-describedby={hintId}
          aria-invalid={invalid || undefined}
          onChange={(event) => setSymbol(event.target.value)}
        />
        <p id={hintId} className="hint">
          {invalid ? t('issuances.symbolInvalid') : t('issuances.symbolHint')}
        </p>
        {error && <ErrorMessage error={error} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('issuances.confirm')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
