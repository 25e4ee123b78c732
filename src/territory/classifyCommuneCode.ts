import { type Message, renderBoth } from '../_shared/messages.js';
import { assertCommuneCode } from './_internal/codes.js';
import {
  crossAliases,
  DEFAULT_REGION,
  departementInfo,
  departementOfCommune,
  getGraph,
  isKnownCommuneCode,
} from './_internal/france.js';
import type { CommuneMatch } from './schemas/Commune.js';

/**
 * Where a well-formed commune code points relative to one region: a commune of the region (maybe
 * through an old code), a commune of another region or of a collectivité d'outre-mer (by its
 * département; `currentCode` when it is an old code now in another region; `region.code` is `COM`
 * for a collectivité d'outre-mer), or nothing (`unknown`; `departement` is `null` when no département
 * has that code). A code is *unknown* when COG 2026 has no such commune, wherever its département is.
 * @category Resolvers
 */
export type CommuneCodeClass =
  | ({ kind: 'in-region'; code: string; match: CommuneMatch; message: string } & {
      messages: { readonly fr: string; readonly en: string };
    })
  | ({
      kind: 'outside-region';
      code: string;
      departement: { code: string; name: string };
      region: { code: string; name: string };
      currentCode?: string;
      message: string;
    } & { messages: { readonly fr: string; readonly en: string } })
  | ({
      kind: 'unknown';
      code: string;
      departement: { code: string; name: string } | null;
      message: string;
    } & { messages: { readonly fr: string; readonly en: string } });

/** `message` (English) and `messages` (both languages), rendered now (codes outside the region or unknown: shown). */
function both(template: Message, values: Readonly<Record<string, string | Message>>) {
  const messages = renderBoth(template, values);
  return { message: messages.en, messages };
}

/**
 * A classification in the region with its `message` (English) and `messages` (both languages), rendered when first
 * read: validating an application classifies every commune code, and almost every classification's text
 * is never shown (rendering both languages with French typography cost a third of a whole check). The
 * two are own enumerable properties, so spreads, `JSON.stringify`, `structuredClone` and deep equality
 * see them.
 */
function withTexts<T extends object>(
  classification: T,
  template: Message,
  values: Readonly<Record<string, string | Message>>,
): T & { message: string; messages: Message } {
  let rendered: Message | undefined;
  const texts = (): Message => {
    rendered ??= Object.freeze(renderBoth(template, values));
    return rendered;
  };
  return Object.defineProperties(classification, {
    message: { enumerable: true, get: () => texts().en },
    messages: { enumerable: true, get: texts },
  }) as T & { message: string; messages: Message };
}

/** Options of {@link classifyCommuneCode} and the region-scoped resolvers. @category Resolvers */
export interface RegionOptions {
  /** INSEE code of the region (default `"32"`, Hauts-de-France). */
  region?: string | undefined;
}

/**
 * Classifies a commune code relative to a region: in the region, outside it (with its département and
 * region), or unknown. Only the chunk of `options.region` is loaded: a code of another region is told
 * apart from an unknown code with the France-wide index of known codes.
 *
 * @param code - An INSEE commune code.
 * @param options - `region` (default `"32"`).
 * @returns The classification, with a one-line `message` (English) and `messages` (`{ fr, en }`).
 * @throws {@link InvalidCodeError} when `code` is malformed or `options.region` is not a region code.
 * @example
 * ```ts
 * import { classifyCommuneCode } from 'cprdfop/territory';
 * classifyCommuneCode('59350').kind; // "in-region"
 * classifyCommuneCode('76540').message; // "commune code 76540 is outside Hauts-de-France (département 76, Normandie)"
 * classifyCommuneCode('59999').message; // "unknown commune code 59999 (département 59 is in Hauts-de-France)"
 * classifyCommuneCode('59999').messages.fr; // "code de commune inconnu 59999 (le département 59 est en Hauts-de-France)"
 * classifyCommuneCode('76999').kind; // "unknown"
 * classifyCommuneCode('14118', { region: '28' }).kind; // "in-region"
 * ```
 * @category Resolvers
 */
