import type { StatePropertyAccessor } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { InterestDialogDeps, InterestDialogs } from '../conversation/dialogs/dialogIds';
import type { InterestDialogSet } from '../features/interests/dialogs/interestDialogSet';


/** The add and tag dialogs, loaded on first use (see `InterestDialogs`). */
export function createInterestDialogs(deps: InterestDialogDeps, dialogState: StatePropertyAccessor<DialogState>): InterestDialogs {
  let loaded: Promise<InterestDialogSet> | undefined;
  const load = (): Promise<InterestDialogSet> =>
    (loaded ??= import('../features/interests/dialogs/interestDialogSet').then(({ createInterestDialogSet }) => createInterestDialogSet(deps, dialogState)));
  return {
    async createContext(context, state) {
      const dialogs = await load();
      return state ? dialogs.contextOn(context, state) : dialogs.createContext(context);
    },
    async preload() {
      await load();
    },
  };
}
