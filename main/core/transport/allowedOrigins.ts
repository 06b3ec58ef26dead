/**
 * The Host headers (and Origin headers) browser mode answers to. A page from another site that
 * points one of its own names at 127.0.0.1 (DNS rebinding) sends its own name as Host, and a
 * page from another site that calls us sends its own Origin: both are refused. Only the address
 * the server is bound to is named, and for loopback the other loopback names of this machine.
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const name = (h: string) => (h.includes(':') ? `[${h}]` : h).toLowerCase();
  const hosts = new Set([`${name(host)}:${port}`]);
  // Binding to every interface (0.0.0.0) names no host a browser would send: such a server answers
  // nobody until it learns the names it may be reached by, which is the safe way to fail.
  if (host === 'localhost' || host === '::1' || /^127\./.test(host)) {
    for (const loopback of ['localhost', '127.0.0.1', '::1']) hosts.add(`${name(loopback)}:${port}`);
  }
  return hosts;
}

export function allowedOrigins(hosts: Set<string>): Set<string> {
  return new Set([...hosts].map((host) => `http://${host}`));
}
