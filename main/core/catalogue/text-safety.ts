/**
 * What a form may not contain, whatever its schema says. Names and addresses are printed on receipts,
 * shown on staff screens and sent to the portal: markup there is either an attack or a mistake, and
 * control or bidirectional-override characters can make a printed name read differently from what is
 * stored. Tab, line feed and carriage return are allowed (text areas).
 */
const MARKUP = /<\s*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;/;
// C0 except \t \n \r, DEL and C1, and the bidi embedding/override/isolate characters.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export type UnsafeText = 'markup' | 'control';

export function unsafeText(text: string): UnsafeText | null {
  if (MARKUP.test(text)) return 'markup';
  if (CONTROL.test(text)) return 'control';
  return null;
}
