// Fallback sign-in, step 2: Entra redirected back. Check the state we sent, then tell Teams; the bot's next
// silent token exchange succeeds now that the user has consented. The code itself is not redeemed here.
(async function () {
  'use strict';
  // The words come from the page, in the reader's language (`src/auth/authPages.ts`).
  const words = document.body.dataset;
  const status = document.getElementById('status');
  const expectedState = localStorage.getItem('signin.state');
  localStorage.removeItem('signin.state');
  localStorage.removeItem('signin.verifier');
  await microsoftTeams.app.initialize();
  const outcome = AuthFlow.checkRedirect(window.location.search, expectedState);
  if (outcome === 'ok') {
    status.textContent = words.textDone;
    microsoftTeams.authentication.notifySuccess();
  } else {
    status.textContent = words.textNotCompleted;
    microsoftTeams.authentication.notifyFailure(outcome);
  }
})();
