/** Safety checks on untrusted JSON documents (rule sets, applications): forbidden keys, depth, size. Internal. */
/** Keys that could reach prototypes: rejected anywhere in untrusted documents and field paths. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Limits on untrusted JSON documents. */
export interface SafetyLimits {
  maxDepth: number;
  maxNodes: number;
}

/** Formats a path made of keys and indexes, e.g. `criteria[2].when`. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += out ? `.${String(k)}` : String(k);
  }
  return out;
}

/**
 * Walks a JSON value iteratively (no recursion: cannot exhaust the stack) and returns the first
 * problem: a forbidden key, a depth or size beyond the limits, or a non-JSON value.
 */
export function checkJsonSafety(
  value: unknown,
  limits: SafetyLimits,
): { path: string; message: string } | undefined {
  const stack: Array<[unknown, (string | number)[]]> = [[value, []]];
  let nodes = 0;
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (++nodes > limits.maxNodes)
      return { path: formatPath(path), message: `more than ${limits.maxNodes} nodes` };
    if (path.length > limits.maxDepth) {
      return { path: formatPath(path), message: `nested deeper than ${limits.maxDepth} levels` };
    }
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') {
        return { path: formatPath(path), message: 'not a JSON value' };
      }
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
      continue;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null)
      return { path: formatPath(path), message: 'not a plain object' };
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key))
        return { path: formatPath([...path, key]), message: `forbidden key "${key}"` };
      stack.push([(v as Record<string, unknown>)[key], [...path, key]]);
    }
  }
  return undefined;
}
