import { ActivityTypes, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';

/**
 * Holds a turn's outgoing activities until `release()`, so a turn that is run again (after losing a state-write
 * race) or given up on never leaves half of its replies behind. Typing indicators go straight out: they promise
 * nothing and keep the user informed during a slow Graph call.
 */
export interface HeldReplies {
  /** Sends everything held, in order; from then on nothing is held (e.g. what `onTurnError` says). */
  release(): Promise<void>;
  /** Forgets everything held. */
  discard(): void;
}

export function holdReplies(context: TurnContext): HeldReplies {
  let held: Partial<Activity>[] = [];
  let released = false;
  context.onSendActivities(async (_context, activities, next) => {
    if (released || activities.every((activity) => activity.type === ActivityTypes.Typing)) return next();
    held.push(...activities);
    // Nothing here reads the ids of sent activities; with expectReplies there are none either.
    return activities.map((): ResourceResponse => ({ id: '' }));
  });
  return {
    async release() {
      const toSend = held;
      held = [];
      released = true;
      if (toSend.length > 0) await context.sendActivities(toSend);
    },
    discard() {
      held = [];
    },
  };
}
