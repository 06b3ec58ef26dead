// One policy for both ways the renderer is served (Electron's app protocol and browser mode):
// only our own scripts, styles and API; no eval, no inline script, no framing, no plug-ins.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
