import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import amendmentsEn from '../../resources/locales/en/amendments.json' with { type: 'json' };
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import decisionsEn from '../../resources/locales/en/decisions.json' with { type: 'json' };
import draftingEn from '../../resources/locales/en/drafting.json' with { type: 'json' };
import exportsEn from '../../resources/locales/en/exports.json' with { type: 'json' };
import issuancesEn from '../../resources/locales/en/issuances.json' with { type: 'json' };
import { call } from './laptops';
import { lookAt } from './lookAt';
import { issuancesList, issue, vote } from './negotiationSteps';
import { openDemo } from './openDemo';
import { expect, test } from './serverFixture';

// The whole negotiation of issue 15, as a facilitator and the secretariat run it in one sitting:
// each step's own spec covers its refusals; this one proves the steps fit together.

const dr = draftingEn.drafting;
const am = amendmentsEn.amendments;
const d = decisionsEn.decisions;
const x = exportsEn.exports;
const iss = issuancesEn.issuances;
const l1 = 'UN-Habitat/EGM/2026/L.1';
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => values[key] ?? '');
const point = (page: Page, number: string) => page.getByRole('article', { name: `Paragraph ${number}`, exact: true });
const panel = (page: Page) => page.getByRole('complementary');
const counts = (page: Page) => page.getByRole('region', { name: dr.statusCounts.label });
const history = issuancesList;
const bis = 'We will fund rural transport through national budgets, as Kenya proposes.';
const ter = 'We will fund rural transport through regional development banks.';

/** B on point 5: an alternative with its text and proposer. */
async function propose(page: Page, text: string, proposer: string, label: string) {
  await point(page, '5').focus();
  await page.keyboard.press('b');
  const form = panel(page).locator('form.alternative-form');
  await expect(form.getByRole('textbox', { name: 'Text of the alternative (English)' })).toBeFocused();
  await page.keyboard.type(text);
  await form.getByRole('combobox', { name: dr.alternative.proposers }).fill(proposer);
  await form.getByRole('button', { name: dr.alternative.submit }).click();
  await expect(point(page, label)).toContainText(`${label}. [${text}]`);
  await expect(point(page, label)).toContainText(`Proposed by ${proposer}`);
}

