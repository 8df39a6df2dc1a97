/**
 * A late card answer speaks the language of the turn that asked, although it is posted from a proactive turn whose
 * activity is the bot's own: the "Saving…" card, the answer built on the lasting context, a failure's apology and
 * the outbound gate's sentence for an answer too long to post.
 */
import type { TurnContext } from 'botbuilder';
import { CARD_VERBS } from '../../src/app/cardActionRoutes';
import { answerCardActionWithinBudget } from '../../src/conversation/cardActionDeadline';
import { cardResponse, messageResponse, type CardActionResponse } from '../../src/conversation/invokeResponses';
import { textOf } from '../../src/conversation/turnText';
import { UNEXPECTED_FAILURE_KEY } from '../../src/conversation/userMessages';
import { renderNoticeCard } from '../../src/cards/noticeCard';
import { PSEUDO_LANGUAGE } from '../../src/i18n/languages';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src/i18n/pseudo';
import { textFor } from '../../src/i18n/text';
import { cardActionInvoke, pastTheBudget, recordingDeadline, waitFor } from '../support/lateCardAnswer';

const PSEUDO = textFor(PSEUDO_LANGUAGE);

/** An invoke from a user whose Teams speaks the pseudo-locale, given (as Teams may) only in `clientInfo`. */
const pseudoTurn = (): TurnContext =>
  cardActionInvoke({
    locale: undefined,
    entities: [{ type: 'clientInfo', locale: PSEUDO_LANGUAGE, timezone: 'Europe/Berlin' }],
    conversation: { id: 'conversation-late-language', isGroup: false, conversationType: 'personal', name: '' },
  });

/** The deadline as a real turn meets it: the late answer passes the outbound gate before it is posted. */
const gatedDeadline = () => recordingDeadline({ outboundGate: true });

const slowly = async <T>(value: () => T): Promise<T> => {
  await pastTheBudget();
  return value();
};

const isPseudo = (text: unknown): boolean => typeof text === 'string' && text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE);

describe('a late card answer', () => {
  const route = { verb: CARD_VERBS.saveTags, kind: 'change' } as const;

  it('is built and posted in the language of the turn that asked', async () => {
    const { options, posted } = gatedDeadline();
    const answer = (lasting: TurnContext): Promise<CardActionResponse> => slowly(() => messageResponse(textOf(lasting).t('session.nothingToCancel')));
    const first = await answerCardActionWithinBudget(pseudoTurn(), route, answer, options);
    // The card's Markdown escaping aside, its title is the pseudo-locale's.
    expect(JSON.stringify(first)).toContain(PSEUDO.t('deadline.saving.title').split(' ')[0]);
    expect(JSON.stringify(first)).not.toContain('Saving…');
    await waitFor(() => posted.length > 0);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.text).toBe(PSEUDO.t('session.nothingToCancel'));
    expect(isPseudo(posted[0]?.text)).toBe(true);
  });

  it('that fails posts the apology in that language', async () => {
    const { options, posted } = gatedDeadline();
    const answer = (): Promise<CardActionResponse> => slowly(() => { throw new Error('boom'); });
    await answerCardActionWithinBudget(pseudoTurn(), route, answer, options);
    await waitFor(() => posted.length > 0);
    expect(posted[0]?.text).toBe(PSEUDO.t(UNEXPECTED_FAILURE_KEY));
  });

  it('too long to post is replaced by the outbound gate’s sentence in that language', async () => {
    const { options, posted } = gatedDeadline();
    const huge = () => cardResponse({ ...renderNoticeCard(PSEUDO, { title: 'Huge' }), body: [{ type: 'TextBlock', text: 'x'.repeat(30_000), wrap: true }] });
    await answerCardActionWithinBudget(pseudoTurn(), route, () => slowly(huge), options);
    await waitFor(() => posted.length > 0);
    expect(posted[0]?.attachments).toBeUndefined();
    expect(posted[0]?.text).toBe(PSEUDO.t('limits.answerTooLong'));
  });
});
