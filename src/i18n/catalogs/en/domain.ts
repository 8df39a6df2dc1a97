/** What the domain rules say: validation problems, audience and tag names, provenance. */
export const domainMessages = {
} as const;
