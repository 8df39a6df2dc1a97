/** The Teams app package's words: its name, descriptions and the command list (`appPackage/`). */
export const manifestMessages = {
} as const;
