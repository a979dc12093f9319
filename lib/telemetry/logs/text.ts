import stripAnsi from "strip-ansi";

/** The most characters one record's body keeps; the rest is cut with a marker saying how much. */
export const MAX_BODY_CHARS = 16_384;

/** Cut at `max` characters without splitting a surrogate pair. */
function cutAt(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** NUL and unpaired surrogates: PostgreSQL's text and jsonb refuse them (and one bad record would fail its batch). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as it will be stored: what PostgreSQL refuses (NUL, unpaired surrogates) becomes U+FFFD, and text over
 * `max` characters is cut to at most `max`, ending with a marker that says how much was dropped (so cutting again
 * changes nothing). Everything else is kept exactly as received.
 */
export function storageText(text: string, max = MAX_BODY_CHARS): string {
  const clean = text.replace(UNSTORABLE, "\uFFFD");
  if (clean.length <= max) return clean;
  const marker = (n: number) => `… [${n} more characters cut]`;
  const end = cutAt(clean, Math.max(1, max - marker(clean.length).length));
  return `${clean.slice(0, end)}${marker(clean.length - end)}`;
}

/** C0 controls but tab, DEL, C1 controls, and the bidi overrides/isolates that can reorder what a reader sees. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const NEWLINES = /\r\n|\r|\n/g;

/**
 * A body as the console shows it: one line of plain text. ANSI escapes are stripped, line breaks become a visible
 * ↵ (so a body cannot fake a record of its own on the next line), and other control characters a visible U+FFFD.
 * The result is only ever put in a text node: markup in it stays text.
 */
export function displayText(body: string): string {
  return stripAnsi(body).replace(NEWLINES, " ↵ ").replace(UNSAFE, "\uFFFD");
}

/**
 * A body as a downloaded file carries it: one line, ANSI stripped, line breaks and other controls written as escapes
 * (`\n`, `\u001b`), so a terminal that `cat`s the file is never driven by it.
 */
export function downloadText(body: string): string {
  return stripAnsi(body)
    .replaceAll("\\", "\\\\")
    .replace(NEWLINES, (m) => (m === "\n" ? "\\n" : m === "\r" ? "\\r" : "\\r\\n"))
    .replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Splits a process' output into lines as it arrives in chunks. A line longer than `maxLineChars` is emitted in
 * pieces of that size (as a container runtime splits long lines), so a process that never prints a newline cannot
 * grow the buffer without bound. A trailing `\r` (CRLF output) is dropped; empty lines are skipped.
 */
export class LineSplitter {
  private partial = "";

  constructor(private readonly maxLineChars = MAX_BODY_CHARS) {}

  push(chunk: string): string[] {
    const out: string[] = [];
    const lines = (this.partial + chunk).split("\n");
    let rest = lines.pop() ?? "";
    for (const line of lines) this.emit(line, out);
    while (rest.length > this.maxLineChars) {
      const end = cutAt(rest, this.maxLineChars);
      out.push(rest.slice(0, end));
      rest = rest.slice(end);
    }
    this.partial = rest;
    return out;
  }

  /** What is left when the stream ends (a last line without a newline). */
  flush(): string[] {
    const out: string[] = [];
    this.emit(this.partial, out);
    this.partial = "";
    return out;
  }

  private emit(line: string, out: string[]) {
    let rest = line.endsWith("\r") ? line.slice(0, -1) : line;
    while (rest.length > this.maxLineChars) {
      const end = cutAt(rest, this.maxLineChars);
      out.push(rest.slice(0, end));
      rest = rest.slice(end);
    }
    if (rest.length > 0) out.push(rest);
  }
}
