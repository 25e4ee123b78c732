/**
 * The font files bundled for PNG output (Noto Sans regular and bold, SIL Open Font License, from
 * `@expo-google-fonts/noto-sans`), resolved from this module's location (Node only).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The file of this module, without `import.meta` (which a CommonJS build cannot contain): `__filename`
 * under CommonJS, else the first absolute path of a stack trace (V8 names the file or its `file:` URL).
 */
function moduleFile(): string | undefined {
  const absolute = (path: string): boolean => /^(?:\/|[A-Za-z]:[\\/])/.test(path);
  if (typeof __filename === 'string' && absolute(__filename)) return __filename;
  for (const line of (new Error().stack ?? '').split('\n').slice(1)) {
    const match = /((?:file:\/\/)?(?:\/|[A-Za-z]:[\\/])[^():]*?)(?::\d+){1,2}\)?\s*$/.exec(line);
    if (!match?.[1]) continue;
    return match[1].startsWith('file:') ? fileURLToPath(match[1]) : match[1];
  }
  return undefined;
}

/** The bundled font's family name, as written in the SVG's `font-family`. */
export const BUNDLED_FONT_FAMILY = 'Noto Sans';

/** Absolute paths of the bundled TTF files, or `undefined` when the package cannot be found. */
export function bundledFontFiles(): string[] | undefined {
  const file = moduleFile();
  if (!file) return undefined;
  try {
    const require = createRequire(file);
    return [
      require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
      require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
    ];
  } catch {
    return undefined;
  }
}
