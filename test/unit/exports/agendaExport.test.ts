import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Agenda } from '../../../shared/agenda';
import { CoreError } from '../../../main/core/errors';
import { agendaDocx, agendaHtml } from '../../../main/core/exports/agendaExport';
import { documentText } from '../../../main/core/exports/documentText';
import { chromiumPdfPrinter } from '../../../main/core/exports/pdfPrinter';
import { call } from '../agenda/agendaFixture';
import { createForum } from '../../../main/core/store/forums';
import { chromium, notoFonts, poppler, skipWithout } from '../../programs';
import { snapshot, tempCore, tempDir, validForum } from '../helpers/tempCore';
import { demoCore, documentXml, paragraphTexts, translateFirstSession } from './demoExportFixture';

const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
const styled = (xml: string, style: string) =>
  paragraphsOf(xml)
    .filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`))
    .map((p) => paragraphTexts(p).join(''));

describe('agendaDocx', () => {
  it('prints the days in order as headings, and each session with time, kind, room and roles', async () => {
    const { ctx, forumId } = await demoCore();
    const agenda = await call<Agenda>(ctx, 'agenda:get', { forumId });
    const xml = documentXml(await agendaDocx(ctx.db, forumId, 'en', 'a4'));

    const days = [...new Set(agenda.sessions.map((s) => s.day))];
    const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' });
    expect(styled(xml, 'Heading1')).toEqual(days.map((day) => format.format(new Date(`${day}T12:00:00Z`))));
    expect(styled(xml, 'Heading3')).toEqual(agenda.sessions.map((s) => `${s.startTime}–${s.endTime}   ${s.title.en}`));

    const text = paragraphTexts(xml);
    const first = agenda.sessions[0]!;
    const at = text.indexOf(`${first.startTime}–${first.endTime}   ${first.title.en}`);
    expect(text[at + 1]).toBe(`Plenary · Room: ${first.room.en}`);
    const chair = first.roles.find((r) => r.role === 'chair')!;
    const speakers = first.roles.filter((r) => r.role === 'speaker').map((r) => r.name);
    expect(text.slice(at, at + 10)).toContain(`Chair: ${chair.name}`);
    expect(text.slice(at, at + 10)).toContain(`Speakers: ${speakers.join(', ')}`);
    expect(xml).not.toContain('not yet translated');
  });

  it('prints the source text where a translation is missing, marked in the document’s language', async () => {
    const { ctx, forumId } = await demoCore();
    const agenda = await call<Agenda>(ctx, 'agenda:get', { forumId });
    const first = agenda.sessions[0]!;
    const { id, translations: _t, roles, ...rest } = first;
    const { es: _es, ...withoutSpanish } = rest.title;
    await call(ctx, 'sessions:update', { id, session: { ...rest, title: withoutSpanish, roles: roles.map(({ participantId, role }) => ({ participantId, role })) } });

    const xml = documentXml(await agendaDocx(ctx.db, forumId, 'es', 'a4'));
    const mark = documentText('es')('agenda.untranslated', { language: 'inglés' });
    expect(mark).toBe('(inglés, aún sin traducir)');
    const titles = styled(xml, 'Heading3');
    expect(titles[0]).toBe(`${first.startTime}–${first.endTime}   ${first.title.en} ${mark}`);
    expect(titles[1]).toBe(`${agenda.sessions[1]!.startTime}–${agenda.sessions[1]!.endTime}   ${agenda.sessions[1]!.title.es}`);
    // Spanish words around the English text: the kind, the room label, the role names.
    expect(paragraphTexts(xml)).toContain(`Sesión plenaria · Sala: ${first.room.es}`);
  });

  it('sets Arabic paragraphs right to left (w:bidi, w:rtl), English fallbacks staying left to right runs', async () => {
    const { ctx, forumId } = await demoCore({ arabic: true });
    await translateFirstSession(ctx, forumId, 'ar', 'حفل الافتتاح والحوار الرفيع المستوى');
    const xml = documentXml(await agendaDocx(ctx.db, forumId, 'ar', 'a4'));
    const paragraphs = paragraphsOf(xml);
    expect(paragraphs.length).toBeGreaterThan(20);
    for (const p of paragraphs) expect(p).toContain('<w:bidi/>');
    const title = paragraphs.find((p) => p.includes('حفل الافتتاح'))!;
    expect(title).toMatch(/<w:rtl\/>[\s\S]*حفل الافتتاح/);
    expect(title).toContain('w:bidi="ar-SA"');
    // The second session has no Arabic title: English, in a run without w:rtl, then the Arabic mark.
    const fallback = paragraphsOf(xml).find((p) => p.includes('Coffee Break'))!;
    const englishRun = fallback.match(/<w:r>(?:(?!<\/w:r>)[\s\S])*Coffee Break/)![0];
    expect(englishRun).not.toContain('<w:rtl/>');
    expect(paragraphTexts(fallback).join('')).toContain(documentText('ar')('agenda.untranslated', { language: 'الإنجليزية' }));
  });

  it('names the East Asian font on Chinese runs', async () => {
    const { ctx, forumId } = await demoCore();
    const agenda = await call<Agenda>(ctx, 'agenda:get', { forumId });
    const xml = documentXml(await agendaDocx(ctx.db, forumId, 'zh', 'letter'));
    const zhTitle = agenda.sessions[0]!.title.zh!;
    const run = xml.match(new RegExp(`<w:r>(?:(?!</w:r>)[\\s\\S])*${zhTitle}`))![0];
    expect(run).toContain('w:eastAsia="Noto Sans CJK SC"');
    expect(run).toContain('<w:lang w:eastAsia="zh-CN"/>');
    expect(styled(xml, 'Heading1')[0]).toBe(new Intl.DateTimeFormat('zh', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${agenda.sessions[0]!.day}T12:00:00Z`)));
    expect(xml).toContain('<w:pgSz w:w="12240" w:h="15840"');
  });
});

