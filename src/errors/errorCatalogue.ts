/**
 * Every failure the bot names, once, keyed by its code: the code is what logs, invoke error bodies and HTTP
 * refusals carry (alerts match on it), so it never changes once shipped. Each entry says how loudly the failure is
 * logged and, where they apply, what the person in the chat is told (a message key: the words are in the catalogs,
 * `src/i18n/catalogs/en/conversation.ts`, and said in the reader's language), the HTTP status and fixed body text the
 * edge refuses a request with (HTTP bodies are not chat: they stay English), and the reason a token provider gives
 * when no token could be had silently.
 *
 * Nothing here is sent or logged by itself: the boundaries read it (`conversation/answerFailure.ts` for turns,
 * card actions and dialog steps, `edge/errorBodies.ts` for HTTP refusals, `conversation/userMessages.ts` for the
 * sign-in sentences).
 */
import type { MessageKey } from '../i18n/catalog';
import type { GraphErrorCode } from './graphErrors';

export type FailureSeverity = 'info' | 'warn' | 'error';

export interface FailureEntry {
  /** Expected failures (Graph said no, a request was refused) are warnings; a bug is an error. */
  readonly severity: FailureSeverity;
  /**
   * What the person in the chat is told (its key in the message catalogs, said in the reader's language where it is
   * sent): what happened and what to do next, never an error's own message.
   */
  readonly userText?: MessageKey;
  /** Present when the HTTP edge refuses a request with this code: the status and the body's fixed text. */
  readonly http?: { readonly status: number; readonly text: string };
  /** Present when this is why a token provider has no token for the user (the bot then starts sign-in). */
  readonly signInReason?: string;
}

const httpRefusal = (status: number, text: string) => ({ severity: 'warn', http: { status, text } }) as const;

export const FAILURES = Object.freeze({
  // Graph failures, one per kind of `GraphRequestError` (`graph-<kind>`).
  'graph-throttled': { severity: 'warn', userText: 'failure.graphBusy' },
  'graph-unavailable': { severity: 'warn', userText: 'failure.graphBusy' },
  'graph-unauthorized': { severity: 'warn', userText: 'failure.graphUnauthorized' },
  'graph-forbidden': { severity: 'warn', userText: 'failure.graphForbidden' },
  'graph-notFound': { severity: 'warn', userText: 'failure.graphNotFound' },
  'graph-invalidRequest': { severity: 'warn', userText: 'failure.graphInvalidRequest' },

  // No token could be had silently: results of the token provider, not errors; the bot starts sign-in.
  'sign-in-required': { severity: 'info', signInReason: 'signInRequired', userText: 'failure.signInRequired' },
  'consent-required': { severity: 'info', signInReason: 'consentRequired', userText: 'failure.consentRequired' },

  // Signed in, but the identity provider refused the scopes a route needs (`conversation/graphNeeds.ts`).
  'profile-not-granted': { severity: 'warn', userText: 'failure.profileNotGranted' },
  'profile-token-failed': { severity: 'warn', userText: 'failure.profileTokenFailed' },
  'colleagues-not-granted': { severity: 'warn', userText: 'failure.colleaguesNotGranted' },
  'colleagues-token-failed': { severity: 'warn', userText: 'failure.colleaguesTokenFailed' },

  // Thrown by the bot's own code.
  /** The environment does not make a usable configuration: a start-up error whose message names the setting. */
  'config-invalid': { severity: 'error' },
  /** Another turn or instance wrote the same storage key first, twice in a row: the user is asked to repeat. */
  'storage-write-conflict': { severity: 'warn', userText: 'failure.storageWriteConflict' },
  /** Anything else: a bug. In a turn the user gets an apology; on the HTTP edge, a bare 500. */
  internal: { severity: 'error', userText: 'failure.internal', http: { status: 500, text: 'Something went wrong.' } },

  // Requests the HTTP edge refuses before any turn runs (`reason` in the "Request refused" log line).
  'not-found': httpRefusal(404, 'Not found.'),
  'method-not-allowed': httpRefusal(405, 'Method not allowed.'),
  'bad-request': httpRefusal(400, 'Bad request.'),
  'invalid-json': httpRefusal(400, 'The body must be a JSON document.'),
  'json-too-deep': httpRefusal(400, 'The JSON document is nested too deeply.'),
  'body-unreadable': httpRefusal(400, 'The body could not be read.'),
  'not-an-activity': httpRefusal(400, 'The body must be a Bot Framework activity with a type.'),
  'incomplete-activity': httpRefusal(400, 'The activity must have a from.id, conversation.id, channelId and serviceUrl.'),
  'invalid-activity': httpRefusal(400, 'The activity has a malformed or oversized field.'),
  /** No `Authorization` header at all. */
  'no-token': httpRefusal(401, 'Unauthorized.'),
  /** A channel token that does not validate (signature, issuer, audience, expiry). */
  'token-refused': httpRefusal(401, 'Unauthorized.'),
  'body-timeout': httpRefusal(408, 'The body took too long to arrive.'),
  'body-too-large': httpRefusal(413, 'The body is too large.'),
  'unsupported-encoding': httpRefusal(415, 'Only uncompressed bodies are accepted.'),
  'unsupported-media-type': httpRefusal(415, 'The body must be application/json.'),
} as const satisfies Readonly<Record<GraphErrorCode, FailureEntry & { readonly userText: MessageKey }>> & Readonly<Record<string, FailureEntry>>);
// (Every kind of Graph failure must have an entry with words for the user: a new kind without one fails to compile.)

export type FailureCode = keyof typeof FAILURES;

/** A code whose entry tells the chat user something. */
export type UserFacingCode = { [C in FailureCode]: (typeof FAILURES)[C] extends { readonly userText: MessageKey } ? C : never }[FailureCode];

/** A code the HTTP edge refuses requests with. */
export type HttpRefusalCode = { [C in FailureCode]: (typeof FAILURES)[C] extends { readonly http: object } ? C : never }[FailureCode];

/** Why a token provider has no token for the user (the `reason` of its `{ ok: false }` outcome). */
export type SignInReason = { [C in FailureCode]: (typeof FAILURES)[C] extends { readonly signInReason: infer R extends string } ? R : never }[FailureCode];

/** The catalog key of the words for a code the chat user is told about. */
export function userTextOf(code: UserFacingCode): MessageKey {
  return FAILURES[code].userText;
}

const signInEntries = new Map<string, { readonly code: FailureCode; readonly userText: MessageKey }>();
for (const [code, entry] of Object.entries(FAILURES) as [FailureCode, FailureEntry][]) {
  if (entry.signInReason !== undefined && entry.userText !== undefined) signInEntries.set(entry.signInReason, { code, userText: entry.userText });
}

/** The catalogue entry for a sign-in reason: its code (`signInRequired` → `sign-in-required`) and its words' key. */
export function signInFailureOf(reason: SignInReason): { readonly code: FailureCode; readonly userText: MessageKey } {
  const found = signInEntries.get(reason);
  if (!found) throw new Error(`No catalogue entry for the sign-in reason ${reason}.`);
  return found;
}
