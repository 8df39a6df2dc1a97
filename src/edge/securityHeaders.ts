/**
 * Headers every response carries, whatever the route or outcome (404s, refusals, the sign-in pages, /healthz):
 * nothing the bot answers is to be sniffed into another type or kept by a cache. Production (app credentials
 * configured, served over HTTPS by the hosting platform) also tells browsers to use HTTPS only.
 */
import type { ServerResponse } from 'node:http';

const ALWAYS: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
});

const PRODUCTION_ONLY: Readonly<Record<string, string>> = Object.freeze({
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
});

export function securityHeaders(production: boolean): Readonly<Record<string, string>> {
  return production ? { ...ALWAYS, ...PRODUCTION_ONLY } : ALWAYS;
}

/** Sets the headers on a response that has not started yet; a route's own headers may add to them later. */
export function applySecurityHeaders(res: ServerResponse, production: boolean): void {
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(securityHeaders(production))) res.setHeader(name, value);
}
