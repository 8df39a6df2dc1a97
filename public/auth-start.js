// Fallback sign-in, step 1: send the user to the Entra authorize endpoint (PKCE, state, login hint).
(async function () {
  'use strict';
  const settings = document.body.dataset;
  const status = document.getElementById('status');
  try {
    await microsoftTeams.app.initialize();
    const context = await microsoftTeams.app.getContext();
    const pkce = await AuthFlow.createPkcePair(window.crypto);
    const state = window.crypto.randomUUID();
    localStorage.setItem('signin.state', state);
    localStorage.setItem('signin.verifier', pkce.verifier);
    const loginHint = context.user && context.user.loginHint;
    window.location.assign(AuthFlow.buildAuthorizeUrl(settings, pkce, state, loginHint));
  } catch {
    // Outside Teams, or the Teams SDK failed: nothing can be signed in from here.
    status.textContent = settings.textStartFailed;
    microsoftTeams.authentication.notifyFailure('start_failed');
  }
})();
