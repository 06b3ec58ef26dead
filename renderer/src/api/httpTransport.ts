import { commandNames } from '../../../shared/commandNames';
import type { CommandName, PlenaryApi } from '../../../shared/ipc';
import { fail, type Result } from '../../../shared/result';

const tokenKey = 'plenary.token';

/**
 * Browser mode: the server printed a URL carrying a per-run token in the fragment (never sent
 * over the network by the browser). Keep it for this tab and take it out of the address bar.
 */
export function takeToken(location: Location, storage: Storage): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(tokenKey, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return storage.getItem(tokenKey);
}

export function createHttpApi(token: string | null, fetchImpl: typeof fetch = fetch): PlenaryApi {
  const call = async (name: CommandName, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetchImpl(`./api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return fail('internal', `Could not reach Plenary's server: ${(error as Error).message}`);
    }
  };
  return Object.fromEntries(commandNames.map((name) => [name, (input: unknown) => call(name, input)])) as PlenaryApi;
}
