/** How a line list is read; see `splitLines`. */
export interface LineRules {
  /**
   * A line whose first character (after trimming, when `trim`) is `#` is a comment and dropped.
   * Default true. Off for lists whose entries are taken verbatim from elsewhere (a password list
   * has real passwords that start with `#`).
   */
  readonly comments?: boolean;
  /**
   * White space at both ends of a line is removed (String.prototype.trim). Default false: an entry
   * of a built list is exact. On for files people write by hand (curated terms, the CLI's term files).
   */
  readonly trim?: boolean;
}

/**
 * The one rule for every line list in the project (shipped data, data-build inputs, CLI term
 * files): lines end at LF, and a CR just before it is dropped (CRLF files read the same); empty
 * lines are dropped (after trimming, when `trim`); `#` lines are comments unless `comments: false`.
 * Nothing else is changed. Linear: one scan, no regex.
 */
export function splitLines(text: string, rules?: LineRules): string[] {
  const comments = rules?.comments ?? true;
  const trim = rules?.trim ?? false;
  const out: string[] = [];
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    let line = text.slice(from, to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to);
    if (trim) line = line.trim();
    if (line.length > 0 && !(comments && line.charCodeAt(0) === 35)) out.push(line);
    from = to + 1;
  }
  return out;
}
