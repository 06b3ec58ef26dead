import { genders, orgTypes, participantRoles, participantSortFields } from '../../../../shared/participants';
import type { Gender, OrgType, ParticipantRole } from '../../../../shared/participants';
import type { ListQuery } from './useParticipantPages';

export type SortField = (typeof participantSortFields)[number];

/** What the list's filter bar holds; '' means "any". */
export interface ParticipantFilterValues {
  text: string;
  orgType: OrgType | '';
  country: string;
  gender: Gender | '';
  role: ParticipantRole | '';
  checkedIn: '' | 'yes' | 'no';
}

export interface ListView {
  filters: ParticipantFilterValues;
  sort: SortField;
  descending: boolean;
}

export const noFilters: ParticipantFilterValues = { text: '', orgType: '', country: '', gender: '', role: '', checkedIn: '' };
export const defaultView: ListView = { filters: noFilters, sort: 'name', descending: false };

export function hasFilters(filters: ParticipantFilterValues): boolean {
  return Object.values(filters).some((value) => value.trim() !== '');
}

/** The contract's query for a view; the text may lag the box (debounced) so it is passed apart. */
export function listQuery(forumId: string, view: ListView, text: string): ListQuery {
  const { filters } = view;
  return {
    forumId,
    text: text.trim(),
    ...(filters.orgType && { orgType: filters.orgType }),
    ...(filters.country && { country: filters.country }),
    ...(filters.gender && { gender: filters.gender }),
    ...(filters.role && { role: filters.role }),
    ...(filters.checkedIn && { checkedIn: filters.checkedIn === 'yes' }),
    sort: view.sort,
    descending: view.descending,
  };
}

const pick = <T extends string>(allowed: readonly T[], value: unknown): T | '' =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : '';

// The view survives a trip to the edit form and back (the list is where the user left it), but
// only for this window: sessionStorage, checked on the way in since anything may sit there.
const storageKey = (forumId: string) => `plenary.participants.view.${forumId}`;

export function loadView(forumId: string): ListView {
  try {
    const raw = JSON.parse(window.sessionStorage.getItem(storageKey(forumId)) ?? 'null') as Partial<ListView> | null;
    if (!raw || typeof raw !== 'object') return defaultView;
    const f = (raw.filters ?? {}) as Partial<Record<keyof ParticipantFilterValues, unknown>>;
    return {
      filters: {
        text: typeof f.text === 'string' ? f.text.slice(0, 200) : '',
        orgType: pick(orgTypes, f.orgType),
        country: typeof f.country === 'string' && /^[A-Z]{2}$/.test(f.country) ? f.country : '',
        gender: pick(genders, f.gender),
        role: pick(participantRoles, f.role),
        checkedIn: pick(['yes', 'no'] as const, f.checkedIn),
      },
      sort: pick(participantSortFields, raw.sort) || 'name',
      descending: raw.descending === true,
    };
  } catch {
    return defaultView;
  }
}

export function saveView(forumId: string, view: ListView): void {
  try {
    window.sessionStorage.setItem(storageKey(forumId), JSON.stringify(view));
  } catch {
    // A full or disabled storage only costs the remembered view.
  }
}
