import fs from 'node:fs';
import os from 'node:os';
import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import ar from '../../resources/locales/ar/app.json' with { type: 'json' };
import draftingAr from '../../resources/locales/ar/drafting.json' with { type: 'json' };
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import captureEn from '../../resources/locales/en/capture.json' with { type: 'json' };
import draftingEn from '../../resources/locales/en/drafting.json' with { type: 'json' };
import { call, sendForum, startLaptop } from './laptops';
import { seriousViolations, switchLanguage } from './lookAt';
import { shoot } from './screenshots';
import { expect, stopServer, test, type PlenaryServer } from './serverFixture';

/** Opens a forum section from its navigation (Alt+digit too early after a navigation finds no listener yet). */
const section = (page: Page, name: string) => page.getByRole('navigation', { name: en.forumNav.label }).getByRole('link', { name, exact: true }).click();

const d = draftingEn.drafting;
const c = captureEn.capture;
const needsChair = { en: en.laptopRoles.needs.replace('{{roles}}', en.laptopRoles.chair), ar: ar.laptopRoles.needs.replace('{{roles}}', ar.laptopRoles.chair) };
const needsDrafter = { en: en.laptopRoles.needs.replace('{{roles}}', en.laptopRoles.drafter), ar: ar.laptopRoles.needs.replace('{{roles}}', ar.laptopRoles.drafter) };

/** The secretariat's laptop makes the demo forum and the rapporteur's receives it; each knows the other's key. */
async function twoLaptops(dir: string): Promise<{ owner: PlenaryServer; laptop: PlenaryServer; forum: { id: string } }> {
  const owner = await startLaptop(dir, 'Secretariat laptop');
  const laptop = await startLaptop(dir, 'Rapporteur laptop');
  try {
    const forum = await call(owner, 'demo:create', {});
    await sendForum(owner, laptop, forum.id);
    await sendForum(laptop, owner, forum.id);
    return { owner, laptop, forum };
  } catch (error) {
    await stopServer(laptop);
    await stopServer(owner);
    throw error;
  }
}

/**
 * The laptop under test is not the forum's owner: the owner's laptop (the secretariat's) made the
 * demo forum, granted this one the rapporteur role by its fingerprint, and the bundles went both
 * ways. Then the owner's laptop is put away and only the rapporteur's is served.
 */
async function rapporteurLaptop(dir: string): Promise<{ laptop: PlenaryServer; forumId: string }> {
  const { owner, laptop, forum } = await twoLaptops(dir);
  try {
    const { fingerprint } = await call(laptop, 'device:get', {});
    await call(owner, 'roles:grant', { forumId: forum.id, fingerprint, role: 'rapporteur' });
    await sendForum(owner, laptop, forum.id);
    const roles = await call(laptop, 'roles:list', { forumId: forum.id });
    expect(roles.laptops.find((l) => l.isThisLaptop)).toMatchObject({ isOwner: false, roles: [{ role: 'rapporteur', sessions: [] }] });
    return { laptop, forumId: forum.id };
  } finally {
    await stopServer(owner);
  }
}

/** The reason a gated control describes itself by is shown beside it while it has the focus, wide enough to read. */
async function shownReason(page: Page, control: Locator, text: string) {
  await control.focus();
  const id = (await control.getAttribute('aria-describedby'))?.split(' ').at(-1) ?? '';
  const reason = page.locator(`[id="${id}"]`);
  await expect(reason).toHaveText(text);
  await expect.poll(async () => (await reason.boundingBox())?.width ?? 0).toBeGreaterThan(40);
}

