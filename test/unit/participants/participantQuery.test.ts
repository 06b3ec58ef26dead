import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { Participant } from '../../../shared/participants';
import { forumWithPeople, must, names, query } from './participantFixture';

const people = [
  { name: 'José Núñez', organisation: 'Ministerio de Vivienda', orgType: 'government', country: 'MX', gender: 'male', roles: ['speaker'], email: 'jnunez@vivienda.gob.mx' },
  { name: 'Élise Martin', organisation: 'Université de Lyon', orgType: 'academia', country: 'FR', gender: 'female', roles: ['chair', 'speaker'], email: '' },
  { name: 'zoë adams', organisation: 'city of cape town', orgType: 'local_government', country: 'ZA', gender: 'female', roles: ['rapporteur'], email: 'zoe@capetown.gov.za' },
  { name: 'Ana Silva', organisation: '', orgType: null, country: '', gender: null, roles: [], email: 'ana@example.org' },
  { name: '王小明', organisation: '联合国人居署', orgType: 'un_international', country: 'CN', gender: 'male', roles: ['participant'], email: '' },
  { name: '李明', organisation: '清华大学', orgType: 'academia', country: 'CN', gender: 'undisclosed', roles: ['speaker'], email: '' },
  { name: 'Łukasz Öztürk', organisation: 'Özyeğin University', orgType: 'academia', country: 'TR', gender: 'male', roles: [], email: 'lukasz@ozyegin.edu.tr' },
  { name: 'Daniel Okafor', organisation: 'UN-Habitat', orgType: 'un_international', country: 'KE', gender: 'male', roles: ['organiser'], email: 'daniel.okafor@un.org' },
] as const;

async function fixture() {
  const made = await forumWithPeople(people.map((p) => ({ ...p, roles: [...p.roles] })));
  const byName = new Map(made.created.map((p) => [p.name, p] as const));
  return { ...made, byName, id: (name: string) => (byName.get(name) as Participant).id };
}

