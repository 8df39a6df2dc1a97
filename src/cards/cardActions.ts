/**
 * The `Action.Execute` verbs the bot's cards carry, and the data each one records. Cards are built by the
 * renderers in this folder; the invoke handler in the bot parses `value.action` with `parseCardAction` and
 * routes on `verb`. Every action records `ownerId` (the AAD object id, or channel user id, of the user whose
 * interests the card shows) so an action from anyone else can be refused.
 */
export const CARD_VERBS = {
  showList: 'list.show',
  openInterest: 'interest.open',
  editInterest: 'interest.edit',
  saveInterest: 'interest.save',
  tagInterest: 'interest.tag',
  saveTags: 'interest.saveTags',
  deleteInterest: 'interest.delete',
  confirmDelete: 'interest.confirmDelete',
  undoDelete: 'interest.undoDelete',
  confirmInference: 'interest.confirmInference',
  cancel: 'interest.cancel',
  confirmAdd: 'add.confirm',
  cancelAdd: 'add.cancel',
} as const;

export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];
