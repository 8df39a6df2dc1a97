import crypto from 'node:crypto';
import { AUTH_PAGE_SECURITY_HEADERS, createAuthPages, pageTextFor } from '../../src/auth/authPages';
import { PSEUDO_OPEN } from '../../src/i18n/pseudo';
import type { AuthConfig } from '../../src/config';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AuthFlow = require('../../public/auth-flow.js') as {
  createPkcePair(cryptoApi: unknown): Promise<{ verifier: string; challenge: string }>;
  buildAuthorizeUrl(settings: Record<string, string>, pkce: { challenge: string }, state: string, loginHint?: string): string;
  checkRedirect(search: string, expectedState: string | null): string;
};

const auth: AuthConfig = {
  appId: 'app-id"><script>alert(1)</script>',
  appPassword: 'secret',
  certificatePath: undefined,
  certificateThumbprint: undefined,
  tenantId: 'tenant-1',
  appType: 'SingleTenant',
  applicationIdUri: 'api://botid-app-id',
  botDomain: 'bot.example.test',
  graphScopes: ['User.ReadWrite'],
  authorityHost: 'https://login.microsoftonline.com',
  botFrameworkOpenIdMetadataUrl: undefined,
  tokenCacheEncryptionKey: undefined,
};

describe('fallback sign-in pages', () => {
  const { routes } = createAuthPages(auth);
  const get = (path: string, acceptLanguage?: string) => routes.get(path)?.({ acceptLanguage });

  it('serves both pages and their scripts with a strict Content-Security-Policy', () => {
    for (const path of ['/auth-start.html', '/auth-end.html', '/auth/auth-flow.js', '/auth/auth-start.js', '/auth/auth-end.js', '/auth/MicrosoftTeams.min.js']) {
      const response = get(path);
      expect(response?.status).toBe(200);
      expect(response?.headers).toMatchObject(AUTH_PAGE_SECURITY_HEADERS);
    }
    expect(AUTH_PAGE_SECURITY_HEADERS['Content-Security-Policy']).toContain("script-src 'self'");
    expect(AUTH_PAGE_SECURITY_HEADERS['Content-Security-Policy']).not.toContain('unsafe-inline');
  });

  it('has no inline script and escapes the settings it embeds', () => {
    const start = get('/auth-start.html')?.body ?? '';
    expect(start).not.toMatch(/<script>(?!<\/script>)/);
    expect(start).not.toContain('<script>alert(1)</script>');
    expect(start).toContain('data-client-id="app-id&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(start).toContain('data-redirect-uri="https://bot.example.test/auth-end.html"');
    expect(start).toContain('data-authority="https://login.microsoftonline.com/tenant-1"');
  });

  it('speaks the browser’s language: its first preference the bot speaks, else English', () => {
    const english = get('/auth-end.html', 'nl-NL, en;q=0.5');
    expect(english?.body).toContain('<html lang="en">');
    expect(english?.body).toContain('<title>Signed in</title>');
    expect(english?.body).toContain('data-text-done="Signed in. You can close this window."');
    expect(english?.headers).toMatchObject({ 'Content-Language': 'en', Vary: 'Accept-Language' });

    const pseudo = get('/auth-start.html', 'nl-NL;q=0.9, qps-ploc;q=0.8, en;q=0.1');
    expect(pseudo?.body).toContain('<html lang="qps-ploc">');
    expect(pseudo?.body).toContain(`<p id="status">${PSEUDO_OPEN}`);
    expect(pseudo?.body).toContain(`data-text-start-failed="${PSEUDO_OPEN}`);
    expect(pseudo?.body).not.toContain('Signing you in');

    expect(pageTextFor(undefined).language).toBe('en');
    expect(pageTextFor('*, qps-ploc;q=0').language).toBe('en');
    expect(pageTextFor('zh-TW, qps-ploc;q=0.5').language).toBe('en');
    expect(pageTextFor('not a tag!!, qps-ploc').language).toBe('qps-ploc');
  });

  it('builds a PKCE authorize request with state and login hint', async () => {
    const pkce = await AuthFlow.createPkcePair(crypto.webcrypto);
    expect(pkce.challenge).toBe(crypto.createHash('sha256').update(pkce.verifier).digest('base64url'));
    const url = new URL(
      AuthFlow.buildAuthorizeUrl(
        { clientId: 'app', authority: 'https://login.microsoftonline.com/tenant-1', scopes: 'https://graph.microsoft.com/User.ReadWrite', redirectUri: 'https://bot.example.test/auth-end.html' },
        pkce,
        'state-123',
        'alex@contoso.test',
      ),
    );
    expect(url.pathname).toBe('/tenant-1/oauth2/v2.0/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'app',
      response_type: 'code',
      redirect_uri: 'https://bot.example.test/auth-end.html',
      state: 'state-123',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      login_hint: 'alex@contoso.test',
    });
  });

  it.each([
    ['?code=abc&state=s1', 's1', 'ok'],
    ['?code=abc&state=other', 's1', 'state_mismatch'],
    ['?code=abc&state=s1', null, 'state_mismatch'],
    ['?state=s1', 's1', 'code_missing'],
    ['?error=access_denied&state=s1', 's1', 'access_denied'],
  ])('checks the redirect %s against the state it sent', (search, expected, outcome) => {
    expect(AuthFlow.checkRedirect(search, expected)).toBe(outcome);
  });
});
