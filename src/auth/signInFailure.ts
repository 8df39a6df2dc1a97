/**
 * What to tell the user when Teams reports `signin/failure`: silent SSO failed on the client, almost always
 * because of the app's configuration. Each message names what to fix, for the user to pass on to their admin.
 */
const FAILURE_MESSAGES: Readonly<Record<string, string>> = {
  resourcematchfailed:
    "Sign-in can't work yet: the app's Application ID URI doesn't match the resource in its Teams manifest (webApplicationInfo.resource). Please tell your Teams admin.",
  installedappnotfound: "Sign-in can't work because the app isn't installed for you in Teams. Please install it again or ask your admin.",
  tokenmissing: "Teams couldn't get a sign-in token for this app. Check that the app registration exposes the access_as_user scope and pre-authorizes the Teams clients, then try again.",
  oauthcardnotvalid: "Teams couldn't read the sign-in card. Please try again; if it keeps happening, tell your Teams admin.",
  resourcenotfound: "Sign-in can't work yet: the app has no webApplicationInfo in its Teams manifest. Please tell your Teams admin.",
};

export function describeSignInFailure(code: unknown): string {
  const known = typeof code === 'string' ? FAILURE_MESSAGES[code.toLowerCase()] : undefined;
  return known ?? "Sign-in didn't complete in Teams. Please try again, or use the Sign in button to sign in in a browser window.";
}
