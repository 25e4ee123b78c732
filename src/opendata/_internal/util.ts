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

/** Joins a base URL, a path and query parameters. */
export function buildUrl(
  baseUrl: string | undefined,
  path: string,
  query?: Record<string, QueryValue>,
): string {
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) url = new URL(path);
  else {
    if (!baseUrl) throw new TypeError(`relative path "${path}" needs a baseUrl`);
    const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    url = new URL(path.replace(/^\/+/, ''), base);
  }
  if (query) {
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, String(item));
      else url.searchParams.append(k, String(v));
    }
  }
  return url.toString();
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
