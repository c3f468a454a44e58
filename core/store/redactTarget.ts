/** A database target fit to print: a postgres:// URL's password becomes `***`. */
export function redactTarget(target: string): string {
  return target.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
