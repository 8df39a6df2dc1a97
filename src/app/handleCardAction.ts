/**
 * The `adaptiveCard/action` boundary: parse the payload (once), refuse anyone but the card's owner, run the verb's
 * route (on the time budget for its kind, with what it needs, signed in: `graph.tokenFor`), and turn every failure into an answer
 * Teams can show, logged once here. It never throws, so an invoke always gets a well-formed body.
 */
import type { TurnContext } from 'botbuilder';
import { CARD_VERBS, parseCardAction, type CardAction, type CardVerb } from '../cards/cardActions';
import { renderListCard } from '../cards/listCard';
import { renderNoticeCard } from '../cards/noticeCard';
import { isGraphRequestError } from '../errors/graphErrors';
import type { UserInterests } from '../graph/userInterests';
import { actorIdOf } from '../conversation/actor';
import { cardViewersFor } from '../conversation/replies';
import type { BotServices } from '../conversation/botServices';
import { answerAskerWithinBudget, answerCardActionWithinBudget } from '../conversation/cardActionDeadline';
import { answerFailure as logFailureOnce } from '../conversation/answerFailure';
import { describeFailure } from '../conversation/userMessages';
import type { Provided } from '../conversation/graphAccess';
import type { ActionTurn, CardActionRoute, RouteNeed } from '../conversation/routeTypes';
import { routeOf } from './cardActionRoutes';
import { askerOnly, cardResponse, errorResponse, messageResponse, type CardActionResponse } from '../conversation/invokeResponses';

export const NOT_YOUR_CARD_NOTICE = {
  title: "This card isn't yours",
  text: 'It shows someone else\'s interests, so only they can use it. Nothing was changed. Say "list" to see your own.',
} as const;

export const OWNER_VIEW_ONLY_TEXT = 'This card shows what everyone here may see; only its owner gets the full view.';

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
    // Another member asking for the owner's view keeps the card as posted: a message answer leaves it in place.
    if (action.verb === CARD_VERBS.ownerView) return messageResponse(OWNER_VIEW_ONLY_TEXT);
    return cardResponse(renderNoticeCard(NOT_YOUR_CARD_NOTICE));
  }
  const route = routeOf(action);
  const turnOn = (turnContext: TurnContext): ActionTurn => ({ context: turnContext, services, ownerId: actorId });
  const { cardActionDeadline } = services;
  if (route.answersFor === 'askerAlone') {
    // Everything this route answers, failures included, is for the asker's eyes: never posted to the conversation.
    const answerAsker = async (turnContext: TurnContext) => askerOnly(await runRoute(route, action, turnOn(turnContext)));
    if (!cardActionDeadline) return answerAsker(context);
    return answerAskerWithinBudget(context, route.verb, answerAsker, () => route.whileLate(action), cardActionDeadline);
  }
  const answer = (turnContext: TurnContext) => runRoute(route, action, turnOn(turnContext));
  if (route.kind === 'dialog' || !cardActionDeadline) return answer(context);
  return answerCardActionWithinBudget(context, { verb: route.verb, kind: route.kind }, answer, cardActionDeadline);
}

async function runRoute(route: CardActionRoute<CardVerb>, action: CardAction, turn: ActionTurn): Promise<CardActionResponse> {
  try {
    // The dispatcher, not the route, gets what the route needs. Without a token: a login request, or, on the action
    // Teams sends again with an SSO token attached, that token redeemed and the token asked for again.
    const { graph } = turn.services;
    let token = await graph.tokenFor(turn.context, route.needs);
    if (!token.ok) {
      const signingIn = await graph.signInForCardAction(turn.context, token);
      if (signingIn) return signingIn;
      token = await graph.tokenFor(turn.context, route.needs);
      if (!token.ok) return messageResponse(token.notice);
    }
    const provided: Provided<RouteNeed> = token.provided;
    try {
      // The route's handler type follows its `needs`, and `provided` is what that need provides.
      return await (route.handle as (action: CardAction, turn: ActionTurn) => Promise<CardActionResponse>)(action, { ...turn, ...provided });
    } catch (error) {
      if ('profile' in provided && isGraphRequestError(error, 'notFound')) return answerStaleCard(error, action, turn, provided.profile);
      throw error;
    }
  } catch (error) {
    return answerFailure(error, action, turn);
  }
}

function answerFailure(error: unknown, action: CardAction, turn: ActionTurn): CardActionResponse {
  const report = logFailureOnce(turn.services.logger, `Card action ${action.verb} failed`, error, { verb: action.verb });
  // A message keeps the card as it was (with anything typed into it), so the user can simply try again.
  if (report.severity === 'warn') return messageResponse(report.userText);
  return errorResponse(500, 'InternalError', report.userText);
}

/** The card points at an interest that is gone (deleted elsewhere, or a card from long ago): show the list as it is. */
async function answerStaleCard(notFound: unknown, action: CardAction, { services, ownerId, context }: ActionTurn, profile: UserInterests): Promise<CardActionResponse> {
  services.logger.info('Card action on an interest that no longer exists', { verb: action.verb, ...describeFailure(notFound).logFields });
  try {
    const interests = await profile.list();
    return cardResponse(renderListCard({ interests, page: 0, ownerId, notice: STALE_CARD_NOTICE, viewers: cardViewersFor(context.activity) }));
  } catch (error) {
    return messageResponse(logFailureOnce(services.logger, 'Listing interests after a stale card failed', error, { verb: action.verb }).userText);
  }
}
