import { type Message, renderBoth } from '../../_shared/messages.js';
import { showValue } from '../../_shared/showValue.js';
import { classifyCommuneCode } from '../classifyCommuneCode.js';
import { MeshError } from '../MeshError.js';
import type { MeshJsonOptions as MeshMeta } from '../parseMeshJson.js';
import type { Mesh, MeshDiagnostic, MeshLoadResult } from '../schemas/Mesh.js';
import { COMMUNE_CODE } from './codes.js';
import { DEFAULT_REGION, getGraph } from './france.js';

/** One (commune, unit) row of an input mesh, with where it came from. */
export interface MeshRow {
  commune: string;
  unit: string;
  unitLabel?: string | undefined;
  /** 1-based CSV line. */
  line?: number | undefined;
}

export type { MeshJsonOptions as MeshMeta } from '../parseMeshJson.js';

/** Validates rows against the graph and builds the mesh; throws {@link MeshError} on duplicates. */
export function buildMesh(
  rows: readonly MeshRow[],
  meta: MeshMeta,
  defaults: { id: string; label: string },
): MeshLoadResult {
  const region = meta.region ?? DEFAULT_REGION;
  const g = getGraph(region);
  const diagnostics: MeshDiagnostic[] = [];
  const unitOrder: string[] = [];
  const unitLabels = new Map<string, string>();
  const members = new Map<string, string[]>();
  // current commune code → rows that put it somewhere
  const seen = new Map<string, MeshRow[]>();
  const where = (r: MeshRow): string => (r.line !== undefined ? `line ${r.line}` : `unit ${r.unit}`);
  const whereIn = (lang: 'fr' | 'en', r: MeshRow): string =>
    lang === 'en' ? where(r) : r.line !== undefined ? `ligne ${r.line}` : `unité ${r.unit}`;
  /** `message` (English) and `messages` of a diagnostic: a text in both languages, then where. */
  const located = (text: Message, r: MeshRow): { message: string; messages: Message } => {
    const messages = renderBoth(
      { fr: '{text} ({where})', en: '{text} ({where})' },
      { text, where: { fr: whereIn('fr', r), en: whereIn('en', r) } },
    );
    return { message: messages.en, messages };
  };
  for (const r of rows) {
    if (!members.has(r.unit)) {
      members.set(r.unit, []);
      unitOrder.push(r.unit);
    }
    if (r.unitLabel && !unitLabels.has(r.unit)) unitLabels.set(r.unit, r.unitLabel);
    const base = { code: r.commune, unit: r.unit, ...(r.line !== undefined ? { line: r.line } : {}) };
    if (!COMMUNE_CODE.test(r.commune)) {
      diagnostics.push({
        kind: 'invalid',
        ...base,
        ...located(
          renderBoth(
            { fr: 'code de commune mal formé {code}', en: 'malformed commune code {code}' },
            { code: JSON.stringify(r.commune) },
          ),
          r,
        ),
      });
      continue;
    }
    const c = classifyCommuneCode(r.commune, { region });
    if (c.kind !== 'in-region') {
      diagnostics.push({ kind: c.kind, ...base, ...located(c.messages, r) });
      continue;
    }
    const current = c.match.commune.code;
    if (c.match.mapped) {
      diagnostics.push({ kind: 'mapped', ...base, mappedTo: current, ...located(c.messages, r) });
    }
    const prev = seen.get(current);
    if (prev) prev.push(r);
    else seen.set(current, [r]);
    members.get(r.unit)?.push(current);
  }
  const duplicates = [...seen.entries()].filter(([, rs]) => rs.length > 1);
  if (duplicates.length) {
    const lines = duplicates.flatMap(([, rs]) =>
      rs.map((r) => r.line).filter((l): l is number => l !== undefined),
    );
    const detailIn = (lang: 'fr' | 'en'): string =>
      duplicates
        .slice(0, 10)
        .map(([code, rs]) => `${code} (${rs.map((r) => whereIn(lang, r)).join(', ')})`)
        .join('; ');
    throw new MeshError(
      renderBoth(
        {
          fr: 'maillage « {id} » : {count} commune(s) listée(s) plus d’une fois : {detail}{more}',
          en: 'mesh "{id}": {count} commune(s) listed more than once: {detail}{more}',
        },
        {
          id: showValue(meta.id ?? defaults.id),
          count: String(duplicates.length),
          detail: { fr: detailIn('fr'), en: detailIn('en') },
          more: duplicates.length > 10 ? '; …' : '',
        },
      ),
      lines.sort((a, b) => a - b),
    );
  }
  // The caller's `unitLabels` is a plain record: only its own string entries count, so a unit code
  // such as « constructor » or « toString » never reads Object.prototype's function as its label.
  const overrides: unknown = meta.unitLabels;
  const labelOverride = (code: string): string | undefined => {
    if (typeof overrides !== 'object' || overrides === null || !Object.hasOwn(overrides, code))
      return undefined;
    const label: unknown = (overrides as Record<string, unknown>)[code];
    return typeof label === 'string' ? label : undefined;
  };
  const droppedUnits: string[] = [];
  const units: Mesh['units'] = [];
  for (const code of unitOrder) {
    const list = members.get(code) ?? [];
    if (list.length === 0) {
      droppedUnits.push(code);
      continue;
    }
    units.push({
      code,
      label: labelOverride(code) ?? unitLabels.get(code) ?? code,
      communes: list.sort(),
    });
  }
  const uncovered = g.communes.filter((c) => !seen.has(c.code)).map((c) => c.code);
  return {
    mesh: {
      id: meta.id ?? defaults.id,
      label: meta.label ?? defaults.label,
      kind: meta.kind ?? 'custom',
      vintage: meta.vintage ?? 'unknown',
      provenance: meta.provenance ?? 'user-supplied',
      units,
    },
    diagnostics,
    uncovered,
    droppedUnits,
  };
}
