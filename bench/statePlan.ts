/**
 * Which state keys a bot reads and writes for each user action, and whether it sends a typing activity: what the
 * production floor (`productionFloorBot.ts`) copies from the product, observed on the wire, so both make the same
 * storage round trips on the same keys. The keys are botbuilder's state keys (`ConversationState`,
 * `PrivateConversationState`, `UserState`), named from the activity as botbuilder names them. Pure: tested in
 * `test/bench/production.test.ts`.
 */
export type StateScope = 'conversation' | 'privateConversation' | 'user';
const SCOPES: readonly StateScope[] = ['conversation', 'privateConversation', 'user'];

/** What the bot does with storage and the connector for one action. */
export interface ActionPlan {
  readonly read: readonly StateScope[];
  readonly write: readonly StateScope[];
  /**
   * Other keys (records such as "exactly once" claims), as templates: the conversation's and the user's ids
   * replaced by `{conversation}` and `{user}`, anything else as it was.
   */
  readonly otherReads: readonly string[];
  readonly otherWrites: readonly string[];
  readonly typing: boolean;
}

/** Per action: `message` for a message, the card verb for an `adaptiveCard/action` invoke. */
export type StatePlan = Readonly<Record<string, ActionPlan>>;

/** What of an activity names its keys (a botbuilder `Activity` is one). */
export interface ActivityShape {
  readonly type?: string;
  readonly channelId?: string;
  readonly conversation?: { readonly id?: string };
  readonly from?: { readonly id?: string };
  readonly value?: unknown;
}

/** `message`, or the verb of a card action. */
export function actionOf(activity: ActivityShape): string {
  if (activity.type !== 'invoke') return 'message';
  const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' ? verb : 'invoke';
}

export function stateKey(scope: StateScope, activity: ActivityShape): string {
  const channel = activity.channelId ?? '';
  const conversation = activity.conversation?.id ?? '';
  const user = activity.from?.id ?? '';
  switch (scope) {
    case 'conversation':
      return `${channel}/conversations/${conversation}`;
    case 'privateConversation':
      return `${channel}/conversations/${conversation}/users/${user}`;
    case 'user':
      return `${channel}/users/${user}`;
  }
}

const CONVERSATION = '{conversation}';
const USER = '{user}';

/** `key` with the activity's conversation and user ids as placeholders (the longer first, as one may hold the other). */
export function keyTemplate(key: string, activity: ActivityShape): string {
  const ids = [
    [activity.conversation?.id ?? '', CONVERSATION],
    [activity.from?.id ?? '', USER],
  ].filter(([id]) => id !== '').sort((a, b) => (b[0] ?? '').length - (a[0] ?? '').length);
  return ids.reduce((template, [id = '', placeholder = '']) => template.split(id).join(placeholder), key);
}

function fillTemplate(template: string, activity: ActivityShape): string {
  return template.split(CONVERSATION).join(activity.conversation?.id ?? '').split(USER).join(activity.from?.id ?? '');
}

/** The keys to read at the start of the turn and to write at its end, for this activity (none for an action the plan lacks). */
export function stateKeysFor(plan: StatePlan, activity: ActivityShape): { read: string[]; write: string[]; typing: boolean } {
  const action = plan[actionOf(activity)];
  if (!action) return { read: [], write: [], typing: false };
  return {
    read: [...action.read.map((scope) => stateKey(scope, activity)), ...action.otherReads.map((template) => fillTemplate(template, activity))],
    write: [...action.write.map((scope) => stateKey(scope, activity)), ...action.otherWrites.map((template) => fillTemplate(template, activity))],
    typing: action.typing,
  };
}

/** One storage request seen on the wire. */
export interface ObservedRequest {
  readonly operation: 'read' | 'write' | 'delete' | 'other';
  readonly key: string | undefined;
}

/**
 * The plan of one action from what the bot was seen doing in one turn of `activity`: the state scopes it read and
 * wrote, the other keys it read and wrote (as templates), and whether it sent a typing activity. The token cache
 * (`msal/…`) is not state: the floor reads it its own way.
 */
export function observedPlan(requests: readonly ObservedRequest[], activity: ActivityShape, typing: boolean): ActionPlan {
  const stateKeys = new Set(SCOPES.map((scope) => stateKey(scope, activity)));
  const scopes = (operation: ObservedRequest['operation']): StateScope[] =>
    SCOPES.filter((scope) => requests.some((request) => request.operation === operation && request.key === stateKey(scope, activity)));
  const others = (operation: ObservedRequest['operation']): string[] => [
    ...new Set(requests.filter((request) => request.operation === operation && request.key !== undefined && !stateKeys.has(request.key) && !request.key.startsWith('msal/')).map((request) => keyTemplate(request.key ?? '', activity))),
  ];
  return { read: scopes('read'), write: scopes('write'), otherReads: others('read'), otherWrites: others('write'), typing };
}
