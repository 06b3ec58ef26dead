import { commandNames } from '../../../shared/commandNames';
import type { CommandName, PlenaryApi } from '../../../shared/ipc';
import { fail, type Result } from '../../../shared/result';
import type { TabKey } from './tabKey';

export function createHttpApi(key: TabKey, fetchImpl: typeof fetch = fetch): PlenaryApi {
  const call = async (name: CommandName, input: unknown): Promise<Result<unknown>> => {
    let response: Response;
    try {
      response = await fetchImpl(`./api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key.current() ?? ''}` },
        body: JSON.stringify(input ?? {}),
      });
    } catch (error) {
      return fail('internal', `Could not reach Plenary's server: ${(error as Error).message}`);
    }
    // 401: not this run's token (the server was started again with a new one); 403: not our page.
    // Either way the server answered, and only opening its address again helps.
    const refused = response.status === 401 || response.status === 403;
    key.answered(!refused);
    try {
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      if (refused) return fail('unauthorized', `The server refused this tab's key (${response.status}).`);
      return fail('internal', `Plenary's server sent an answer that is not JSON (${response.status}): ${(error as Error).message}`);
    }
  };
  return Object.fromEntries(commandNames.map((name) => [name, (input: unknown) => call(name, input)])) as PlenaryApi;
}
