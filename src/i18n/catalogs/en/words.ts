/**
 * Words people type, not read: each message is the alternatives the bot understands, separated by `|`, the first
 * being the one it shows (in the help card, the app's command list). Commands keep their English words in every
 * language and also understand these; each language writes the words its speakers would type, lower case.
 */
export const wordMessages = {
  'words.command.help': 'help|?',
  'words.command.cancel': 'cancel',
  'words.command.signOut': 'sign out|signout|logout|log out',
  'words.command.list': 'list|my interests',
  'words.command.add': 'add',
  'words.command.tag': 'tag',
  'words.command.edit': 'edit',
  'words.command.delete': 'delete',
  'words.command.whoCanHelp': 'who can help with|who can help me with|who knows about|who knows|find a mentor for|mentor for',
  'words.answer.yes': 'yes|y|yep|yeah|ok|okay|sure|create|create it|confirm|add|add it|save',
  'words.answer.no': 'no|n|nope|cancel|stop|don’t|discard',
  'words.answer.skip': 'skip|none|no|n/a|-',
} as const;
