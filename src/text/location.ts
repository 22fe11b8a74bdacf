// **location** turns an offset into a 1-based line and column, for messages only.

export interface TextLocation {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;
  readonly offset: number;
}

/** @example offsetToLineColumn("a\nbc", 3) // { line: 2, column: 2, offset: 3 } */
export function offsetToLineColumn(text: string, offset: number): TextLocation {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}
