/**
 * The fallback sign-in pages Teams opens from the OAuthCard's `signin` button. Pure request → response
 * functions; the bot server only wires them to routes. Settings reach the page as escaped data attributes,
 * because the strict Content-Security-Policy allows no inline script.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AuthConfig } from '../config';

export interface PageResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export const AUTH_PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
});

function findPublicFolder(start: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'public', 'auth-flow.js');
    if (fs.existsSync(candidate)) return path.dirname(candidate);
  }
  throw new Error('The public/ folder with the sign-in scripts was not found.');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function page(title: string, scripts: readonly string[], dataset: Readonly<Record<string, string>> = {}): string {
  const attributes = Object.entries(dataset)
    .map(([name, value]) => ` data-${name}="${escapeAttribute(value)}"`)
    .join('');
  const scriptTags = scripts.map((src) => `<script src="${src}"></script>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body${attributes}><p id="status">Signing you in…</p>${scriptTags}</body></html>`;
}

export interface AuthPages {
  /** Path → response for every page and script the sign-in flow needs. */
  readonly routes: ReadonlyMap<string, PageResponse>;
}

export function createAuthPages(auth: AuthConfig, publicFolder = findPublicFolder(__dirname)): AuthPages {
  const teamsSdk = require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js');
  const html = (body: string): PageResponse => ({ status: 200, headers: { ...AUTH_PAGE_SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' }, body });
  const script = (file: string): PageResponse => ({
    status: 200,
    headers: { ...AUTH_PAGE_SECURITY_HEADERS, 'Content-Type': 'text/javascript; charset=utf-8' },
    body: fs.readFileSync(file, 'utf8'),
  });
  const sharedScripts = ['/auth/MicrosoftTeams.min.js', '/auth/auth-flow.js'];
  return {
    routes: new Map([
      [
        '/auth-start.html',
        html(
          page('Sign in', [...sharedScripts, '/auth/auth-start.js'], {
            'client-id': auth.appId,
            authority: `${auth.authorityHost}/${auth.appType === 'MultiTenant' ? 'organizations' : auth.tenantId}`,
            scopes: auth.graphScopes.map((scope) => `https://graph.microsoft.com/${scope}`).join(' '),
            'redirect-uri': `https://${auth.botDomain}/auth-end.html`,
          }),
        ),
      ],
      ['/auth-end.html', html(page('Signed in', [...sharedScripts, '/auth/auth-end.js']))],
      ['/auth/MicrosoftTeams.min.js', script(teamsSdk)],
      ['/auth/auth-flow.js', script(path.join(publicFolder, 'auth-flow.js'))],
      ['/auth/auth-start.js', script(path.join(publicFolder, 'auth-start.js'))],
      ['/auth/auth-end.js', script(path.join(publicFolder, 'auth-end.js'))],
    ]),
  };
}
