import { useApiQuery } from './useApiQuery';

/** The forum's time zone, by which every moment in it is shown; undefined until read. */
export function useForumTimeZone(forumId: string): string | undefined {
  return useApiQuery('forums:get', { id: forumId }).data?.timeZone;
}