async function setStatus(page: Page, label: string, status: string) {
  await point(page, label).click();
  await panel(page).getByRole('tab', { name: new RegExp(`^${dr.tabs.text}`) }).click();
  await panel(page).getByRole('combobox', { name: dr.editor.status }).selectOption(status);
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await click();
  const file = await downloading;
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

const part = (bytes: Buffer, name: string) => strFromU8(unzipSync(new Uint8Array(bytes))[name] ?? new Uint8Array());

test('a negotiation end to end: PP/OP issued as L.1, 5 bis and 5 ter proposed and supported, the compilation text, 5 bis agreed ad ref then agreed, Rev.1 in Word with tracked changes against L.1, adopted by a recorded vote with an explanation of vote as a footnote; in English and Arabic', async ({ page, server }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  const forumId = await openDemo(page, server.url);
  // The Consensus as a resolution: its first two points preambular, the others operative, numbered together.
  const doc = await call(server, 'outcome:get', { documentId: forumId });
  for (const p of doc.paragraphs.filter((q) => q.kind === 'numbered')) {
    await call(server, 'paragraphs:update', { id: p.id, role: (p.number ?? 0) <= 2 ? 'preambular' : 'operative' });
  }
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await expect(point(page, '5')).toBeVisible();
  await expect(panel(page).getByRole('combobox', { name: dr.model.role })).toHaveCount(0);
  await point(page, '5').click();
  await expect(panel(page).getByRole('combobox', { name: dr.model.role })).toHaveValue('operative');

  // The secretariat issues the document as L.1.
  await issue(page, l1, l1);

  // Two delegations propose alternatives to operative paragraph 5 (open until now: the three count
  // as one bracketed text); a third supports 5 bis.
  await propose(page, bis, 'Kenya', '5 bis');
  await propose(page, ter, 'Chile', '5 ter');
  await point(page, '5 bis').click();
  await panel(page).getByRole('tab', { name: new RegExp(`^${dr.tabs.stances}`) }).click();
  const stances = page.getByRole('region', { name: am.stances.title, exact: true });
  await stances.getByRole('textbox', { name: am.delegation.name }).fill('Peru');
  await stances.getByRole('radio', { name: am.stance.support }).check();
  await stances.getByRole('button', { name: am.stances.record }).click();
  await expect(stances.getByRole('list', { name: am.stances.list }).getByRole('listitem')).toHaveText(/Peru.*Support/);
  await expect(counts(page).getByRole('listitem')).toHaveText(['3 agreed', '0 agreed ad ref', '2 bracketed', '1 open']);
  await lookAt(page, 'negotiation', 'alternatives', page.locator('.agreement-counts'));

  // The compilation text shows all of it: the alternatives, who proposed and who supported.
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: x.titles.outcome });
  await dialog.getByRole('radio', { name: x.what.compilation }).check();
  await dialog.getByRole('radio', { name: 'English' }).check();
  const compilation = await download(page, () => dialog.getByRole('button', { name: x.submit, exact: true }).click());
  expect(compilation.name).toMatch(/-compilation-en\.docx$/);
  const table = part(compilation.bytes, 'word/document.xml');
  // (An opening phrase is its own italic run, so the texts are looked for after it.)
  for (const text of ['>5 bis<', '>5 ter<', '>Kenya (1)<', '>Chile (1)<', '>Supported by<', '>Peru<', 'through national budgets', 'regional development banks']) expect(table, text).toContain(text);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // 5 bis is agreed subject to capitals: 5 ter and the original go, with the brackets and labels.
  await setStatus(page, '5 bis', 'agreed_ad_ref');
  await expect(point(page, '5 bis')).toHaveCount(0);
  await expect(point(page, '5 ter')).toHaveCount(0);
  await expect(point(page, '5')).toContainText(bis);
  await expect(point(page, '5')).not.toContainText('[');
  await expect(counts(page).getByRole('listitem')).toHaveText(['3 agreed', '1 agreed ad ref', '1 bracketed', '1 open']);
  // The capitals confirm.
  await setStatus(page, '5', 'agreed');
  await expect(counts(page).getByRole('listitem')).toHaveText(['4 agreed', '0 agreed ad ref', '1 bracketed', '1 open']);

  // Rev.1, offered by the dialog; its Word export against L.1 carries the change as tracked changes.
  await issue(page, undefined, `${l1}/Rev.1`);
  const tracked = await download(page, () => history(page).getByRole('button', { name: fill(iss.exportChangesOf, { symbol: l1 }), exact: true }).click());
  expect(tracked.name).toMatch(/-en-changes\.docx$/);
  const revised = part(tracked.bytes, 'word/document.xml');
  expect(revised).toMatch(/<w:ins\b[^>]*w:author="Plenary"[\s\S]{0,600}through national budgets/);
  expect(revised).toMatch(/<w:del\b/);
  expect(revised).not.toContain('regional development banks');

  // Adopted by a recorded vote from the keyboard, Mexico explaining its vote in Spanish.
  await point(page, '1').focus();
  await page.keyboard.press('d');
  await expect(panel(page).getByRole('tab', { name: d.tab })).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page).getByRole('radio', { name: d.scope.document })).toBeChecked();
  await panel(page).getByRole('button', { name: d.recordVote }).click();
  await vote(page, 'Kenya', 'y');
  await vote(page, 'China', 'y');
  await vote(page, 'Mexico', 'n');
  await vote(page, 'France', 'a');
  await expect(panel(page).locator('.decision-outcome')).toContainText('Recorded vote: 2 yes, 1 no, 1 abstaining, 0 absent. Adopted.');
  const statements = panel(page).locator('form.statement-form');
  await statements.getByRole('combobox', { name: d.delegation }).fill('Mexico');
  await statements.getByRole('combobox', { name: d.statements.language }).selectOption('es');
  await statements.getByRole('textbox', { name: d.statements.text }).fill('México votó en contra: el párrafo 5 compromete presupuestos nacionales.');
  await statements.getByRole('button', { name: d.statements.add }).click();
  await expect(panel(page).locator('.statement-list li')).toContainText('Explanation of vote · Mexico');
  await panel(page).getByRole('searchbox', { name: d.grid.filter }).fill('');
  await lookAt(page, 'negotiation', 'adopted', panel(page).locator('.decisions-panel'));

  // The adopted document in Word: the explanation is a real footnote, the tally in the decisions annex.
  await page.getByRole('button', { name: x.open.outcome }).click();
  const exportDialog = page.getByRole('dialog', { name: x.titles.outcome });
  await exportDialog.getByRole('radio', { name: x.what.document }).check();
  await exportDialog.getByRole('radio', { name: x.format.docx }).check();
  await exportDialog.getByRole('checkbox', { name: x.annexes.decisions }).check();
  await expect(exportDialog.getByRole('radio', { name: x.explanations.footnotes })).toBeChecked();
  const adopted = await download(page, () => exportDialog.getByRole('button', { name: x.submit, exact: true }).click());
  expect(part(adopted.bytes, 'word/footnotes.xml')).toContain('el párrafo 5 compromete presupuestos nacionales');
  const body = part(adopted.bytes, 'word/document.xml');
  expect(body).toContain('<w:footnoteReference');
  expect(body).toContain(', as Kenya proposes.');
  expect(body).toContain('2 in favour, 1 against, 1 abstaining, 0 absent');
});
