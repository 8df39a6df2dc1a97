import type { TurnContext } from 'botbuilder';
import type { CardAction, CardVerb } from '../../cards/cardActions';
import type { AccessTokenProvider } from '../../graph/interestsClient';
import type { BotServices } from '../botServices';
import type { CardActionResponse } from './invokeResponses';

/** One card action being answered. `ownerId` has been checked: it is the user who clicked. */
export interface ActionTurn {
  readonly context: TurnContext;
  readonly services: BotServices;
  readonly ownerId: string;
  /** The clicking user's Graph token source. */
  readonly getToken: AccessTokenProvider;
}

export type CardActionHandler<V extends CardVerb> = (action: Extract<CardAction, { verb: V }>, turn: ActionTurn) => Promise<CardActionResponse>;

/** One handler per verb; the mapped type makes a missing verb a compile error. */
export type CardActionRoutes = { readonly [V in CardVerb]: CardActionHandler<V> };
