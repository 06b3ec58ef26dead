// Reads the companion's JSON, GET only, relative to the page (…/c/<token>/). Each address keeps
// its ETag: a poll of an unchanged answer costs the laptop a 304 and the phone nothing.

export type Fetched<T> = { kind: 'data'; value: T } | { kind: 'unchanged' } | { kind: 'invalid_link' } | { kind: 'offline' };

const etags = new Map<string, string>();

export async function getJson<T>(path: string, params: Record<string, string> = {}): Promise<Fetched<T>> {
  const query = new URLSearchParams(params).toString();
  const url = query ? `${path}?${query}` : path;
  const headers: Record<string, string> = { Accept: 'application/json' };
  const etag = etags.get(url);
  if (etag) headers['If-None-Match'] = etag;
  let response: Response;
  try {
    // The page handles revalidation itself, so the browser's cache stays out of the way.
    response = await fetch(url, { headers, cache: 'no-store', credentials: 'omit' });
  } catch {
    return { kind: 'offline' };
  }
  if (response.status === 304) return { kind: 'unchanged' };
  if (response.status === 403) return { kind: 'invalid_link' };
  if (!response.ok) return { kind: 'offline' };
  const value = (await response.json()) as T;
  const tag = response.headers.get('ETag');
  if (tag) etags.set(url, tag);
  return { kind: 'data', value };
}

/** Forget the ETags, so the next read of each address brings its full answer (a language change). */
export function forgetVersions(): void {
  etags.clear();
}
