/**
 * The error catalogue is the one vocabulary: the chat's words, the HTTP edge's refusals and the sign-in sentences
 * are read from it, so a code means the same thing, and says the same thing, wherever it appears.
 */
import { REFUSALS } from '../../src/edge/errorBodies';
import { ERROR_CODES } from '../../src/errors/errorCodes';
import { FAILURES, signInFailureOf, type FailureCode, type FailureEntry } from '../../src/errors/errorCatalogue';
import { GRAPH_ERROR_KINDS, GraphRequestError } from '../../src/errors/graphErrors';
import { describeFailure, GRAPH_FAILURE_KEYS, SIGN_IN_KEYS, UNEXPECTED_FAILURE_KEY } from '../../src/conversation/userMessages';
import { isMessageKey } from '../../src/i18n/catalogs';
import { SOURCE_TEXT } from '../../src/i18n/text';
import { REPEAT_PLEASE_KEY } from '../../src/storage/concurrencyRetryMiddleware';

const entries = Object.entries(FAILURES) as [FailureCode, FailureEntry][];
const entryOf = (code: FailureCode): FailureEntry => FAILURES[code];

describe('the error catalogue', () => {
  it('gives every HTTP refusal of the edge its status and fixed text, and has no HTTP code the edge does not use', () => {
    const refusals = Object.values(REFUSALS);
    for (const refusal of refusals) {
      expect(entryOf(refusal.code).http).toEqual({ status: refusal.status, text: refusal.message });
    }
    const httpCodes = entries.filter(([, entry]) => entry.http !== undefined).map(([code]) => code);
    expect(new Set(refusals.map((refusal) => refusal.code))).toEqual(new Set(httpCodes));
    expect(refusals).toHaveLength(httpCodes.length);
  });

  it('words every kind of Graph failure, at warn, with the text the chat shows', () => {
    for (const kind of GRAPH_ERROR_KINDS) {
      const entry = FAILURES[`graph-${kind}`];
      expect(entry.severity).toBe('warn');
      expect(GRAPH_FAILURE_KEYS[kind]).toBe(entry.userText);
      const error = new GraphRequestError(kind, 'technical detail', { status: 500, graphCode: 'x', requestId: 'r', clientRequestId: 'c', date: undefined });
      expect(describeFailure(error)).toMatchObject({ code: `graph-${kind}`, userMessage: { key: entry.userText }, severity: 'warn' });
    }
  });

  it('holds each sign-in reason once, with the sentence the bot says while signing in', () => {
    const reasons = entries.flatMap(([code, entry]) => (entry.signInReason ? [[entry.signInReason, code] as const] : []));
    expect(reasons.map(([reason]) => reason).sort()).toEqual(Object.keys(SIGN_IN_KEYS).sort());
    for (const [reason, code] of reasons) {
      expect(signInFailureOf(reason as keyof typeof SIGN_IN_KEYS)).toEqual({ code, userText: entryOf(code).userText });
      expect(SIGN_IN_KEYS[reason as keyof typeof SIGN_IN_KEYS]).toBe(entryOf(code).userText);
    }
  });

  it('words what the bot throws: a bug is an error with an apology that carries nothing of the error', () => {
    for (const code of Object.values(ERROR_CODES)) expect(FAILURES[code]).toBeDefined();
    const report = describeFailure(new Error('secret detail'));
    expect(report).toMatchObject({ code: ERROR_CODES.internal, severity: 'error', userMessage: { key: UNEXPECTED_FAILURE_KEY } });
    expect(report.userMessage).toEqual({ key: FAILURES.internal.userText });
    expect(SOURCE_TEXT.say(report.userMessage)).toBe('Sorry, something went wrong on my side. Please try again.');
    expect(JSON.stringify(report.userMessage)).not.toContain('secret detail');
    expect(REPEAT_PLEASE_KEY).toBe(FAILURES['storage-write-conflict'].userText);
  });

  it('has words for the user on every entry the user can meet, each a catalog message that is not empty', () => {
    for (const [code, entry] of entries) {
      if (code === ERROR_CODES.config || entry.http) continue;
      expect(entry.userText !== undefined && isMessageKey(entry.userText)).toBe(true);
      expect(SOURCE_TEXT.t(entry.userText!)).toEqual(expect.stringMatching(/\S/));
    }
  });
});
