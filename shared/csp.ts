// One policy for both the Electron window (custom protocol) and browser mode (HTTP header):
// nothing remote, no inline script or style element, no eval. React and lightweight-charts set
// styles through the CSSOM, which style-src does not restrict, so no 'unsafe-inline' is needed.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
