import type { z } from 'zod';
import type { Forum, forumInput } from '../../../shared/forum';

export type ForumFormValues = z.input<typeof forumInput>;

/** Defaults for a new forum: the UI language as the only working language, the computer's zone. */
export function newForumValues(uiLanguage: string): ForumFormValues {
  return {
    title: {},
    theme: {},
    venue: {},
    startDate: '',
    endDate: '',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    coOrganisers: [],
    coOrganiserNames: {},
    languages: [uiLanguage],
    sourceLanguage: uiLanguage,
    outcomeKind: 'consensus',
  };
}

export function forumValues(forum: Forum): ForumFormValues {
  const { id: _id, isDemo: _isDemo, ...values } = forum;
  return values;
}

/**
 * Texts in languages no longer among the working ones, and blank translations, are dropped
 * before validation: unticking a language should not leave a hidden field that blocks saving.
 */
export function pruneForumValues(values: ForumFormValues): ForumFormValues {
  const keep = (text: Record<string, string>) =>
    Object.fromEntries(Object.entries(text).filter(([lang, value]) => values.languages.includes(lang) && value.trim() !== ''));
  return { ...values, title: keep(values.title), theme: keep(values.theme), venue: keep(values.venue), coOrganiserNames: keep(values.coOrganiserNames ?? {}) };
}
