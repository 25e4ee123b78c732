import { CprdfopError } from '../errors.js';
import { env } from './_internal/util.js';

/**
 * The cache directory of the package: `CPRDFOP_CACHE_DIR` when set, else the platform cache directory
 * (`$XDG_CACHE_HOME/cprdfop` or `~/.cache/cprdfop` on Linux, `~/Library/Caches/cprdfop` on macOS,
 * `%LOCALAPPDATA%\cprdfop\Cache` on Windows). Node only (reads `process.env`); nothing is created.
 *
 * @param environment - The environment to read (defaults to `process.env`).
 * @returns An absolute directory path.
 * @throws `CprdfopError` `E_NO_CACHE_DIR` when no home directory can be determined and
 *   `CPRDFOP_CACHE_DIR` is not set.
 * @example
 * ```ts
 * import { cacheDir } from 'cprdfop/opendata';
 * cacheDir({ CPRDFOP_CACHE_DIR: '/tmp/c' }); // "/tmp/c"
 * cacheDir({ XDG_CACHE_HOME: '/x', HOME: '/home/u' }).endsWith('cprdfop'); // true
 * ```
 * @category Cache
 */
export function cacheDir(environment?: Record<string, string | undefined>): string {
  const get = (name: string): string | undefined =>
    (environment ? environment[name] : env(name)) || undefined;
  const explicit = get('CPRDFOP_CACHE_DIR');
  if (explicit) return explicit;
  const platform = (globalThis as { process?: { platform?: string } }).process?.platform;
  if (platform === 'win32') {
    const local =
      get('LOCALAPPDATA') ?? (get('USERPROFILE') ? `${get('USERPROFILE')}\\AppData\\Local` : undefined);
    if (local) return `${local}\\cprdfop\\Cache`;
  }
  const home = get('HOME') ?? get('USERPROFILE');
  if (platform === 'darwin' && home && !get('XDG_CACHE_HOME')) return `${home}/Library/Caches/cprdfop`;
  const xdg = get('XDG_CACHE_HOME');
  if (xdg) return `${xdg.replace(/\/+$/, '')}/cprdfop`;
  if (home) return `${home.replace(/\/+$/, '')}/.cache/cprdfop`;
  throw new CprdfopError('E_NO_CACHE_DIR', {
    fr: 'impossible de déterminer un dossier de cache\u00a0: définissez CPRDFOP_CACHE_DIR',
    en: 'cannot determine a cache directory: set CPRDFOP_CACHE_DIR',
  });
}

/** Joins path segments with the platform separator (no node:path import, so this stays browser-safe). */
export function joinPath(...parts: string[]): string {
  const sep = (globalThis as { process?: { platform?: string } }).process?.platform === 'win32' ? '\\' : '/';
  return parts
    .filter((p) => p !== '')
    .map((p, i) => (i === 0 ? p.replace(/[\\/]+$/, '') : p.replace(/^[\\/]+|[\\/]+$/g, '')))
    .join(sep);
}
