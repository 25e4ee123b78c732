/** The mapping file of `cprdfop screen`: which column feeds which application field, and how. */

import { z } from 'zod';
import frenchZod from 'zod/v4/locales/fr.js';
import { FORBIDDEN_KEYS } from '../_shared/jsonSafety.js';
import type { Language } from '../_shared/language.js';
import { languageOption } from '../_shared/languageOption.js';
import { renderMessage } from '../_shared/messages.js';
import { defineOwn, ownOrDefine } from '../_shared/ownProperty.js';
import { frenchTypography } from '../_shared/typography.js';
import { MAPPING_MESSAGES, ROW_MESSAGES } from './_messages.js';

/** The first segment of a field path that reaches prototypes (`a.__proto__.b`, `x[].constructor`). */
function forbiddenSegment(path: string): string | undefined {
  return path.split(/\.|\[\]/).find((segment) => FORBIDDEN_KEYS.has(segment));
}

/**
 * The nodes a field path sets, each with its shape: `a.b` makes `a` an object and `a.b` a value;
 * `p[].t` makes `p` a list whose items' `t` (`p[].t`) is a value.
 */
function nodesOf(path: string, prefix = ''): Array<[node: string, shape: 'object' | 'list' | 'value']> {
  const spread = path.indexOf('[].');
  const keys = (spread >= 0 ? path.slice(0, spread) : path).split('.');
  const nodes: Array<[string, 'object' | 'list' | 'value']> = [];
  for (let index = 1; index < keys.length; index++)
    nodes.push([prefix + keys.slice(0, index).join('.'), 'object']);
  const node = prefix + keys.join('.');
  if (spread < 0) nodes.push([node, 'value']);
  else nodes.push([node, 'list'], ...nodesOf(path.slice(spread + 3), `${node}[].`));
  return nodes;
}

/**
 * For each field that clashes with an earlier one (`a` and `a.b`, `a.b` and `a[].b`: both set `a`,
 * with two shapes), the field, the other one and the node both set.
 */
function clashingFields(paths: readonly string[]): Array<{ path: string; other: string; node: string }> {
  const setBy = new Map<string, { shape: string; path: string }>();
  const clashes: Array<{ path: string; other: string; node: string }> = [];
  for (const path of paths)
    for (const [node, shape] of nodesOf(path)) {
      const earlier = setBy.get(node);
      if (earlier === undefined) setBy.set(node, { shape, path });
      else if (earlier.shape !== shape || shape === 'value') {
        clashes.push({ path, other: earlier.path, node });
        break;
      }
    }
  return clashes;
}

/** How a cell is read. */
export const CellType = z.enum(['string', 'number', 'integer', 'boolean', 'list', 'number-list']);
/** How a cell is read. */
export type CellType = z.infer<typeof CellType>;

