import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { voteValues, type DelegationOption, type VoteValue } from '../../../../shared/decisions';
import { fold } from '../../../../shared/foldText';

interface Props {
  delegations: readonly DelegationOption[];
  /** The votes recorded, by delegation key. */
  votes: ReadonlyMap<string, VoteValue>;
  disabled: boolean;
  onVote(delegation: string, vote: VoteValue): void;
}

/** Y, N, A and 0 by their place on the keyboard, so they work in an Arabic or Russian layout too. */
const keyVotes: Record<string, VoteValue> = { KeyY: 'yes', KeyN: 'no', KeyA: 'abstain', Digit0: 'absent', Numpad0: 'absent' };

/**
 * The secretariat enters a vote delegation by delegation: type to filter, arrows to move, Y, N, A
 * or 0 to record yes, no, abstain or absent (the next delegation is then selected).
 */
export function VoteGrid({ delegations, votes, disabled, onVote }: Props) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const shown = useMemo(() => {
    const wanted = fold(filter);
    return wanted ? delegations.filter(({ key: code, name }) => fold(name).includes(wanted) || code.toLowerCase() === wanted) : delegations;
  }, [delegations, filter]);
  const focusRow = (index: number) => {
    const at = Math.max(0, Math.min(shown.length - 1, index));
    setActive(at);
    list.current?.querySelectorAll<HTMLElement>('[data-delegation]')[at]?.focus();
  };
  const onKey = (event: KeyboardEvent<HTMLLIElement>, index: number, key: string) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const vote = keyVotes[event.code];
    if (vote && !disabled) {
      event.preventDefault();
      onVote(key, vote);
      focusRow(index + 1);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusRow(index + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusRow(event.key === 'Home' ? 0 : shown.length - 1);
    }
  };
  return (
    <div className="vote-grid">
      <label className="field">
        <span>{t('decisions.grid.filter')}</span>
        <input
          type="search"
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'Enter') {
              event.preventDefault();
              focusRow(0);
            }
          }}
        />
      </label>
      <p className="hint" id="vote-grid-keys">
        {t('decisions.grid.keys')}
      </p>
      <ul className="vote-rows" ref={list} aria-label={t('decisions.grid.label')} aria-describedby="vote-grid-keys">
        {shown.map((delegation, index) => {
          const vote = votes.get(delegation.key);
          return (
            <li
              key={delegation.key}
              data-delegation={delegation.key}
              tabIndex={index === active ? 0 : -1}
              className={`vote-row${vote ? ` vote-${vote}` : ''}`}
              aria-label={t('decisions.grid.row', { delegation: delegation.name, vote: vote ? t(`decisions.vote.${vote}`) : t('decisions.grid.notRecorded') })}
              aria-keyshortcuts="Y N A 0"
              onKeyDown={(event) => onKey(event, index, delegation.key)}
              onFocus={() => setActive(index)}
            >
              <bdi className="vote-delegation">{delegation.name}</bdi>
              <span className="vote-choices" role="group" aria-label={t('decisions.grid.choices', { delegation: delegation.name })}>
                {voteValues.map((value) => (
                  <button
                    key={value}
                    type="button"
                    tabIndex={-1}
                    aria-pressed={vote === value}
                    disabled={disabled}
                    onClick={() => onVote(delegation.key, value)}
                  >
                    {t(`decisions.voteShort.${value}`)}
                  </button>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && <p className="hint">{t('decisions.grid.none')}</p>}
    </div>
  );
}
