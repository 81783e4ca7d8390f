// The one Node API a UI test uses (tokens.test.ts reads tokens.css as shipped); declared here so
// the UI's own code is type-checked without Node's globals.
declare module 'node:fs' {
  export function readFileSync(path: URL, encoding: 'utf8'): string;
}
