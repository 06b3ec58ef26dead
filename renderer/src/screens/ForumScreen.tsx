import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ForumOverview } from '../../../shared/forum';
import { directionOf } from '../../../shared/languages';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateRange, formatNumber } from '../i18n/intlFormat';
import { AgendaSummary } from '../components/AgendaSummary';
import { LocalText } from '../components/LocalText';
import { LanguageSelect } from '../components/LanguageSelect';
import { OutcomeDraft } from '../components/OutcomeDraft';
import { ExchangePanel } from '../components/sync/ExchangePanel';
import { CompanionPanel } from '../components/companion/CompanionPanel';
import { DeleteForumButton } from '../components/forums/DeleteForumButton';
import { RoleGate } from '../components/RoleGate';
import { NextSteps } from '../components/forums/NextSteps';
import { useApiQuery } from '../hooks/useApiQuery';
import { useForumRoles } from '../hooks/useForumRoles';
import { routeHref } from '../hooks/useRoute';

/** A forum's front page: what, when, where, who came, the agenda and the draft outcome. */
export function ForumScreen({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation();
  const overview = useApiQuery('forums:overview', { id: forumId });
  // The forum's details (and deleting it) are the secretariat's.
  const canEdit = useForumRoles(forumId).can('forums', ['title']);
  const [contentLanguage, setContentLanguage] = useState<string>();
  // A bundle just imported may have brought paragraphs: the outcome summary reads again too.
  const [imports, setImports] = useState(0);

  if (overview.error) return <ErrorMessage error={overview.error} />;
  if (!overview.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const { forum, counts, sessions } = overview.data;
  const lang =
    contentLanguage ?? (forum.languages.includes(i18n.language) ? i18n.language : forum.sourceLanguage);
  const text = { lang, sourceLanguage: forum.sourceLanguage };

  return (
    <article className="forum-screen">
      <div className="screen-heading">
        <LocalText as="h1" text={forum.title} {...text} />
        <div className="actions">
          <LanguageSelect label={t('forum.contentLanguage')} languages={forum.languages} value={lang} onChange={setContentLanguage} />
          <RoleGate permission={canEdit}>
            {(gate) => (
              <a className="button" href={routeHref({ name: 'editForum', id: forum.id })} {...gate}>
                {t('forum.edit')}
              </a>
            )}
          </RoleGate>
          <DeleteForumButton forumId={forum.id} title={forum.title[lang] ?? forum.title[forum.sourceLanguage] ?? ''} permission={canEdit} />
        </div>
      </div>
      {Object.keys(forum.theme).length > 0 && <LocalText as="p" className="theme" text={forum.theme} {...text} />}
      <p className="meta">
        {formatDateRange(forum.startDate, forum.endDate, i18n.language)}
        {' · '}
        <LocalText text={forum.venue} {...text} />
        {' · '}
        {t(`outcomeKind.${forum.outcomeKind}`)}
      </p>
      {forum.coOrganisers.length > 0 && (
        <p className="meta">
          {t('forum.coOrganisedBy')}{' '}
          <span lang={forum.sourceLanguage} dir={directionOf(forum.sourceLanguage)}>
            {forum.coOrganisers.join(' · ')}
          </span>
        </p>
      )}
      <NextSteps forumId={forum.id} counts={counts} />
      <Figures counts={counts} />
      <AgendaSummary sessions={sessions} {...text} />
      <OutcomeDraft key={imports} forumId={forum.id} outcomeKind={forum.outcomeKind} {...text} />
      <ExchangePanel
        forumId={forum.id}
        onImported={() => {
          overview.reload();
          setImports((n) => n + 1);
        }}
      />
      <CompanionPanel forum={forum} />
    </article>
  );
}

function Figures({ counts }: { counts: ForumOverview['counts'] }) {
  const { t, i18n } = useTranslation();
  const figures = [
    ['participants', counts.participants],
    ['countries', counts.countries],
    ['organisations', counts.organisations],
    ['internationalOrganisations', counts.internationalOrganisations],
    ['sessions', counts.sessions],
    ['notes', counts.notes],
    ['keyMessages', counts.keyMessages],
    ['paragraphs', counts.paragraphs],
  ] as const;
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('forum.figures')}</h2>
      <dl className="figures">
        {figures.map(([key, value]) => (
          <div key={key} className="figure">
            <dt id={`figure-${key}`}>{t(`figures.${key}`)}</dt>
            <dd>{formatNumber(value, i18n.language)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
