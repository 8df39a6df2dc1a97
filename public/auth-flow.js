// The fallback sign-in flow's logic, shared by auth-start.js and auth-end.js (and loaded by the tests).
// Classic script on purpose: the pages' Content-Security-Policy allows only same-origin script files.
(function (root) {
  'use strict';

  function base64Url(bytes) {
    let text = '';
    bytes.forEach(function (byte) {
      text += String.fromCharCode(byte);
    });
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  async function createPkcePair(cryptoApi) {
    const verifier = base64Url(cryptoApi.getRandomValues(new Uint8Array(32)));
    const digest = await cryptoApi.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    return { verifier: verifier, challenge: base64Url(new Uint8Array(digest)) };
  }

  function buildAuthorizeUrl(settings, pkce, state, loginHint) {
    const params = new URLSearchParams({
      client_id: settings.clientId,
      response_type: 'code',
      response_mode: 'query',
      redirect_uri: settings.redirectUri,
      scope: settings.scopes + ' openid profile offline_access',
      state: state,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    });
    if (loginHint) params.set('login_hint', loginHint);
    return settings.authority + '/oauth2/v2.0/authorize?' + params.toString();
  }

  /** 'ok', or why the redirect back from the identity provider must not count as a sign-in. */
  function checkRedirect(search, expectedState) {
    const params = new URLSearchParams(search);
    if (params.get('error')) return params.get('error');
    if (!expectedState || params.get('state') !== expectedState) return 'state_mismatch';
    if (!params.get('code')) return 'code_missing';
    return 'ok';
  }

  const api = { base64Url: base64Url, createPkcePair: createPkcePair, buildAuthorizeUrl: buildAuthorizeUrl, checkRedirect: checkRedirect };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else root.AuthFlow = api;
})(typeof window !== 'undefined' ? window : globalThis);
