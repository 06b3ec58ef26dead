import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { genders, orgTypes, participantRoles } from '../../../../shared/participants';
import { countryOptions } from './participantFormat';
import { hasFilters, noFilters, type ParticipantFilterValues } from './participantFilters';

interface Props {
  filters: ParticipantFilterValues;
  onChange(filters: ParticipantFilterValues): void;
}

/** Search as you type plus one select per field; every change applies at once. */
export function ParticipantFilters({ filters, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const search = useRef<HTMLInputElement>(null);
  const set = <K extends keyof ParticipantFilterValues>(field: K, value: ParticipantFilterValues[K]) =>
    onChange({ ...filters, [field]: value });

  return (
    <search className="participant-filters" aria-label={t('participants.list.filtersLabel')}>
      <label className="field participant-search">
        <span>{t('participants.list.search')}</span>
        <input
          ref={search}
          type="search"
          value={filters.text}
          maxLength={200}
          placeholder={t('participants.list.searchPlaceholder')}
          onChange={(event) => set('text', event.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('participants.field.orgType')}</span>
        <select value={filters.orgType} onChange={(event) => set('orgType', event.target.value as ParticipantFilterValues['orgType'])}>
          <option value="">{t('participants.list.any')}</option>
          {orgTypes.map((type) => (
            <option key={type} value={type}>
              {t(`participants.orgType.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('participants.field.country')}</span>
        <select value={filters.country} onChange={(event) => set('country', event.target.value)}>
          <option value="">{t('participants.list.any')}</option>
          {countryOptions(i18n.language).map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('participants.field.gender')}</span>
        <select value={filters.gender} onChange={(event) => set('gender', event.target.value as ParticipantFilterValues['gender'])}>
          <option value="">{t('participants.list.any')}</option>
          {genders.map((gender) => (
            <option key={gender} value={gender}>
              {t(`participants.gender.${gender}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('participants.list.roleFilter')}</span>
        <select value={filters.role} onChange={(event) => set('role', event.target.value as ParticipantFilterValues['role'])}>
          <option value="">{t('participants.list.any')}</option>
          {participantRoles.map((role) => (
            <option key={role} value={role}>
              {t(`participants.role.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('participants.list.checkedInFilter')}</span>
        <select value={filters.checkedIn} onChange={(event) => set('checkedIn', event.target.value as ParticipantFilterValues['checkedIn'])}>
          <option value="">{t('participants.list.any')}</option>
          <option value="yes">{t('participants.list.checkedInYes')}</option>
          <option value="no">{t('participants.list.checkedInNo')}</option>
        </select>
      </label>
      {hasFilters(filters) && (
        <button
          type="button"
          className="clear-filters"
          onClick={() => {
            onChange(noFilters);
            // The button goes away with the filters: keep the focus where the next search starts.
            search.current?.focus();
          }}
        >
          {t('participants.list.clearFilters')}
        </button>
      )}
    </search>
  );
}
