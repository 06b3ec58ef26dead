import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpeakerEntry } from '../../../../shared/speakers';

interface Props {
  waiting: readonly SpeakerEntry[];
  disabled: boolean;
  onMove(id: string, toIndex: number): Promise<boolean>;
  onAct(id: string, action: 'start' | 'withdraw' | 'remove'): void;
}

/**
 * The queue, in order. Each speaker can be dragged to another place, or moved with Alt+Up and
 * Alt+Down while it has the focus (which stays on it as it moves), or with its own buttons.
 */
export function SpeakerQueue({ waiting, disabled, onMove, onAct }: Props) {
  const { t } = useTranslation();
  const [dragged, setDragged] = useState<string>();
  const focusAfterMove = useRef<string | undefined>(undefined);
  const items = useRef(new Map<string, HTMLLIElement>());

  useEffect(() => {
    const id = focusAfterMove.current;
    if (id && waiting.some((e) => e.id === id)) {
      items.current.get(id)?.focus();
      focusAfterMove.current = undefined;
    }
  }, [waiting]);

  const move = (id: string, toIndex: number) => {
    if (disabled || toIndex < 0 || toIndex >= waiting.length) return;
    focusAfterMove.current = id;
    void onMove(id, toIndex);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number, id: string) => {
    if (event.target !== event.currentTarget || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    // The screen's own Alt+arrows (moving a paragraph, a note) must not act on this too.
    event.preventDefault();
    event.stopPropagation();
    move(id, index + (event.key === 'ArrowUp' ? -1 : 1));
  };
  const onDrop = (event: DragEvent<HTMLLIElement>, index: number) => {
    event.preventDefault();
    if (dragged) move(dragged, index);
    setDragged(undefined);
  };

  if (waiting.length === 0) return <p className="hint">{t('speakers.queue.empty')}</p>;
  return (
    <ol className="speaker-queue" aria-label={t('speakers.queue.label')}>
      {waiting.map((entry, index) => {
        const name = entry.name;
        return (
          <li
            key={entry.id}
            ref={(node) => {
              if (node) items.current.set(entry.id, node);
              else items.current.delete(entry.id);
            }}
            tabIndex={0}
            className={`speaker-entry kind-${entry.kind}${dragged === entry.id ? ' is-dragged' : ''}`}
            draggable={!disabled}
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
            aria-label={t('speakers.queue.entry', { position: index + 1, name, kind: t(`speakers.kind.${entry.kind}`) })}
            onKeyDown={(event) => onKeyDown(event, index, entry.id)}
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', entry.id);
              setDragged(entry.id);
            }}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => onDrop(event, index)}
            onDragEnd={() => setDragged(undefined)}
          >
            <span className="speaker-place">{index + 1}.</span>
            <span className="speaker-who">
              <bdi className="speaker-name">{name}</bdi>
              {entry.delegation && entry.delegation !== name && <bdi className="speaker-delegation">{entry.delegation}</bdi>}
            </span>
            {entry.kind !== 'statement' && <span className={`speaker-kind kind-${entry.kind}`}>{t(`speakers.kind.${entry.kind}`)}</span>}
            {entry.status === 'speaking' && <span className="speaker-kind">{t('speakers.status.speaking')}</span>}
            <span className="speaker-actions">
              <button type="button" disabled={disabled || index === 0} onClick={() => move(entry.id, index - 1)} aria-label={t('speakers.queue.up', { name })}>
                ↑
              </button>
              <button type="button" disabled={disabled || index === waiting.length - 1} onClick={() => move(entry.id, index + 1)} aria-label={t('speakers.queue.down', { name })}>
                ↓
              </button>
              <button type="button" disabled={disabled} onClick={() => onAct(entry.id, 'start')} aria-label={t('speakers.queue.start', { name })}>
                {t('speakers.queue.startShort')}
              </button>
              <button type="button" disabled={disabled} onClick={() => onAct(entry.id, 'withdraw')} aria-label={t('speakers.queue.withdraw', { name })}>
                {t('speakers.queue.withdrawShort')}
              </button>
              <button type="button" disabled={disabled} onClick={() => onAct(entry.id, 'remove')} aria-label={t('speakers.queue.remove', { name })}>
                ×
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
