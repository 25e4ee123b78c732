import { showValue } from '../_shared/showValue.js';
import { CprdfopError } from '../errors.js';

/**
 * A value that {@link odsqlLiteral} can write: strings (double-quoted and escaped), finite numbers,
 * booleans, `null`, `Date`s (as `date'…'`).
 * @category Opendatasoft
 */
export type OdsqlValue = string | number | boolean | null | Date;

/** A fragment of ODSQL that is inserted verbatim by {@link odsql} (made by {@link odsqlIdentifier} or {@link odsqlRaw}). */
export interface OdsqlFragment {
  readonly odsql: string;
}

/**
 * Quotes a field name in backticks. Names containing a backtick or a line break are refused (ODSQL
 * documents no escape for them), so a field name can never break out of its quotes.
 *
 * @param name - The field name.
 * @returns The quoted identifier as a fragment (its text is in `.odsql`).
 * @throws {CprdfopError} `E_ODSQL_IDENTIFIER` when the name is not a string, is empty or contains a
 *   backtick or line break.
 * @example
 * ```ts
 * import { odsqlIdentifier } from 'cprdfop/opendata';
 * odsqlIdentifier('code_insee').odsql; // "`code_insee`"
 * ```
 * @category Opendatasoft
 */
export function odsqlIdentifier(name: string): OdsqlFragment {
  const given: unknown = name;
  if (typeof given !== 'string') {
    // Named by `showValue`: `JSON.stringify(10n)` and `String({ toString: false })` throw.
    throw new CprdfopError('E_ODSQL_IDENTIFIER', {
      fr: `nom de champ ODSQL invalide ${showValue(given)}\u00a0: un texte est attendu`,
      en: `invalid ODSQL field name ${showValue(given)}: a string is expected`,
    });
  }
  if (!given || /[`\r\n]/.test(given)) {
    throw new CprdfopError('E_ODSQL_IDENTIFIER', {
      fr: `nom de champ ODSQL invalide ${JSON.stringify(given)}\u00a0: vide, ou contient un accent grave ou un saut de ligne`,
      en: `invalid ODSQL field name ${JSON.stringify(given)}: empty, or contains a backtick or line break`,
    });
  }
  return { odsql: `\`${name}\`` };
}

/**
 * Marks a string as trusted ODSQL, inserted verbatim by {@link odsql}. Never pass user input.
 *
 * @param text - ODSQL text.
 * @returns A fragment.
 * @example
 * ```ts
 * import { odsql, odsqlRaw } from 'cprdfop/opendata';
 * odsql`${odsqlRaw('population')} > ${1000}`; // "population > 1000"
 * ```
 * @category Opendatasoft
 */
export function odsqlRaw(text: string): OdsqlFragment {
  return { odsql: text };
}

/**
 * Writes a value as an ODSQL literal. Strings are double-quoted with backslashes and double quotes
 * backslash-escaped, so no value can close its quotes and inject ODSQL.
 *
 * @param value - The value.
 * @returns ODSQL text.
 * @throws {CprdfopError} `E_ODSQL_VALUE` for a non-finite number or an invalid date.
 * @example
 * ```ts
 * import { odsqlLiteral } from 'cprdfop/opendata';
 * odsqlLiteral('Saint-Amand "les" Eaux'); // "\"Saint-Amand \\\"les\\\" Eaux\""
 * odsqlLiteral(59350); // "59350"
 * odsqlLiteral(true); // "true"
 * odsqlLiteral(new Date('2024-01-01T00:00:00Z')); // "date'2024-01-01T00:00:00.000Z'"
 * ```
 * @category Opendatasoft
 */
export function odsqlLiteral(value: OdsqlValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new CprdfopError('E_ODSQL_VALUE', {
        fr: `nombre ODSQL invalide ${value}`,
        en: `invalid ODSQL number ${value}`,
      });
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new CprdfopError('E_ODSQL_VALUE', {
        fr: 'date ODSQL invalide (Invalid Date)',
        en: 'invalid ODSQL date (Invalid Date)',
      });
    return `date'${value.toISOString()}'`;
  }
  throw new CprdfopError('E_ODSQL_VALUE', {
    fr: `valeur ODSQL non prise en charge ${showValue(value)}`,
    en: `unsupported ODSQL value ${showValue(value)}`,
  });
}

/**
 * Tagged template that builds ODSQL safely: interpolated values become escaped literals, fragments from
 * {@link odsqlIdentifier} / {@link odsqlRaw} are inserted verbatim, arrays become `(a, b, …)` lists.
 *
 * @param strings - Template strings (trusted).
 * @param values - Interpolated values (untrusted).
 * @returns ODSQL text.
 * @throws {CprdfopError} `E_ODSQL_VALUE` for a value that cannot be written.
 * @example
 * ```ts
 * import { odsql, odsqlIdentifier } from 'cprdfop/opendata';
 * odsql`${odsqlIdentifier('nom')} = ${'Lille'}`; // "`nom` = \"Lille\""
 * odsql`${odsqlIdentifier('dep')} in ${['59', '62']}`; // "`dep` in (\"59\", \"62\")"
 * ```
 * @category Opendatasoft
 */
export function odsql(
  strings: TemplateStringsArray,
  ...values: (OdsqlValue | OdsqlFragment | readonly OdsqlValue[])[]
): string {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Array.isArray(v)) out += `(${v.map((x) => odsqlLiteral(x as OdsqlValue)).join(', ')})`;
    else if (v !== null && typeof v === 'object' && !(v instanceof Date) && 'odsql' in v)
      out += (v as OdsqlFragment).odsql;
    else out += odsqlLiteral(v as OdsqlValue);
    out += strings[i + 1] ?? '';
  }
  return out;
}

/**
 * Builds a `where` clause from field → value conditions, joined with `AND`: a value gives `=`, an array
 * gives `in (…)`, `null` gives `is null`.
 *
 * @param conditions - Field names and values.
 * @returns ODSQL text (empty string for no conditions).
 * @throws {CprdfopError} For an invalid field name or value.
 * @example
 * ```ts
 * import { odsqlWhere } from 'cprdfop/opendata';
 * odsqlWhere({ reg_code: '32', dep_code: ['59', '62'] }); // "`reg_code` = \"32\" AND `dep_code` in (\"59\", \"62\")"
 * ```
 * @category Opendatasoft
 */
export function odsqlWhere(
  conditions: Record<string, OdsqlValue | readonly OdsqlValue[] | undefined>,
): string {
  const parts: string[] = [];
  for (const [field, value] of Object.entries(conditions)) {
    if (value === undefined) continue;
    const id = odsqlIdentifier(field);
    if (value === null) parts.push(`${id.odsql} is null`);
    else if (Array.isArray(value)) parts.push(odsql`${id} in ${value}`);
    else parts.push(odsql`${id} = ${value as OdsqlValue}`);
  }
  return parts.join(' AND ');
}

/**
 * Joins `where` clauses with `AND`, parenthesising each and skipping empty ones.
 *
 * @param clauses - ODSQL clauses.
 * @returns ODSQL text, or `undefined` when every clause is empty.
 * @example
 * ```ts
 * import { odsqlAnd } from 'cprdfop/opendata';
 * odsqlAnd('a > 1', undefined, 'b = 2'); // "(a > 1) AND (b = 2)"
 * ```
 * @category Opendatasoft
 */
export function odsqlAnd(...clauses: (string | undefined)[]): string | undefined {
  const kept = clauses.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  if (kept.length === 0) return undefined;
  if (kept.length === 1) return kept[0];
  return kept.map((c) => `(${c})`).join(' AND ');
}
