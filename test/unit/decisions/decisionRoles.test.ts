import { describe, expect, it } from 'vitest';
import { allows, rolesAllowedFor, type Holder } from '../../../shared/roles';

const holder = (...roles: Array<Holder['roles'][number]['role']>): Holder => ({ enabled: true, isOwner: false, legacy: false, roles: roles.map((role) => ({ role, sessions: [] })) });

describe('who records decisions', () => {
  it('the secretariat records decisions, votes and silence procedures with their objections', () => {
    for (const table of ['decisions', 'decision_votes', 'silence_procedures', 'silence_objections']) {
      expect(rolesAllowedFor(table, ['forum_id', 'deleted'])).toEqual(['secretariat']);
      expect(allows(holder('secretariat'), table, ['deleted']).allowed).toBe(true);
      expect(allows(holder('chair', 'drafter', 'rapporteur'), table, ['deleted'])).toEqual({ allowed: false, needed: ['secretariat'] });
    }
  });

  it('explanations and reservations are taken down by the secretariat or the chair, nobody else', () => {
    expect(allows(holder('chair'), 'decision_statements', ['text']).allowed).toBe(true);
    expect(allows(holder('secretariat'), 'decision_statements', ['text']).allowed).toBe(true);
    expect(allows(holder('drafter'), 'decision_statements', ['text'])).toEqual({ allowed: false, needed: ['secretariat', 'chair'] });
  });
});
