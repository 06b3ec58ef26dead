import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ar from '../../resources/locales/ar/app.json' with { type: 'json' };
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import { call, saveBundle, sendForum, startLaptop } from './laptops';
import { lookAt } from './lookAt';
import { openDemo } from './openDemo';
import { expect, stopServer, test, type PlenaryServer } from './serverFixture';

const l = en.laptops;
const fill = (message: string, values: Record<string, string>) => message.replace(/{{\s*(\w+)\s*}}/g, (_, key: string) => values[key] ?? '');

let dir: string;
const laptops: PlenaryServer[] = [];
test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-e2e-roles-'));
});
test.afterEach(async () => {
  await Promise.all(laptops.splice(0).map(stopServer));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the secretariat grants a rapporteur; its notes arrive, its paragraph marked agreed is held back on the chair’s laptop', async ({ page, server }) => {
  // This laptop made the demo forum: it owns it, and acts as secretariat and chair.
  const forumId = await openDemo(page, server.url);
  const rapporteur = await startLaptop(dir, 'Rapporteur B');
  laptops.push(rapporteur);
  await sendForum(server, rapporteur, forumId);
  await sendForum(rapporteur, server, forumId);
  const { fingerprint } = await call(rapporteur, 'device:get', {});

  await page.getByRole('navigation', { name: en.forumNav.label }).getByRole('link', { name: en.forumNav.laptops }).click();
  await expect(page.getByRole('heading', { level: 1, name: l.title })).toBeVisible();
  await expect(page.getByText(l.rolesOff)).toBeVisible();
  const form = page.getByRole('region', { name: l.grantTitle });
  await form.getByRole('textbox', { name: en.sync.fingerprint }).fill(fingerprint.toLowerCase());
  await form.getByRole('combobox', { name: l.role }).selectOption('rapporteur');
  await form.getByRole('button', { name: l.grant }).click();
  await expect(form.getByRole('status')).toHaveText(fill(l.granted, { role: en.laptopRoles.rapporteur, fingerprint: fingerprint.toLowerCase() }));
  await expect(page.getByText(l.rolesOn)).toBeVisible();
  const row = page.getByRole('row', { name: /Rapporteur B/ });
  await expect(row).toContainText(en.laptopRoles.rapporteur);
  await expect(row).toContainText(fingerprint);

  // Before the grant reaches it, the rapporteur's laptop writes a note and marks a paragraph agreed.
  const agenda = await call(rapporteur, 'agenda:get', { forumId });
  const session = agenda.sessions[0]?.id ?? '';
  await call(rapporteur, 'notes:create', { sessionId: session, lang: 'en', text: 'Water tariffs came up twice this morning.' });
  const document = await call(rapporteur, 'outcome:get', { documentId: forumId });
  const paragraph = document.paragraphs.find((p) => p.kind !== 'heading' && p.status !== 'agreed');
  if (!paragraph) throw new Error('the demo document has a paragraph not yet agreed');
  await call(rapporteur, 'paragraphs:update', { id: paragraph.id, status: 'agreed' });

  // The rapporteur's bundle, brought on a USB stick: the preview says what will be kept aside.
  const file = await saveBundle(rapporteur, forumId, dir);
  await page.getByRole('navigation', { name: en.forumNav.label }).getByRole('link', { name: en.forumNav.overview }).click();
  const exchange = page.getByRole('region', { name: en.sync.title });
  await exchange.getByLabel(en.sync.chooseFiles).setInputFiles(file);
  await expect(exchange.getByRole('alert').filter({ hasText: fill(en.sync.quarantinedWarning, { changes: '1', roles: en.laptopRoles.chair }) })).toBeVisible();
  await lookAt(page, 'roles', 'import-preview-quarantined', page.locator('.session-preview'));
  await exchange.getByRole('button', { name: en.sync.importButton }).click();
  await expect(exchange.getByRole('status').filter({ hasText: 'Done. Imported: 1 · Not imported: 0.' })).toBeVisible();
  await page.getByRole('navigation', { name: en.forumNav.label }).getByRole('link', { name: en.forumNav.laptops }).click();

  const notes = await call(server, 'notes:list', { sessionId: session });
  expect(notes.map((n) => n.text)).toContain('Water tariffs came up twice this morning.');
  const here = await call(server, 'outcome:get', { documentId: forumId });
  expect(here.paragraphs.find((p) => p.id === paragraph.id)?.status).toBe(paragraph.status);

  await page.reload();
  const held = page.getByRole('region', { name: en.sync.heldTitle });
  await expect(held).toContainText(fill(en.sync.heldRoleFrom, { name: 'Rapporteur B', forum: 'Forum on Urban-Rural Linkages', changes: '1', roles: en.laptopRoles.chair }));
  await lookAt(page, 'roles', 'laptops-held-en');

  // The chair decides to let it stand: the change is made again as this laptop's own.
  await held.getByRole('button', { name: fill(en.sync.heldRoleApplyLabel, { name: 'Rapporteur B' }) }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(en.sync.heldApplied, { changes: '1' }) })).toBeVisible();
  const after = await call(server, 'outcome:get', { documentId: forumId });
  expect(after.paragraphs.find((p) => p.id === paragraph.id)?.status).toBe('agreed');

  // In Arabic the screen reads right to left, and says the same.
  await page.getByRole('combobox', { name: en.app.interfaceLanguage }).selectOption('ar');
  await expect(page.getByRole('heading', { level: 1, name: ar.laptops.title })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('row', { name: /Rapporteur B/ })).toContainText(ar.laptopRoles.rapporteur);
  await lookAt(page, 'roles', 'laptops-ar');
});

test('a laptop that is not the owner sees why it cannot grant roles', async ({ page, server }) => {
  const owner = await startLaptop(dir, 'Secretariat');
  laptops.push(owner);
  const forum = await call(owner, 'demo:create', {});
  await sendForum(owner, server, forum.id);
  await page.goto(server.url);
  await page.goto(`${server.url.split('#')[0]}#/forum/${forum.id}/laptops`);
  await expect(page.getByRole('heading', { level: 1, name: l.title })).toBeVisible();
  const form = page.getByRole('region', { name: l.grantTitle });
  await expect(form.getByRole('button', { name: l.grant })).toHaveCount(0);
  await expect(form).toContainText(fill(en.laptopRoles.needs, { roles: `${en.laptopRoles.owner}${en.laptopRoles.or}${en.laptopRoles.secretariat}` }));
  await expect(page.getByRole('row', { name: /Secretariat/ })).toContainText(en.laptopRoles.owner);
});
