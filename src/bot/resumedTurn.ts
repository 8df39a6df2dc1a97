import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';

/**
 * A view of `context` in which the activity is the message the user sent before sign-in got in the way. Prompts
 * and commands read `context.activity`, so replaying that message through them carries on exactly where the user
 * was. Everything else (turn state with its cached bot state and connector client, replies buffered for
 * `expectReplies`, the responded flag) is the real turn's, so replies and state writes go where they belong.
 */
export function replayMessage(context: TurnContext, text: string): TurnContext {
  const original = context.activity;
  const message: Activity = { ...original, type: ActivityTypes.Message, text, value: undefined, name: undefined, replyToId: undefined };
  const view = Object.create(context) as TurnContext;
  // TurnContext exposes `activity` through a getter over its private `_activity`.
  Object.defineProperty(view, '_activity', { value: message });
  return view;
}
