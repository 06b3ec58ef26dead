import { memo } from 'react';
import { RoleGate } from '../RoleGate';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../../shared/participants';
import { routeHref } from '../../hooks/useRoute';
import { countryName, formatArrival, formatList, genderContext } from './participantFormat';

interface Props {
  participant: Participant | undefined;
  /** Position in the whole list, 1-based, header included (aria-rowindex). */
  rowIndex: number;
  top: number;
  height: number;
  forumId: string;
  timeZone: string | undefined;
  onDelete(participant: Participant): void;
  /** Why this laptop may not change participants (its role); empty when it may. A string keeps the row memoised. */
  lockedReason?: string;
}

/** One person in the virtualised list; a row whose page has not arrived yet holds its place. */
export const ParticipantRow = memo(function ParticipantRow({ participant: p, rowIndex, top, height, forumId, timeZone, onDelete, lockedReason = '' }: Props) {
  const permission = { allowed: !lockedReason, reason: lockedReason };
  const { t, i18n } = useTranslation();
  const style = { transform: `translateY(${top}px)`, height };
  if (!p) {
    return (
      <div role="row" aria-rowindex={rowIndex} className="pt-row pt-placeholder" style={style}>
        <div role="cell" aria-busy="true">
          {t('common.loading')}
        </div>
      </div>
    );
  }
  const lang = i18n.language;
  const country = p.country ? t('participants.list.countryWithCode', { name: countryName(p.country, lang), code: p.country }) : '';
  const roles = formatList(
    p.roles.map((role) => t(`participants.role.${role}`, genderContext(p.gender))),
    lang,
  );
  const orgType = p.orgType ? t(`participants.orgType.${p.orgType}`) : '';
  const nameLine = p.position ? t('participants.list.nameWithPosition', { name: p.name, position: p.position }) : p.name;
  return (
    <div role="row" aria-rowindex={rowIndex} className={p.checkedInAt ? 'pt-row pt-checked-in' : 'pt-row'} style={style}>
      {/* Names and organisations are the participants' own words, in any script: dir="auto". */}
      <div role="cell" dir="auto" title={nameLine}>
        {nameLine}
      </div>
      <div role="cell" dir="auto" title={p.organisation}>
        {p.organisation}
      </div>
      <div role="cell" title={orgType}>
        {orgType}
      </div>
      <div role="cell" title={country}>
        {country}
      </div>
      <div role="cell">{p.gender ? t(`participants.gender.${p.gender}`) : ''}</div>
      <div role="cell" title={roles}>
        {roles}
      </div>
      <div role="cell" className="pt-time">
        {p.checkedInAt ? formatArrival(p.checkedInAt, lang, timeZone, true) : ''}
      </div>
      <div role="cell" className="pt-actions">
        <RoleGate permission={permission}>
          {(gate) => (
            <a href={routeHref({ name: 'editParticipant', id: forumId, participantId: p.id })} aria-label={t('participants.list.editNamed', { name: p.name })} {...gate}>
              {t('participants.list.edit')}
            </a>
          )}
        </RoleGate>
        <RoleGate permission={permission}>
          {(gate) => (
            <button type="button" className="link-button" onClick={() => onDelete(p)} aria-label={t('participants.list.deleteNamed', { name: p.name })} {...gate}>
              {t('participants.list.delete')}
            </button>
          )}
        </RoleGate>
      </div>
    </div>
  );
});
