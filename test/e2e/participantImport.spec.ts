import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import enImport from '../../resources/locales/en/participantImport.json' with { type: 'json' };
import enParticipants from '../../resources/locales/en/participants.json' with { type: 'json' };
import enStats from '../../resources/locales/en/stats.json' with { type: 'json' };
import { maxParticipantFileBytes } from '../../shared/participantImport';
import { expect, test } from './serverFixture';
import { figure } from './figures';

const pi = enImport.participantImport;
const field = enParticipants.participants.field;

/**
 * A registration export as it arrives from a co-organiser: headers in Spanish and French, the
 * name under "Persona" (no header word the guess knows), and a "phone or email" column left of
 * the real email column, so the guess reads phone numbers as emails. Grace is already listed in
 * the demo forum (same email); Lucía's country and one of her roles are not recognised.
 */
const registrations = [
  'Persona;Organización;Tipo de organización;Pays;Genre;Teléfono o correo;Correo institucional;Rol',
  'Amina Diallo;Ville de Dakar;Gobierno local;Sénégal;Femme;+221 77 123 45 67;amina.diallo@dakar.example;Ponente',
  'Jorge Quispe Mamani;Municipalidad de Cusco;gobierno local;Perú;Hombre;jorge.quispe@cusco.example;jorge.quispe@cusco.example;Participante',
  'Nadia Haddad;ONU-Hábitat;Naciones Unidas;Égypte;F;nadia.haddad@unhabitat.example;nadia.haddad@unhabitat.example;Relatora',
  'Grace Wanjiru Mwangi;UN-Habitat;UN;Kenya;Mujer;+254 700 000 000;grace.mwangi@example.org;Chair',
  'Lucía Fernández;Universidad de la República;Universidad;Atlantis;Mujer;lucia@udelar.example;lucia.fernandez@udelar.example;Ponente, invitada',
].join('\r\n');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-e2e-import-'));
}

