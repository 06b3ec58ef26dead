/** Local storage when the page may use it; what uses it still works (unremembered) when it may not. */
export function localStore(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
