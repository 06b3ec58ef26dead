import { describe, expect, it } from 'vitest';
import { appLabels } from '../../../main/core/participants/appLabels';
import { recogniseGender } from '../../../main/core/participants/recogniseGender';
import { recogniseOrgType } from '../../../main/core/participants/recogniseOrgType';
import { recogniseRole } from '../../../main/core/participants/recogniseRole';
import { genders, orgTypes, participantRoles } from '../../../shared/participants';
import { uiLanguages } from '../../../shared/languages';
import { dispatch } from '../../../main/core/commands/dispatch';
import { buildParticipantList } from '../../../main/core/exports/participantsExport';
import { validForum } from '../helpers/tempCore';
import { forumCore, listed, runImport } from './importHarness';

describe("the app's own labels read back on import", () => {
  it('every organisation type, gender and role label of the six locales is recognised as its code', () => {
    const org = appLabels('orgType', orgTypes);
    expect(org.length).toBeGreaterThanOrEqual(orgTypes.length * 6);
    for (const [label, code] of org) expect([label, recogniseOrgType(label)]).toEqual([label, code]);
    for (const [label, code] of appLabels('gender', genders)) expect([label, recogniseGender(label)]).toEqual([label, code]);
    for (const [label, code] of appLabels('role', participantRoles)) expect([label, recogniseRole(label)]).toEqual([label, code]);
  });

  it('the printed participant list in each language, imported again, brings every field back', async () => {
    const ctx = (await forumCore()).ctx;
    const created = await dispatch(ctx, 'electron', 'forums:create', { ...validForum, languages: [...uiLanguages] });
    if (!created.ok) throw new Error(created.error.message);
    const forumId = (created.value as { id: string }).id;
    const people = [
      { name: 'Ana Ruiz', organisation: 'UN-Habitat', orgType: 'un_international', country: 'KR', gender: 'female', roles: ['chair', 'speaker'] },
      { name: 'Oleg Petrov', organisation: 'Moscow State University', orgType: 'academia', country: 'US', gender: 'male', roles: ['rapporteur'] },
      { name: 'Li Wei', organisation: 'Zhejiang Province', orgType: 'local_government', country: 'GB', gender: 'undisclosed', roles: ['moderator'] },
      { name: 'Sara Haddad', organisation: 'Press Agency', orgType: 'media', country: 'IR', gender: 'other', roles: ['organiser', 'participant'] },
    ];
    for (const p of people) {
      const made = await dispatch(ctx, 'electron', 'participants:create', { forumId, participant: { email: '', languages: [], ...p } });
      expect(made.ok).toBe(true);
    }
    for (const lang of uiLanguages) {
      const list = buildParticipantList(ctx.db, forumId, lang);
      const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
      const roleSeparator = /[,،、;]\s*/;
      const csv = ['Name,Organisation,Organisation type,Country,Gender,Roles']
        .concat(list.rows.map((r) => [r[1], r[2], r[3], r[4], r[5], (r[6] ?? '').split(roleSeparator).join('; ')].map((c) => quote(c ?? '')).join(',')))
        .join('\r\n');
      const again = await forumCore();
      await runImport(again.ctx, again.forumId, Buffer.from(csv), { fileName: `list-${lang}.csv` });
      const back = (await listed(again.ctx, again.forumId)).map((p) => ({ name: p.name, organisation: p.organisation, orgType: p.orgType, country: p.country, gender: p.gender, roles: [...p.roles].sort() }));
      const expected = people.map((p) => ({ ...p, roles: [...p.roles].sort() }));
      expect(back.sort((a, b) => a.name.localeCompare(b.name)), lang).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
    }
  });
});
