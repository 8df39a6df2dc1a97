/**
 * The one way out: every activity the bot sends in a turn (replies, typing, an invoke's response, a late answer
 * posted proactively, a replayed turn's replies) passes through here, whatever code sent it. It bounds each one to
 * what Teams accepts, measured as Teams counts it: the whole serialized activity in UTF-16, at most 28 KB, the
 * per-post limit of a channel and well under the bot-message limit elsewhere. Cards and replies are built to stay
 * far below it (echoed text is quoted short, lists are paged and split), so this is the last line: an activity over
 * it would be refused by Teams and the user would see nothing, so it becomes a one-sentence answer instead.
 */
import { ActivityTypes, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import type { MessageKey } from '../i18n/catalog';
import type { Text } from '../i18n/text';
import type { Logger } from '../logger';
import { messageResponse } from './invokeResponses';
import { textOf } from './turnText';

export const MAX_ACTIVITY_BYTES = 28 * 1024;

export const ANSWER_TOO_LONG_KEY: MessageKey = 'limits.answerTooLong';

/** What Teams counts: the serialized activity in UTF-16, two bytes a code unit. */
export function activityWireSize(activity: Partial<Activity>): number {
  return JSON.stringify(activity).length * 2;
}

/** The fields that carry what a message says; the rest addresses it (conversation, reply-to, locale). */
const CONTENT_FIELDS = ['text', 'speak', 'summary', 'attachments', 'attachmentLayout', 'suggestedActions', 'value', 'entities'] as const;

/**
 * The activity as it may be sent: itself when within the limit, otherwise the same reply saying it was too long, in
 * `text`'s language.
 */
export function boundActivity(text: Text, activity: Partial<Activity>): Partial<Activity> {
  if (activityWireSize(activity) <= MAX_ACTIVITY_BYTES) return activity;
  const tooLong = text.t(ANSWER_TOO_LONG_KEY);
  if (activity.type === ActivityTypes.InvokeResponse) return { ...activity, value: { status: 200, body: messageResponse(tooLong) } };
  const bounded: Partial<Activity> = { ...activity };
  for (const field of CONTENT_FIELDS) delete bounded[field];
  return { ...bounded, type: ActivityTypes.Message, text: tooLong };
}

/**
 * Marks an activity already measured. Replies held until the turn's state is saved pass through a second time as
 * copies (`sendActivities` copies each activity, own symbol keys included); JSON leaves the mark out of the wire.
 */
const MEASURED = Symbol('measured by the outbound gate');
type Measured = Partial<Activity> & { [MEASURED]?: true };

export class OutboundGate implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (sending, activities: Measured[], send) => {
      activities.forEach((activity, index) => {
        if (activity[MEASURED]) return;
        // The sending turn's language: a late answer's proactive turn speaks the asking turn's (`speakAs`).
        const bounded: Measured = boundActivity(textOf(sending), activity);
        bounded[MEASURED] = true;
        if (bounded === activity) return;
        // Sizes and type only: what the activity said may be private or user text.
        this.logger.warn('An outgoing activity was over the size Teams accepts; sent a short answer instead', { type: activity.type, bytes: activityWireSize(activity), limit: MAX_ACTIVITY_BYTES });
        activities[index] = bounded;
      });
      return send();
    });
    await next();
  }
}
