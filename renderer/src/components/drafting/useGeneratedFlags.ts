import { useCallback, useEffect, useMemo } from 'react';
import type { GeneratedFlag } from '../../../../shared/keyMessagesDocument';
import type { DraftParagraph } from '../../../../shared/outcome';
import { useApiQuery } from '../../hooks/useApiQuery';

/**
 * The document's generated paragraphs that need a look, read again whenever its paragraphs
 * change here (an edit can raise or clear a flag). Empty for documents nothing was generated in.
 */
export function useGeneratedFlags(documentId: string, paragraphs: readonly DraftParagraph[]) {
  const query = useApiQuery('documents:generatedFlags', { documentId });
  const { reload } = query;
  useEffect(() => reload(), [paragraphs, reload]);
  const flags = useMemo(() => query.data ?? [], [query.data]);
  const byParagraph = useMemo(() => new Map(flags.map((flag) => [flag.paragraphId, flag])), [flags]);
  const flagOf = useCallback((id: string): GeneratedFlag | undefined => byParagraph.get(id), [byParagraph]);
  return { flags, flagOf, reload };
}
