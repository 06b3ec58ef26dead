import { useEffect, useRef } from 'react';
import type { DraftParagraph, OutcomeDocument } from '../../../../shared/outcome';
import { api } from '../../api/plenaryApi';
import { localStore } from '../../hooks/localStore';
import { useProseSaver } from '../../hooks/useProseSaver';
import { amendmentCopyPrefix, amendmentTarget } from '../amendments/amendmentTarget';
import { ProseSaver } from '../proseSaver';
import { withParagraph } from './draftOrder';
import { paragraphCopyPrefix, paragraphTextTarget } from './paragraphTextTarget';

interface Options {
  loaded: OutcomeDocument;
  /** The screen's line of changes: saves take their turn in it. */
  lane: <T>(task: () => Promise<T>) => Promise<T>;
  onParagraphSaved(update: (list: readonly DraftParagraph[]) => DraftParagraph[]): void;
  /** Read the document again (an amendment proposed changes its counts). */
  reload(): void;
  /** How many texts an earlier page left unsaved and are being saved now. */
  onRecovered(count: number): void;
}

/**
 * The drafting screen's prose savers: paragraph texts, and amendments (proposed, then edited while
 * open). Both live as long as the screen, so a save still on its way when a panel closes goes on;
 * what an earlier page could not save is sent when the document opens.
 */
export function useDraftSavers({ loaded, lane, onParagraphSaved, reload, onRecovered }: Options) {
  const paragraphSaver = useProseSaver(
    () => new ProseSaver(paragraphTextTarget((input) => api['paragraphs:update'](input)), localStore(), { copyPrefix: paragraphCopyPrefix(loaded.forumId), lane }),
  );
  const amendmentSaver = useProseSaver(
    () =>
      new ProseSaver(
        amendmentTarget({ propose: (input) => api['amendments:propose'](input), update: (input) => api['amendments:update'](input) }),
        localStore(),
        { copyPrefix: amendmentCopyPrefix(loaded.forumId), lane },
      ),
  );
  useEffect(() => paragraphSaver.onSaved((_id, paragraph) => onParagraphSaved((list) => withParagraph(list, paragraph))), [paragraphSaver, onParagraphSaved]);
  const latestReload = useRef(reload);
  useEffect(() => {
    latestReload.current = reload;
  });
  useEffect(() => amendmentSaver.onSaved(() => latestReload.current()), [amendmentSaver]);

  const recovered = useRef('');
  const report = useRef(onRecovered);
  useEffect(() => {
    report.current = onRecovered;
  });
  useEffect(() => {
    if (recovered.current === loaded.id) return;
    recovered.current = loaded.id;
    const live = new Set(loaded.paragraphs.map((p) => p.id));
    const texts = paragraphSaver.storedCopies((copy) => copy.fields.documentId === loaded.id && live.has(copy.fields.paragraphId));
    // An amendment still being written waits in its copy for its form to open again; one proposed, or edited, goes now.
    const amendments = amendmentSaver.storedCopies((copy) => live.has(copy.fields.paragraphId) && (copy.created || copy.fields.submitted));
    texts.forEach((copy) => paragraphSaver.adopt(copy));
    amendments.forEach((copy) => amendmentSaver.adopt(copy));
    if (texts.length + amendments.length > 0) report.current(texts.length + amendments.length);
  }, [loaded, paragraphSaver, amendmentSaver]);

  return { paragraphSaver, amendmentSaver };
}
