import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import { buildAgendaModel } from '../../../main/core/exports/agendaModel';
import { buildParticipantList } from '../../../main/core/exports/participantsExport';
import { uiLanguages } from '../../../shared/languages';
import { genderContext } from '../../../renderer/src/components/participants/participantFormat';
import { tempCore, validForum } from '../helpers/tempCore';
import ar from '../../../resources/locales/ar/participants.json';
import en from '../../../resources/locales/en/participants.json';
import es from '../../../resources/locales/es/participants.json';
import fr from '../../../resources/locales/fr/participants.json';
import ru from '../../../resources/locales/ru/participants.json';
import zh from '../../../resources/locales/zh/participants.json';

// Role names agree with a known gender where the language has two forms; unknown: the plain one.
const speaker = { ar: ['متحدث', 'متحدثة'], zh: ['发言人', '发言人'], en: ['Speaker', 'Speaker'], fr: ['Intervenant', 'Intervenante'], ru: ['Выступающий', 'Выступающая'], es: ['Orador', 'Oradora'] };
const chair = { es: ['Presidente de sesión', 'Presidenta de sesión'], fr: ['Président de séance', 'Présidente de séance'], ar: ['رئيس الجلسة', 'رئيسة الجلسة'] };

async function forumWithPeople() {
  const ctx = await tempCore();
  const created = await dispatch(ctx, 'electron', 'forums:create', { ...validForum, languages: [...uiLanguages] });
  if (!created.ok) throw new Error(created.error.message);
  const forumId = (created.value as { id: string }).id;
  const ids: Record<string, string> = {};
  for (const [name, gender] of [['Ana', 'female'], ['Bruno', 'male'], ['Chris', null]] as const) {
    const made = await dispatch(ctx, 'electron', 'participants:create', {
      forumId,
      participant: { name, organisation: '', orgType: null, country: '', gender, roles: ['speaker', 'chair'], email: '', languages: [] },
    });
    if (!made.ok) throw new Error(made.error.message);
    ids[name] = (made.value as { id: string }).id;
  }
  return { ctx, forumId, ids };
}

describe('role labels follow a known gender', () => {
  it('in the printed participant list, in each language', async () => {
    const { ctx, forumId } = await forumWithPeople();
    for (const lang of uiLanguages) {
      const rows = new Map(buildParticipantList(ctx.db, forumId, lang).rows.map((r) => [r[1], r[6] ?? '']));
      const [plain, female] = speaker[lang];
      expect(rows.get('Ana'), lang).toContain(female);
      expect(rows.get('Bruno'), lang).toContain(plain);
      expect(rows.get('Chris'), lang).toContain(plain);
      if (lang in chair) expect(rows.get('Ana'), lang).toContain(chair[lang as keyof typeof chair][1]);
    }
    expect(buildParticipantList(ctx.db, forumId, 'es').rows.find((r) => r[1] === 'Bruno')?.[6]).toBe('Presidente de sesión, Orador');
  });

  it('in the printed agenda, where one person holds the role', async () => {
    const { ctx, forumId, ids } = await forumWithPeople();
    const session = await dispatch(ctx, 'electron', 'sessions:create', {
      forumId,
      session: {
        day: '2026-03-02', startTime: '09:00', endTime: '10:00', kind: 'plenary', title: { en: 'Opening' }, room: {}, description: {},
        roles: [{ participantId: ids.Ana, role: 'rapporteur' }, { participantId: ids.Bruno, role: 'chair' }, { participantId: ids.Chris, role: 'speaker' }],
      },
    });
    expect(session.ok).toBe(true);
    const labels = (lang: string) => buildAgendaModel(ctx.db, forumId, lang).days[0]?.sessions[0]?.roles.map((r) => r.label);
    expect(labels('es')).toEqual(['Presidente de sesión', 'Orador', 'Relatora']);
    expect(labels('fr')).toEqual(['Président de séance', 'Intervenant', 'Rapporteuse']);
    expect(labels('en')).toEqual(['Chair', 'Speaker', 'Rapporteur']);
  });

  it('on the screens: the i18next context the lists pass', async () => {
    const t = i18next.createInstance();
    await t.init({ lng: 'es', resources: Object.fromEntries(Object.entries({ ar, zh, en, fr, ru, es }).map(([lang, data]) => [lang, { translation: data }])) });
    for (const lang of uiLanguages) {
      const fixed = t.getFixedT(lang);
      expect(fixed('participants.role.speaker', genderContext('female')), lang).toBe(speaker[lang][1]);
      expect(fixed('participants.role.speaker', genderContext('male')), lang).toBe(speaker[lang][0]);
      expect(fixed('participants.role.speaker', genderContext(null)), lang).toBe(speaker[lang][0]);
      expect(fixed('participants.role.speaker', genderContext('undisclosed')), lang).toBe(speaker[lang][0]);
    }
  });
});
