import type { CompanionAgenda, CompanionAnnouncement, CompanionDocument, CompanionForum, CompanionParagraph } from '../../shared/companion';
import type { UiLanguage } from '../../shared/languages';
import { forgetVersions, getJson, type Fetched } from './companionApi';
import { el } from './companionDom';
import { autonyms, initialLanguage, language, setLanguage, t, uiLanguages } from './companionI18n';
import { renderAgenda, renderAnnouncements, renderDocuments, renderForum, renderMine, renderNowNext, renderParagraph } from './companionSections';
import './companion.css';

// The participant companion: reads what the venue laptop publishes and follows the projector.
// Polls while the page is visible: the paragraph every two seconds (a 304 while it stays), the
// rest less often; a hidden tab asks nothing.

const every = { paragraph: 2000, announcements: 15_000, agenda: 60_000, documents: 120_000 } as const;

let agenda: CompanionAgenda | undefined;
let contentLang = 'en';
let linkInvalid = false;

function status(kind: Fetched<unknown>['kind']): void {
  const line = document.getElementById('connection');
  if (!line) return;
  if (kind === 'invalid_link') linkInvalid = true;
  line.textContent = linkInvalid ? t('companion.page.linkInvalid') : kind === 'offline' ? t('companion.page.offline') : '';
  line.hidden = line.textContent === '';
}

async function load<T>(path: string, render: (value: T) => void, params: Record<string, string> = {}): Promise<void> {
  const result = await getJson<T>(path, { lang: language(), ...params });
  status(result.kind);
  if (result.kind === 'data') render(result.value);
}

const loaders = {
  paragraph: () => load<CompanionParagraph>('data/paragraph', renderParagraph),
  announcements: () => load<CompanionAnnouncement[]>('data/announcements', renderAnnouncements),
  agenda: () =>
    load<CompanionAgenda>('data/agenda', (value) => {
      agenda = value;
      renderNowNext(value);
      renderAgenda(value);
    }),
  documents: () => load<CompanionDocument[]>('data/documents', (value) => renderDocuments(value, contentLang)),
};

async function loadAll(): Promise<void> {
  await load<CompanionForum>('data/forum', (forum) => {
    contentLang = forum.lang;
    renderForum(forum);
  });
  await Promise.all(Object.values(loaders).map((run) => run()));
}

function poll(name: keyof typeof loaders): void {
  const run = async () => {
    if (!document.hidden && !linkInvalid) await loaders[name]();
    window.setTimeout(() => void run(), every[name]);
  };
  window.setTimeout(() => void run(), every[name]);
}

function languageMenu(): void {
  const select = document.getElementById('language') as HTMLSelectElement | null;
  if (!select) return;
  select.replaceChildren(...uiLanguages.map((code) => el('option', { attrs: { value: code, lang: code } }, autonyms[code])));
  select.value = language();
  select.addEventListener('change', () => {
    setLanguage(select.value as UiLanguage, true);
    forgetVersions();
    void loadAll();
  });
}

function nameSearch(): void {
  const form = document.getElementById('mine-form') as HTMLFormElement | null;
  const input = document.getElementById('mine-name') as HTMLInputElement | null;
  if (!form || !input) return;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value;
    if (name.trim().length < 2) return renderMine({ sessionIds: [], names: [] }, name, agenda);
    void load<{ sessionIds: string[]; names: string[] }>('data/mine', (found) => renderMine(found, name, agenda), { name: name.trim() });
  });
}

setLanguage(initialLanguage(), false);
languageMenu();
nameSearch();
void loadAll().then(() => {
  for (const name of Object.keys(loaders) as Array<keyof typeof loaders>) poll(name);
});
// Back from a hidden tab: catch up at once rather than at the next tick.
document.addEventListener('visibilitychange', () => {
  if (!document.hidden && !linkInvalid) void loaders.paragraph();
});
