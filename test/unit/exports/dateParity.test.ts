import { describe, expect, it } from 'vitest';
import { formatAgenda } from '../../../main/core/cli/agendaCommands';
import { formatOutcome } from '../../../main/core/cli/outcomeCommands';
import { agendaHtml } from '../../../main/core/exports/agendaExport';
import { formatDate, formatDates, formatDay } from '../../../main/core/exports/formatDates';
import { buildOutcomeModel } from '../../../main/core/exports/outcomeModel';
import { outcomeMarkdown } from '../../../main/core/exports/outcomeMarkdown';
import { participationDocx } from '../../../main/core/exports/participationExport';
import { call } from '../agenda/agendaFixture';
import { demoCore, documentXml, paragraphTexts } from './demoExportFixture';
import type { Agenda } from '../../../shared/agenda';
import type { OutcomeDocument } from '../../../shared/outcome';

// One date, one way of writing it per language, whichever path prints it: the agenda export, the
// CLI's `agenda show` and `outcome show`, the outcome export and the participation figures.

const unescape = (html: string) => html.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');

describe('dates in every export and text view', () => {
  it('writes English dates the British way everywhere', () => {
    expect(formatDates('2026-11-23', '2026-11-25', 'en')).toBe('23–25 November 2026');
    expect(formatDate('2026-11-25', 'en')).toBe('25 November 2026');
    expect(formatDay('2026-11-23', 'en')).toBe('Monday, 23 November 2026');
    expect(formatDay('2026-11-23', 'en-US')).toBe('Monday, 23 November 2026');
  });

  it('prints the forum dates, a day of the agenda and a session date identically in each path, per language', async () => {
    const { ctx, forumId } = await demoCore({ arabic: true });
    const agenda = await call<Agenda>(ctx, 'agenda:get', { forumId });
    const [document] = await call<Array<{ id: string }>>(ctx, 'outcome:list', { forumId });
    const outcome = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: document!.id });
    const { startDate, endDate } = agenda.forum;
    const firstDay = agenda.sessions[0]!.day;
    for (const lang of ['en', 'zh', 'es', 'ar']) {
      const range = formatDates(startDate, endDate, lang);
      const heading = formatDay(firstDay, lang);
      const sessionDate = formatDate(firstDay, lang);

      const agendaPage = unescape(agendaHtml(ctx.db, forumId, lang, 'a4'));
      expect(agendaPage, `agenda export (${lang})`).toContain(range);
      expect(agendaPage, `agenda export (${lang})`).toContain(`<h2>${heading}</h2>`);

      const shown = formatAgenda(agenda, lang);
      expect(shown.join('\n'), `agenda show (${lang})`).toContain(range);
      expect(shown, `agenda show (${lang})`).toContain(heading);

      expect(formatOutcome(outcome, lang, 'clean').join('\n'), `outcome show (${lang})`).toContain(range);
      const model = buildOutcomeModel(ctx.db, { documentId: outcome.id, languages: [lang], variant: 'clean', annexes: { participation: false, provenance: false }, fallback: true });
      expect(model.columns[0]!.placeAndDates, `outcome export (${lang})`).toContain(range);
      expect(outcomeMarkdown(model), `outcome export (${lang})`).toContain(range);

      const figures = paragraphTexts(documentXml(await participationDocx(ctx.db, forumId, lang))).join('\n');
      expect(figures, `participation export (${lang})`).toContain(sessionDate);
    }
  });
});