describe('agendaHtml', () => {
  it('is a self-contained page with lang and dir, Arabic right to left, English fallbacks marked', async () => {
    const { ctx, forumId } = await demoCore({ arabic: true });
    await translateFirstSession(ctx, forumId, 'ar', 'حفل الافتتاح والحوار الرفيع المستوى');
    const html = agendaHtml(ctx.db, forumId, 'ar', 'a4');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/);
    expect(html).toContain('<h3 class="agenda-title">حفل الافتتاح والحوار الرفيع المستوى</h3>');
    const mark = documentText('ar')('agenda.untranslated', { language: 'الإنجليزية' });
    expect(html).toContain(`<h3 class="agenda-title"><span lang="en" dir="ltr">Coffee Break</span> <span class="fallback-mark">${mark}</span></h3>`);
    expect(html).not.toMatch(/https?:\/\/|\bsrc=|\bhref=|@import|url\(/);
    expect(html).toContain('size: A4');
  });

  it('escapes forum content and keeps days and sessions in order', async () => {
    const { ctx, forumId } = await demoCore();
    await translateFirstSession(ctx, forumId, 'en', 'Opening <script>alert(1)</script> & welcome');
    const agenda = await call<Agenda>(ctx, 'agenda:get', { forumId });
    const html = agendaHtml(ctx.db, forumId, 'en', 'letter');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Opening &lt;script&gt;alert(1)&lt;/script&gt; &amp; welcome');
    expect([...html.matchAll(/data-session="([^"]+)"/g)].map((m) => m[1])).toEqual(agenda.sessions.map((s) => s.id));
    expect([...html.matchAll(/data-day="([^"]+)"/g)].map((m) => m[1])).toEqual([...new Set(agenda.sessions.map((s) => s.day))]);
    expect(html).toContain('size: letter');
  });
});

describe('the agenda as PDF (Chromium over agendaHtml)', () => {
  beforeEach((context) => skipWithout(context, chromium, poppler, notoFonts));
  it.each(['en', 'ar'] as const)('prints every page with ink in %s, page numbers included', async (lang) => {
    const { ctx, forumId } = await demoCore({ arabic: true });
    await translateFirstSession(ctx, forumId, 'ar', 'حفل الافتتاح والحوار الرفيع المستوى');
    const pdf = await chromiumPdfPrinter()!(agendaHtml(ctx.db, forumId, lang, 'a4'), 'a4');
    const folder = tempDir();
    const file = path.join(folder, `agenda-${lang}.pdf`);
    fs.writeFileSync(file, pdf);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    execFileSync('pdftoppm', ['-gray', '-r', '20', file, path.join(folder, 'page')]);
    const images = fs.readdirSync(folder).filter((name) => name.endsWith('.pgm'));
    expect(images).toHaveLength(pages);
    for (const image of images) {
      const bytes = fs.readFileSync(path.join(folder, image));
      // Past the short P5 header every byte is a grey pixel: some must be dark.
      expect(bytes.subarray(20).some((value) => value < 128)).toBe(true);
    }
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain(lang === 'ar' ? 'الافتتاح' : 'Opening Ceremony');
    expect(text.replace(/\s/g, '')).toContain(`${pages}/${pages}`);
  }, 60_000);
});

describe('an empty agenda', () => {
  it('says there are no sessions yet, in the document’s language', async () => {
    const ctx = await tempCore();
    const forum = createForum(ctx, validForum);
    const text = paragraphTexts(documentXml(await agendaDocx(ctx.db, forum.id, 'es', 'a4')));
    expect(text).toContain('Todavía no hay sesiones en el programa.');
    expect(text[1]).toBe('Taller sobre patrimonio rural');
    expect(agendaHtml(ctx.db, forum.id, 'en', 'a4')).toContain('No sessions on the agenda yet.');
  });
});

describe('agenda export refusals', () => {
  it('refuses an unknown forum and a language the forum does not work in, changing nothing', async () => {
    const { ctx, forumId } = await demoCore();
    const before = snapshot(ctx);
    await expect(agendaDocx(ctx.db, 'no-such-forum-id', 'en', 'a4')).rejects.toMatchObject({ code: 'not_found' });
    expect(() => agendaHtml(ctx.db, 'no-such-forum-id', 'en', 'a4')).toThrow(CoreError);
    await expect(agendaDocx(ctx.db, forumId, 'ar', 'a4')).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'ar is not a working language of this forum (en, zh, es): choose one of those.',
    });
    expect(() => agendaHtml(ctx.db, forumId, 'fr', 'a4')).toThrow(/fr is not a working language of this forum/);
    expect(snapshot(ctx)).toBe(before);
  });
});