/** The mapping file (`cprdfop.screen-mapping/1`). */
export const Mapping = z.strictObject({
  format: z.literal('cprdfop.screen-mapping/1'),
  /** The column copied to the `id` of each result (optional). */
  idColumn: z.string().min(1).optional(),
  /** Separator of the items of a list cell (default `;`). */
  listSeparator: z.string().min(1).default(';'),
  /** Decimal separator of number cells (default `.`); a cell with the other one is an error, never a guess. */
  decimalSeparator: z.enum(['.', ',']).default('.'),
  /**
   * Application field path (`budget.total`, `partners[].type`) → column header and type. A path with a
   * segment that reaches prototypes (`__proto__`, `constructor`, `prototype`) is refused: checked on
   * the keys as given, since zod drops a `__proto__` key without a word.
   */
  fields: z.preprocess(
    (fields, context) => {
      if (fields !== null && typeof fields === 'object' && !Array.isArray(fields))
        for (const path of Object.keys(fields)) {
          const segment = forbiddenSegment(path);
          if (segment === undefined) continue;
          context.addIssue({
            code: 'custom',
            path: [path],
            message: renderMessage(MAPPING_MESSAGES.forbiddenSegment, 'en', { path, segment }),
            params: { mappingMessage: 'forbiddenSegment', path, segment },
          });
        }
      return fields;
    },
    z
      .record(z.string().min(1), z.strictObject({ column: z.string().min(1), type: CellType }))
      .superRefine((fields, context) => {
        // Two fields setting one node with two shapes (`a` and `a.b`; `a.b` and `a[].b`): one value would
        // overwrite or drop the other, so the file is refused.
        for (const { path, other, node } of clashingFields(Object.keys(fields)))
          context.addIssue({
            code: 'custom',
            path: [path],
            message: renderMessage(MAPPING_MESSAGES.sameNode, 'en', { path, other, node }),
            params: { mappingMessage: 'sameNode', path, other, node },
          });
        for (const [path, { type }] of Object.entries(fields)) {
          const spread = path.includes('[].');
          if (!spread) continue;
          // `a[].b` spreads the items of one list cell over the items of `a`: one level, a list type.
          // The message is English (zod's own language); `params` lets `parseMapping` tell it in French.
          if (path.split('[]').length > 2)
            context.addIssue({
              code: 'custom',
              path: [path],
              message: renderMessage(MAPPING_MESSAGES.nestedLists, 'en', { path }),
              params: { mappingMessage: 'nestedLists', path },
            });
          else if (type !== 'list' && type !== 'number-list')
            context.addIssue({
              code: 'custom',
              path: [path],
              message: renderMessage(MAPPING_MESSAGES.scalarInList, 'en', { path, type }),
              params: { mappingMessage: 'scalarInList', path, type },
            });
        }
      }),
  ),
});
/** The mapping file. */
export type Mapping = z.infer<typeof Mapping>;

/** The first problem of a mapping file: where (`fields.title.type`, empty for the root) and what. */
export interface MappingProblem {
  /** Dotted path of the bad value in the file (`''` for the file itself). */
  path: string;
  /** What is wrong, in the language asked. */
  message: string;
}

/**
 * Validates a mapping file in a language: zod's shape errors in its French or English locale, the
 * mapping's own checks from the screening catalogue (French typography applied).
 *
 * @param value - The parsed JSON of the mapping file.
 * @param lang - `fr` or `en`.
 * @returns The mapping, or its first problem (the file is refused whole: a mapping is never guessed).
 * @throws {CprdfopError} `E_INVALID_LANGUAGE` for a `lang` other than `fr` or `en`.
 */
export function parseMapping(
  value: unknown,
  lang: Language,
): { success: true; mapping: Mapping } | { success: false; problem: MappingProblem } {
  lang = languageOption(lang, 'parseMapping', 'en');
  const parsed =
    lang === 'fr' ? Mapping.safeParse(value, { error: frenchZod().localeError }) : Mapping.safeParse(value);
  if (parsed.success) return { success: true, mapping: parsed.data };
  const issue = parsed.error.issues[0]!;
  const params = (issue as { params?: Record<string, string> }).params;
  const key = params?.mappingMessage as keyof typeof MAPPING_MESSAGES | undefined;
  const message =
    key !== undefined && Object.hasOwn(MAPPING_MESSAGES, key)
      ? renderMessage(MAPPING_MESSAGES[key], lang, {
          path: params?.path ?? '',
          type: params?.type ?? '',
          segment: params?.segment ?? '',
          other: params?.other ?? '',
          node: params?.node ?? '',
        })
      : lang === 'fr'
        ? frenchTypography(issue.message)
        : issue.message;
  return { success: false, problem: { path: issue.path.join('.'), message } };
}

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema };

/**
 * A starter mapping from an application JSON Schema: one entry per leaf field, the column named after
 * the field path (rename the columns to those of your export).
 *
 * @param schema - The application JSON Schema.
 * @returns The mapping.
 */
export function starterMapping(schema: Record<string, unknown>): Mapping {
  const fields: Mapping['fields'] = {};
  const walk = (node: JsonSchema, path: string, inArray: boolean) => {
    if (node.type === 'object' && node.properties) {
      for (const [key, child] of Object.entries(node.properties)) {
        if (key === '$schema') continue;
        walk(child, path ? `${path}.${key}` : key, inArray);
      }
    } else if (node.type === 'array' && node.items) {
      if (node.items.type === 'object') walk(node.items, `${path}[]`, true);
      else fields[path] = { column: path, type: node.items.type === 'number' ? 'number-list' : 'list' };
    } else {
      const type: CellType = inArray
        ? 'list'
        : node.type === 'number' || node.type === 'integer' || node.type === 'boolean'
          ? node.type
          : 'string';
      fields[path] = { column: path, type };
    }
  };
  walk(schema as JsonSchema, '', false);
  return { format: 'cprdfop.screen-mapping/1', listSeparator: ';', decimalSeparator: '.', fields };
}

