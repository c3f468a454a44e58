/** A PostgreSQL URL with its password hidden, for messages and `store.target`. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
