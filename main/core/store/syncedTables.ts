// The tables the change log may write, and how each column is projected. Anything not named here
// is refused by the log, so a change naming an unknown table or column can never reach SQL.

/**
 * text / integer: stored as is. json: arrays and objects stored as JSON text.
 * multilingual: one change per language (`title@en`), projected into a JSON object column.
 */
export type ColumnKind = 'text' | 'integer' | 'json' | 'multilingual';

export const syncedTables = {
  forums: {
    title: 'multilingual',
    theme: 'multilingual',
    venue: 'multilingual',
    start_date: 'text',
    end_date: 'text',
    time_zone: 'text',
    co_organisers: 'json',
    /** Per language, the co-organisers one a line; a language without prints `co_organisers`. */
    co_organiser_names: 'multilingual',
    languages: 'json',
    source_language: 'text',
    outcome_kind: 'text',
    is_demo: 'integer',
    preamble: 'multilingual',
    lead_in: 'multilingual',
    closing: 'multilingual',
    /** The owner's public key and the nonce the forum's id was derived from with it (m017). */
    owner_key: 'text',
    owner_nonce: 'text',
    /** Set by the owner to switch roles on: the laptops that had written, and the newest change seen from each. */
    roles_legacy: 'json',
    deleted: 'integer',
  },
  settings: { value: 'text' },
  sessions: {
    forum_id: 'text',
    day: 'text',
    start_time: 'text',
    end_time: 'text',
    kind: 'text',
    title: 'multilingual',
    room: 'multilingual',
    description: 'multilingual',
    themes: 'json',
    deleted: 'integer',
  },
  participants: {
    forum_id: 'text',
    name: 'text',
    organisation: 'text',
    /** Title or position, plain text ("Director, Urban Planning Department"). */
    position: 'text',
    org_type: 'text',
    country: 'text',
    gender: 'text',
    roles: 'json',
    email: 'text',
    languages: 'json',
    checked_in_at: 'text',
    /** Set once, for good: the person's data was erased, here and on every laptop it reaches. */
    erased: 'integer',
    deleted: 'integer',
  },
  session_roles: { forum_id: 'text', session_id: 'text', participant_id: 'text', role: 'text', deleted: 'integer' },
  notes: {
    forum_id: 'text',
    session_id: 'text',
    speaker_id: 'text',
    lang: 'text',
    text: 'text',
    created_at: 'text',
    speaker_name: 'text',
    tags: 'json',
    key_point: 'integer',
    author: 'text',
    deleted: 'integer',
  },
  key_messages: {
    forum_id: 'text',
    session_id: 'text',
    text: 'multilingual',
    theme: 'text',
    position: 'text',
    status: 'text',
    merged_into: 'text',
    deleted: 'integer',
  },
  key_message_sources: { forum_id: 'text', key_message_id: 'text', note_id: 'text', deleted: 'integer' },
  outcome_documents: {
    forum_id: 'text',
    kind: 'text',
    title: 'multilingual',
    subtitle: 'multilingual',
    place: 'multilingual',
    start_date: 'text',
    end_date: 'text',
    co_organisers: 'json',
    preamble: 'multilingual',
    lead_in: 'multilingual',
    closing: 'multilingual',
    numbering: 'text',
    addressee: 'multilingual',
    signatories: 'json',
    co_organiser_names: 'multilingual',
    /** 1 or 0 as the document chose; NULL: its kind's default. */
    participation: 'integer',
    closing_line: 'integer',
    contacts: 'json',
    /** 'together' (one count) or 'separate' (PP1…, OP1…); NULL: together (m021). */
    role_numbering: 'text',
    /** How an operative paragraph's opening phrase prints: 'italic' or 'underline'; NULL: italic. */
    opening_style: 'text',
    deleted: 'integer',
  },
  outcome_paragraphs: {
    forum_id: 'text',
    document_id: 'text',
    kind: 'text',
    position: 'text',
    text: 'multilingual',
    status: 'text',
    section: 'text',
    /** 'preambular' or 'operative'; NULL: neither (m021). */
    role: 'text',
    /** 0 (or NULL) a paragraph, 1 a sub-paragraph (a), 2 a sub-sub-paragraph (i). */
    level: 'integer',
    /** The paragraph this one is an alternative of (`5 bis`); NULL for the paragraph itself. */
    alternative_of: 'text',
    /** Who proposed an alternative: delegations, as typed or picked. */
    proposers: 'json',
    /** 1 once another of its alternatives was agreed. */
    withdrawn: 'integer',
    deleted: 'integer',
  },
  paragraph_sources: { forum_id: 'text', paragraph_id: 'text', key_message_id: 'text', deleted: 'integer' },
  /** What a generated paragraph came from, and per language a hash of the text it was given. */
  generated_paragraphs: {
    forum_id: 'text',
    document_id: 'text',
    paragraph_id: 'text',
    session_id: 'text',
    key_message_id: 'text',
    generated: 'multilingual',
    deleted: 'integer',
  },
  amendments: {
    forum_id: 'text',
    paragraph_id: 'text',
    kind: 'text',
    lang: 'text',
    text: 'text',
    base_text: 'text',
    proposer_id: 'text',
    proposer_name: 'text',
    rationale: 'text',
    status: 'text',
    created_at: 'text',
    decided_at: 'text',
    deleted: 'integer',
  },
  stances: {
    forum_id: 'text',
    paragraph_id: 'text',
    participant_id: 'text',
    delegation: 'text',
    stance: 'text',
    note: 'text',
    deleted: 'integer',
  },
  /** One role one laptop holds in one forum (id: forum/device/role); `active` 0 is a revocation. */
  role_grants: {
    forum_id: 'text',
    device_id: 'text',
    fingerprint: 'text',
    role: 'text',
    sessions: 'json',
    active: 'integer',
    deleted: 'integer',
  },
  /** What the secretariat tells participants on the companion page; `lang` is the text's language. */
  announcements: {
    forum_id: 'text',
    text: 'text',
    lang: 'text',
    posted_by: 'text',
    posted_at: 'text',
    withdrawn: 'integer',
    deleted: 'integer',
  },
  /** One row per forum (id: the forum's): the paragraph the draft projector shows now. */
  projections: {
    forum_id: 'text',
    document_id: 'text',
    paragraph_id: 'text',
    shown_at: 'text',
    deleted: 'integer',
  },
  /** How a document (paragraph_id NULL) or a paragraph was decided: 'consensus' or 'vote' (m023). */
  decisions: {
    forum_id: 'text',
    document_id: 'text',
    paragraph_id: 'text',
    method: 'text',
    recorded_by: 'text',
    recorded_at: 'text',
    note: 'text',
    deleted: 'integer',
  },
  /** One delegation's vote in a recorded vote (id derived from the decision and the delegation). */
  decision_votes: { forum_id: 'text', decision_id: 'text', delegation: 'text', vote: 'text', recorded_at: 'text', deleted: 'integer' },
  /** An explanation of position or vote, or a reservation, in its own language. */
  decision_statements: {
    forum_id: 'text',
    document_id: 'text',
    paragraph_id: 'text',
    delegation: 'text',
    kind: 'text',
    text: 'text',
    lang: 'text',
    recorded_at: 'text',
    deleted: 'integer',
  },
  silence_procedures: {
    forum_id: 'text',
    document_id: 'text',
    issuance_id: 'text',
    title: 'text',
    started_at: 'text',
    deadline: 'text',
    started_by: 'text',
    deleted: 'integer',
  },
  /** `objected_at` is the recording laptop's clock: an objection after the deadline is shown late, never counted. */
  silence_objections: {
    forum_id: 'text',
    procedure_id: 'text',
    delegation: 'text',
    text: 'text',
    lang: 'text',
    objected_at: 'text',
    recorded_by: 'text',
    deleted: 'integer',
  },
  /** An outcome document issued under a symbol: sealed cells written once (issuanceSeal.ts), then only `chosen_at`. */
  issuances: {
    forum_id: 'text',
    document_id: 'text',
    symbol: 'text',
    kind: 'text',
    revises: 'text',
    issued_at: 'text',
    issued_by: 'text',
    issuer_name: 'text',
    signer_key: 'text',
    /** The frozen document, canonical JSON (bounded: see issuanceSnapshotChars). */
    snapshot: 'text',
    hash: 'text',
    signature: 'text',
    /** When it was chosen to stand over the others of its symbol (a clock value): the latest choice wins. */
    chosen_at: 'text',
    deleted: 'integer',
  },
  /** A speakers' list (id derived from its session or paragraph) and its speaking times; NULL: the default. */
  speaker_lists: {
    forum_id: 'text',
    session_id: 'text',
    paragraph_id: 'text',
    statement_ms: 'integer',
    reply_ms: 'integer',
    point_of_order_ms: 'integer',
    delegation_total_ms: 'integer',
    deleted: 'integer',
  },
  /** One turn in a list (id derived from list, speaker, kind and turn, so two laptops adding one person make one row). */
  speakers: {
    forum_id: 'text',
    list_id: 'text',
    participant_id: 'text',
    delegation: 'text',
    kind: 'text',
    position: 'text',
    status: 'text',
    turn: 'integer',
    added_at: 'text',
    /** The starting laptop's wall clock when the timer last started; NULL while it stands still. */
    started_at: 'text',
    spoken_ms: 'integer',
    finished_at: 'text',
    deleted: 'integer',
  },
} as const satisfies Record<string, Record<string, ColumnKind>>;

export type SyncedTable = keyof typeof syncedTables;

/** Tables whose rows belong to no forum (per-device preferences): logged, but never bundled. */
export const deviceTables: ReadonlySet<SyncedTable> = new Set(['settings']);
export type ColumnOf<T extends SyncedTable> = keyof (typeof syncedTables)[T] & string;

export function isSyncedTable(name: string): name is SyncedTable {
  return Object.prototype.hasOwnProperty.call(syncedTables, name);
}

export function columnKind(table: SyncedTable, column: string): ColumnKind | undefined {
  const columns: Record<string, ColumnKind> = syncedTables[table];
  return Object.prototype.hasOwnProperty.call(columns, column) ? columns[column] : undefined;
}

/**
 * Prose: text people write at length, where last-writer-wins would silently discard a concurrent
 * edit. Each edit names the edit it replaces; concurrent ones are all kept until someone chooses.
 */
const proseColumns = new Set(['notes.text', 'key_messages.text', 'outcome_paragraphs.text', 'amendments.text']);

export function isProseCell(table: string, cell: string): boolean {
  const at = cell.indexOf('@');
  return proseColumns.has(`${table}.${at === -1 ? cell : cell.slice(0, at)}`);
}