/** A problem of one cell. */
export interface CellError {
  column: string;
  field: string;
  message: string;
}

/** Spaces a spreadsheet may put around a number (any white space). */
const EDGE_SPACES = /^\s+|\s+$/g;
/** A space inside a number: only as a thousands separator (space, no-break or narrow no-break space). */
const GROUP_SPACE = /[ \u00a0\u202f]/g;
/** Digits grouped by three with such spaces (`1 234 567`, `-12 000,50`): the only spaces read inside. */
const GROUPED = /^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;

/**
 * Reads a number cell with the mapping's decimal separator; a message (in `lang`) when it is not one.
 * White space around the number is ignored; inside it, only spaces between groups of three digits
 * (`80 000`): `1\n2` or `12 34` is not read as `12` or `1234`.
 */
function readNumber(text: string, decimal: '.' | ',', lang: Language): number | string {
  const trimmed = text.replace(EDGE_SPACES, '');
  if (/\s/.test(trimmed) && !GROUPED.test(trimmed))
    return renderMessage(ROW_MESSAGES.notANumber, lang, { text });
  const compact = trimmed.replace(GROUP_SPACE, '');
  const other = decimal === '.' ? ',' : '.';
  if (compact.includes(other))
    return renderMessage(ROW_MESSAGES.otherDecimalSeparator, lang, { text, decimal });
  const normal = decimal === ',' ? compact.replace(',', '.') : compact;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return renderMessage(ROW_MESSAGES.notANumber, lang, { text });
  return Number(normal);
}

/** Where a value goes: the object keys down to it, and, for `a[].b`, where it goes in each item of `a`. */
interface PathStep {
  /** Keys of the path (`budget.total` → `["budget", "total"]`); for `a[].b`, the keys of `a`. */
  keys: readonly string[];
  /** For `a[].b`: the step of `b` inside each item (itself possibly `b[].c`); else `undefined`. */
  item: PathStep | undefined;
  /** Whether no key of the path (items included) is a name `Object.prototype` has (`toString`, …). */
  plain: boolean;
}

/** One mapped field, its path split once. */
interface FieldStep extends PathStep {
  field: string;
  column: string;
  type: CellType;
}

function pathStep(path: string): PathStep {
  const arrayAt = path.indexOf('[].');
  const keys = (arrayAt >= 0 ? path.slice(0, arrayAt) : path).split('.');
  const item = arrayAt >= 0 ? pathStep(path.slice(arrayAt + 3)) : undefined;
  const plain = keys.every((key) => !(key in Object.prototype)) && (item?.plain ?? true);
  return { keys, item, plain };
}

/** A mapping turned into steps once (the paths split, the entries listed), reused for every row. */
const compiled = new WeakMap<Mapping, readonly FieldStep[]>();

function stepsOf(mapping: Mapping): readonly FieldStep[] {
  let steps = compiled.get(mapping);
  if (steps === undefined) {
    steps = Object.entries(mapping.fields).map(([field, { column, type }]) => ({
      field,
      column,
      type,
      ...pathStep(field),
    }));
    compiled.set(mapping, steps);
  }
  return steps;
}

