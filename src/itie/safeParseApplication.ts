import { z } from 'zod';
import { ISO_DATE_REASON } from '../_shared/isoDate.js';
import { checkJsonSafety, formatPath, parseJsonWithLimits } from '../_shared/jsonSafety.js';
import { frenchTypography } from '../_shared/typography.js';
import { classifyCommuneCode, communeCodeKind } from '../territory/classifyCommuneCode.js';
import { resolveTerritory } from '../territory/resolveTerritory.js';
import type { ResolvedTerritory } from '../territory/schemas/TerritoryRef.js';
import { Application } from './Application.js';
import type { ApplicationIssue } from './ApplicationError.js';

/**
 * Maximum nesting of an application document.
 * @example
 * ```ts
 * import { MAX_APPLICATION_DEPTH } from 'cprdfop/itie';
 * MAX_APPLICATION_DEPTH; // 32
 * ```
 * @category Application
 */
export const MAX_APPLICATION_DEPTH = 32;
/**
 * Maximum number of JSON values in an application document.
 * @example
 * ```ts
 * import { MAX_APPLICATION_NODES } from 'cprdfop/itie';
 * MAX_APPLICATION_NODES; // 100000
 * ```
 * @category Application
 */
export const MAX_APPLICATION_NODES = 100_000;
/**
 * Maximum size of an application's JSON text, in UTF-8 bytes (1 MiB: the largest valid ITIE
 * application, 5,000 communes and 1,000 partners, is far below), checked before parsing by
 * {@link safeParseApplicationJson}.
 * @example
 * ```ts
 * import { MAX_APPLICATION_BYTES } from 'cprdfop/itie';
 * MAX_APPLICATION_BYTES; // 1048576
 * ```
 * @category Application
 */
export const MAX_APPLICATION_BYTES = 1024 * 1024;

/** Options of {@link safeParseApplication}. @category Application */
export interface SafeParseApplicationOptions {
  /**
   * The INSEE code of the region whose territory graph checks the codes (default `"32"`,
   * Hauts-de-France): `checkApplication` passes the region of its rule set.
   */
  region?: string | undefined;
}

/** The French of the schema's own messages (zod's are told by its French locale). */
const CUSTOM_IN_FRENCH: Readonly<Record<string, string>> = {
  'a 5-character commune code (INSEE)': 'un code de commune INSEE de 5 caractères',
  'a 14-digit SIRET': 'un SIRET de 14 chiffres',
  'a 9-digit EPCI SIREN': 'un SIREN d’EPCI de 9 chiffres',
  'an arrondissement code (INSEE), e.g. 595': 'un code d’arrondissement INSEE, par exemple 595',
  'a département code (INSEE), e.g. 59': 'un code de département INSEE, par exemple 59',
  'an empty partner: give at least its name, its SIRET or its type':
    'un partenaire vide : donner au moins son nom, son SIRET ou son type',
  'a territory lists at least one code': 'un territoire liste au moins un code',
};

/** zod's French locale, made on first use (nothing runs at import). */
let frenchLocale: z.core.$ZodErrorMap | undefined;

/** What a zod error map answers: a message, an object with one, or nothing (the next map decides). */
const unwrap = (answer: unknown): string | undefined =>
  typeof answer === 'string' ? answer : (answer as { message?: string } | null | undefined)?.message;

/** Marks the message of an issue whose English and French the map below wrote (index after it). */
const MAPPED = '\u0000cprdfop-issue:';

/**
 * An error map that writes, for each issue zod's own maps would word (the schema's own messages come
 * first and never reach it), both the English one (the global config's maps, as a parse without an
 * error map does) and the French one (zod's French locale, then the same fallbacks, as a parse with
 * `error: z.locales.fr().localeError` does), so one parse gives both languages. The issue's message
 * becomes a marker (`MAPPED` and the index of its two texts), read back by `safeParseResolved`.
 */
function bilingualErrorMap(english: string[], french: string[]): z.core.$ZodErrorMap {
  return (issue) => {
    const config = z.config();
    const en = unwrap(config.customError?.(issue)) ?? unwrap(config.localeError?.(issue)) ?? 'Invalid input';
    frenchLocale ??= z.locales.fr().localeError;
    french.push(unwrap(frenchLocale(issue)) ?? en);
    english.push(en);
    return `${MAPPED}${english.length - 1}`;
  };
}

/**
 * French typography of zod's French messages, kept: the same few messages come back, and it is a pure
 * function. Only short ones (a message that quotes an unknown key of the input may be long), 1,024 at most.
 */
const TYPESET = new Map<string, string>();
function typeset(text: string): string {
  if (text.length > 200) return frenchTypography(text);
  let out = TYPESET.get(text);
  if (out === undefined) {
    out = frenchTypography(text);
    if (TYPESET.size >= 1024) TYPESET.clear();
    TYPESET.set(text, out);
  }
  return out;
}

/**
 * The French of one issue's message: zod's French when it differs from the English (a zod message), the
 * French of one of the schema's own messages, the French half of a bilingual date message; otherwise
 * the English as it is (never an invented translation).
 */
function frenchOf(english: string, zodFrench: string | undefined): string {
  if (zodFrench !== undefined && zodFrench !== english) return typeset(zodFrench);
  const custom = CUSTOM_IN_FRENCH[english];
  if (custom) return typeset(custom);
  const date = /^expected .* got (.*) \(attendu\u202f: .*\)$/s.exec(english);
  if (date) return `attendu\u00a0: ${ISO_DATE_REASON.fr}, reçu ${date[1]}`;
  return english;
}

