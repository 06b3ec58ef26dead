const tokenKey = 'plenary.token';
const tokenInHash = /(?:^#|&)token=([A-Za-z0-9_-]+)/;

/** The token in an address the server printed (`…/#token=…`), if it holds one. */
export function tokenOf(hash: string): string | undefined {
  return tokenInHash.exec(hash)?.[1];
}

/**
 * Browser mode: the key this browser shows the server, from the URL the server printed (the
 * fragment, which the browser never sends over the network). Taken out of the address bar and
 * kept in the origin's storage: the server keeps its token from run to run, so a tab closed and
 * opened again from history (no token in its address) still gets in, and a new address opened in
 * one tab serves them all. It is replaced without a reload, which would drop what the screens hold
 * in memory. Whether the server refused it is known here,
 * so every screen can say what to do instead of "the server does not answer".
 */
export class TabKey {
  private refusedNow = false;
  /** The token of this page's life, for when storage cannot keep it. */
  private memory: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Storage | undefined) {}

  current(): string | null {
    try {
      return this.storage?.getItem(tokenKey) ?? this.memory;
    } catch {
      return this.memory;
    }
  }

  /** Takes a token from the fragment; true when there was one (the fragment is then the caller's to restore). */
  take(hash: string): boolean {
    const token = tokenOf(hash);
    if (!token) return false;
    try {
      this.storage?.setItem(tokenKey, token);
    } catch {
      // Storage refused (a private window's quota): the token is still not kept across reloads.
    }
    this.memory = token;
    this.answered(true);
    return true;
  }

  /** The server refused the key (401, 403) or accepted it (any other answer). */
  answered(accepted: boolean): void {
    if (this.refusedNow === !accepted) return;
    this.refusedNow = !accepted;
    this.listeners.forEach((listener) => listener());
  }

  refused = (): boolean => this.refusedNow;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/**
 * Takes the token from the address the page was opened with, and from any address opened in the
 * same tab later (the server started again with a new token: pasting the new address changes only
 * the fragment, so the page is not reloaded). The screen that was showing stays: the fragment goes
 * back to the route it held before.
 */
export function watchAddress(key: TabKey, location: Location, history: History, target: Window): void {
  if (key.take(location.hash)) history.replaceState(null, '', location.pathname + location.search);
  target.addEventListener('hashchange', (event) => {
    if (!key.take(location.hash)) return;
    const before = new URL(event.oldURL).hash;
    history.replaceState(null, '', location.pathname + location.search + (tokenOf(before) ? '' : before));
  });
}