test('a rapporteur’s laptop takes notes, and sees why it may not add paragraphs or change their status, in English and Arabic', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-roles-'));
  const { laptop, forumId } = await rapporteurLaptop(dir);
  try {
    await page.goto(laptop.url);
    await page.getByRole('link', { name: 'Open Forum on Urban-Rural Linkages' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Forum on Urban-Rural Linkages' })).toBeVisible();
    expect(page.url()).toContain(encodeURIComponent(forumId));

    // Notes are a rapporteur's work: the note box takes a note and the stream shows it.
    await section(page, en.forumNav.capture);
    await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible();
    const picker = page.getByRole('combobox', { name: c.session.label, exact: true });
    await picker.selectOption((await picker.locator('option', { hasText: 'Digital Villages' }).getAttribute('value')) ?? '');
    const composer = page.getByRole('textbox', { name: c.composer.label, exact: true });
    await expect(composer).toBeEditable();
    await composer.fill('Broadband reached 40 villages this year');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('list', { name: c.stream.label }).getByRole('listitem').filter({ hasText: 'Broadband reached 40 villages' })).toBeVisible();

    // Drafting is not: adding a paragraph and deciding its status are disabled, saying why.
    await section(page, en.forumNav.drafting);
    await expect(page.getByRole('heading', { level: 1, name: d.title })).toBeVisible();
    const newParagraph = page.getByRole('button', { name: d.actions.newParagraph, exact: true });
    await expect(newParagraph).toBeDisabled();
    await expect(newParagraph).toHaveAttribute('title', needsDrafter.en);
    await expect(newParagraph).toHaveAccessibleDescription(needsDrafter.en);
    await shownReason(page, newParagraph, needsDrafter.en);
    await page.keyboard.press('Enter');
    await newParagraph.click({ force: true });
    await page.keyboard.press('n');
    await expect(page.getByRole('form', { name: d.composer.title })).toHaveCount(0);

    await page.getByRole('article', { name: 'Paragraph 1', exact: true }).click();
    const status = page.getByRole('combobox', { name: d.editor.status, exact: true });
    await expect(status).toBeDisabled();
    await expect(status).toHaveAttribute('title', needsChair.en);
    await expect(status).toHaveAccessibleDescription(needsChair.en);
    const before = await status.inputValue();
    await shownReason(page, status, needsChair.en);
    await page.keyboard.press('ArrowDown');
    await expect(status).toHaveValue(before);
    // The text can still be read and selected, not changed.
    const text = page.getByRole('textbox', { name: /Text in English/ });
    await expect(text).not.toBeEditable();
    await expect(text).toHaveAccessibleDescription(needsDrafter.en);
    expect(await seriousViolations(page), 'drafting as a rapporteur in en').toEqual([]);
    if (process.env.PLENARY_SHOTS) {
      await page.setViewportSize({ width: 1366, height: 768 });
      await newParagraph.focus();
      await shoot(page, 'roles', 'drafting-rapporteur-en', false);
    }

    await switchLanguage(page, 'ar');
    const newParagraphAr = page.getByRole('button', { name: draftingAr.drafting.actions.newParagraph, exact: true });
    await expect(newParagraphAr).toBeDisabled();
    await expect(newParagraphAr).toHaveAccessibleDescription(needsDrafter.ar);
    const statusAr = page.getByRole('combobox', { name: draftingAr.drafting.editor.status, exact: true });
    await expect(statusAr).toBeDisabled();
    await expect(statusAr).toHaveAttribute('title', needsChair.ar);
    await expect(statusAr).toHaveAccessibleDescription(needsChair.ar);
    await shownReason(page, statusAr, needsChair.ar);
    expect(await seriousViolations(page), 'drafting as a rapporteur in ar').toEqual([]);
    if (process.env.PLENARY_SHOTS) await shoot(page, 'roles', 'drafting-rapporteur-ar', false);
  } finally {
    await stopServer(laptop);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a change refused because the laptop’s role changed meanwhile says which role it needs, and nothing changes', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-roles-'));
  const { owner, laptop, forum } = await twoLaptops(dir);
  try {
    // Roles are off yet: the screen offers everything.
    await page.goto(laptop.url);
    await page.getByRole('link', { name: 'Open Forum on Urban-Rural Linkages' }).click();
    await section(page, en.forumNav.drafting);
    await page.getByRole('article', { name: 'Paragraph 1', exact: true }).click();
    const status = page.getByRole('combobox', { name: d.editor.status, exact: true });
    await expect(status).toBeEnabled();
    const before = await status.inputValue();

    // Meanwhile the owner grants this laptop the rapporteur role, and the bundle arrives.
    const { fingerprint } = await call(laptop, 'device:get', {});
    await call(owner, 'roles:grant', { forumId: forum.id, fingerprint, role: 'rapporteur' });
    await sendForum(owner, laptop, forum.id);

    await status.selectOption('draft' === before ? 'proposed' : 'draft');
    const alert = page.getByRole('alert').filter({ hasText: en.errors.role_required });
    await expect(alert).toBeVisible();
    await alert.getByText(en.errors.details).click();
    await expect(alert).toContainText('needs the role of chair');
    const paragraphs = await call(laptop, 'outcome:list', { forumId: forum.id });
    const doc = await call(laptop, 'outcome:get', { documentId: paragraphs[0]?.id ?? '' });
    expect(doc.paragraphs.find((p) => p.kind === 'numbered')?.status).toBe(before);
  } finally {
    await stopServer(laptop);
    await stopServer(owner);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a rapporteur named for one session writes its notes, and reads another session’s in a box that says why it cannot write there', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-roles-'));
  const { owner, laptop, forum } = await twoLaptops(dir);
  try {
    const { sessions } = await call(owner, 'agenda:get', { forumId: forum.id });
    const mine = sessions.find((s) => s.title.en?.includes('Digital Villages'));
    const other = sessions.find((s) => s.kind !== 'break' && s.id !== mine?.id);
    if (!mine || !other) throw new Error('the demo has no such sessions');
    const { fingerprint } = await call(laptop, 'device:get', {});
    await call(owner, 'roles:grant', { forumId: forum.id, fingerprint, role: 'rapporteur', sessions: [mine.id] });
    await sendForum(owner, laptop, forum.id);

    await page.goto(laptop.url);
    await page.getByRole('link', { name: 'Open Forum on Urban-Rural Linkages' }).click();
    await section(page, en.forumNav.capture);
    const picker = page.getByRole('combobox', { name: c.session.label, exact: true });
    const composer = page.getByRole('textbox', { name: c.composer.label, exact: true });
    await picker.selectOption(other.id);
    await expect(composer).not.toBeEditable();
    await expect(composer).toHaveAccessibleDescription(new RegExp(en.laptopRoles.needs.replace('{{roles}}', en.laptopRoles.rapporteur).replace('.', '\\.')));
    await picker.selectOption(mine.id);
    await expect(composer).toBeEditable();
    await composer.fill('Village broadband needs local repair skills');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('list', { name: c.stream.label }).getByRole('listitem').filter({ hasText: 'local repair skills' })).toBeVisible();
  } finally {
    await stopServer(laptop);
    await stopServer(owner);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