/** Sets `value` at a path, creating objects; `a[].b` spreads a list over the items of `a`. */
function setPath(target: Record<string, unknown>, step: PathStep, value: unknown): void {
  // A key that `Object.prototype` has (`toString`, `constructor`, `__proto__`) would be read from it:
  // such a path takes the own-properties-only way (rare; the plain way is the fast one of every row).
  if (!step.plain) {
    setOwnPath(target, step, value);
    return;
  }
  const keys = step.keys;
  let node = target;
  for (let index = 0; index < keys.length - 1; index++) {
    const key = keys[index]!;
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (step.item === undefined) {
    node[last] = value;
    return;
  }
  node[last] ??= [];
  const existing = node[last] as unknown[];
  const values = value as unknown[];
  for (let position = 0; position < values.length; position++) {
    existing[position] ??= {};
    setPath(existing[position] as Record<string, unknown>, step.item, values[position]);
  }
}

/**
 * {@link setPath} reading and writing own properties only: a path through `__proto__`, `constructor`
 * or `toString` never reaches a prototype, even with a mapping `parseMapping` did not check.
 */
function setOwnPath(target: Record<string, unknown>, step: PathStep, value: unknown): void {
  const keys = step.keys;
  let node: object = target;
  for (let index = 0; index < keys.length - 1; index++) {
    node = ownOrDefine(node, keys[index]!, {});
  }
  const last = keys[keys.length - 1]!;
  if (step.item === undefined) {
    defineOwn(node, last, value);
    return;
  }
  const existing = ownOrDefine<unknown[]>(node, last, []);
  const values = value as unknown[];
  for (let position = 0; position < values.length; position++) {
    setOwnPath(ownOrDefine(existing, position, {}) as Record<string, unknown>, step.item, values[position]);
  }
}

const TRUE_WORDS = new Set(['true', 'oui', 'yes', '1', 'vrai']);
const FALSE_WORDS = new Set(['false', 'non', 'no', '0', 'faux']);

/**
 * Builds an application from one row. An empty cell is "not answered" (the field is left out); a cell
 * holding exactly `[]` is an empty list. The mapping is compiled once (paths split) and reused for
 * every row of a run.
 *
 * @param row - Header → cell text.
 * @param mapping - The mapping.
 * @param lang - The language of the cell errors' messages (default `en`).
 * @returns The application, and the errors of the cells that could not be read.
 */
export function applyMapping(
  row: ReadonlyMap<string, string>,
  mapping: Mapping,
  lang: Language = 'en',
): { application: Record<string, unknown>; errors: CellError[] } {
  const application: Record<string, unknown> = {};
  const errors: CellError[] = [];
  for (const step of stepsOf(mapping)) {
    const { column, field, type } = step;
    const raw = row.get(column);
    const text = raw?.trim() ?? '';
    if (text === '') continue;
    let value: unknown;
    if (type === 'string') value = text;
    else if (type === 'number' || type === 'integer') {
      const read = readNumber(text, mapping.decimalSeparator, lang);
      if (typeof read === 'string') {
        errors.push({ column, field, message: read });
        continue;
      }
      value = read;
    } else if (type === 'boolean') {
      const lower = text.toLowerCase();
      if (TRUE_WORDS.has(lower)) value = true;
      else if (FALSE_WORDS.has(lower)) value = false;
      else {
        errors.push({ column, field, message: renderMessage(ROW_MESSAGES.notYesNo, lang, { text }) });
        continue;
      }
    } else {
      const items = text === '[]' ? [] : text.split(mapping.listSeparator).map((item) => item.trim());
      if (type === 'number-list') {
        const numbers = items.map((item) => readNumber(item, mapping.decimalSeparator, lang));
        const bad = numbers.find((item) => typeof item === 'string');
        if (bad !== undefined) {
          errors.push({ column, field, message: bad as string });
          continue;
        }
        value = numbers;
      } else value = items;
    }
    setPath(application, step, value);
  }
  return { application, errors };
}

/**
 * The column of an application issue path (`territory.communes.2` → the column of `territory.communes`).
 *
 * @param mapping - The mapping.
 * @param issuePath - The path of an issue.
 * @returns The column, or `undefined`.
 */
export function columnOf(mapping: Mapping, issuePath: string): string | undefined {
  const normal = issuePath.replace(/\[\d+\]/g, '[]').replace(/\.\d+(?=\.|$)/g, '[]');
  let best: string | undefined;
  let bestLength = -1;
  for (const [field, { column }] of Object.entries(mapping.fields)) {
    const related =
      normal === field ||
      normal.startsWith(`${field}.`) ||
      normal.startsWith(`${field}[`) ||
      field.startsWith(`${normal}.`) ||
      field.startsWith(`${normal}[`);
    if (related && field.length > bestLength) {
      best = column;
      bestLength = field.length;
    }
  }
  return best;
}
