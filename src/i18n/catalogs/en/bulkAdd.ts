/** Adding several interests at once. */
export const bulkAddMessages = {
} as const;
