/**
 * The card-action registry, gathered from the features' route lists: each feature declares its card actions once
 * (`features/<feature>/cardActions.ts`: verb, payload schema, kind, need) and lists a route for each
 * (`CardActionRoutesOf` makes a declared action without one a compile error). The parser of every invoke and the
 * verbs by name are made from it here; a verb declared twice fails at start-up.
 */
import { byVerb, parseCardActionAmong, type CardActionOf } from '../conversation/cardActionDefinition';
import { ANSWER_CHOICE, answerChoice } from '../conversation/dialogs/choiceAnswerAction';
import type { DispatchedRoute } from '../conversation/routeTypes';
import type { Result } from '../domain/result';
import type { BULK_ADD_CARD_ACTIONS } from '../features/bulkAdd/cardActions';
import { BULK_ADD_CARD_ROUTES } from '../features/bulkAdd/bulkAddRoutes';
import type { INTEREST_CARD_ACTIONS } from '../features/interests/cardActions';
import { INTEREST_CARD_ROUTES } from '../features/interests/cardRoutes';

const CARD_ACTIONS = { ...INTEREST_CARD_ROUTES, ...BULK_ADD_CARD_ROUTES, answerChoice } as const;

type Declared = typeof INTEREST_CARD_ACTIONS & typeof BULK_ADD_CARD_ACTIONS & { answerChoice: typeof ANSWER_CHOICE };

/** Every card verb by its name (`CARD_VERBS.saveTags` is `SAVE_TAGS.verb`), for the tools and tests that act like a client. */
export const CARD_VERBS = Object.freeze(Object.fromEntries(Object.entries(CARD_ACTIONS).map(([name, route]) => [name, route.verb]))) as {
  readonly [K in keyof Declared]: Declared[K]['verb'];
};

export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];

/** Every verb, so the tests can assert each one is answered. */
export const ALL_CARD_VERBS: readonly CardVerb[] = Object.freeze(Object.values(CARD_VERBS));

/** A parsed card action, of any verb. */
export type CardAction = CardActionOf<Declared[keyof Declared]>;

/** Verb → route. Each handler makes at most one Graph request on its normal path, but for the bulk create and retry (the list, read at the click, and one per 20 names) and the confirmed delete (the interest, read again at the click, and the delete). */
export const CARD_ACTION_ROUTES: ReadonlyMap<string, DispatchedRoute> = byVerb<DispatchedRoute>(Object.values(CARD_ACTIONS) as readonly DispatchedRoute[]);

/**
 * Parses the `value` of an `adaptiveCard/action` invoke into a card action of any declared verb; anything malformed
 * is an error result, never a throw (`parseCardActionAmong`).
 */
export function parseCardAction(value: unknown): Result<CardAction, string> {
  return parseCardActionAmong(value, CARD_ACTION_ROUTES) as Result<CardAction, string>;
}

/** The route of a parsed action. */
export function routeOf(action: CardAction): DispatchedRoute {
  const route = CARD_ACTION_ROUTES.get(action.verb);
  // Parsed by the registry, so its verb has a route.
  if (route === undefined) throw new Error(`No route for the card verb ${action.verb}`);
  return route;
}
