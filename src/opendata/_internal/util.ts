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

/** Joins a base URL, a path and query parameters (string work only: this runs on every request). */
export function buildUrl(
  baseUrl: string | undefined,
  path: string,
  query?: Record<string, QueryValue>,
): string {
  let url: string;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) url = path;
  else {
    if (!baseUrl) throw new TypeError(`relative path "${path}" needs a baseUrl`);
    url = `${baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl}/${path.replace(/^\/+/, '')}`;
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
      else qs += `&${key}=${encodeURIComponent(String(v))}`;
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

/** Hex SHA-256 of a string, with WebCrypto (browsers and Node ≥ 20). */
export async function sha256Hex(text: string): Promise<string> {
  const data = new TextEncoder().encode(text);
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
