import type { Storage } from 'botbuilder';
import type { Logger } from '../../logger';
import type { GraphAccess } from '../graphAccess';

/** Ids the bot core starts the interest dialogs by (`dialogContext.beginDialog(id, options)`). */
export const ADD_INTEREST_DIALOG = 'addInterest';
export const TAG_INTEREST_DIALOG = 'tagInterest';

/** Options both dialogs accept: `name` comes from a command such as "add Chess" or "tag Chess". */
export interface InterestDialogOptions {
  name?: string;
}

/** The services every interest dialog is built with; they hold no per-user state. */
export interface InterestDialogDeps {
  /** Every step that calls Graph runs through it, signed in (see `graphAccess.ts`). */
  readonly graph: GraphAccess;
  readonly logger: Logger;
  /** The bot's shared storage: a confirmed add is claimed there, so it creates once however many turns race. */
  readonly storage: Storage;
}
