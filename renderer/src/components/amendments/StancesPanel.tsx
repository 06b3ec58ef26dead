import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stanceKinds, type Stance, type StanceKind } from '../../../../shared/amendments';
import type { DraftParagraph } from '../../../../shared/outcome';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useForumRoles } from '../../hooks/useForumRoles';
import { formatNumber } from '../../i18n/intlFormat';
import { ErrorMessage } from '../ErrorMessage';
import { StanceForm, type StanceFormValues } from './StanceForm';
import { StanceMark } from './StanceMark';
import { sentDelegation } from './sentDelegation';

export interface StancesPanelProps {
  forumId: string;
  paragraph: DraftParagraph;
  onChanged(): void;
}

const emptyForm: StanceFormValues = { delegation: { participantId: null, name: '' }, stance: null, note: '' };

/** Where each delegation stands on the paragraph, the tally, and a form to record, change or clear a stance. */
export function StancesPanel({ forumId, paragraph, onChanged }: StancesPanelProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const list = useApiQuery('stances:list', { paragraphId: paragraph.id });
  const [error, setError] = useState<AppError>();
  const [editing, setEditing] = useState<{ values: StanceFormValues; generation: number }>({ values: emptyForm, generation: 0 });
  const [note, setNote] = useState<{ delegation: string; stance: StanceKind | null }>();
  const stances = list.data ?? [];
  // Recording stances is the chair's: other laptops read them, and are told why they cannot record.
  const canRecord = useForumRoles(forumId).can('stances', ['stance']);

  const save = async (values: StanceFormValues) => {
    setError(undefined);
    const result = await api['stances:set']({ paragraphId: paragraph.id, ...values, delegation: sentDelegation(values.delegation) });
    if (!result.ok) return result.error;
    list.reload();
    onChanged();
    return undefined;
  };

  const clear = async (stance: Stance) => {
    const failure = await save({ delegation: { participantId: stance.participantId, name: stance.delegation }, stance: null, note: '' });
    if (failure) setError(failure);
    else setNote({ delegation: stance.delegation, stance: null });
  };

  const tally = Object.fromEntries(stanceKinds.map((kind) => [kind, stances.filter((s) => s.stance === kind).length]));
  const ui = i18n.language;
  return (
    <section className="stances-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('amendments.stances.title')}</h3>
      <ul className="stances-tally" aria-label={t('amendments.stances.tally')}>
        {stanceKinds.map((kind) => (
          <li key={kind} className={`tally-${kind}`}>
            <StanceMark stance={kind} /> <span className="tally-number">{formatNumber(tally[kind] ?? 0, ui)}</span>
          </li>
        ))}
      </ul>
      <p role="status" className="stance-status">
        {note &&
          (note.stance
            ? t('amendments.stances.recorded', { delegation: note.delegation, stance: t(`amendments.stance.${note.stance}`) })
            : t('amendments.stances.cleared', { delegation: note.delegation }))}
      </p>
      {list.error && <ErrorMessage error={list.error} />}
      {error && <ErrorMessage error={error} />}
      {list.data && stances.length === 0 && <p className="hint">{t('amendments.stances.none')}</p>}
      {stances.length > 0 && (
        <ul className="stance-list" aria-label={t('amendments.stances.list')}>
          {stances.map((stance) => (
            <li key={stance.id} className={`stance-item stance-${stance.stance}`}>
              <bdi className="stance-delegation">{stance.delegation}</bdi>
              <StanceMark stance={stance.stance} />
              {stance.note && (
                <p className="stance-note" dir="auto">
                  {stance.note}
                </p>
              )}
              {canRecord.allowed && (
                <span className="stance-tools">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      setEditing((old) => ({
                        values: { delegation: { participantId: stance.participantId, name: stance.delegation }, stance: stance.stance, note: stance.note },
                        generation: old.generation + 1,
                      }))
                    }
                    aria-label={t('amendments.stances.change', { delegation: stance.delegation })}
                  >
                    {t('amendments.stances.changeShort')}
                  </button>
                  <button type="button" className="link-button danger-link" onClick={() => void clear(stance)} aria-label={t('amendments.stances.clear', { delegation: stance.delegation })}>
                    {t('amendments.stances.clearShort')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {!canRecord.allowed && <p className="hint role-hint">{canRecord.reason}</p>}
      {canRecord.allowed && (
        <StanceForm
          key={editing.generation}
          forumId={forumId}
          defaultValues={editing.values}
          focus={editing.generation > 0}
          onSave={async (values) => {
            const failure = await save(values);
            if (!failure) {
              setNote({ delegation: values.delegation.name, stance: values.stance });
              setEditing((old) => ({ values: emptyForm, generation: old.generation + 1 }));
            }
            return failure;
          }}
        />
      )}
    </section>
  );
}
