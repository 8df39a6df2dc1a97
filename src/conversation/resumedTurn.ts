import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';

/**
 * A new turn context for the message the user sent before sign-in got in the way, inside the turn that finished
 * sign-in. Prompts and commands read `context.activity`, so running that message through them carries on exactly
 * where the user was. It shares the finishing turn's state (its cached bot state and connector client), so state
 * writes land in that turn's save, and its replies are sent through that turn (which buffers them for
 * `expectReplies` or posts them), so they go where the turn's own replies go.
 */
export function resumedTurn(context: TurnContext, text: string): TurnContext {
  const message: Partial<Activity> = { ...context.activity, type: ActivityTypes.Message, text, value: undefined, name: undefined, replyToId: undefined };
  const resumed = new TurnContext(context.adapter, message);
  context.turnState.forEach((value, key) => resumed.turnState.set(key, value));
  resumed.onSendActivities((_resumed, activities) => context.sendActivities(activities));
  return resumed;
}
