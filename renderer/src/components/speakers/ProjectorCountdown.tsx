import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpeakerList } from '../../../../shared/speakers';
import { api } from '../../api/plenaryApi';
import { SpeakerCountdown } from './SpeakerCountdown';

/** The floor changing hands on any laptop reaches the wall within this many milliseconds. */
const refreshEvery = 1500;

/**
 * On the agenda and draft projectors: whoever has the floor in the forum, with their countdown in
 * large type. The clock ticks on this laptop from the synced start; nothing shows when nobody speaks.
 */
export function ProjectorCountdown({ forumId }: { forumId: string }) {
  const { t } = useTranslation();
  const [list, setList] = useState<SpeakerList | null>(null);
  useEffect(() => {
    let current = true;
    const load = () =>
      void api['speakers:current']({ forumId }).then((result) => {
        if (current && result.ok) setList(result.value);
      });
    load();
    const timer = window.setInterval(load, refreshEvery);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [forumId]);
  const speaker = list?.current;
  if (!speaker) return null;
  return (
    <section className="projector-speaker" aria-label={t('speakers.projector.label')}>
      <p className="speaker-wall-name">
        <bdi>{speaker.name}</bdi>
        {speaker.delegation && speaker.delegation !== speaker.name && <bdi className="speaker-delegation">{speaker.delegation}</bdi>}
        {speaker.kind !== 'statement' && <span className={`speaker-kind kind-${speaker.kind}`}>{t(`speakers.kind.${speaker.kind}`)}</span>}
      </p>
      <SpeakerCountdown entry={speaker} size="wall" />
    </section>
  );
}
