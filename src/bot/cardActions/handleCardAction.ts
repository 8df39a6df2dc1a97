/**
 * The `adaptiveCard/action` boundary: parse the payload, refuse anyone but the card's owner, route the verb, and
 * turn every failure into an answer Teams can show. It never throws, so an invoke always gets a well-formed body.
 */
import type { TurnContext } from 'botbuilder';
import type { SignInFlow } from '../../auth/signInFlow';
import { parseCardAction, type CardAction } from '../../cards/cardActions';
import { renderListCard } from '../../cards/listCard';
import { renderNoticeCard } from '../../cards/noticeCard';
import { isGraphRequestError } from '../../errors/graphErrors';
import { actorIdOf } from '../actor';
import type { BotServices } from '../botServices';
import { isSignInRequiredError } from '../signInRequiredError';
import { cardViewersFor } from '../replies';
import { graphTokenFor } from '../userGraphAccess';
import { describeFailure } from '../userMessages';
import type { ActionTurn } from './actionTurn';
import { routeCardAction } from './cardActionRoutes';
import { cardResponse, errorResponse, messageResponse, type CardActionResponse } from './invokeResponses';

export const NOT_YOUR_CARD_NOTICE = {
  title: "This card isn't yours",
  text: 'It shows someone else\'s interests, so only they can use it. Nothing was changed. Say "list" to see your own.',
} as const;

export const STALE_CARD_NOTICE = 'That interest no longer exists. Here are your interests as they are now.';

export async function handleCardAction(context: TurnContext, services: BotServices): Promise<CardActionResponse> {
  const { logger } = services;
  const parsed = parseCardAction(context.activity.value);
  if (!parsed.ok) {
    logger.warn('Refused a malformed card action', { problem: parsed.error });
    return errorResponse(400, 'BadRequest', `This card action can't be handled (${parsed.error}). Try the latest card, or say "help".`);
  }
  const action = parsed.value;
  const actorId = actorIdOf(context.activity);
  if (action.ownerId !== actorId) {
    logger.info('Refused a card action from someone other than the card owner', { verb: action.verb });
    return cardResponse(renderNoticeCard(NOT_YOUR_CARD_NOTICE));
  }
  const turn: ActionTurn = { context, services, ownerId: actorId, getToken: graphTokenFor(context, services.tokens) };
  try {
    return await routeCardAction(action, turn);
  } catch (error) {
    if (services.signIn && isSignInRequiredError(error)) return signInThenRetry(services.signIn, action, turn);
    return answerFailure(error, action, turn);
  }
}

/**
 * No Graph token: redeem the SSO token Teams attached to the action (after an earlier login request) and run
 * the action once more, or answer with the login request that makes Teams sign the user in and send it again.
 */
async function signInThenRetry(signIn: SignInFlow, action: CardAction, turn: ActionTurn): Promise<CardActionResponse> {
  const signedIn = await signIn.signInForCardAction(turn.context);
  if (!signedIn.ok) return signedIn.response;
  try {
    return await routeCardAction(action, turn);
  } catch (error) {
    return answerFailure(error, action, turn);
  }
}

async function answerFailure(error: unknown, action: CardAction, turn: ActionTurn): Promise<CardActionResponse> {
  if (isGraphRequestError(error, 'notFound')) return answerStaleCard(action, turn);
  const report = describeFailure(error);
  turn.services.logger[report.severity](`Card action ${action.verb} failed`, { verb: action.verb, code: report.code, ...report.logFields });
  // A message keeps the card as it was (with anything typed into it), so the user can simply try again.
  if (report.severity === 'warn') return messageResponse(report.userText);
  return errorResponse(500, 'InternalError', report.userText);
}

/** The card points at an interest that is gone (deleted elsewhere, or a card from long ago): show the list as it is. */
async function answerStaleCard(action: CardAction, { services, getToken, ownerId, context }: ActionTurn): Promise<CardActionResponse> {
  services.logger.info('Card action on an interest that no longer exists', { verb: action.verb });
  try {
    const interests = await services.interests.list(getToken);
    return cardResponse(renderListCard({ interests, page: 0, ownerId, notice: STALE_CARD_NOTICE, viewers: cardViewersFor(context.activity) }));
  } catch (error) {
    const report = describeFailure(error);
    services.logger[report.severity]('Listing interests after a stale card failed', { verb: action.verb, code: report.code, ...report.logFields });
    return messageResponse(report.userText);
  }
}