/** Opens the demo forum's import screen; the forum's id comes from the address it lands on. */
async function openImport(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('button', { name: en.home.tryDemo }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forum on Urban-Rural Linkages' })).toBeVisible();
  const forumId = /#\/forum\/([^/]+)/.exec(page.url())?.[1];
  if (!forumId) throw new Error(`no forum id in ${page.url()}`);
  await page.evaluate((id) => (window.location.hash = `#/forum/${id}/participants/import`), forumId);
  await expect(page.getByRole('heading', { level: 1, name: pi.title })).toBeVisible();
  return forumId;
}

/** Picks the option a person would read; header and sample sit in bidi isolates (FSI…PDI). */
async function chooseColumn(select: Locator, label: RegExp): Promise<void> {
  const option = select.locator('option').filter({ hasText: label });
  await expect(option).toHaveCount(1);
  await select.selectOption((await option.getAttribute('value')) ?? '');
}

const count = figure;

test('a list with errors is previewed, its mapping fixed by hand, imported, and counted', async ({ page, server }) => {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'inscripciones.csv');
    fs.writeFileSync(file, registrations, 'utf8');
    await openImport(page, server.url);

    await page.getByLabel(pi.chooseFile).setInputFiles(file);
    await expect(page.getByRole('status')).toHaveText(/Preview ready/);
    await expect(page.getByText(pi.delimiter.semicolon)).toBeVisible();

    // The guess: no column for the names, the phone-or-email column for the emails.
    const nameSelect = page.getByRole('combobox', { name: field.name, exact: true });
    const emailSelect = page.getByRole('combobox', { name: field.email, exact: true });
    await expect(nameSelect).toHaveValue('');
    await expect(emailSelect).toHaveValue('5');
    await expect(page.getByRole('combobox', { name: field.country, exact: true })).toHaveValue('3');
    await expect(count(page, pi.counts.rows)).toHaveText('5');
    await expect(count(page, pi.counts.withErrors)).toHaveText('5');

    const issues = page.getByRole('table', { name: pi.issueList.heading });
    const issueRow = (line: string, problem: string) =>
      issues.getByRole('row').filter({ has: page.getByRole('cell', { name: line, exact: true }) }).filter({ hasText: problem });
    for (const line of ['2', '3', '4', '5', '6']) {
      await expect(issueRow(line, pi.issues.nameMissing)).toContainText(pi.severity.error);
    }
    await expect(issueRow('2', pi.issues.emailInvalid)).toContainText('+221 77 123 45 67');
    await expect(issueRow('5', pi.issues.emailInvalid)).toContainText(field.email);
    const importButton = page.getByRole('button', { name: pi.action.import, exact: true });
    await expect(importButton).toBeDisabled();
    await expect(importButton).toHaveAccessibleDescription(/Rows with errors: 5/);

    // Fix the mapping: the names are in "Persona"…
    await chooseColumn(nameSelect, /^Column A \(1\): \u2068Persona\u2069 — e\.g\. \u2068Amina Diallo\u2069$/);
    await expect(count(page, pi.counts.withErrors)).toHaveText('2');
    await expect(issues.getByText(pi.issues.nameMissing)).toHaveCount(0);
    await expect(issueRow('2', pi.issues.emailInvalid)).toBeVisible();
    await expect(importButton).toBeDisabled();

    // …and the emails in the institutional column.
    await chooseColumn(emailSelect, /^Column G \(7\): \u2068Correo institucional\u2069 — e\.g\. \u2068amina\.diallo@dakar\.example\u2069$/);
    await expect(count(page, pi.counts.withErrors)).toHaveText('0');
    await expect(issues.getByRole('row').filter({ hasText: pi.severity.error })).toHaveCount(0);
    // Only warnings remain, said in words as well as colour; they do not block the import.
    await expect(issueRow('6', pi.issues.countryUnknown)).toContainText(pi.severity.warning);
    await expect(issueRow('6', pi.issues.countryUnknown)).toContainText('Atlantis');
    await expect(issueRow('6', pi.issues.roleUnknown)).toContainText('invitada');
    await expect(count(page, pi.counts.withWarnings)).toHaveText('1');

    // Grace is already listed: a duplicate, skipped unless merged.
    await expect(count(page, pi.counts.duplicates)).toHaveText('1');
    const duplicates = page.getByRole('list', { name: pi.duplicates.heading });
    await expect(duplicates.getByRole('listitem')).toContainText('Line 5');
    await expect(duplicates.getByRole('link', { name: 'Grace Wanjiru Mwangi (UN-Habitat)' })).toBeVisible();
    await expect(page.getByRole('radio', { name: pi.duplicates.skip })).toBeChecked();
    await page.getByRole('radio', { name: pi.duplicates.merge }).check();
    await expect(count(page, pi.counts.toMerge)).toHaveText('1');
    await page.getByRole('radio', { name: pi.duplicates.skip }).check();
    await expect(count(page, pi.counts.toSkip)).toHaveText('1');
    await expect(count(page, pi.counts.toCreate)).toHaveText('4');

    const rows = page.getByRole('table', { name: pi.rows.heading });
    await expect(rows.getByRole('row', { name: /Nadia Haddad/ })).toContainText('Egypt');
    await expect(rows.getByRole('row', { name: /Nadia Haddad/ })).toContainText(enParticipants.participants.orgType.un_international);

    await expect(importButton).toBeEnabled();
    await importButton.click();
    await expect(page.getByRole('heading', { name: pi.done.heading })).toBeVisible();
    await expect(count(page, pi.done.created)).toHaveText('4');
    await expect(count(page, pi.done.merged)).toHaveText('0');
    await expect(count(page, pi.done.skipped)).toHaveText('1');

    // The statistics count them: 200 + 4 people; Senegal, Peru and Egypt are new countries;
    // four new organisations, one of them international.
    await page.getByRole('link', { name: pi.done.toStats }).click();
    await expect(page.getByRole('heading', { level: 1, name: enStats.stats.title })).toBeVisible();
    const figures = enStats.stats.figures;
    await expect(count(page, figures.participants)).toHaveText('204');
    await expect(count(page, figures.countries)).toHaveText('20');
    await expect(count(page, figures.organisations)).toHaveText('66');
    await expect(count(page, figures.internationalOrganisations)).toHaveText('19');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a file over the size limit is refused with its size, before anything is read or sent', async ({ page, server }) => {
  const dir = tempDir();
  try {
    // Sparse: the file claims 25 MB without taking the disk space.
    const file = path.join(dir, 'everyone.csv');
    fs.writeFileSync(file, 'Name;Email\r\n');
    fs.truncateSync(file, 25 * 1024 * 1024);
    expect(maxParticipantFileBytes).toBe(20 * 1024 * 1024);
    await openImport(page, server.url);

    const calls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/participants%3Aimport')) calls.push(request.url());
    });
    await page.getByLabel(pi.chooseFile).setInputFiles(file);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(pi.tooLarge.replace('{{size}}', '25 MB').replace('{{limit}}', '20 MB'));
    await expect(alert).toContainText('everyone.csv');
    await expect(page.getByRole('table')).toHaveCount(0);
    expect(calls).toEqual([]);

    // A file within the limit, dropped on the zone this time, is read as usual afterwards.
    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Name,Email\nAna Souza,ana@example.org\n'], 'few.csv', { type: 'text/csv' }));
      return transfer;
    });
    await page.getByText(pi.fileHint).dispatchEvent('drop', { dataTransfer: dropped });
    await expect(page.getByRole('status')).toHaveText(/Preview ready/);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(count(page, pi.counts.toCreate)).toHaveText('1');
    await expect(page.getByText('few.csv').first()).toBeVisible();
    // The listener above does see the core being asked, once a file is accepted.
    expect(calls.length).toBeGreaterThan(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a row with the same name and organisation but another email is flagged, and the user says it is the same person', async ({ page, server }) => {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'namesakes.csv');
    fs.writeFileSync(file, 'Name,Organisation,Email\r\nMaría López,Universidad de Chile,maria@uchile.example\r\nMaria Lopez,Universidad de Chile,mlopez@mail.example\r\n', 'utf8');
    await openImport(page, server.url);
    await page.getByLabel(pi.chooseFile).setInputFiles(file);
    await expect(page.getByRole('status')).toHaveText(/Preview ready/);
    // Flagged, not skipped: both would be added until the user decides.
    await expect(page.getByText(pi.duplicates.reason.sameNameOtherEmail)).toBeVisible();
    await expect(page.getByText(pi.status.review)).toBeVisible();
    await expect(count(page, pi.counts.toCreate)).toHaveText('2');
    const same = page.getByRole('checkbox', { name: pi.duplicates.samePerson });
    await expect(same).not.toBeChecked();
    await same.check();
    await expect(count(page, pi.counts.toSkip)).toHaveText('1');
    await expect(count(page, pi.counts.toCreate)).toHaveText('1');
    await expect(same).toBeChecked();
    await page.getByRole('button', { name: pi.action.import, exact: true }).click();
    await expect(page.getByRole('heading', { name: pi.done.heading })).toBeVisible();
    await expect(count(page, pi.done.created)).toHaveText('1');
    await expect(count(page, pi.done.skipped)).toHaveText('1');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
