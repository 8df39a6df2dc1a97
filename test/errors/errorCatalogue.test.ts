/**
 * The error catalogue is the one vocabulary: the chat's words, the HTTP edge's refusals and the sign-in sentences
 * are read from it, so a code means the same thing, and says the same thing, wherever it appears.
 */
import { REFUSALS } from '../../src/edge/errorBodies';
import { ERROR_CODES } from '../../src/errors/errorCodes';
import { FAILURES, signInFailureOf, type FailureCode, type FailureEntry } from '../../src/errors/errorCatalogue';
import { GRAPH_ERROR_KINDS, GraphRequestError } from '../../src/errors/graphErrors';
import { describeFailure, GRAPH_FAILURE_TEXT, SIGN_IN_TEXT, UNEXPECTED_FAILURE_TEXT } from '../../src/conversation/userMessages';
import { REPEAT_PLEASE_TEXT } from '../../src/storage/concurrencyRetryMiddleware';

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
      expect(GRAPH_FAILURE_TEXT[kind]).toBe(entry.userText);
      const error = new GraphRequestError(kind, 'technical detail', { status: 500, graphCode: 'x', requestId: 'r', clientRequestId: 'c', date: undefined });
      expect(describeFailure(error)).toMatchObject({ code: `graph-${kind}`, userText: entry.userText, severity: 'warn' });
    }
  });

  it('holds each sign-in reason once, with the sentence the bot says while signing in', () => {
    const reasons = entries.flatMap(([code, entry]) => (entry.signInReason ? [[entry.signInReason, code] as const] : []));
    expect(reasons.map(([reason]) => reason).sort()).toEqual(Object.keys(SIGN_IN_TEXT).sort());
    for (const [reason, code] of reasons) {
      expect(signInFailureOf(reason as keyof typeof SIGN_IN_TEXT)).toEqual({ code, userText: entryOf(code).userText });
      expect(SIGN_IN_TEXT[reason as keyof typeof SIGN_IN_TEXT]).toBe(entryOf(code).userText);
    }
  });

  it('words what the bot throws: a bug is an error with an apology that carries nothing of the error', () => {
    for (const code of Object.values(ERROR_CODES)) expect(FAILURES[code]).toBeDefined();
    const report = describeFailure(new Error('secret detail'));
    expect(report).toMatchObject({ code: ERROR_CODES.internal, severity: 'error', userText: UNEXPECTED_FAILURE_TEXT });
    expect(report.userText).toBe(FAILURES.internal.userText);
    expect(report.userText).not.toContain('secret detail');
    expect(REPEAT_PLEASE_TEXT).toBe(FAILURES['storage-write-conflict'].userText);
  });

  it('has words for the user on every entry the user can meet, and none that are empty', () => {
    for (const [code, entry] of entries) {
      if (code === ERROR_CODES.config || entry.http) continue;
      expect(entry.userText).toEqual(expect.stringMatching(/\S/));
    }
  });
});
