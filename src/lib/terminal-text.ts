// Text that did not come from the person reading it (a client's hostname, a file name, an event's
// details, an error quoting them) made harmless before it reaches a terminal or an assistant.
// A hostile agent can put escape sequences in anything it reports: OSC 52 writes the reader's
// clipboard, CSI 2J clears the screen, a carriage return or a newline forges a line that looks
// like ours, bidi overrides reorder what is read. Two treatments:
//   - stripControls: escape sequences and control characters removed (the MCP door: an
//     assistant reads the text, there is nothing to see);
//   - showControls: each control character shown as visible, inert text (`^[`, `^G`, `<U+202E>`),
//     so that an operator sees that a name holds one (the CLI, as `cat -v` does).

/** CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other two-character escapes, 8-bit CSI. */
const ANSI_SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]|\u009b[0-?]*[ -/]*[@-~]/g;

/**
 * C0 controls except tab and newline, DEL, C1 controls, the bidi overrides and isolates that
 * reorder what a reader sees, and the Unicode line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same, with tab and newline: what a single line (a table cell, a name) may not hold. */
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Escape sequences and control characters removed (tabs and newlines stay; CRLF becomes LF). */
export function stripControls(text: string): string {
  return text.replace(ANSI_SEQUENCE, '').replace(/\r\n/g, '\n').replace(CONTROL, '');
}

/** One control character as visible text: `^[` for ESC, `^?` for DEL, `<U+202E>` beyond C0. */
function visible(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

export interface ShowOptions {
  /** Tabs and newlines shown too (`^I`, `^J`): for text that must stay on one line. */
  singleLine?: boolean;
  /**
   * Sequences let through as they are: the program's own styling (exact SGR sequences), never a
   * pattern that could match what a hostile text chooses beyond styling.
   */
  keep?: RegExp;
}

/** Every control character shown as visible text, except the sequences `keep` matches. */
export function showControls(text: string, options: ShowOptions = {}): string {
  const controls = options.singleLine ? CONTROL_OR_NEWLINE : CONTROL;
  if (text.search(controls) === -1) return text;
  if (!options.keep) return text.replace(controls, visible);
  const pattern = new RegExp(`(${options.keep.source})|${controls.source}`, 'g');
  return text.replace(pattern, (match: string, kept: string | undefined) =>
    kept === undefined ? visible(match) : match,
  );
}

/**
 * JSON text whose strings hold no raw character a terminal acts on: JSON.stringify escapes C0
 * controls but writes DEL, C1 controls and bidi overrides as they are; they become `\u…` escapes
 * here, which parse back to the very same strings.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
