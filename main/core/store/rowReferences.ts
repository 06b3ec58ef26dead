import type { SyncedTable } from './syncedTables';

/**
 * Which columns hold the id of another row, and of which table. SQLite enforces some of these
 * with foreign keys; the rest (a paragraph's document, a merge target, a proposer) are plain
 * text. Sync checks all of them the same way: a row of one forum may only point at rows of the
 * same forum, so a bundle can never reach into another forum through a reference.
 */
export const rowReferences: { readonly [T in SyncedTable]?: Readonly<Record<string, SyncedTable>> } = {
  session_roles: { session_id: 'sessions', participant_id: 'participants' },
  notes: { session_id: 'sessions', speaker_id: 'participants' },
  key_messages: { session_id: 'sessions', merged_into: 'key_messages' },
  key_message_sources: { key_message_id: 'key_messages', note_id: 'notes' },
  outcome_paragraphs: { document_id: 'outcome_documents' },
  paragraph_sources: { paragraph_id: 'outcome_paragraphs', key_message_id: 'key_messages' },
  generated_paragraphs: { document_id: 'outcome_documents', paragraph_id: 'outcome_paragraphs', session_id: 'sessions', key_message_id: 'key_messages' },
  amendments: { paragraph_id: 'outcome_paragraphs', proposer_id: 'participants' },
  stances: { paragraph_id: 'outcome_paragraphs', participant_id: 'participants' },
  projections: { document_id: 'outcome_documents', paragraph_id: 'outcome_paragraphs' },
  decisions: { document_id: 'outcome_documents', paragraph_id: 'outcome_paragraphs' },
  decision_votes: { decision_id: 'decisions' },
  decision_statements: { document_id: 'outcome_documents', paragraph_id: 'outcome_paragraphs' },
  silence_procedures: { document_id: 'outcome_documents' },
  silence_objections: { procedure_id: 'silence_procedures' },
  issuances: { document_id: 'outcome_documents', revises: 'issuances' },
  speaker_lists: { session_id: 'sessions', paragraph_id: 'outcome_paragraphs' },
  speakers: { list_id: 'speaker_lists', participant_id: 'participants' },
};

/**
 * Tables in an order where every referenced table comes before the tables pointing at it, so a
 * change set applied in this order, in any number of transactions, never leaves a dangling
 * reference at a commit.
 */
export const dependencyOrder: readonly SyncedTable[] = [
  'forums',
  'role_grants',
  'settings',
  'sessions',
  'participants',
  'session_roles',
  'notes',
  'key_messages',
  'key_message_sources',
  'outcome_documents',
  'outcome_paragraphs',
  'paragraph_sources',
  'generated_paragraphs',
  'amendments',
  'stances',
  'announcements',
  'projections',
  'decisions',
  'decision_votes',
  'decision_statements',
  'silence_procedures',
  'silence_objections',
  'issuances',
  'speaker_lists',
  'speakers',
];
