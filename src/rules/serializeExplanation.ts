import { PARTS_BY_MESSAGE, type Part, STATIC_JSON } from './_frozen.js';
import type { Explanation } from './Explanation.js';

/** JSON of object keys followed by `:` (the same few keys come back in every explanation). */
const KEY_JSON = new Map<string, string>();
const keyJson = (key: string): string => {
  let text = KEY_JSON.get(key);
  if (text === undefined) {
    text = `${JSON.stringify(key)}:`;
    if (KEY_JSON.size > 4096) KEY_JSON.clear();
    KEY_JSON.set(key, text);
  }
  return text;
};

/** Nesting beyond which the rest is left to `JSON.stringify` (which also reports cycles its own way). */
const MAX_DEPTH = 32;

/** The JSON of a registered static value (written once). */
function staticJson(value: object, known: string | 0): string {
  if (known !== 0) return known;
  const text = JSON.stringify(value);
  STATIC_JSON.set(value, text);
  return text;
}

/**
 * `JSON.stringify({ [key]: value })` without its braces and key: the exact JSON text `JSON.stringify`
 * writes for that property (a `toJSON` method receives the same key), `undefined` when it is omitted.
 */
function delegate(key: string, value: unknown): string | undefined {
  const text = JSON.stringify({ [key]: value });
  return text === '{}' ? undefined : text.slice(keyJson(key).length + 1, -1);
}

/**
 * Appends the JSON text of one property value to `out`, as `JSON.stringify` writes it, preceded by
 * `prefix` (the key, a comma); returns false, appending nothing, when `JSON.stringify` omits it.
 */
function property(key: string, value: unknown, depth: number, out: string[], prefix: string): boolean {
  let text: string | undefined;
  switch (typeof value) {
    case 'string':
      text = JSON.stringify(value);
      break;
    case 'number':
      text = Number.isFinite(value) ? `${value}` : 'null';
      break;
    case 'boolean':
      text = value ? 'true' : 'false';
      break;
    case 'undefined':
    case 'function':
    case 'symbol':
      return false;
    case 'object': {
      if (value === null) {
        text = 'null';
        break;
      }
      const known = STATIC_JSON.get(value);
      if (known !== undefined) {
        text = staticJson(value, known);
        break;
      }
      if (depth < MAX_DEPTH && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
        const prototype = Object.getPrototypeOf(value);
        if (Array.isArray(value) && prototype === Array.prototype) {
          if (prefix) out.push(prefix);
          list(value, depth + 1, out);
          return true;
        }
        if (prototype === Object.prototype || prototype === null) {
          if (prefix) out.push(prefix);
          record(value as Record<string, unknown>, depth + 1, out);
          return true;
        }
      }
      text = delegate(key, value);
      if (text === undefined) return false;
      break;
    }
    default:
      text = delegate(key, value);
      if (text === undefined) return false;
  }
  out.push(prefix ? prefix + text : text);
  return true;
}

function list(items: readonly unknown[], depth: number, out: string[]): void {
  out.push('[');
  for (let index = 0; index < items.length; index++)
    if (!property(`${index}`, items[index], depth, out, index > 0 ? ',' : ''))
      out.push(index > 0 ? ',null' : 'null');
  out.push(']');
}

/** The keys of a criterion explanation, in order. */
const CRITERION_KEYS = [
  'id',
  'status',
  'label',
  'message',
  'observed',
  'parameters',
  'source',
  'missing',
  'assumptions',
];

/** The part an unchanged criterion explanation was built from (every member identical), if any. */
function partOf(object: Record<string, unknown>, keys: readonly string[]): Part | undefined {
  const message = object.message;
  if (keys.length !== 9 || message === null || typeof message !== 'object') return;
  for (let index = 0; index < 9; index++) if (keys[index] !== CRITERION_KEYS[index]) return;
  const parts = PARTS_BY_MESSAGE.get(message);
  if (!parts) return;
  for (const part of parts)
    if (
      part.missing === object.missing &&
      part.id === object.id &&
      part.status === object.status &&
      part.label === object.label &&
      part.parameters === object.parameters &&
      part.source === object.source
    )
      return part;
}

