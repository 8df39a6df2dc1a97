/** Listing, opening, adding, editing, tagging and deleting interests: replies and dialog questions. */
export const interestMessages = {
  // What the domain's rules say about a value typed for an interest (`validateInterest.ts`).
  'validation.name.empty': 'The name can’t be empty.',
  'validation.name.invisible': 'The name needs at least one visible character (a letter, digit or symbol).',
  'validation.notText':
    '{field, select, name {The name must be text.} description {The description must be text.} categories {Categories must be text.} tags {Tags must be text.} audience {The audience must be text.} other {The link must be text.}}',
  'validation.unsafeCharacters':
    '{field, select, name {The name contains characters that can’t be saved.} description {The description contains characters that can’t be saved.} category {A category contains characters that can’t be saved.} other {The link contains characters that can’t be saved.}}',
  'validation.tooLong':
    '{field, select, name {The name can be at most {max, number} characters.} description {The description can be at most {max, number} characters.} category {Each category can be at most {max, number} characters.} other {The link can be at most {max, number} characters.}}',
  'validation.categories.tooMany': 'You can add at most {max, number} categories.',
  'validation.tags.unknown': 'Unknown tag. Choose from: {choices}.',
  'validation.audience.unknown': 'Choose who can see it: {choices}.',
  'validation.link.spaces': 'The link can’t contain spaces.',
  'validation.link.scheme': 'The link must start with http:// or https://.',
  'validation.link.invalid': 'That doesn’t look like a valid link.',
  'validation.link.credentials': 'The link can’t contain a user name or password.',

  // Replies shared by several actions.
  'interest.cancelled': 'Cancelled',
  'interest.nothingChanged': 'Nothing was changed.',
  'interest.saved': 'Saved.',
  'interest.confirmed': 'Confirmed: this interest is on your profile.',
  'interest.notSaved': 'Not saved: {problems} Correct it on the card and press Save again.',
  'choice.hint': 'Choose one, or type its number or name.',
  'choice.required': 'Choose one of the options.',

  // `edit <name>` and `delete <name>`.
  'command.notFound': 'I couldn’t find "{name}" in your interests. Pick one below.',
  'command.whichInterest': 'Which interest? Say "{command}" and its name, or pick one below.',

  // Delete and Undo.
  'delete.underWay': 'That delete is already under way. Say "list" in a moment to see your interests.',
  'delete.expired.title': 'This delete has expired',
  'delete.olderCard.title': 'This card is from an older version',
  'delete.openAgain': 'Nothing was deleted. Open the interest again (say "list") and delete it from there.',
  'delete.alreadyGone.title': '{name} was already gone',
  'delete.alreadyGone.titleUnnamed': 'That interest was already gone',
  'delete.alreadyGone.text': 'It was no longer on your profile, so nothing was deleted. Say "list" to see your interests.',
  'undo.underWay': 'That undo is already under way. Say "list" in a moment to see your interests.',
  'undo.unavailable.title': 'This undo is no longer available',
  'undo.unavailable.text': 'It has expired (Undo works for 24 hours), or it is not valid here. Nothing was changed. Say "list" to see your interests.',
  'undo.olderCard.text': 'This Undo button is from an older version of the bot and cannot restore anything. Nothing was changed. Say "add" to add the interest again.',
  'undo.restored': 'Restored as a new item, with a new id and date.',
  'undo.restored.synced': '{source} before; this copy is yours now and is no longer updated from there.',
  'undo.restored.syncedElsewhere': 'It was synced from another system before; this copy is yours now and is no longer updated from there.',
  'undo.restored.suggestion': 'It is a suggestion again, for you to confirm or remove.',
  'undo.restored.audienceReplaced': 'Its audience could not be restored as it was, so only you can see it now; use Edit to choose who can see it.',

  // The owner's own view of a card posted in a group chat or channel.
  'ownerView.loading.title': 'Loading…',
  'ownerView.loading.text': 'Microsoft 365 is taking a while. Select Show my view to try again in a moment.',

  // A chat opened again after the bot has welcomed it (`welcome.ts`).
  'welcome.again': 'Welcome back! Say **help** to see what I can do, or **list** to see your interests.',

  // The add dialog.
  'addDialog.askName': 'What’s the name of the interest? For example: Chess.',
  'addDialog.askDescription': 'Add a short description, or say skip.',
  'addDialog.askCategories': 'Any categories? Separate them with commas (like Games, Strategy), or say skip.',
  'addDialog.askTags': 'Which collaboration tags fit?',
  'addDialog.askAudience': 'Who can see it? Say skip for {audience}.',
  'addDialog.askLink': 'Add a link (starting with http:// or https://), or say skip.',
  'addDialog.next': 'Next',
  'addDialog.audience.label': 'Who can see it',
  'addDialog.audience.answered': 'Who can see it: {audience}',
  'addDialog.duplicate.question': 'You already have an interest called "{name}". Do you want to tag it or edit it instead?',
  'addDialog.duplicate.label': 'What to do',
  'addDialog.duplicate.submit': 'Choose',
  'addDialog.duplicate.tag': 'Tag it',
  'addDialog.duplicate.edit': 'Edit it',
  'addDialog.duplicate.rename': 'Pick another name',
  'addDialog.duplicate.reason': 'Choose one: {tag}, {edit} or {rename}.',
  'addDialog.confirm.askAgain': 'Say yes to create it, or no to leave it.',
  'addDialog.confirm.busy': 'Microsoft 365 is busy right now. Say yes to try again, or cancel.',
  'addDialog.notAdded.title': 'Not added',
  'addDialog.notAdded': 'Okay, I didn’t add it. Nothing was changed.',
  'addDialog.added': 'Added to your profile.',
  'addDialog.alreadyAdding': 'That interest is already being added. Say list to see your interests.',
  'addDialog.finished.title': 'This add is finished',
  'addDialog.finished.text': 'The interest was already added, or adding it was cancelled. Say "list" to see your interests or "add" to add another.',
  'addDialog.repliedInChat': 'See my reply in the chat.',

  // The tag question (add dialog and tag dialog).
  'tagQuestion.hint': 'Tick the ones that fit, or type their numbers (like 1,3) or names, or none.',
  'tagQuestion.label': 'Collaboration tags',
  'tagQuestion.noSuchNumber': 'There is no tag number {number}: pick numbers from {first, number} to {last, number}.',
  'tagQuestion.answered': 'Tags: {tags}',
  'tagQuestion.answered.none': 'No tags',

  // The tag dialog.
  'tagDialog.pickQuestion': 'Which interest do you want to tag?',
  'tagDialog.noInterests': 'You don’t have any interests yet. Say add to create one.',
  'tagDialog.privateInPersonalChat': 'To tag a private one, say tag to me in a personal chat.',
  'tagDialog.notFound': 'I couldn’t find "{name}" in your interests.',
  'tagDialog.ask.tagged': '"{name}" is tagged: {tags}. Which tags should it have?',
  'tagDialog.ask.untagged': '"{name}" has no tags yet. Which tags should it have?',
  'tagDialog.save': 'Save tags',
  'tagDialog.saved': 'Tags saved.',
  'tagDialog.unchanged': 'The tags were already set that way, so nothing changed.',
  'tagDialog.busy': 'Microsoft 365 is busy right now, so the tags were not saved. Send them again to try again, or say cancel.',

  // Picking one interest from a paged list.
  'pick.question.paged': '{question} (page {page, number} of {pages, number})',
  'pick.hint.paged': 'Choose one, or type its number or name. {next} and {previous} turn the page.',
  'pick.label': 'Interest',
  'pick.submit': 'Select',
  'pick.noName': '(no name)',
  'pick.reason': 'Pick one of the listed interests: choose it on the card, or type its number or name.',
} as const;
