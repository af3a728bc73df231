import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The TrueType bytes of the ticket fonts (Noto Sans: full Vietnamese coverage, SIL OFL 1.1). */
export interface TicketFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export const FONT_FILES = { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const;

/**
 * Where the fonts live. From source (vitest) this module is main/core/print/fonts.ts and the fonts sit
 * beside it in ./fonts; in the esbuild CJS bundle (dist/main/*.cjs) `__dirname` is dist/main and the build
 * copies the folder to dist/main/fonts. `__dirname` is checked first because esbuild empties
 * `import.meta` in CJS output.
 */
export function defaultFontsDir(): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  return join(here, 'fonts');
}

const cache = new Map<string, TicketFonts>();

/**
 * Reads the two fonts once per folder. The returned arrays are shared between callers: do not mutate them.
 * Throws with the folder in the message when a font is missing (a packaging bug, not a person's error).
 */
export function loadFonts(dir: string = defaultFontsDir()): TicketFonts {
  const cached = cache.get(dir);
  if (cached) return cached;
  const read = (file: string): Uint8Array => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`Ticket font missing: ${path} (is the fonts folder packaged?)`);
    const buffer = readFileSync(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  };
  const fonts = { regular: read(FONT_FILES.regular), bold: read(FONT_FILES.bold) };
  cache.set(dir, fonts);
  return fonts;
}