export function classifyCommuneCode(code: string, options: RegionOptions = {}): CommuneCodeClass {
  assertCommuneCode(code);
  const g = getGraph(options.region ?? DEFAULT_REGION);
  const match = g.matchByCode.get(code);
  if (match) {
    const c = match.commune;
    const classification = { kind: 'in-region' as const, code, match };
    return match.mapped
      ? withTexts(
          classification,
          {
            fr: 'le code de commune {code} ({via}) est désormais {current} {name}',
            en: 'commune code {code} ({via}) is now {current} {name}',
          },
          {
            code,
            via: `${match.via}${match.aliasName ? ` ${match.aliasName}` : ''}`,
            current: c.code,
            name: c.name,
          },
        )
      : withTexts(
          classification,
          {
            fr: '{code} est {name} (département {dep}, {region})',
            en: '{code} is {name} (département {dep}, {region})',
          },
          { code, name: c.name, dep: c.departement, region: g.name },
        );
  }
  const depCode = departementOfCommune(code);
  const cross = crossAliases().get(code);
  if (cross) {
    const currentDep = departementInfo(departementOfCommune(cross.current));
    if (currentDep) {
      return {
        kind: 'outside-region',
        code,
        departement: { code: currentDep.code, name: currentDep.name },
        region: currentDep.region,
        currentCode: cross.current,
        ...both(
          {
            fr: 'le code de commune {code} est désormais {current} {name}, hors de {region} (département {dep}, {depRegion})',
            en: 'commune code {code} is now {current} {name}, outside {region} (département {dep}, {depRegion})',
          },
          {
            code,
            current: cross.current,
            name: cross.name,
            region: g.name,
            dep: currentDep.code,
            depRegion: currentDep.region.name,
          },
        ),
      };
    }
  }
  const dep = departementInfo(depCode);
  if (!dep) {
    return {
      kind: 'unknown',
      code,
      departement: null,
      ...both(
        {
          fr: 'code de commune inconnu {code} (aucun département {dep})',
          en: 'unknown commune code {code} (no département {dep})',
        },
        { code, dep: depCode },
      ),
    };
  }
  const where =
    dep.chunk === 'COM'
      ? `collectivité d’outre-mer ${dep.code}, ${dep.name}`
      : `département ${dep.code}, ${dep.region.name}`;
  if (dep.chunk !== g.key && isKnownCommuneCode(code)) {
    return {
      kind: 'outside-region',
      code,
      departement: { code: dep.code, name: dep.name },
      region: dep.region,
      ...both(
        {
          fr: 'le code de commune {code} est hors de {region} ({where})',
          en: 'commune code {code} is outside {region} ({where})',
        },
        { code, region: g.name, where },
      ),
    };
  }
  return {
    kind: 'unknown',
    code,
    departement: { code: dep.code, name: dep.name },
    ...(dep.chunk === g.key
      ? both(
          {
            fr: 'code de commune inconnu {code} (le département {dep} est en {region})',
            en: 'unknown commune code {code} (département {dep} is in {region})',
          },
          { code, dep: dep.code, region: g.name },
        )
      : both(
          { fr: 'code de commune inconnu {code} ({where})', en: 'unknown commune code {code} ({where})' },
          { code, where },
        )),
  };
}

/**
 * @internal The `kind` of {@link classifyCommuneCode}`(code, options)`, without building its texts for
 * a commune of the region (validating an application only asks whether the carrier's commune is known).
 */
export function communeCodeKind(code: string, options: RegionOptions = {}): CommuneCodeClass['kind'] {
  assertCommuneCode(code);
  if (getGraph(options.region ?? DEFAULT_REGION).matchByCode.has(code)) return 'in-region';
  return classifyCommuneCode(code, options).kind;
}
