import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import type { DraftParagraph } from '../../../../shared/outcome';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useForumTimeZone } from '../../hooks/useForumTimeZone';
import { formatNumber } from '../../i18n/intlFormat';
import { languageName } from '../../i18n/languageName';
import { ErrorMessage } from '../ErrorMessage';
import { formatMoment } from './formatMoment';
import { WordDiffView } from './WordDiffView';

export interface HistoryPanelProps {
  forumId: string;
  paragraph: DraftParagraph;
  /** Working languages, source first. */
  languages: readonly string[];
  sourceLanguage: string;
}

/** How many characters of each revision the list shows: enough to recognise it. */
const excerptLength = 90;

/**
 * Every saved version of the paragraph in one language, newest first, with who wrote it (the
 * laptop) and when; any two compared word by word, by default the newest against the one before.
 */
export function HistoryPanel({ forumId, paragraph, languages, sourceLanguage }: HistoryPanelProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const ui = i18n.language;
  const timeZone = useForumTimeZone(forumId);
  const [chosenLang, setLang] = useState(sourceLanguage);
  const lang = languages.includes(chosenLang) ? chosenLang : sourceLanguage;
  const history = useApiQuery('paragraphs:history', { id: paragraph.id, lang });
  const { reload } = history;
  const [pair, setPair] = useState<{ from?: string; to?: string }>({});

  // A new revision (an edit, an accepted amendment) joins the list as it is saved.
  const textKey = `${paragraph.text[lang] ?? ''}\u0000${(paragraph.alternatives[lang] ?? []).join('\u0000')}`;
  const seen = useRef(textKey);
  useEffect(() => {
    if (seen.current === textKey) return;
    seen.current = textKey;
    reload();
  }, [textKey, reload]);

  const revisions = history.data ?? [];
  const ids = new Set(revisions.map((r) => r.id));
  const to = pair.to && ids.has(pair.to) ? pair.to : revisions[0]?.id;
  const from = pair.from && ids.has(pair.from) ? pair.from : (revisions[1]?.id ?? revisions[0]?.id);
  const numberOf = (index: number) => revisions.length - index;
  const fromIndex = revisions.findIndex((r) => r.id === from);
  const toIndex = revisions.findIndex((r) => r.id === to);
  const fromRevision = revisions[fromIndex];
  const toRevision = revisions[toIndex];

  return (
    <section className="history-panel" aria-labelledby={`${id}-title`}>
      <div className="panel-heading">
        <h3 id={`${id}-title`}>{t('amendments.history.title')}</h3>
        {languages.length > 1 && (
          <label className="inline-field">
            <span>{t('amendments.history.language')}</span>
            <select
              value={lang}
              onChange={(event) => {
                setLang(event.target.value);
                setPair({});
              }}
            >
              {languages.map((code) => (
                <option key={code} value={code}>
                  {languageName(code, ui)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {history.error && <ErrorMessage error={history.error} />}
      {!history.data && !history.error && <p aria-busy="true">{t('common.loading')}</p>}
      {history.data && revisions.length === 0 && <p className="hint">{t('amendments.history.none', { language: languageName(lang, ui) })}</p>}
      {revisions.length > 0 && (
        <div className="history-scroll">
          <table className="history-table">
            <caption>{t('amendments.history.caption', { language: languageName(lang, ui), number: formatNumber(revisions.length, ui) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('amendments.history.revision')}</th>
                <th scope="col">{t('amendments.history.from')}</th>
                <th scope="col">{t('amendments.history.to')}</th>
                <th scope="col">{t('amendments.history.saved')}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((revision, index) => {
                const number = formatNumber(numberOf(index), ui);
                const excerpt = revision.text.length > excerptLength ? `${revision.text.slice(0, excerptLength)}…` : revision.text;
                return (
                  <tr key={revision.id} className={revision.live ? 'is-live' : undefined}>
                    <th scope="row">
                      {number}
                      {revision.live && (
                        <span className="live-badge">
                          <span aria-hidden="true">● </span>
                          {t('amendments.history.live')}
                        </span>
                      )}
                    </th>
                    <td>
                      <input
                        type="radio"
                        name={`${id}-from`}
                        checked={revision.id === from}
                        onChange={() => setPair({ from: revision.id, to })}
                        aria-label={t('amendments.history.fromRevision', { number })}
                      />
                    </td>
                    <td>
                      <input
                        type="radio"
                        name={`${id}-to`}
                        checked={revision.id === to}
                        onChange={() => setPair({ from, to: revision.id })}
                        aria-label={t('amendments.history.toRevision', { number })}
                      />
                    </td>
                    <td>
                      <span className="history-who">
                        <bdi>{revision.author}</bdi> <span className="history-time">{formatMoment(revision.at, ui, timeZone)}</span>
                      </span>
                      {excerpt ? (
                        <span className="history-excerpt" lang={lang} dir={directionOf(lang)}>
                          {excerpt}
                        </span>
                      ) : (
                        <span className="history-excerpt">{t('amendments.history.empty')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {fromRevision && toRevision && (
        <section className="history-compare" aria-labelledby={`${id}-compare`}>
          <h4 id={`${id}-compare`}>
            {fromIndex === toIndex
              ? t('amendments.history.single', { number: formatNumber(numberOf(toIndex), ui) })
              : t('amendments.history.compare', { from: formatNumber(numberOf(fromIndex), ui), to: formatNumber(numberOf(toIndex), ui) })}
          </h4>
          <WordDiffView before={fromRevision.text} after={toRevision.text} lang={lang} label={t('amendments.history.diff')} />
        </section>
      )}
    </section>
  );
}
