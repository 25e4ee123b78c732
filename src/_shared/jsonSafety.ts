/**
 * Limits on untrusted JSON documents (rule files, applications), shared by `rules`, `itie` and the CLI.
 * Internal: not exported by any subpath. No `node:` import (browser-capable).
 *
 * Two guards, both in constant memory and without recursion:
 * - {@link scanJsonText} reads JSON *text* before `JSON.parse`: byte size, nesting depth and node count
 *   are checked while reading, so a hostile file is refused before anything is expanded in memory;
 * - {@link checkJsonSafety} walks an already parsed *value* (library callers hand over objects):
 *   forbidden keys, depth, node count, non-JSON values — refusing an oversized array before visiting it.
 */
import { type Message, renderBoth } from './messages.js';

/** Keys that could reach prototypes: rejected anywhere in untrusted documents and field paths. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Limits on untrusted JSON documents. */
export interface SafetyLimits {
  /** Deepest allowed nesting: a value inside `maxDepth` arrays/objects is allowed, one level more is not. */
  maxDepth: number;
  /** Most JSON values (objects, arrays, strings, numbers, booleans, nulls; object keys not counted). */
  maxNodes: number;
}

/** Limits on untrusted JSON text: {@link SafetyLimits} plus a size in UTF-8 bytes. */
export interface TextLimits extends SafetyLimits {
  /** Largest allowed text, in UTF-8 bytes. */
  maxBytes: number;
}

/** A problem found in an untrusted document: where (e.g. `criteria[2].when`) and what. */
export interface SafetyIssue {
  path: string;
  /** What is wrong, in English. */
  message: string;
  /** The same in French and in English (`en` is `message`). */
  messages?: Message | undefined;
}

/** An issue at `path` told in both languages (`message` is the English one). */
function issueAt(path: string, messages: Message): SafetyIssue {
  return { path, message: messages.en, messages };
}

/** A byte count in French: `33554432 octets (32 Mio)`. */
function formatBytesInFrench(bytes: number): string {
  return formatBytes(bytes).replace('bytes', 'octets').replace('MiB', 'Mio').replace('.', ',');
}

/** A byte count in both languages. */
const bytesInBoth = (bytes: number): Message => ({ fr: formatBytesInFrench(bytes), en: formatBytes(bytes) });

/** Formats a path made of keys and indexes, e.g. `criteria[2].when`. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Formats a byte count for messages: `33554432 bytes (32 MiB)`. */
export function formatBytes(bytes: number): string {
  const mebibytes = bytes / 1_048_576;
  return mebibytes >= 1
    ? `${bytes} bytes (${Number.isInteger(mebibytes) ? mebibytes : mebibytes.toFixed(1)} MiB)`
    : `${bytes} bytes`;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const COMMA = 44;
const COLON = 58;

const isWhitespace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;
const isStructural = (code: number) =>
  code === OPEN_ARRAY ||
  code === CLOSE_ARRAY ||
  code === OPEN_OBJECT ||
  code === CLOSE_OBJECT ||
  code === COMMA ||
  code === COLON ||
  code === QUOTE;

/** UTF-8 size of the UTF-16 code unit `code` (a surrogate half counts 2: a pair is 4 bytes). */
const utf8Size = (code: number) =>
  code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;

/**
 * Checks JSON text against size, depth and node limits in one pass, before it is parsed: memory stays
 * constant (a stack bounded by `maxDepth`), so a 32 MB hostile file costs nothing but the scan. Does not
 * validate the JSON syntax (`JSON.parse` does that afterwards, on text known to be within limits).
 *
 * @returns The first problem (with the path reached), or `undefined` when the text is within limits.
 */
export function scanJsonText(text: string, limits: TextLimits): SafetyIssue | undefined {
  // A UTF-8 encoding is never shorter than the number of UTF-16 code units.
  if (text.length > limits.maxBytes) {
    return issueAt(
      '',
      renderBoth(
        { fr: 'plus de {limit} : au moins {size}', en: 'larger than {limit}: at least {size}' },
        { limit: bytesInBoth(limits.maxBytes), size: bytesInBoth(text.length) },
      ),
    );
  }
  // Path of the current position: one entry per open container (bounded by maxDepth + 1).
  const inObject: boolean[] = [];
  const keys: (string | number)[] = [];
  let expectKey = false;
  let nodes = 0;
  let bytes = 0;
  const where = () => formatPath(keys);
  const countNode = (): SafetyIssue | undefined => {
    if (++nodes > limits.maxNodes)
      return issueAt(
        where(),
        renderBoth(
          { fr: 'plus de {count} valeurs JSON', en: 'more than {count} JSON values' },
          { count: String(limits.maxNodes) },
        ),
      );
    if (inObject.length > limits.maxDepth) return issueAt(where(), deeperThan(limits.maxDepth));
    return undefined;
  };
  const length = text.length;
  let index = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (isWhitespace(code)) {
      bytes++;
      index++;
      continue;
    }
    if (code === QUOTE) {
      const start = index;
      index++;
      bytes++;
      while (index < length) {
        const inner = text.charCodeAt(index);
        bytes += utf8Size(inner);
        index++;
        if (inner === BACKSLASH) {
          if (index < length) bytes += utf8Size(text.charCodeAt(index));
          index++;
        } else if (inner === QUOTE) break;
      }
      if (expectKey) {
        expectKey = false;
        const raw = text.slice(start + 1, Math.min(index - 1, start + 65));
        keys[keys.length - 1] = raw;
      } else {
        const issue = countNode();
        if (issue) return issue;
      }
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      bytes++;
      index++;
      const issue = countNode();
      if (issue) return issue;
      inObject.push(code === OPEN_OBJECT);
      keys.push(code === OPEN_OBJECT ? '' : 0);
      expectKey = code === OPEN_OBJECT;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      bytes++;
      index++;
      inObject.pop();
      keys.pop();
      expectKey = false;
    } else if (code === COMMA) {
      bytes++;
      index++;
      const top = inObject.length - 1;
      if (top >= 0) {
        if (inObject[top]) expectKey = true;
        else keys[top] = (keys[top] as number) + 1;
      }
    } else if (code === COLON) {
      bytes++;
      index++;
    } else {
      // A number or a literal (true, false, null), or garbage that JSON.parse will refuse.
      const issue = countNode();
      if (issue) return issue;
      while (index < length) {
        const inner = text.charCodeAt(index);
        if (isStructural(inner) || isWhitespace(inner)) break;
        bytes += utf8Size(inner);
        index++;
      }
    }
    if (bytes > limits.maxBytes) {
      return issueAt(
        where(),
        renderBoth(
          { fr: 'plus de {limit}', en: 'larger than {limit}' },
          { limit: bytesInBoth(limits.maxBytes) },
        ),
      );
    }
  }
  return undefined;
}

