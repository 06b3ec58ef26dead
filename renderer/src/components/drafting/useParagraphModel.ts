import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftParagraph } from '../../../../shared/outcome';
import { maxParagraphLevel, type ParagraphRole } from '../../../../shared/paragraphPlace';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import type { ParagraphPatch } from './useDraftState';

const roleCycle: ReadonlyArray<ParagraphRole | null> = [null, 'preambular', 'operative'];

/**
 * The negotiation's paragraph model on the drafting screen: role, level and alternatives. A change
 * to any of them (or to a status, which may withdraw alternatives) renumbers more than the paragraph
 * itself, so the document is read again after it.
 */
export function useParagraphModel(options: {
  update(id: string, patch: ParagraphPatch): Promise<AppError | undefined>;
  reload(): void;
  selected: DraftParagraph | undefined;
  allowed: boolean;
  onError(error: AppError): void;
}) {
  const { update, reload, selected, allowed, onError } = options;
  const [alternativeOpen, setAlternativeOpen] = useState(false);
  // The form belongs to the paragraph it was opened on.
  const selectedId = selected?.id;
  useEffect(() => setAlternativeOpen(false), [selectedId]);

  const change = useCallback(
    async (id: string, patch: ParagraphPatch) => {
      const failure = await update(id, patch);
      if (!failure && (patch.status !== undefined || patch.role !== undefined || patch.level !== undefined)) reload();
      return failure;
    },
    [update, reload],
  );

  const indent = (delta: 1 | -1) => {
    if (!allowed || !selected || selected.kind === 'heading') return;
    const level = Math.max(0, Math.min(maxParagraphLevel, selected.level + delta));
    if (level !== selected.level) void change(selected.id, { level }).then((failure) => failure && onError(failure));
  };
  // R pressed twice quickly goes two steps: the second press starts from the first's role, not the answer yet to come.
  const asked = useRef<{ id: string; role: ParagraphRole | null }>(undefined);
  const cycleRole = () => {
    if (!allowed || !selected || selected.kind === 'heading') return;
    const from = asked.current?.id === selected.id ? asked.current.role : selected.role;
    const next = roleCycle[(roleCycle.indexOf(from) + 1) % roleCycle.length] ?? null;
    asked.current = { id: selected.id, role: next };
    void change(selected.id, { role: next }).then((failure) => failure && onError(failure));
  };
  const openAlternative = () => {
    if (allowed && selected && selected.kind !== 'heading') setAlternativeOpen(true);
  };
  const addAlternative = async (id: string, text: Record<string, string>, proposers: string[], alternativeId: string): Promise<AppError | undefined> => {
    const result = await api['paragraphs:addAlternative']({ id, text, proposers, alternativeId });
    if (!result.ok) return result.error;
    setAlternativeOpen(false);
    reload();
    return undefined;
  };
  return { change, indent, cycleRole, openAlternative, addAlternative, alternativeOpen, setAlternativeOpen };
}
