import { describe, expect, it } from 'vitest';
import { allows, rolesAllowedFor, type Holder } from '../../../shared/roles';

const holder = (over: Partial<Holder> = {}): Holder => ({ enabled: true, isOwner: false, legacy: false, roles: [], ...over });

describe('allows: what a laptop may change, as the screens ask', () => {
  it('allows everything while roles are off, whoever asks', () => {
    expect(allows(holder({ enabled: false }), 'outcome_paragraphs', ['status'])).toEqual({ allowed: true, needed: [] });
    expect(allows(holder({ enabled: false, roles: [{ role: 'observer', sessions: [] }] }), 'forums', ['title']).allowed).toBe(true);
  });

  it('allows the owner anything once roles are on, the owner’s own cells and grants included', () => {
    const owner = holder({ isOwner: true });
    for (const [table, cells] of [['stances', ['kind']], ['forums', ['roles_legacy']], ['role_grants', ['active']], ['notes', ['text']]] as const) {
      expect(allows(owner, table, cells).allowed).toBe(true);
    }
  });

  it('keeps a legacy laptop’s old rights, except over grants and the owner’s cells', () => {
    const legacy = holder({ legacy: true });
    expect(allows(legacy, 'outcome_paragraphs', ['status']).allowed).toBe(true);
    expect(allows(legacy, 'participants', ['name']).allowed).toBe(true);
    expect(allows(legacy, 'role_grants', ['active'])).toEqual({ allowed: false, needed: ['owner', 'secretariat'] });
    expect(allows(legacy, 'forums', ['title', 'owner_key'])).toEqual({ allowed: false, needed: ['secretariat', 'owner'] });
  });

  it('names the role a change needs: status and decisions are the chair’s, the rest of a paragraph the drafters’', () => {
    const drafter = holder({ roles: [{ role: 'drafter', sessions: [] }] });
    expect(allows(drafter, 'outcome_paragraphs', ['text', 'kind'])).toEqual({ allowed: true, needed: [] });
    expect(allows(drafter, 'outcome_paragraphs', ['status'])).toEqual({ allowed: false, needed: ['chair'] });
    expect(allows(drafter, 'amendments', ['decided_at'])).toEqual({ allowed: false, needed: ['chair'] });
    expect(allows(drafter, 'amendments', ['text@en'])).toEqual({ allowed: true, needed: [] });
    // Status and text in one change: each needs its own role, so the drafter lacks the chair's.
    expect(allows(drafter, 'outcome_paragraphs', ['status', 'text'])).toEqual({ allowed: false, needed: ['chair'] });
    const both = holder({ roles: [{ role: 'drafter', sessions: [] }, { role: 'chair', sessions: [] }] });
    expect(allows(both, 'outcome_paragraphs', ['status', 'text'])).toEqual({ allowed: true, needed: [] });
    // A new paragraph starts as a draft: making it is the drafter's; made agreed, it needs the chair too.
    const created = ['forum_id', 'document_id', 'text@en', 'status'];
    expect(allows(drafter, 'outcome_paragraphs', created, undefined, { status: 'draft' }).allowed).toBe(true);
    expect(allows(drafter, 'outcome_paragraphs', created, undefined, { status: 'agreed' })).toEqual({ allowed: false, needed: ['chair'] });
    expect(allows(holder({ roles: [{ role: 'observer', sessions: [] }] }), 'notes', ['text'])).toEqual({ allowed: false, needed: ['rapporteur'] });
  });

  it('holds a rapporteur named for some sessions to those sessions, for notes and key messages only', () => {
    const scoped = holder({ roles: [{ role: 'rapporteur', sessions: ['s1', 's2'] }] });
    expect(allows(scoped, 'notes', ['text'], 's1').allowed).toBe(true);
    expect(allows(scoped, 'key_messages', ['text'], 's2').allowed).toBe(true);
    expect(allows(scoped, 'notes', ['text'], 's3')).toEqual({ allowed: false, needed: ['rapporteur'] });
    // Which session is not known yet (a screen before one is chosen): not allowed, to be safe.
    expect(allows(scoped, 'key_message_sources', ['note_id']).allowed).toBe(false);
    const everywhere = holder({ roles: [{ role: 'rapporteur', sessions: [] }] });
    expect(allows(everywhere, 'notes', ['text'], 's3').allowed).toBe(true);
    expect(allows(everywhere, 'notes', ['text']).allowed).toBe(true);
    expect(allows(everywhere, 'sessions', ['title']).allowed).toBe(false);
  });

  it('leaves tables no role governs (this laptop’s own settings) to every laptop', () => {
    expect(rolesAllowedFor('settings', ['value'])).toBeUndefined();
    expect(allows(holder({ roles: [{ role: 'observer', sessions: [] }] }), 'settings', ['value'])).toEqual({ allowed: true, needed: [] });
  });
});
