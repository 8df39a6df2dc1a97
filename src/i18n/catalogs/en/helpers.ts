/** Who can help: finding colleagues by their interests. */
export const helperMessages = {
} as const;
