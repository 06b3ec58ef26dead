import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from './serverFixture';

const localesDir = fileURLToPath(new URL('../../resources/locales/', import.meta.url));

/** The interface languages the walks read the screens in. */
export type WalkLanguage = 'en' | 'ar' | 'ru' | 'zh';

/** One language's strings, every namespace merged, looked up by dotted key (as `t` does). */
export function strings(lang: WalkLanguage): (key: string) => string {
  const all: Record<string, unknown> = {};
  for (const file of fs.readdirSync(path.join(localesDir, lang))) {
    Object.assign(all, JSON.parse(fs.readFileSync(path.join(localesDir, lang, file), 'utf8')) as Record<string, unknown>);
  }
  return (key) => {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], all);
    if (typeof value !== 'string') throw new Error(`no string ${key} in ${lang}`);
    return value;
  };
}

/** Switches the interface language with the header's menu, and waits for the page to follow. */
export async function useLanguage(page: Page, lang: WalkLanguage): Promise<void> {
  await page.locator('.app-header select').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/**
 * 14:30 in Asia/Shanghai on the demo's first day: parallel sessions A and B are on, the side
 * event is next, so the agenda, projector and capture screens have something to show.
 */
export const duringParallelSessions = new Date('2026-11-23T06:30:00Z');

/** A short registration list with long values, for the participant import's preview. */
export const registrationList = {
  name: 'registrations-with-long-headers.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(
    [
      'Persona;Organización de procedencia (nombre completo);Tipo de organización;Pays de résidence;Genre;Teléfono o correo;Correo institucional;Rol',
      'Amina Diallo;Ville de Dakar, Direction de la planification urbaine et régionale;Gobierno local;Sénégal;Femme;+221 77 123 45 67;amina.diallo@dakar.example;Ponente',
      'Jorge Quispe Mamani;Municipalidad Provincial del Cusco;gobierno local;Perú;Hombre;jorge.quispe@cusco.example;jorge.quispe@cusco.example;Participante',
    ].join('\r\n'),
    'utf8',
  ),
};

export interface WalkScreen {
  name: string;
  /** The address inside the demo forum (`{id}` stands for its id), or a way to reach the state. */
  hash: string;
  /** Brings the screen into the state looked at, once its address is open. */
  prepare?(page: Page, t: (key: string) => string): Promise<void>;
  /** What must be on the first screen without scrolling: the control a person comes here for. */
  main(page: Page, t: (key: string) => string): Locator;
  /** Controls that must be reachable by scrolling down only, never cut off at the side. */
  reachable?(page: Page, t: (key: string) => string): Locator[];
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).first();

/** Every screen of the app, on the demo forum, in the order a person meets them. */
export const walkScreens: WalkScreen[] = [
  { name: 'home', hash: '#/', main: (page, t) => page.getByRole('link', { name: t('home.newForum') }) },
  { name: 'new-forum', hash: '#/new', main: (page) => page.locator('main input').first() },
  { name: 'overview', hash: '#/forum/{id}', main: (page, t) => page.getByRole('link', { name: t('forum.edit') }) },
  { name: 'forum-form', hash: '#/forum/{id}/edit', main: (page) => page.locator('main input').first() },
  { name: 'agenda', hash: '#/forum/{id}/agenda', main: (page, t) => page.getByRole('link', { name: t('agenda.newSession') }) },
  { name: 'session-form', hash: '#/forum/{id}/agenda/new', main: (page) => page.locator('main select, main input').first() },
  {
    name: 'participants',
    hash: '#/forum/{id}/participants',
    main: (page, t) => page.getByRole('link', { name: t('participants.list.add'), exact: true }).first(),
    reachable: (page) => [page.locator('.pt-row .pt-actions').first().getByRole('button'), page.locator('.pt-row .pt-actions').first().getByRole('link')],
  },
  { name: 'participant-form', hash: '#/forum/{id}/participants/new', main: (page) => page.locator('main input').first() },
  {
    name: 'import-preview',
    hash: '#/forum/{id}/participants/import',
    prepare: async (page) => {
      await page.locator('input[type=file]').setInputFiles(registrationList);
      await expect(page.locator('.import-preview-steps')).toBeVisible();
    },
    main: (page, t) => page.getByRole('link', { name: t('participantImport.backToList') }),
    reachable: (page) => [page.locator('.import-preview-steps select').first(), page.locator('.import-preview-steps select').last()],
  },
  { name: 'check-in', hash: '#/forum/{id}/check-in', main: (page, t) => page.getByRole('combobox', { name: t('participants.checkIn.searchLabel') }) },
  { name: 'stats', hash: '#/forum/{id}/statistics', main: (page) => page.locator('main dl').first() },
  {
    name: 'capture',
    hash: '#/forum/{id}/capture',
    prepare: async (page) => {
      // Two sessions are on at once: the rapporteur picks one (the first session of the day, with notes).
      if (!(await page.locator('.composer-box').count())) {
        const picker = page.locator('.capture-session-picker select');
        await picker.selectOption((await picker.locator('option:not([disabled])').first().getAttribute('value')) ?? '');
      }
    },
    main: (page, t) => page.getByRole('textbox', { name: t('capture.composer.label'), exact: true }),
  },
  {
    name: 'key-messages',
    hash: '#/forum/{id}/key-messages',
    main: (page, t) => page.getByRole('group', { name: t('keyMessages.views.label') }),
  },
  { name: 'search', hash: '#/forum/{id}/search/water', main: (page, t) => page.getByRole('searchbox', { name: t('search.label') }) },
  { name: 'drafting', hash: '#/forum/{id}/drafting/{id}', main: (page) => h1(page) },
  { name: 'coverage', hash: '#/forum/{id}/drafting/{id}/coverage', main: (page) => h1(page) },
  { name: 'draft-projector', hash: '#/forum/{id}/drafting/{id}/projector', main: (page) => page.locator('.draft-projector-text') },
  {
    name: 'agenda-projector',
    hash: '#/forum/{id}/projector',
    main: (page) => page.locator('.projector-session h3').first(),
  },
];

/** Opens one screen of the demo forum and waits until it has drawn its heading and main control. */
export async function openScreen(page: Page, screen: WalkScreen, forumId: string, lang: WalkLanguage): Promise<void> {
  const t = strings(lang);
  await page.evaluate((hash) => (window.location.hash = hash), screen.hash.replaceAll('{id}', encodeURIComponent(forumId)));
  await expect(h1(page)).toBeVisible();
  await screen.prepare?.(page, t);
  await expect(screen.main(page, t)).toBeVisible();
}
