/**
 * The kiosk's Content-Security-Policy, sent on every response by both hosts (the Electron
 * `app://` protocol and the browser host), so the renderer runs under one policy wherever it runs.
 *
 * Deliberately free of imports: the browser host imports it without pulling in Electron.
 * - no 'unsafe-eval' anywhere: Phaser and three.js run without eval;
 * - blob: for workers, images and media because WebGL/Phaser decode assets through blob URLs;
 * - data: for inline images, fonts and media embedded by the bundler;
 * - 'unsafe-inline' for styles only (libraries set style attributes); never for scripts;
 * - connect-src 'self': the renderer talks to nothing but its own host.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
