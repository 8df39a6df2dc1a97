/** What the bot says around every feature: failures, sign-in, deadlines, the outbound limit. */
export const conversationMessages = {
  // Failures the error catalogue names (`src/errors/errorCatalogue.ts`), by code.
  'failure.graphBusy': 'Microsoft 365 is busy right now. Try again in a minute.',
  'failure.graphUnauthorized': 'Your sign-in has expired. Say "sign out", then try again.',
  'failure.graphForbidden':
    'I’m not allowed to change your profile yet: the app needs consent to read and write it. Ask your admin to grant it, then try again.',
  'failure.graphNotFound': 'That interest no longer exists. Say "list" to see your interests.',
  'failure.graphInvalidRequest': 'Microsoft 365 didn’t accept that change. Check the name, description and link, then try again.',
  'failure.signInRequired': 'I need you to sign in before I can read or change your profile.',
  'failure.consentRequired': 'I need your consent to read and change the interests on your profile.',
  'failure.profileNotGranted': 'I’m not allowed to read or change your profile yet: this needs a permission your admin has to grant the app first.',
  'failure.profileTokenFailed': 'I couldn’t get permission to read your profile right now. Try again in a minute.',
  'failure.colleaguesNotGranted':
    'I’m not allowed to look up your colleagues’ interests yet: this needs a permission your admin has to grant the app first.',
  'failure.colleaguesTokenFailed': 'I couldn’t get permission to look up your colleagues’ interests right now. Try again in a minute.',
  'failure.storageWriteConflict': 'Something else changed this conversation at the same moment, so I could not finish that. Please send it again.',
  'failure.internal': 'Sorry, something went wrong on my side. Please try again.',

  // A card action that misses its time budget (`cardActionDeadline.ts`).
  'deadline.saving.title': 'Saving…',
  'deadline.saving.text': 'Microsoft 365 is taking a while. I’ll post the result here as soon as it’s done.',
  'deadline.loading.title': 'Loading…',
  'deadline.loading.text': 'Microsoft 365 is taking a while. I’ll post it here as soon as it arrives.',

  // Limits on what goes in and out (`messageLength.ts`, `outboundGate.ts`).
  'limits.messageTooLong': 'That message is too long for me: I read up to {max, number} characters. Please send a shorter one.',
  'limits.answerTooLong': 'That answer is too long for Teams to show, so I left it out. Try asking for less at a time.',

  // Questions asked with a choice card (`dialogs/cardQuestionPrompt.ts`, `dialogs/choiceAnswerAction.ts`).
  'question.answered': 'Answered',
  'question.closed.title': 'This question is closed',
  'question.closed.text': 'It was already answered, cancelled, or asked again further down. Nothing was changed. Answer the latest question, or say "help".',

  // Commands about the conversation itself (`app/commands.ts`).
  'session.cancelled': 'Cancelled. Nothing was changed.',
  'session.nothingToCancel': 'Nothing to cancel.',
  'session.notUnderstood': 'Sorry, I didn’t understand that. Here’s what I can do:',
  'session.signedOut': 'You’re signed out. I’ll ask you to sign in again next time I need your profile.',
  'session.localSignOut': 'Local mode has no sign-in, so there is nothing to sign out of.',

  // The card-action boundary (`app/handleCardAction.ts`).
  'cardAction.malformed': 'This card action can’t be handled. Try the latest card, or say "help".',
  'cardAction.notYours.title': 'This card isn’t yours',
  'cardAction.notYours.text': 'It shows someone else’s interests, so only they can use it. Nothing was changed. Say "list" to see your own.',
  'cardAction.ownerViewOnly': 'This card shows what everyone here may see; only its owner gets the full view.',
  'cardAction.staleCard': 'That interest no longer exists. Here are your interests as they are now.',

  // Teams SSO in the conversation (`auth/signInCard.ts`, `auth/signInFlow.ts`, `auth/signInFailure.ts`).
  'signIn.card.text': 'Sign in to read and update the interests on your profile.',
  'signIn.button': 'Sign in',
  'signIn.toContinue': 'Sign in to continue',
  'signIn.consentNeeded': 'Sign in to continue.',
  'signIn.done': 'You’re signed in. Say list to see your interests.',
  'signIn.failure.resourceMatchFailed':
    'Sign-in can’t work yet: the app’s Application ID URI doesn’t match the resource in its Teams manifest (webApplicationInfo.resource). Please tell your Teams admin.',
  'signIn.failure.installedAppNotFound': 'Sign-in can’t work because the app isn’t installed for you in Teams. Please install it again or ask your admin.',
  'signIn.failure.tokenMissing':
    'Teams couldn’t get a sign-in token for this app. Check that the app registration exposes the access_as_user scope and pre-authorizes the Teams clients, then try again.',
  'signIn.failure.oauthCardNotValid': 'Teams couldn’t read the sign-in card. Please try again; if it keeps happening, tell your Teams admin.',
  'signIn.failure.resourceNotFound': 'Sign-in can’t work yet: the app has no webApplicationInfo in its Teams manifest. Please tell your Teams admin.',
  'signIn.failure.other': 'Sign-in didn’t complete in Teams. Please try again, or use the Sign in button to sign in in a browser window.',

  // The fallback sign-in pages a browser window shows (`auth/authPages.ts`, `public/auth-*.js`).
  'signInPage.start.title': 'Sign in',
  'signInPage.end.title': 'Signed in',
  'signInPage.signingIn': 'Signing you in…',
  'signInPage.startFailed': 'Sign-in could not start. Close this window and try again.',
  'signInPage.done': 'Signed in. You can close this window.',
  'signInPage.notCompleted': 'Sign-in did not complete. Close this window and try again.',
} as const;
