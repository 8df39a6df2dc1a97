import type { TurnContext } from 'botbuilder';
import type { BotState, RestoredUndos } from './botState';

/** Enough for any Undo card still on screen; older records are dropped so user state stays small. */
const MAX_RECORDS = 50;

/** The interest an earlier click on this Undo card re-created, if any. */
export async function findRestoredInterestId(state: BotState, context: TurnContext, undoToken: string): Promise<string | undefined> {
  const records = await state.restoredUndos.get(context, {});
  return Object.hasOwn(records, undoToken) ? records[undoToken]?.interestId : undefined;
}

export async function recordRestore(state: BotState, context: TurnContext, undoToken: string, interestId: string, now: Date): Promise<void> {
  const records = await state.restoredUndos.get(context, {});
  const newestFirst = Object.entries(records)
    .filter(([token]) => token !== undoToken)
    .sort(([, a], [, b]) => b.restoredAt.localeCompare(a.restoredAt))
    .slice(0, MAX_RECORDS - 1);
  const next: RestoredUndos = Object.fromEntries([[undoToken, { interestId, restoredAt: now.toISOString() }], ...newestFirst]);
  await state.restoredUndos.set(context, next);
}
