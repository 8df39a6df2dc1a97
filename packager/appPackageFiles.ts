/** The files of a Teams app package, all at the zip root; the manifest's `icons` must name these files. */
export const APP_PACKAGE_FILES = { manifest: 'manifest.json', color: 'color.png', outline: 'outline.png' } as const;