describe('participants:query', () => {
  it('sorts names ignoring case and accents, with the id breaking ties', async () => {
    const { ctx, forumId } = await fixture();
    // Latin first (folded: ana, daniel, elise, jose, lukasz, zoe), then other scripts by code point.
    expect(await names(ctx, { forumId })).toEqual(['Ana Silva', 'Daniel Okafor', 'Élise Martin', 'José Núñez', 'Łukasz Öztürk', 'zoë adams', '李明', '王小明']);
    expect(await names(ctx, { forumId, descending: true })).toEqual(['王小明', '李明', 'zoë adams', 'Łukasz Öztürk', 'José Núñez', 'Élise Martin', 'Daniel Okafor', 'Ana Silva']);

    const twins = await forumWithPeople([{ name: 'Maria Lopez' }, { name: 'MARÍA LÓPEZ' }, { name: 'maria lopez' }]);
    const ids = twins.created.map((p) => p.id).sort();
    const page = await query(twins.ctx, { forumId: twins.forumId });
    expect(page.rows.map((p) => p.id)).toEqual(ids);
  });

  it('sorts by organisation and by every coded field, blanks last', async () => {
    const { ctx, forumId } = await fixture();
    expect(await names(ctx, { forumId, sort: 'organisation' })).toEqual([
      'zoë adams', // city of cape town
      'José Núñez', // Ministerio de Vivienda
      'Łukasz Öztürk', // Özyeğin University, folded to "ozyegin"
      'Daniel Okafor', // UN-Habitat
      'Élise Martin', // Université de Lyon: "universite" after "un-habitat"
      '李明', // 清华大学
      '王小明', // 联合国人居署
      'Ana Silva', // no organisation
    ]);
    const byCountry = await query(ctx, { forumId, sort: 'country' });
    expect(byCountry.rows.map((p) => p.country)).toEqual(['CN', 'CN', 'FR', 'KE', 'MX', 'TR', 'ZA', '']);
    const [cn1, cn2] = byCountry.rows;
    expect((cn1 as Participant).id < (cn2 as Participant).id).toBe(true);
    const byCountryDown = await query(ctx, { forumId, sort: 'country', descending: true });
    expect(byCountryDown.rows.map((p) => p.id)).toEqual(byCountry.rows.map((p) => p.id).reverse());
    const byOrgType = await query(ctx, { forumId, sort: 'orgType' });
    expect(byOrgType.rows.map((p) => p.orgType)).toEqual(['academia', 'academia', 'academia', 'government', 'local_government', 'un_international', 'un_international', null]);
    const byGender = await query(ctx, { forumId, sort: 'gender', descending: true });
    expect(byGender.rows.map((p) => p.gender)).toEqual([null, 'undisclosed', 'male', 'male', 'male', 'male', 'female', 'female']);
  });

  it('sorts by check-in time, the not yet arrived after the arrivals', async () => {
    const { ctx, forumId, created } = await forumWithPeople([{ name: 'First' }, { name: 'Second' }, { name: 'Absent' }]);
    const [first, second] = created as [Participant, Participant];
    await must(ctx, 'participants:checkIn', { id: second.id, checkedIn: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await must(ctx, 'participants:checkIn', { id: first.id, checkedIn: true });
    expect(await names(ctx, { forumId, sort: 'checkedInAt' })).toEqual(['Second', 'First', 'Absent']);
    expect(await names(ctx, { forumId, sort: 'checkedInAt', descending: true })).toEqual(['Absent', 'First', 'Second']);
    expect(await names(ctx, { forumId, checkedIn: true })).toEqual(['First', 'Second']);
    expect(await names(ctx, { forumId, checkedIn: false })).toEqual(['Absent']);
  });

  it('filters by organisation type, country (or none), gender and role, combined', async () => {
    const { ctx, forumId } = await fixture();
    expect(await names(ctx, { forumId, orgType: 'academia' })).toEqual(['Élise Martin', 'Łukasz Öztürk', '李明']);
    expect(await names(ctx, { forumId, country: 'CN' })).toEqual(['李明', '王小明']);
    expect(await names(ctx, { forumId, country: '' })).toEqual(['Ana Silva']);
    expect(await names(ctx, { forumId, gender: 'female' })).toEqual(['Élise Martin', 'zoë adams']);
    expect(await names(ctx, { forumId, role: 'speaker' })).toEqual(['Élise Martin', 'José Núñez', '李明']);
    expect(await names(ctx, { forumId, role: 'organiser' })).toEqual(['Daniel Okafor']);
    expect(await names(ctx, { forumId, orgType: 'academia', gender: 'male', role: 'speaker' })).toEqual([]);
    expect(await names(ctx, { forumId, orgType: 'academia', country: 'FR', text: 'lyon' })).toEqual(['Élise Martin']);
  });

  it('pages with offset and limit and reports the total of every match', async () => {
    const { ctx, forumId } = await fixture();
    const all = await names(ctx, { forumId });
    const pages = [];
    for (let offset = 0; offset < 8; offset += 3) pages.push(await query(ctx, { forumId, offset, limit: 3 }));
    expect(pages.map((p) => p.total)).toEqual([8, 8, 8]);
    expect(pages.map((p) => p.offset)).toEqual([0, 3, 6]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.name))).toEqual(all);
    // Past the end: no rows, the total still right, with a filter and without.
    expect(await query(ctx, { forumId, offset: 50 })).toEqual({ total: 8, offset: 50, rows: [] });
    expect(await query(ctx, { forumId, offset: 50, role: 'speaker' })).toEqual({ total: 3, offset: 50, rows: [] });
    const filtered = await query(ctx, { forumId, role: 'speaker', offset: 1, limit: 1 });
    expect(filtered).toMatchObject({ total: 3, offset: 1, rows: [{ name: 'José Núñez' }] });
  });

  it('finds substrings of name, organisation or email, case and accents folded', async () => {
    const { ctx, forumId } = await fixture();
    expect(await names(ctx, { forumId, text: 'jose' })).toEqual(['José Núñez']);
    expect(await names(ctx, { forumId, text: 'NUNEZ' })).toEqual(['José Núñez']);
    expect(await names(ctx, { forumId, text: 'élise' })).toEqual(['Élise Martin']);
    expect(await names(ctx, { forumId, text: 'ELISE' })).toEqual(['Élise Martin']);
    expect(await names(ctx, { forumId, text: 'universite' })).toEqual(['Élise Martin']);
    expect(await names(ctx, { forumId, text: 'ZOË' })).toEqual(['zoë adams']);
    expect(await names(ctx, { forumId, text: 'cape town' })).toEqual(['zoë adams']);
    expect(await names(ctx, { forumId, text: 'un.org' })).toEqual(['Daniel Okafor']);
    expect(await names(ctx, { forumId, text: '  okafor  ' })).toEqual(['Daniel Okafor']);
    expect(await names(ctx, { forumId, text: 'zzz' })).toEqual([]);
    expect((await query(ctx, { forumId, text: '' })).total).toBe(8);
    // Control characters are dropped: alone they search for nothing in particular.
    expect((await query(ctx, { forumId, text: '\u0000\t' })).total).toBe(8);
    expect(await names(ctx, { forumId, text: 'oka\u0000for' })).toEqual([]);
    expect(await names(ctx, { forumId, text: 'okafor\u0000' })).toEqual(['Daniel Okafor']);
  });

  it('finds Chinese names by one, two and three or more characters', async () => {
    const { ctx, forumId } = await fixture();
    expect(await names(ctx, { forumId, text: '王' })).toEqual(['王小明']);
    expect(await names(ctx, { forumId, text: '明' })).toEqual(['李明', '王小明']);
    expect(await names(ctx, { forumId, text: '小明' })).toEqual(['王小明']);
    expect(await names(ctx, { forumId, text: '王小明' })).toEqual(['王小明']);
    expect(await names(ctx, { forumId, text: '人居署' })).toEqual(['王小明']);
    expect(await names(ctx, { forumId, text: '清华' })).toEqual(['李明']);
  });

  it('folds ASCII case in one- and two-character searches too', async () => {
    const { ctx, forumId } = await fixture();
    expect(await names(ctx, { forumId, text: 'OK' })).toEqual(['Daniel Okafor']);
    expect(await names(ctx, { forumId, text: 'Zo' })).toEqual(['zoë adams']);
    expect((await names(ctx, { forumId, text: 'a' })).length).toBeGreaterThan(3);
  });

  it.each([
    ['a double quote', '"'],
    ['an unbalanced quote', 'Ana "Silva'],
    ['a prefix star', 'ana*'],
    ['a star alone', '*'],
    ['NEAR syntax', 'NEAR(ana silva)'],
    ['boolean operators', 'ana OR silva'],
    ['NOT', 'NOT ana'],
    ['parentheses', '(ana)'],
    ['a column filter', 'name: ana'],
    ['a caret', '^ana'],
    ['LIKE wildcards', '%'],
    ['an underscore', '_'],
    ['a backslash', '\\'],
    ['SQL', "'; DROP TABLE participants; --"],
    ['a NUL character', 'zz\u0000ana'],
    ['a lone surrogate', '\ud800an'],
  ])('treats %s in the search as plain text, never as syntax', async (_label, text) => {
    const { ctx, forumId } = await fixture();
    const result = await dispatch(ctx, 'cli', 'participants:query', { forumId, text });
    expect(result).toMatchObject({ ok: true, value: { total: 0, rows: [] } });
  });

  it('finds the very characters FTS and LIKE would treat as syntax', async () => {
    const { ctx, forumId } = await forumWithPeople([
      { name: 'Anne "Nan" Lee' },
      { name: 'Ben OR Carl', organisation: 'NEAR(East) Foundation' },
      { name: 'Dee 100% Sure', organisation: 'a_b*c' },
    ]);
    expect(await names(ctx, { forumId, text: '"Nan"' })).toEqual(['Anne "Nan" Lee']);
    expect(await names(ctx, { forumId, text: '"' })).toEqual(['Anne "Nan" Lee']);
    expect(await names(ctx, { forumId, text: 'n OR c' })).toEqual(['Ben OR Carl']);
    expect(await names(ctx, { forumId, text: 'near(east)' })).toEqual(['Ben OR Carl']);
    expect(await names(ctx, { forumId, text: '%' })).toEqual(['Dee 100% Sure']);
    expect(await names(ctx, { forumId, text: '_' })).toEqual(['Dee 100% Sure']);
    expect(await names(ctx, { forumId, text: 'b*c' })).toEqual(['Dee 100% Sure']);
  });

  it('hides deleted participants from lists, searches and counts, and shows them again on undo', async () => {
    const { ctx, forumId, id } = await fixture();
    await must(ctx, 'participants:setDeleted', { id: id('王小明'), deleted: true });
    await must(ctx, 'participants:setDeleted', { id: id('José Núñez'), deleted: true });
    expect((await query(ctx, { forumId })).total).toBe(6);
    expect(await names(ctx, { forumId, text: '王' })).toEqual([]);
    expect(await names(ctx, { forumId, text: 'nunez' })).toEqual([]);
    expect(await names(ctx, { forumId, country: 'CN' })).toEqual(['李明']);
    await must(ctx, 'participants:setDeleted', { id: id('王小明'), deleted: false });
    expect(await names(ctx, { forumId, text: '王小明' })).toEqual(['王小明']);
  });

  it('keeps forums apart', async () => {
    const { ctx, forumId } = await fixture();
    const other = await must<{ id: string }>(ctx, 'forums:create', {
      title: { en: 'Another forum' },
      theme: {},
      venue: {},
      startDate: '2026-05-01',
      endDate: '2026-05-02',
      timeZone: 'UTC',
      coOrganisers: [],
      languages: ['en'],
      sourceLanguage: 'en',
      outcomeKind: 'communique',
    });
    await must(ctx, 'participants:create', { forumId: other.id, participant: { name: 'José Other', organisation: '', orgType: null, country: '', gender: null, roles: [], email: '', languages: [] } });
    expect(await names(ctx, { forumId, text: 'jose' })).toEqual(['José Núñez']);
    expect(await names(ctx, { forumId: other.id })).toEqual(['José Other']);
  });
});
