/**
 * The fallback sign-in pages Teams opens from the OAuthCard's `signin` button. Pure request → response
 * functions; the bot server only wires them to routes. Settings, and the words the scripts show, reach the page as
 * escaped data attributes, because the strict Content-Security-Policy allows no inline script. A browser window has
 * no activity to take a locale from: the pages speak the language of the request's `Accept-Language`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AuthConfig } from '../config';
import { canonicalTag, languageFor, SOURCE_LANGUAGE } from '../i18n/languages';
import { textFor, type Text } from '../i18n/text';

export interface PageResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What a page's answer depends on: the browser's `Accept-Language` (a page has no activity to take a locale from). */
export interface PageRequest {
  readonly acceptLanguage?: string | undefined;
}

export type PageRoute = (request: PageRequest) => PageResponse;

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

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Most weighted first; the order of equal weights kept. At most a dozen tags are read: browsers send a handful. */
function preferredTags(acceptLanguage: string | undefined): string[] {
  if (typeof acceptLanguage !== 'string') return [];
  return acceptLanguage
    .slice(0, 512)
    .split(',')
    .slice(0, 12)
    .map((part, index) => {
      const [tag = '', ...parameters] = part.split(';').map((piece) => piece.trim());
      const weight = parameters.find((parameter) => parameter.startsWith('q='));
      return { tag, quality: weight === undefined ? 1 : Number(weight.slice(2)), index };
    })
    .filter(({ tag, quality }) => tag !== '' && tag !== '*' && Number.isFinite(quality) && quality > 0)
    .sort((left, right) => right.quality - left.quality || left.index - right.index)
    .map(({ tag }) => tag);
}

/**
 * The browser's language for the page: its first preference the bot speaks (`languageFor`: `de-AT` → German), or
 * English. A preference for English, or for any Chinese (whose script `languageFor` decides), is taken as it is.
 */
export function pageTextFor(acceptLanguage: string | undefined): Text {
  for (const requested of preferredTags(acceptLanguage)) {
    const tag = canonicalTag(requested);
    if (tag === undefined) continue;
    const spoken = new Intl.Locale(tag).language;
    if (languageFor(tag) !== SOURCE_LANGUAGE || spoken === SOURCE_LANGUAGE || spoken === 'zh') return textFor(tag);
  }
  return textFor(SOURCE_LANGUAGE);
}

interface PageWords {
  readonly title: string;
  /** Shown until the page's script replaces it. */
  readonly status: string;
}

function page(text: Text, words: PageWords, scripts: readonly string[], dataset: Readonly<Record<string, string>>): string {
  const attributes = Object.entries(dataset)
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');
  const scriptTags = scripts.map((src) => `<script src="${src}"></script>`).join('');
  return `<!doctype html><html lang="${escapeHtml(text.language)}"><head><meta charset="utf-8"><title>${escapeHtml(words.title)}</title></head><body${attributes}><p id="status">${escapeHtml(words.status)}</p>${scriptTags}</body></html>`;
}

/** The words the pages' scripts show once they know how sign-in went (`public/auth-start.js`, `public/auth-end.js`). */
function scriptWords(text: Text): Readonly<Record<string, string>> {
  return {
    'text-start-failed': text.t('signInPage.startFailed'),
    'text-done': text.t('signInPage.done'),
    'text-not-completed': text.t('signInPage.notCompleted'),
  };
}

export interface AuthPages {
  /** Path → answer for every page and script the sign-in flow needs; the pages are in the browser's language. */
  readonly routes: ReadonlyMap<string, PageRoute>;
}

export function createAuthPages(auth: AuthConfig, publicFolder = findPublicFolder(__dirname)): AuthPages {
  const teamsSdk = require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js');
  /** A page in the browser's language, made once per language. */
  const html = (render: (text: Text) => string): PageRoute => {
    const made = new Map<string, PageResponse>();
    return ({ acceptLanguage }) => {
      const text = pageTextFor(acceptLanguage);
      let response = made.get(text.language);
      if (response === undefined) {
        const headers = { ...AUTH_PAGE_SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Language': text.language, Vary: 'Accept-Language' };
        response = { status: 200, headers, body: render(text) };
        made.set(text.language, response);
      }
      return response;
    };
  };
  const script = (file: string): PageRoute => {
    const response: PageResponse = {
      status: 200,
      headers: { ...AUTH_PAGE_SECURITY_HEADERS, 'Content-Type': 'text/javascript; charset=utf-8' },
      body: fs.readFileSync(file, 'utf8'),
    };
    return () => response;
  };
  const sharedScripts = ['/auth/MicrosoftTeams.min.js', '/auth/auth-flow.js'];
  const settings = {
    'client-id': auth.appId,
    authority: `${auth.authorityHost}/${auth.appType === 'MultiTenant' ? 'organizations' : auth.tenantId}`,
    scopes: auth.graphScopes.map((scope) => `https://graph.microsoft.com/${scope}`).join(' '),
    'redirect-uri': `https://${auth.botDomain}/auth-end.html`,
  };
  const signingIn = (text: Text, title: string): PageWords => ({ title, status: text.t('signInPage.signingIn') });
  return {
    routes: new Map<string, PageRoute>([
      [
        '/auth-start.html',
        html((text) => page(text, signingIn(text, text.t('signInPage.start.title')), [...sharedScripts, '/auth/auth-start.js'], { ...settings, ...scriptWords(text) })),
      ],
      ['/auth-end.html', html((text) => page(text, signingIn(text, text.t('signInPage.end.title')), [...sharedScripts, '/auth/auth-end.js'], scriptWords(text)))],
      ['/auth/MicrosoftTeams.min.js', script(teamsSdk)],
      ['/auth/auth-flow.js', script(path.join(publicFolder, 'auth-flow.js'))],
      ['/auth/auth-start.js', script(path.join(publicFolder, 'auth-start.js'))],
      ['/auth/auth-end.js', script(path.join(publicFolder, 'auth-end.js'))],
    ]),
  };
}
