/** Who can help: finding colleagues by their interests. */
export const helperMessages = {
  'helpers.card.heading': 'Who can help with {topic}',
  'helpers.card.role.mentor': 'Can mentor',
  'helpers.card.role.askAbout': 'Ask them about it',
  'helpers.card.role.studyPartner': 'Also want to learn or improve it (a study partner)',
  'helpers.card.more': '{count, plural, one {and # more person} other {and # more people}}',
  'helpers.card.someone': 'Someone',
  'helpers.card.chatWith': 'Chat with {name}',

  'helpers.searched.members': '{count, plural, one {I looked at the # other member of this conversation.} other {I looked at the # other members of this conversation.}}',
  'helpers.searched.people': '{count, plural, one {I looked at the # person you work with most.} other {I looked at the # people you work with most.}}',
  'helpers.note.moreMembers': 'This conversation has more than {limit, number} other members; I looked at the first {limit, number}.',
  'helpers.note.unreadable': '{count, plural, one {# person’s interests could not be read just now.} other {# people’s interests could not be read just now.}}',
  'helpers.note.sharedRule': 'In this chat I show only interests their owners share with the whole organization; ask me in a personal chat for everything you may see.',

  'helpers.noTopic': 'Who can help with what? Say "who can help with" and a topic, for example "who can help with Kubernetes".',
  'helpers.notAvailable': 'I can’t look up colleagues’ interests here.',
  'helpers.noMatch.members': 'No one in this conversation mentions "{topic}" yet.',
  'helpers.noMatch.people': 'No one among the people you work with most mentions "{topic}" yet.',
  'helpers.noMatch.suggestion': 'Try asking about "{suggestion}" instead: someone mentions it.',
  'helpers.noMatch.howToAppear': 'People show up here once they add it to their interests with a tag such as “Can mentor” or “Ask me about”.',
} as const;
