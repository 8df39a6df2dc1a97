import { ActivityTypes, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';

/**
 * Holds a turn's outgoing activities until `release()`, so a turn that is run again (after losing a state-write
 * race) or given up on never leaves half of its replies behind. Typing indicators go straight out: they promise
 * nothing and keep the user informed during a slow Graph call.
 */
export interface HeldReplies {
  /** Sends everything held, in order. */
  release(): Promise<void>;
  /** Forgets everything held. */
  discard(): void;
}

export function holdReplies(context: TurnContext): HeldReplies {
  let held: Partial<Activity>[] = [];
  let releasing = false;
  context.onSendActivities(async (_context, activities, next) => {
    if (releasing || activities.every((activity) => activity.type === ActivityTypes.Typing)) return next();
    held.push(...activities);
    // Nothing here reads the ids of sent activities; with expectReplies there are none either.
    return activities.map((): ResourceResponse => ({ id: '' }));
  });
  return {
    async release() {
      const toSend = held;
      held = [];
      if (toSend.length === 0) return;
      releasing = true;
      try {
        await context.sendActivities(toSend);
      } finally {
        releasing = false;
      }
    },
    discard() {
      held = [];
    },
  };
}
