import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpeakerList } from '../../../../shared/speakers';
import { speakerKinds, type SpeakerKind } from '../../../../shared/speakingTime';

interface Props {
  list: SpeakerList;
  disabled: boolean;
  onSave(times: Record<SpeakerKind, number>, delegationTotalMs: number | null): Promise<boolean>;
}

const seconds = (ms: number) => String(Math.round(ms / 1000));

/** Speaking time per kind of turn, and optionally a total per delegation, in seconds. */
export function SpeakerSettings({ list, disabled, onSave }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<SpeakerKind | 'total', string>>({
    statement: seconds(list.times.statement),
    reply: seconds(list.times.reply),
    point_of_order: seconds(list.times.point_of_order),
    total: list.delegationTotalMs === null ? '' : seconds(list.delegationTotalMs),
  });
  const [saved, setSaved] = useState(false);
  const toMs = (text: string) => (text.trim() === '' ? NaN : Math.round(Number(text) * 1000));
  const save = async () => {
    const times = Object.fromEntries(speakerKinds.map((k) => [k, toMs(values[k])])) as Record<SpeakerKind, number>;
    const total = values.total.trim() === '' ? null : toMs(values.total);
    setSaved(await onSave(times, total));
  };
  return (
    <details className="speaker-settings">
      <summary>{t('speakers.settings.title')}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {[...speakerKinds, 'total' as const].map((key) => (
          <label key={key} className="inline-field">
            <span>{t(`speakers.settings.${key}`)}</span>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              value={values[key]}
              disabled={disabled}
              onChange={(event) => {
                setSaved(false);
                setValues({ ...values, [key]: event.target.value });
              }}
            />
          </label>
        ))}
        <button type="submit" disabled={disabled}>
          {t('speakers.settings.save')}
        </button>
        <span role="status">{saved ? t('speakers.settings.saved') : ''}</span>
      </form>
    </details>
  );
}
