/**
 * The `adaptiveCard/action` boundary: parse the payload (once), refuse anyone but the card's owner, run the verb's
 * route (on the time budget for its kind, with what it needs, signed in: `graph.tokenFor`), and turn every failure into an answer
 * Teams can show, logged once here. It never throws, so an invoke always gets a well-formed body.
 */
import type { TurnContext } from 'botbuilder';
import { renderListCard } from '../features/interests/cards/listCard';
import { isGraphRequestError } from '../errors/graphErrors';
import type { UserInterests } from '../graph/userInterests';
import { actorIdOf } from '../conversation/actor';
import { cardViewersFor } from '../conversation/replies';
import type { BotServices } from '../conversation/botServices';
import { answerAskerWithinBudget, answerCardActionWithinBudget } from '../conversation/cardActionDeadline';
import { answerFailure as logFailureOnce } from '../conversation/answerFailure';
import { renderNotice, type NoticeWords } from '../conversation/noticeWords';
import { describeFailure } from '../conversation/userMessages';
import type { MessageKey } from '../i18n/catalog';
import type { Provided } from '../conversation/graphAccess';
import type { ActionTurn, DispatchedRoute, RouteNeed } from '../conversation/routeTypes';
import { textOf } from '../conversation/turnText';
import { CARD_VERBS, parseCardAction, routeOf, type CardAction } from './cardActionRoutes';
import { askerOnly, cardResponse, errorResponse, messageResponse, type CardActionResponse } from '../conversation/invokeResponses';

export const NOT_YOUR_CARD_NOTICE_KEYS: NoticeWords = { title: 'cardAction.notYours.title', text: 'cardAction.notYours.text' };

export const OWNER_VIEW_ONLY_KEY: MessageKey = 'cardAction.ownerViewOnly';

export const STALE_CARD_NOTICE_KEY: MessageKey = 'cardAction.staleCard';

export async function handleCardAction(context: TurnContext, services: BotServices): Promise<CardActionResponse> {
  const { logger } = services;
  const parsed = parseCardAction(context.activity.value);
  if (!parsed.ok) {
    logger.warn('Refused a malformed card action', { problem: parsed.error });
    return errorResponse(400, 'BadRequest', textOf(context).t('cardAction.malformed'));
  }
  const action = parsed.value;
  const actorId = actorIdOf(context.activity);
  if (action.ownerId !== actorId) {
    logger.info('Refused a card action from someone other than the card owner', { verb: action.verb });
    // Another member asking for the owner's view keeps the card as posted: a message answer leaves it in place.
    if (action.verb === CARD_VERBS.ownerView) return messageResponse(textOf(context).t(OWNER_VIEW_ONLY_KEY));
    return cardResponse(renderNotice(textOf(context), NOT_YOUR_CARD_NOTICE_KEYS));
  }
  const route = routeOf(action);
  const turnOn = (turnContext: TurnContext): ActionTurn => ({ context: turnContext, services, ownerId: actorId });
  const { cardActionDeadline } = services;
  if (route.answersFor === 'askerAlone') {
    // Everything this route answers, failures included, is for the asker's eyes: never posted to the conversation.
    const answerAsker = async (turnContext: TurnContext) => askerOnly(await runRoute(route, action, turnOn(turnContext)));
    if (!cardActionDeadline) return answerAsker(context);
    return answerAskerWithinBudget(context, route.verb, answerAsker, () => route.whileLate(textOf(context), action), cardActionDeadline);
  }
  const answer = (turnContext: TurnContext) => runRoute(route, action, turnOn(turnContext));
  if (route.kind === 'dialog' || !cardActionDeadline) return answer(context);
  return answerCardActionWithinBudget(context, { verb: route.verb, kind: route.kind }, answer, cardActionDeadline);
}

async function runRoute(route: DispatchedRoute, action: CardAction, turn: ActionTurn): Promise<CardActionResponse> {
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
  const userText = textOf(turn.context).say(report.userMessage);
  // A message keeps the card as it was (with anything typed into it), so the user can simply try again.
  if (report.severity === 'warn') return messageResponse(userText);
  return errorResponse(500, 'InternalError', userText);
}

/** The card points at an interest that is gone (deleted elsewhere, or a card from long ago): show the list as it is. */
async function answerStaleCard(notFound: unknown, action: CardAction, { services, ownerId, context }: ActionTurn, profile: UserInterests): Promise<CardActionResponse> {
  services.logger.info('Card action on an interest that no longer exists', { verb: action.verb, ...describeFailure(notFound).logFields });
  try {
    const interests = await profile.list();
    const text = textOf(context);
    return cardResponse(renderListCard(text, { interests, page: 0, ownerId, notice: text.t(STALE_CARD_NOTICE_KEY), viewers: cardViewersFor(context.activity) }));
  } catch (error) {
    const report = logFailureOnce(services.logger, 'Listing interests after a stale card failed', error, { verb: action.verb });
    return messageResponse(textOf(context).say(report.userMessage));
  }
}
