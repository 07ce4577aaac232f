// Text from a document (a frontmatter value quoted in a message, a file name)
// must not drive the terminal: an escape sequence could set its title or
// colours, or hide lines. Control characters are shown as `\u001b`, as JSON
// writes them.

// C0 controls but line breaks (LF, CR), DEL, and C1 controls.
const CONTROLS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const CONTROLS_AND_NEWLINE = /[\u0000-\u001f\u007f-\u009f]/g;

/** The text with every control character written as `\uXXXX`, but line breaks (LF, CR) when `newline` is true (for a format that encodes them itself). */
export function showControls(text: string, { newline = true }: { newline?: boolean } = {}): string {
  return text.replace(newline ? CONTROLS : CONTROLS_AND_NEWLINE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
