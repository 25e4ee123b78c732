import { type Message, renderBoth } from '../_shared/messages.js';
import { showValue } from '../_shared/showValue.js';
import {
  ARRONDISSEMENT_CODE,
  COMMUNE_CODE,
  DEPARTEMENT_CODE,
  departementOfCode,
  SIREN,
} from './_internal/codes.js';
import { DEFAULT_REGION, departementInfo, epciChunks, getCore, getGraph } from './_internal/france.js';
import { classifyCommuneCode, type RegionOptions } from './classifyCommuneCode.js';
import type { ResolvedTerritory, TerritoryDiagnostic, TerritoryRef } from './schemas/TerritoryRef.js';

type Field = TerritoryDiagnostic['field'];
const SEVERITY = { invalid: 'error', unknown: 'error', 'outside-region': 'warning', mapped: 'info' } as const;
const EXPECTED: Record<Field, Message> = {
  communes: { fr: 'code de commune', en: 'commune code' },
  epcis: { fr: 'SIREN d’EPCI', en: 'EPCI SIREN' },
  arrondissements: { fr: 'code d’arrondissement', en: 'arrondissement code' },
  departements: { fr: 'code de département', en: 'département code' },
};

/**
 * Resolves a {@link TerritoryRef} (communes, EPCI, arrondissements, départements, in any mix) to the
 * set of current communes of a region (`options.region`, default `"32"`, Hauts-de-France; only that
 * region's chunk is loaded). Never throws on bad codes: malformed, unknown, old and
 * out-of-region codes are reported in `diagnostics` (with `field`, `index` and `path`). An EPCI that
 * crosses the regional boundary contributes its in-region members, and its members outside the region
 * are reported in an `outside-region` diagnostic (`outside`).
 *
 * @param ref - Codes by field.
 * @param options - `region`: the INSEE region code (default `"32"`).
 * @returns Current commune codes (sorted, unique), `inRegion` (`false` when any code points outside
 *   the region), diagnostics, and the départements/arrondissements/EPCI covered by the communes.
 * @example
 * ```ts
 * import { resolveTerritory } from 'cprdfop/territory';
 * const t = resolveTerritory({ communes: ['59350', '02394', '76540', '59999', 'x'] });
 * t.communes; // ["02008", "59350"]
 * t.diagnostics.map((d) => d.kind); // ["mapped", "outside-region", "unknown", "invalid"]
 * t.inRegion; // false
 * resolveTerritory({ departements: ['59'] }).communes.length; // 647
 * resolveTerritory({ communes: ['14118', '76999'] }, { region: '28' }).diagnostics.map((d) => d.kind); // ["unknown"]
 * ```
 * @throws {@link InvalidCodeError} when `options.region` is not a region code (the codes never throw).
 * @category Resolvers
 */
