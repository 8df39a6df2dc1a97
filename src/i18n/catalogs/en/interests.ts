/** Listing, opening, adding, editing, tagging and deleting interests: replies and dialog questions. */
export const interestMessages = {
} as const;
