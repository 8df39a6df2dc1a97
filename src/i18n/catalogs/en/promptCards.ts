/** Words on the help, notice, choice, tag-picker, add-summary and personal-chat-hint cards. */
export const promptCardMessages = {
} as const;
