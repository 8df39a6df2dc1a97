/**
 * The `adaptiveCard/action` boundary: parse the payload (once), refuse anyone but the card's owner, run the verb's
 * route (on the time budget for its kind, signed in when it needs Graph), and turn every failure into an answer
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
import { describeFailure } from '../conversation/userMessages';
import type { ActionTurn, CardActionRoute } from '../conversation/routeTypes';
import { routeOf } from './cardActionRoutes';
import { askerOnly, cardResponse, errorResponse, messageResponse, type CardActionResponse } from '../conversation/invokeResponses';
import { setTurnCardAction } from '../conversation/turnCardAction';

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
  setTurnCardAction(context, action);
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
    if (!route.needsGraph) return await route.handle(action, turn);
    return await turn.services.graph.runForCardAction(turn.context, async (profile) => {
      try {
        return await route.handle(action, { ...turn, profile });
      } catch (error) {
        if (isGraphRequestError(error, 'notFound')) return answerStaleCard(error, action, turn, profile);
        throw error;
      }
    });
  } catch (error) {
    return answerFailure(error, action, turn);
  }
}

function answerFailure(error: unknown, action: CardAction, turn: ActionTurn): CardActionResponse {
  const report = describeFailure(error);
  turn.services.logger[report.severity](`Card action ${action.verb} failed`, { verb: action.verb, code: report.code, ...report.logFields });
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
    const report = describeFailure(error);
    services.logger[report.severity]('Listing interests after a stale card failed', { verb: action.verb, code: report.code, ...report.logFields });
    return messageResponse(report.userText);
  }
}
