/** `text` as one word in a POSIX shell (bash, zsh): single quotes, a quote inside closed and reopened. */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `text` as one word in fish, whose single quotes take `\'` and `\\` escapes. */
export function fishQuote(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}