function partJson(part: Part): NonNullable<Part['json']> {
  if (!part.json) {
    const json = (value: unknown) => (value === null ? 'null' : staticJson(value as object, 0));
    part.json = {
      before: `{"id":${JSON.stringify(part.id)},"status":${JSON.stringify(part.status)},"label":${json(part.label)},"message":${json(part.message)},"observed":`,
      after: `,"parameters":${json(part.parameters)},"source":${json(part.source)},"missing":${json(part.missing)},"assumptions":`,
      keys: part.keys.map((key) => `${JSON.stringify(key)}:`),
    };
  }
  return part.json;
}

function record(object: Record<string, unknown>, depth: number, out: string[]): void {
  const keys = Object.keys(object);
  const part = partOf(object, keys);
  if (part) {
    // An unchanged criterion explanation: its static JSON around its `observed` values.
    const json = partJson(part);
    const start = out.length;
    out.push(json.before);
    const observed = object.observed;
    const observedKeys =
      observed !== null &&
      typeof observed === 'object' &&
      Object.getPrototypeOf(observed) === Object.prototype &&
      typeof (observed as { toJSON?: unknown }).toJSON !== 'function'
        ? Object.keys(observed)
        : undefined;
    if (
      observedKeys &&
      observedKeys.length === part.keys.length &&
      observedKeys.every((key, index) => key === part.keys[index])
    ) {
      // A value the JSON omits (`undefined`) shifts the separators: `written` counts the others.
      let written = 0;
      for (let index = 0; index < observedKeys.length; index++) {
        const prefix = (written > 0 ? ',' : '{') + json.keys[index]!;
        const value = (observed as Record<string, unknown>)[observedKeys[index]!];
        if (property(observedKeys[index]!, value, depth + 1, out, prefix)) written++;
      }
      out.push(written > 0 ? '}' : '{}');
    } else if (!property('observed', observed, depth, out, '')) {
      // `JSON.stringify` would omit an `undefined` observed: not this shape any more; start again.
      out.length = start;
      generic(object, keys, depth, out);
      return;
    }
    out.push(json.after);
    // The assumptions may be the evaluation's own list (shared frozen ones are written once).
    if (!property('assumptions', object.assumptions, depth, out, '')) {
      out.length = start;
      generic(object, keys, depth, out);
      return;
    }
    out.push('}');
    return;
  }
  generic(object, keys, depth, out);
}

function generic(
  object: Record<string, unknown>,
  keys: readonly string[],
  depth: number,
  out: string[],
): void {
  out.push('{');
  let first = true;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    if (property(key, object[key], depth, out, first ? keyJson(key) : `,${keyJson(key)}`)) first = false;
  }
  out.push('}');
}

/**
 * Writes an explanation as JSON: exactly the text `JSON.stringify(explanation)` writes, faster. The
 * static parts of explanations (labels, messages, sources, parameters…) are frozen and shared, so each
 * criterion's JSON around its `observed` values is written once and reused; the rest is written as
 * `JSON.stringify` would (it is used for anything that is not plain data, e.g. a value with `toJSON`).
 *
 * @param explanation - An explanation from `Evaluator.evaluate` (any JSON-serialisable value works).
 * @returns The JSON text, as `JSON.stringify(explanation)`.
 * @throws TypeError where `JSON.stringify` throws (a `BigInt`, a cycle).
 * @example
 * ```ts
 * import { compile, parseRuleSet, serializeExplanation } from 'cprdfop/rules';
 * const ev = compile(parseRuleSet({
 *   format: 'cprdfop.ruleset/1', id: 'demo', version: '1', title: { fr: 'Démo', en: 'Demo' },
 *   validFrom: '2023-01-01',
 *   criteria: [{ id: 'big', label: { fr: 'Grand', en: 'Big' }, when: { '>=': [{ field: 'n' }, 2] } }],
 * }));
 * const explanation = ev.evaluate({ n: 3 }, { asOf: '2023-05-01' });
 * serializeExplanation(explanation) === JSON.stringify(explanation); // true
 * ```
 * @category Evaluation
 */
export function serializeExplanation(explanation: Explanation): string {
  // The top level is written like any value (`toJSON` gets the key "", as with JSON.stringify).
  const out: string[] = [];
  property('', explanation, 0, out, '');
  return out.join('');
}
