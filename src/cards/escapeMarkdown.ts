/**
 * Makes text show literally in an Adaptive Card `TextBlock`, which renders a Markdown subset (bold, italic, lists,
 * links) and, in Teams, more of CommonMark. A backslash before ASCII punctuation is CommonMark's escape, so the
 * characters that start Markdown or an HTML entity get one; list and heading markers only matter at a line start.
 */
const INLINE_MARKDOWN = /[\\`*_~[\]<>&|]/g;
const LINE_START_MARKER = /^(\s*)([-+#>=]|\d+(?=[.)]))/gm;

export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_MARKDOWN, '\\$&').replace(LINE_START_MARKER, (_match, indent: string, marker: string) =>
    /^\d+$/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
  );
}
