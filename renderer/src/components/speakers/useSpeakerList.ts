import { useCallback, useEffect, useState } from 'react';
import type { CommandInput } from '../../../../shared/ipc';
import type { AppError, Result } from '../../../../shared/result';
import type { SpeakerList, SpeakerListSubject } from '../../../../shared/speakers';
import { api } from '../../api/plenaryApi';

/** Another laptop's changes to the list (through venue sync) show within this many milliseconds. */
const refreshEvery = 2000;

type ListCommand = 'speakers:add' | 'speakers:move' | 'speakers:next' | 'speakers:act' | 'speakers:settings';
type Without<K extends ListCommand> = Omit<CommandInput<K>, 'forumId' | 'subject'>;

/** A speakers' list kept fresh, and the commands that change it (each answers with the new list). */
export function useSpeakerList(forumId: string, subject: SpeakerListSubject) {
  const [list, setList] = useState<SpeakerList>();
  const [error, setError] = useState<AppError>();
  const key = `${subject.kind}:${subject.id}`;
  useEffect(() => {
    let current = true;
    const load = () =>
      void api['speakers:list']({ forumId, subject: { kind: subject.kind, id: subject.id } }).then((result) => {
        if (!current) return;
        if (result.ok) setList(result.value);
        else setError(result.error);
      });
    load();
    const timer = window.setInterval(load, refreshEvery);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
    // The subject is named by its key, so a new object for the same list does not reload it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [forumId, key]);

  const run = useCallback(
    async <K extends ListCommand>(name: K, input: Without<K>): Promise<boolean> => {
      const call = api[name] as (input: unknown) => Promise<Result<SpeakerList>>;
      const result = await call({ ...input, forumId, subject: { kind: subject.kind, id: subject.id } });
      if (result.ok) {
        setList(result.value);
        setError(undefined);
        return true;
      }
      setError(result.error);
      return false;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [forumId, key],
  );
  return { list, error, run, clearError: () => setError(undefined) };
}
