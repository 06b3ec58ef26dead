// Merge fields: `{{forum.title}}` in a document's text is replaced at export by the forum's data in
// the document's language. Double braces around a dotted name never occur in the prose our users
// write (the reference documents have none), so nothing typed is taken for a field by accident.

/** Every field, in the order the editor's insert menu lists them. */
export const mergeFieldNames = [
  'forum.title',
  'forum.theme',
  'forum.dates',
  'forum.venue',
  'forum.coOrganisers',
  'forum.participation',
  'forum.participantCount',
  'forum.participants',
  'forum.agenda',
] as const;
export type MergeFieldName = (typeof mergeFieldNames)[number];

/** `{{ name }}`: letters, digits, dots and underscores inside double braces, spaces allowed around. */
export const mergeFieldPattern = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;

export const mergeFieldToken = (name: MergeFieldName): string => `{{${name}}}`;

export function isMergeField(name: string): name is MergeFieldName {
  return (mergeFieldNames as readonly string[]).includes(name);
}

/** The names of fields in `text` that name nothing this Plenary knows, each once, in order. */
export function unknownMergeFields(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(mergeFieldPattern)) {
    const name = match[1] ?? '';
    if (!isMergeField(name)) unknown.add(name);
  }
  return [...unknown];
}
