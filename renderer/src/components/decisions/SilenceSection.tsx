import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultSilenceHours, type DelegationOption, type SilenceProcedure } from '../../../../shared/decisions';
import { directionOf, uiLanguages } from '../../../../shared/languages';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { useApiQuery } from '../../hooks/useApiQuery';
import { formatTime, instantOf, zoneOffsetMinutes } from '../../i18n/intlFormat';
import { languageName } from '../../i18n/languageName';
import { ErrorMessage } from '../ErrorMessage';
import { DelegationField, keyOf } from './DelegationField';

interface Props {
  documentId: string;
  procedures: readonly SilenceProcedure[];
  delegations: readonly DelegationOption[];
  timeZone: string;
  defaultLang: string;
  canRecord: boolean;
  onChanged(): void;
}

/**
 * The silence procedure: circulate the document until a deadline (72 hours unless changed), record
 * objections; the state is the core's reading of objection times against the deadline.
 */
export function SilenceSection({ documentId, procedures, delegations, timeZone, defaultLang, canRecord, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const lang = i18n.language;
  const [hours, setHours] = useState(String(defaultSilenceHours));
  const [delegation, setDelegation] = useState('');
  const [text, setText] = useState('');
  const [textLang, setTextLang] = useState(defaultLang);
  const [error, setError] = useState<AppError>();
  const [issuanceId, setIssuanceId] = useState('');
  // Issued versions circulate as issued; the draft circulates under its title.
  const issued = useApiQuery('outcome:issuances', { documentId });
  const circulable = (issued.data?.issuances ?? []).filter((i) => i.documentId === documentId && !i.withdrawn && !i.damaged);
  const current = procedures[0];
  // The deadline as the venue's wall clock reads it, for a datetime-local box.
  const venueWall = (iso: string) => {
    const at = new Date(iso);
    return new Date(at.getTime() + zoneOffsetMinutes(timeZone, at) * 60_000).toISOString().slice(0, 16);
  };
  const [deadline, setDeadline] = useState('');
  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (!current) return;
    const at = instantOf(deadline || venueWall(current.deadline), timeZone);
    if (Number.isNaN(at.getTime())) return;
    setError(undefined);
    const result = await api['silence:deadline']({ procedureId: current.id, deadline: at.toISOString() });
    if (!result.ok) return setError(result.error);
    onChanged();
  };
  const start = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const result = await api['silence:start']({ documentId, hours: Number(hours), issuanceId: issuanceId || null });
    if (!result.ok) return setError(result.error);
    onChanged();
  };
  const object = async (event: FormEvent) => {
    event.preventDefault();
    if (!current) return;
    setError(undefined);
    const result = await api['silence:object']({ procedureId: current.id, delegation: keyOf(delegation, delegations), text, textLang });
    if (!result.ok) return setError(result.error);
    setDelegation('');
    setText('');
    onChanged();
  };
  const when = (iso: string) => formatTime(iso, lang, timeZone, { withDate: true });
  return (
    <section className="silence-procedure" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('decisions.silence.title')}</h4>
      {procedures.map((p) => (
        <div key={p.id} className={`silence silence-${p.state}`}>
          <p>
            <bdi>{p.title}</bdi> · {t('decisions.silence.until', { deadline: when(p.deadline) })} · <strong>{t(`decisions.silence.state.${p.state}`)}</strong>
          </p>
          {p.objections.length > 0 && (
            <ul aria-label={t('decisions.silence.objections')}>
              {p.objections.map((o) => (
                <li key={o.id}>
                  <bdi>{o.name}</bdi> · {when(o.objectedAt)}
                  {o.late && ` · ${t('decisions.silence.late')}`}
                  {o.text && (
                    <p lang={o.lang} dir={o.dir}>
                      {o.text}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {error && <ErrorMessage error={error} />}
      {canRecord && current?.state === 'open' && (
        <form className="objection-form" onSubmit={(event) => void object(event)}>
          <DelegationField label={t('decisions.silence.objector')} value={delegation} delegations={delegations} onChange={setDelegation} />
          <label className="field">
            <span>{t('decisions.statements.language')}</span>
            <select value={textLang} onChange={(event) => setTextLang(event.target.value)}>
              {uiLanguages.map((l) => (
                <option key={l} value={l}>
                  {languageName(l, lang)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('decisions.silence.objection')}</span>
            <textarea value={text} onChange={(event) => setText(event.target.value)} lang={textLang} dir={directionOf(textLang)} rows={2} />
          </label>
          <button type="submit">{t('decisions.silence.object')}</button>
        </form>
      )}
      {canRecord && current?.state === 'open' && (
        <form className="silence-deadline" onSubmit={(event) => void move(event)}>
          <label className="field">
            <span>{t('decisions.silence.deadline')}</span>
            <input type="datetime-local" value={deadline || venueWall(current.deadline)} onChange={(event) => setDeadline(event.target.value)} required />
          </label>
          <button type="submit">{t('decisions.silence.move')}</button>
        </form>
      )}
      {canRecord && current?.state !== 'open' && (
        <form className="silence-start" onSubmit={(event) => void start(event)}>
          <label className="field">
            <span>{t('decisions.silence.circulate')}</span>
            <select value={issuanceId} onChange={(event) => setIssuanceId(event.target.value)}>
              <option value="">{t('decisions.silence.draft')}</option>
              {circulable.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.symbol}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('decisions.silence.hours')}</span>
            <input type="number" min={1} max={1440} value={hours} onChange={(event) => setHours(event.target.value)} required />
          </label>
          <button type="submit">{t('decisions.silence.start')}</button>
        </form>
      )}
    </section>
  );
}
