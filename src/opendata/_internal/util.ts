/** Resolves after `ms`, or rejects with the signal's reason when aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Reads an environment variable when running under Node (undefined in browsers). */
export function env(name: string): string | undefined {
  const p = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return p?.env?.[name];
}

/**
 * Normalises a URL into a cache key: lower-case scheme and host, default port dropped, fragment dropped,
 * query parameters sorted (stable for repeated keys).
 */
export function normaliseUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  const params = [...u.searchParams.entries()];
  params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  u.search = '';
  for (const [k, v] of params) u.searchParams.append(k, v);
  return u.toString();
}

/** Query parameter values accepted by the client; arrays repeat the parameter, `undefined` skips it. */
export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly (string | number | boolean)[];

/** Whether `path` starts with a URL scheme (`/^[a-z][a-z0-9+.-]*:/i`, scanned without a regex). */
export function hasScheme(path: string): boolean {
  const first = path.charCodeAt(0) | 0x20;
  if (first < 97 || first > 122) return false;
  for (let i = 1; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 58) return true; // ':'
    const lower = c | 0x20;
    if ((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) continue;
    return false;
  }
  return false;
}

/** Joins a base URL, a path and query parameters (string work only: this runs on every request). */
export function buildUrl(
  baseUrl: string | undefined,
  path: string,
  query?: Record<string, QueryValue>,
): string {
  let url: string;
  if (hasScheme(path)) url = path;
  else {
    if (!baseUrl) throw new TypeError(`relative path "${path}" needs a baseUrl`);
    let start = 0;
    while (path.charCodeAt(start) === 47) start++; // leading '/'
    url = `${baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl}/${start ? path.slice(start) : path}`;
  }
  const hash = url.indexOf('#');
  if (hash !== -1) url = url.slice(0, hash);
  if (query) {
    let qs = '';
    for (const k in query) {
      const v = query[k];
      if (v === undefined || v === null) continue;
      const key = encodeURIComponent(k);
      if (Array.isArray(v)) for (const item of v) qs += `&${key}=${encodeURIComponent(String(item))}`;
      else qs += `&${key}=${encodeURIComponent(typeof v === 'string' ? v : String(v))}`;
    }
    if (qs) url += (url.includes('?') ? '&' : '?') + qs.slice(1);
  }
  return url;
}

/** The host name of an absolute URL, without parsing it fully. */
export function hostOf(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url);
  return (m?.[1] ?? '').toLowerCase();
}

/** Encodes one path segment. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