/**
 * Parses untrusted JSON text after {@link scanJsonText} accepted it.
 *
 * @returns `{ ok: true, value }`, or `{ ok: false, issue }` for text beyond the limits or invalid JSON.
 */
export function parseJsonWithLimits(
  text: string,
  limits: TextLimits,
): { ok: true; value: unknown } | { ok: false; issue: SafetyIssue } {
  const issue = scanJsonText(text, limits);
  if (issue) return { ok: false, issue };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const reason = (error as Error).message;
    const position = /\bposition (\d+)/.exec(reason)?.[1];
    return {
      ok: false,
      issue: issueAt('', {
        fr:
          position === undefined
            ? `JSON invalide\u00a0: ${reason}`
            : `JSON invalide à la position ${position}`,
        en: `invalid JSON: ${reason}`,
      }),
    };
  }
}

/** `nested deeper than N levels`, in both languages. */
const deeperThan = (depth: number): Message =>
  renderBoth(
    { fr: 'imbriqué sur plus de {depth} niveaux', en: 'nested deeper than {depth} levels' },
    { depth: String(depth) },
  );

/** `more than N nodes`, in both languages. */
const moreNodesThan = (count: number): Message =>
  renderBoth({ fr: 'plus de {count} nœuds', en: 'more than {count} nodes' }, { count: String(count) });

interface Visit {
  value: unknown;
  parent: Visit | undefined;
  key: string | number;
  depth: number;
}

const keysOf = (visit: Visit): (string | number)[] => {
  const keys: (string | number)[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) keys.push(at.key);
  return keys.reverse();
};
const pathOf = (visit: Visit): string => formatPath(keysOf(visit));

/**
 * Walks a JSON value iteratively (no recursion: cannot exhaust the stack) and returns the first
 * problem: a forbidden key, a depth or size beyond the limits, or a non-JSON value. Paths are built only
 * for the problem reported, and an array or object is refused before its items are visited when they
 * alone exceed the node limit (a huge array costs no extra memory).
 */
export function checkJsonSafety(value: unknown, limits: SafetyLimits): SafetyIssue | undefined {
  const stack: Visit[] = [{ value, parent: undefined, key: '', depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const current = visit.value;
    if (++nodes > limits.maxNodes) return issueAt(pathOf(visit), moreNodesThan(limits.maxNodes));
    if (visit.depth > limits.maxDepth) return issueAt(pathOf(visit), deeperThan(limits.maxDepth));
    if (current === null || typeof current !== 'object') {
      if (typeof current === 'function' || typeof current === 'symbol' || typeof current === 'bigint') {
        return issueAt(pathOf(visit), { fr: 'pas une valeur JSON', en: 'not a JSON value' });
      }
      continue;
    }
    const depth = visit.depth + 1;
    if (Array.isArray(current)) {
      if (nodes + stack.length + current.length > limits.maxNodes) {
        return issueAt(pathOf(visit), moreNodesThan(limits.maxNodes));
      }
      for (let index = current.length - 1; index >= 0; index--) {
        stack.push({ value: current[index], parent: visit, key: index, depth });
      }
      continue;
    }
    const proto = Object.getPrototypeOf(current);
    if (proto !== Object.prototype && proto !== null)
      return issueAt(pathOf(visit), { fr: 'pas un objet simple', en: 'not a plain object' });
    const objectKeys = Object.keys(current);
    if (nodes + stack.length + objectKeys.length > limits.maxNodes) {
      return issueAt(pathOf(visit), moreNodesThan(limits.maxNodes));
    }
    for (const key of objectKeys) {
      if (FORBIDDEN_KEYS.has(key)) {
        return issueAt(
          formatPath([...keysOf(visit), key]),
          renderBoth({ fr: 'clé interdite « {key} »', en: 'forbidden key "{key}"' }, { key }),
        );
      }
      stack.push({ value: (current as Record<string, unknown>)[key], parent: visit, key, depth });
    }
  }
  return undefined;
}
