/**
 * The Teams app package's words (`appPackage/manifest.json`): the app's name and descriptions as the store, the app
 * details page and admins read them, and what each command in the app's command list does. Plain text, no
 * placeholders. Teams' limits: `manifest.name.short` 30 characters, `manifest.name.full` 100,
 * `manifest.description.short` 80, `manifest.description.full` 4000, a command description 4000 (the packager
 * refuses a longer one). A command's title is not here: it is the first word of `words.command.<name>`, what people
 * type.
 */
export const manifestMessages = {
  'manifest.name.short': 'Profile Interests',
  'manifest.name.full': 'Profile Interests: keep your Microsoft 365 profile interests up to date',
  'manifest.description.short': 'Keep the interests on your own Microsoft 365 profile up to date by chat.',
  'manifest.description.full':
    'Profile Interests lets each person list, add, edit, tag and remove the interests on their own Microsoft 365 profile by chatting with a bot, in a personal chat, a group chat or a team channel, and ask who can help with a topic. What it does with profile data: after the user signs in with Teams single sign-on, it reads and writes only the signed-in user’s own profile interests (personInterest items) through Microsoft Graph, using the delegated permission User.ReadWrite. Only when someone asks who can help with a topic does it also read, with the delegated permissions User.Read.All and People.Read, the interests of the people in that conversation or of the people they work with most, as far as Microsoft 365 lets that person see them. It never changes anyone else’s profile and uses no application permissions. Nothing is stored by the app besides conversation state (for example, which step of a conversation a user is in); what a who-can-help question read is kept in memory for a few minutes, for the person who asked only. Interests stay in Microsoft 365, and sign-in tokens are never written to storage, logs or cards.',
  'manifest.command.help.description': 'Show what I can do and how to ask for it.',
  'manifest.command.list.description': 'Show the interests on your profile, with buttons to edit, tag or remove each one.',
  'manifest.command.add.description': 'Add an interest to your profile, or several at once, one per line or separated by semicolons, for example: add Kubernetes',
  'manifest.command.tag.description': 'Mark an interest as ask me about, can mentor, wants to learn or wants to improve, for example: tag Kubernetes',
  'manifest.command.whoCanHelp.description': 'Find the people who can mentor you on a topic or answer your questions about it, for example: who can help with Kubernetes',
  'manifest.command.signOut.description': 'Sign out of the bot; your profile is not changed.',
} as const;
