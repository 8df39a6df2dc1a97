/** What the bot says around every feature: failures, sign-in, deadlines, the outbound limit. */
export const conversationMessages = {
} as const;