export function resolveTerritory(ref: TerritoryRef, options: RegionOptions = {}): ResolvedTerritory {
  const g = getGraph(options.region ?? DEFAULT_REGION);
  const result = new Set<string>();
  /** The members of the one unit the territory is made of so far (`null`: none yet; `undefined`: more). */
  let single: readonly string[] | null | undefined = null;
  /** Adds a unit's communes (the first unit's are only noted: a territory of one unit needs no set). */
  const contribute = (members: readonly string[]): void => {
    if (single === null) {
      single = members;
      return;
    }
    several();
    for (const m of members) result.add(m);
  };
  /** More than one unit or commune: the noted unit's communes go to the set. */
  const several = (): void => {
    if (single) for (const m of single) result.add(m);
    single = undefined;
  };
  const diagnostics: TerritoryDiagnostic[] = [];
  const report = (
    kind: TerritoryDiagnostic['kind'],
    field: Field,
    index: number,
    code: string,
    messages: Message,
    extra: Partial<TerritoryDiagnostic> = {},
  ): void => {
    diagnostics.push({
      kind,
      severity: SEVERITY[kind],
      field,
      index,
      path: `${field}[${index}]`,
      code,
      message: messages.en,
      messages,
      ...extra,
    });
  };
  /** A classification's message followed by where the code is. */
  const at = (messages: Message, where: string): Message => ({
    fr: `${messages.fr} (${where})`,
    en: `${messages.en} (${where})`,
  });
  const list = (field: Field): Array<[number, string] | [number, null, unknown]> => {
    const value = (ref as Record<string, unknown> | null | undefined)?.[field];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      report(
        'invalid',
        field,
        -1,
        showValue(value),
        renderBoth(
          { fr: '{field} doit être une liste de codes', en: '{field} must be an array of codes' },
          { field },
        ),
      );
      return [];
    }
    return value.map((v, i) => (typeof v === 'string' ? [i, v] : [i, null, v]));
  };
  const invalid = (field: Field, i: number, raw: unknown): void => {
    const shown = typeof raw === 'string' ? raw : showValue(raw);
    report(
      'invalid',
      field,
      i,
      shown,
      renderBoth(
        { fr: '{expected} mal formé « {shown} » en {where}', en: 'malformed {expected} {json} at {where}' },
        { expected: EXPECTED[field], shown, json: JSON.stringify(shown), where: `${field}[${i}]` },
      ),
    );
  };
  const outsideDep = (field: Field, i: number, code: string, dep: string, what: Message): boolean => {
    const info = departementInfo(dep);
    if (!info) return false;
    if (info.chunk === g.key) return false;
    report(
      'outside-region',
      field,
      i,
      code,
      renderBoth(
        {
          fr: '{what} {code} en {where} : hors de {region} (département {dep}, {depRegion})',
          en: '{what} {code} at {where} is outside {region} (département {dep}, {depRegion})',
        },
        { what, code, where: `${field}[${i}]`, region: g.name, dep: info.code, depRegion: info.region.name },
      ),
      { departement: info.code, region: info.region },
    );
    return true;
  };

  for (const [i, code, raw] of list('communes')) {
    if (code === null || !COMMUNE_CODE.test(code)) {
      invalid('communes', i, code ?? raw);
      continue;
    }
    // A current commune of the region (most codes): nothing to report, no classification to build.
    const direct = g.matchByCode.get(code);
    if (direct !== undefined && !direct.mapped) {
      result.add(direct.commune.code);
      several();
      continue;
    }
    const c = classifyCommuneCode(code, { region: g.key });
    if (c.kind === 'in-region') {
      several();
      result.add(c.match.commune.code);
      if (c.match.mapped) {
        const extra: Partial<TerritoryDiagnostic> = { mappedTo: c.match.commune.code };
        if (c.match.via) extra.via = c.match.via;
        report('mapped', 'communes', i, code, at(c.messages, `communes[${i}]`), extra);
      }
    } else if (c.kind === 'outside-region') {
      const extra: Partial<TerritoryDiagnostic> = { departement: c.departement.code, region: c.region };
      if (c.currentCode) extra.mappedTo = c.currentCode;
      report('outside-region', 'communes', i, code, at(c.messages, `communes[${i}]`), extra);
    } else {
      const extra: Partial<TerritoryDiagnostic> = {};
      if (c.departement) extra.departement = c.departement.code;
      report('unknown', 'communes', i, code, at(c.messages, `communes[${i}]`), extra);
    }
  }

  for (const [i, code, raw] of list('epcis')) {
    if (code === null || !SIREN.test(code)) {
      invalid('epcis', i, code ?? raw);
      continue;
    }
    const e = g.epciBySiren.get(code);
    if (!e) {
      const elsewhere = epciChunks().get(code);
      if (elsewhere) {
        const names = elsewhere.map((k) => getCore().regionNames.get(k) ?? k).join(', ');
        report(
          'outside-region',
          'epcis',
          i,
          code,
          renderBoth(
            {
              fr: 'EPCI {code} en {where} : hors de {region} (membres en {names})',
              en: 'EPCI {code} at {where} is outside {region} (members in {names})',
            },
            { code, where: `epcis[${i}]`, region: g.name, names },
          ),
        );
      } else {
        report(
          'unknown',
          'epcis',
          i,
          code,
          renderBoth(
            { fr: 'SIREN d’EPCI inconnu {code} ({where})', en: 'unknown EPCI SIREN {code} ({where})' },
            { code, where: `epcis[${i}]` },
          ),
        );
      }
      continue;
    }
    contribute(e.members);
    if (e.crossesRegion) {
      const outside = e.outsideMembers.map((m) => m.code);
      report(
        'outside-region',
        'epcis',
        i,
        code,
        renderBoth(
          {
            fr: 'l’EPCI {code} {name} déborde de la région : {count} membre(s) hors de {region} écarté(s) ({where})',
            en: 'EPCI {code} {name} crosses the regional boundary: {count} member(s) outside {region} left out ({where})',
          },
          { code, name: e.name, count: String(outside.length), region: g.name, where: `epcis[${i}]` },
        ),
        { outside },
      );
    }
  }

  for (const [i, code, raw] of list('arrondissements')) {
    if (code === null || !ARRONDISSEMENT_CODE.test(code)) {
      invalid('arrondissements', i, code ?? raw);
      continue;
    }
    const a = g.arrondissementByCode.get(code);
    if (a) {
      contribute(a.communes);
      continue;
    }
    if (
      getCore().arrondissements.has(code) &&
      outsideDep('arrondissements', i, code, departementOfCode(code), {
        fr: 'l’arrondissement',
        en: 'arrondissement',
      })
    )
      continue;
    report(
      'unknown',
      'arrondissements',
      i,
      code,
      renderBoth(
        { fr: 'arrondissement inconnu {code} ({where})', en: 'unknown arrondissement {code} ({where})' },
        { code, where: `arrondissements[${i}]` },
      ),
    );
  }

  for (const [i, code, raw] of list('departements')) {
    if (code === null || !DEPARTEMENT_CODE.test(code)) {
      invalid('departements', i, code ?? raw);
      continue;
    }
    const d = g.departementByCode.get(code);
    if (d) {
      contribute(d.communes);
      continue;
    }
    if (outsideDep('departements', i, code, code, { fr: 'le département', en: 'département' })) continue;
    report(
      'unknown',
      'departements',
      i,
      code,
      renderBoth(
        { fr: 'département inconnu {code} ({where})', en: 'unknown département {code} ({where})' },
        { code, where: `departements[${i}]` },
      ),
    );
  }

  // One unit alone (a territory of one EPCI, say): its communes and what they cover, summed up once.
  let summary: Summary;
  if (single) {
    let known = SUMMARIES.get(single);
    if (!known) {
      known = summarise(g, new Set(single));
      SUMMARIES.set(single, known);
    }
    summary = known;
  } else summary = summarise(g, result);
  const { covered } = summary;
  return {
    communes: [...summary.communes],
    inRegion: !diagnostics.some((d) => d.kind === 'outside-region'),
    diagnostics,
    covered: {
      departements: [...covered.departements],
      arrondissements: [...covered.arrondissements],
      epcis: [...covered.epcis],
    },
  };
}

/** The communes of a territory (sorted, unique) and what they cover. */
interface Summary {
  readonly communes: readonly string[];
  readonly covered: {
    readonly departements: readonly string[];
    readonly arrondissements: readonly string[];
    readonly epcis: readonly string[];
  };
}

/** The summary of one unit's members (a graph's frozen list), by that list; callers get copies. */
const SUMMARIES = new WeakMap<readonly string[], Summary>();

function summarise(g: ReturnType<typeof getGraph>, result: ReadonlySet<string>): Summary {
  const communes = [...result].sort();
  const deps = new Set<string>();
  const arrs = new Set<string>();
  const epcis = new Set<string>();
  for (const code of communes) {
    const c = g.communeByCode.get(code);
    if (!c) continue;
    deps.add(c.departement);
    if (c.arrondissement) arrs.add(c.arrondissement);
    if (c.epci) epcis.add(c.epci);
  }
  return {
    communes,
    covered: { departements: [...deps].sort(), arrondissements: [...arrs].sort(), epcis: [...epcis].sort() },
  };
}