/**
 * Validates an untrusted application without throwing: safety limits (forbidden keys, depth 32,
 * 100,000 nodes), the zod schema, then the territory codes against the territory graph of
 * `options.region` (default Hauts-de-France): a code unknown to COG 2026 or a malformed code is
 * invalid; codes of other regions and old codes are accepted — the rules fail or map them.
 *
 * @param input - Any JSON value.
 * @param options - The region (default `"32"`).
 * @returns `{ success: true, data }` or `{ success: false, issues }` (paths like `territory.communes[2]`).
 * @example
 * ```ts
 * import { safeParseApplication } from 'cprdfop/itie';
 * const r = safeParseApplication({ territory: { communes: ['59350', '59999'] } });
 * r.success ? [] : r.issues.map((i) => i.path); // ["territory.communes[1]"]
 * safeParseApplication({ territory: { communes: ['14118', '76999'] } }, { region: '28' }).success; // false
 * ```
 * @throws `InvalidCodeError` when `options.region` is not a region code (the application never throws).
 * @category Application
 */
export function safeParseApplication(
  input: unknown,
  options: SafeParseApplicationOptions = {},
): { success: true; data: Application } | { success: false; issues: ApplicationIssue[] } {
  const parsed = safeParseResolved(input, options);
  return parsed.success ? { success: true, data: parsed.data } : parsed;
}

/**
 * @internal {@link safeParseApplication}, with the territory as its validation resolved it
 * (`resolveTerritory(data.territory, { region })`, `undefined` without a territory), so that
 * `checkApplication` hands it to the evaluation instead of resolving it again.
 */
export function safeParseResolved(
  input: unknown,
  options: SafeParseApplicationOptions = {},
):
  | { success: true; data: Application; territory: ResolvedTerritory | undefined }
  | { success: false; issues: ApplicationIssue[] } {
  const unsafe = checkJsonSafety(input, {
    maxDepth: MAX_APPLICATION_DEPTH,
    maxNodes: MAX_APPLICATION_NODES,
  });
  if (unsafe) return { success: false, issues: [{ ...unsafe, code: 'unsafe' }] };
  const r = Application.safeParse(input);
  if (!r.success) {
    // Invalid (rare): parsed again with an error map that words each issue in both languages at once
    // (zod answers the same for the same input; were it not so, the first parse's issues are kept).
    const english: string[] = [];
    const french: string[] = [];
    const worded = Application.safeParse(input, { error: bilingualErrorMap(english, french) });
    return {
      success: false,
      issues: (worded.success ? r : worded).error.issues.map((i) => {
        const path = formatPath(i.path);
        // A message the schema wrote itself is the same in both parses (its French is told below).
        const mapped = i.message.startsWith(MAPPED) ? Number(i.message.slice(MAPPED.length)) : -1;
        const en = mapped >= 0 ? english[mapped]! : i.message;
        const fr = frenchOf(en, mapped >= 0 ? french[mapped] : en);
        return { path, code: 'invalid' as const, message: en, messages: { fr, en } };
      }),
    };
  }
  const issues: ApplicationIssue[] = [];
  const t = r.data.territory;
  const territory = t ? resolveTerritory(t, { region: options.region }) : undefined;
  if (territory) {
    for (const d of territory.diagnostics) {
      if (d.kind === 'unknown' || d.kind === 'invalid') {
        issues.push({
          path: `territory.${d.path}`,
          code: 'unknown-code',
          message: d.message,
          messages: d.messages,
        });
      }
    }
  }
  const carrierCommune = r.data.carrier?.commune;
  if (carrierCommune) {
    // The texts are built only for an unknown code (the one case that reports it).
    if (communeCodeKind(carrierCommune, { region: options.region }) === 'unknown') {
      const c = classifyCommuneCode(carrierCommune, { region: options.region });
      issues.push({
        path: 'carrier.commune',
        code: 'unknown-code',
        message: c.message,
        messages: c.messages,
      });
    }
  }
  return issues.length ? { success: false, issues } : { success: true, data: r.data, territory };
}

/**
 * Validates an untrusted application given as JSON text, without throwing: size
 * ({@link MAX_APPLICATION_BYTES}), nesting and node count are checked by one scan of the text before it
 * is parsed (a hostile 8 MB file is refused in milliseconds, in constant memory), then as
 * {@link safeParseApplication}.
 *
 * @param text - The JSON text.
 * @returns `{ success: true, data }` or `{ success: false, issues }` (too large or invalid JSON: one
 * issue, code `unsafe` or `invalid`).
 * @example
 * ```ts
 * import { safeParseApplicationJson } from 'cprdfop/itie';
 * const r = safeParseApplicationJson('{"themes": ["mobilite"]');
 * r.success ? '' : r.issues[0]!.code; // "invalid"
 * ```
 * @category Application
 */
export function safeParseApplicationJson(
  text: string,
): { success: true; data: Application } | { success: false; issues: ApplicationIssue[] } {
  const parsed = parseJsonWithLimits(text, {
    maxBytes: MAX_APPLICATION_BYTES,
    maxDepth: MAX_APPLICATION_DEPTH,
    maxNodes: MAX_APPLICATION_NODES,
  });
  if (!parsed.ok) {
    const code = parsed.issue.message.startsWith('invalid JSON') ? 'invalid' : 'unsafe';
    return { success: false, issues: [{ ...parsed.issue, code }] };
  }
  return safeParseApplication(parsed.value);
}
