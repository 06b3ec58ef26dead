import { useEffect, useState } from 'react';
import { api } from '../../api/plenaryApi';

/**
 * The delegations to offer as an alternative's proposers: the countries (named in the screen's
 * language) and organisations of the forum's participants, and the proposers already named in the
 * document. Free text is always allowed besides.
 */
export function useDelegations(forumId: string, named: readonly string[], uiLanguage: string): string[] {
  const [fromParticipants, setFromParticipants] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void api['participants:query']({ forumId, text: '', sort: 'name', descending: false, offset: 0, limit: 1000 }).then((result) => {
      if (!live || !result.ok) return;
      let names: Intl.DisplayNames | undefined;
      try {
        names = new Intl.DisplayNames([uiLanguage], { type: 'region' });
      } catch {
        names = undefined;
      }
      const found = new Set<string>();
      for (const person of result.value.rows) {
        if (person.country) found.add(names?.of(person.country) ?? person.country);
        if (person.organisation) found.add(person.organisation);
      }
      setFromParticipants([...found]);
    });
    return () => {
      live = false;
    };
  }, [forumId, uiLanguage]);
  return [...new Set([...named, ...fromParticipants])].sort((a, b) => a.localeCompare(b, uiLanguage));
}
