import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeDocument } from '../../../shared/outcome';
import { ErrorMessage } from '../components/ErrorMessage';
import { ProjectedParagraph } from '../components/amendments/ProjectedParagraph';
import { useApiQuery } from '../hooks/useApiQuery';
import { useFadingControls } from '../hooks/useFadingControls';
import { useProjectedParagraph } from '../hooks/useProjectedParagraph';
import { navigate } from '../hooks/useRoute';
import { languageName } from '../i18n/languageName';
import { ProjectorCountdown } from '../components/speakers/ProjectorCountdown';

/** Edits and decisions made while the projector runs reach the wall within seconds. */
const refreshEvery = 5000;

/** Full screen, large type, for the room: the paragraph under discussion and the amendments to it. */
export function DraftProjectorScreen({ forumId, documentId, paragraphId }: { forumId: string; documentId: string; paragraphId?: string }) {
  const { t } = useTranslation();
  const document = useApiQuery('outcome:get', { documentId });
  const { reload } = document;
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => {
      reload();
      setTick((n) => n + 1);
    }, refreshEvery);
    return () => window.clearInterval(timer);
  }, [reload]);
  return (
    <div className="projector draft-projector">
      {document.data ? (
        <DraftProjectorView forumId={forumId} document={document.data} paragraphId={paragraphId} tick={tick} />
      ) : document.error ? (
        <ErrorMessage error={document.error} />
      ) : (
        <p aria-busy="true">{t('common.loading')}</p>
      )}
    </div>
  );
}

interface ViewProps {
  forumId: string;
  document: OutcomeDocument;
  paragraphId: string | undefined;
  tick: number;
}

function DraftProjectorView({ forumId, document, paragraphId, tick }: ViewProps) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<string>();
  const { languages } = document;
  const lang = chosen && languages.includes(chosen) ? chosen : languages.includes(i18n.language) ? i18n.language : document.sourceLanguage;
  // Headings frame the text but are not discussed: the arrows step through the paragraphs, a
  // paragraph and its alternatives (5, 5 bis, 5 ter) being one step, shown side by side.
  const paragraphs = document.paragraphs.filter((p) => p.kind !== 'heading' && p.alternativeOf === null);
  // A heading asked for opens on the first paragraph under it; one that is gone, on the first.
  const asked = paragraphId && document.paragraphs.find((p) => p.id === paragraphId)?.alternativeOf;
  const at = paragraphId ? document.paragraphs.findIndex((p) => p.id === (asked || paragraphId)) : -1;
  const target = at < 0 ? undefined : document.paragraphs.slice(at).find((p) => p.kind !== 'heading');
  const index = target ? paragraphs.indexOf(target) : 0;
  const missing = paragraphId !== undefined && at < 0;
  const paragraph = paragraphs[index];
  useProjectedParagraph(forumId, document.id, paragraph?.id);
  // Arrows follow the page: in a right-to-left page the next paragraph lies to the left.
  const rtl = i18n.dir() === 'rtl';
  const { controlsShown, showControls, toggleFullscreen } = useFadingControls();

  const goTo = useCallback(
    (target: number) => {
      const next = paragraphs[target];
      if (next) navigate({ name: 'draftProjector', id: forumId, documentId: document.id, paragraphId: next.id });
    },
    [paragraphs, forumId, document.id],
  );
  const back = useCallback(
    () => navigate({ name: 'drafting', id: forumId, documentId: document.id, ...(paragraph ? { paragraphId: paragraph.id } : {}) }),
    [forumId, document.id, paragraph],
  );
  const cycleLanguage = useCallback(() => setChosen(languages[(languages.indexOf(lang) + 1) % languages.length]), [languages, lang]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      showControls();
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.target instanceof HTMLSelectElement) return;
      if (event.key === (rtl ? 'ArrowLeft' : 'ArrowRight') || event.key === 'PageDown') goTo(index + 1);
      else if (event.key === (rtl ? 'ArrowRight' : 'ArrowLeft') || event.key === 'PageUp') goTo(index - 1);
      else if (event.key === 'Home') goTo(0);
      else if (event.key === 'End') goTo(paragraphs.length - 1);
      else if (event.code === 'KeyL') cycleLanguage();
      else if (event.code === 'KeyF') toggleFullscreen();
      else if (event.key === 'Escape' && !window.document.fullscreenElement) back();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousemove', showControls);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousemove', showControls);
    };
  }, [showControls, goTo, index, paragraphs.length, cycleLanguage, toggleFullscreen, back, rtl]);

  const heading = paragraph && document.paragraphs.slice(0, document.paragraphs.indexOf(paragraph)).findLast((p) => p.kind === 'heading');
  return (
    <>
      {paragraph ? (
        <ProjectedParagraph
          key={paragraph.id}
          document={document}
          paragraph={paragraph}
          heading={heading}
          alternatives={document.paragraphs.filter((p) => p.alternativeOf === paragraph.id)}
          lang={lang}
          missing={missing}
          tick={tick}
        />
      ) : (
        <p className="projector-status" role="status">
          {t('amendments.projector.empty')}
        </p>
      )}
      <ProjectorCountdown forumId={forumId} />
      {/* A landmark of its own, so everything on the page is inside one. */}
      <section className={`projector-controls${controlsShown ? '' : ' is-faded'}`} aria-label={t('amendments.projector.controls')}>
        <button type="button" onClick={() => goTo(index - 1)} disabled={index <= 0} aria-keyshortcuts={rtl ? 'ArrowRight' : 'ArrowLeft'}>
          {t('amendments.projector.previous')}
        </button>
        <button type="button" onClick={() => goTo(index + 1)} disabled={index >= paragraphs.length - 1} aria-keyshortcuts={rtl ? 'ArrowLeft' : 'ArrowRight'}>
          {t('amendments.projector.next')}
        </button>
        <label className="inline-field">
          <span>{t('amendments.projector.language')}</span>
          <select value={lang} onChange={(event) => setChosen(event.target.value)} aria-keyshortcuts="L">
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageName(code, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={toggleFullscreen} aria-keyshortcuts="F">
          {t('amendments.projector.fullscreen')}
        </button>
        <button type="button" onClick={back} aria-keyshortcuts="Escape">
          {t('amendments.projector.back')}
        </button>
        <span className="projector-keys">{t('amendments.projector.keys')}</span>
      </section>
    </>
  );
}
