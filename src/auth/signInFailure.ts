/**
 * What to tell the user when Teams reports `signin/failure`: silent SSO failed on the client, almost always
 * because of the app's configuration. Each message names what to fix, for the user to pass on to their admin.
 */
import type { MessageKey } from '../i18n/catalog';
import type { Text } from '../i18n/text';

const FAILURE_MESSAGES: Readonly<Record<string, MessageKey>> = {
  resourcematchfailed: 'signIn.failure.resourceMatchFailed',
  installedappnotfound: 'signIn.failure.installedAppNotFound',
  tokenmissing: 'signIn.failure.tokenMissing',
  oauthcardnotvalid: 'signIn.failure.oauthCardNotValid',
  resourcenotfound: 'signIn.failure.resourceNotFound',
};

/** The sentence for Teams' failure `code`, in `text`'s language. */
export function describeSignInFailure(text: Text, code: unknown): string {
  const known = typeof code === 'string' && Object.hasOwn(FAILURE_MESSAGES, code.toLowerCase()) ? FAILURE_MESSAGES[code.toLowerCase()] : undefined;
  return text.t(known ?? 'signIn.failure.other');
}
