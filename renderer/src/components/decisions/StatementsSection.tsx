import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf, uiLanguages } from '../../../../shared/languages';
import { statementKinds, type DecisionStatement, type DelegationOption, type StatementKind } from '../../../../shared/decisions';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { languageName } from '../../i18n/languageName';
import { ErrorMessage } from '../ErrorMessage';
import { DelegationField, keyOf } from './DelegationField';

interface Props {
  documentId: string;
  paragraphId: string | null;
  statements: readonly DecisionStatement[];
  delegations: readonly DelegationOption[];
  /** The language a statement is usually made in: the document's source language. */
  defaultLang: string;
  canRecord: boolean;
  onChanged(): void;
}

/** Explanations of position or vote and reservations, each in the language it was made in. */
export function StatementsSection({ documentId, paragraphId, statements, delegations, defaultLang, canRecord, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [delegation, setDelegation] = useState('');
  const [kind, setKind] = useState<StatementKind>('explanation_of_vote');
  const [textLang, setTextLang] = useState(defaultLang);
  const [text, setText] = useState('');
  const [error, setError] = useState<AppError>();
  const add = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const result = await api['decisions:addStatement']({ documentId, paragraphId, delegation: keyOf(delegation, delegations), kind, text, textLang, lang: i18n.language });
    if (!result.ok) return setError(result.error);
    setText('');
    setDelegation('');
    onChanged();
  };
  const remove = async (id: string) => {
    const result = await api['decisions:removeStatement']({ id });
    if (!result.ok) return setError(result.error);
    onChanged();
  };
  return (
    <section className="decision-statements" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('decisions.statements.title')}</h4>
      {statements.length === 0 && <p className="hint">{t('decisions.statements.none')}</p>}
      <ul className="statement-list">
        {statements.map((s) => (
          <li key={s.id}>
            <strong>
              {t(`decisions.kind.${s.kind}`)} · <bdi>{s.name}</bdi>
            </strong>
            <p lang={s.lang} dir={s.dir}>
              {s.text}
            </p>
            {canRecord && (
              <button type="button" className="link-button danger-link" onClick={() => void remove(s.id)} aria-label={t('decisions.statements.remove', { delegation: s.name })}>
                {t('decisions.statements.removeShort')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && <ErrorMessage error={error} />}
      {canRecord && (
        <form className="statement-form" onSubmit={(event) => void add(event)}>
          <DelegationField label={t('decisions.delegation')} value={delegation} delegations={delegations} onChange={setDelegation} />
          <label className="field">
            <span>{t('decisions.statements.kind')}</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as StatementKind)}>
              {statementKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`decisions.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('decisions.statements.language')}</span>
            <select value={textLang} onChange={(event) => setTextLang(event.target.value)}>
              {uiLanguages.map((l) => (
                <option key={l} value={l}>
                  {languageName(l, i18n.language)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('decisions.statements.text')}</span>
            <textarea value={text} onChange={(event) => setText(event.target.value)} lang={textLang} dir={directionOf(textLang)} rows={3} required />
          </label>
          <button type="submit">{t('decisions.statements.add')}</button>
        </form>
      )}
    </section>
  );
}
