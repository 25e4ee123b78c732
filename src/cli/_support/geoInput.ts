/** Geometry inputs shared by the `check`, `map`, `export` and `locate` commands (Node only, not part of the public API). */

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeUtf8, withoutBom } from '../../_shared/decodeText.js';
import { showValue } from '../../_shared/showValue.js';
import { buildTopology } from '../../geo/buildTopology.js';
import type { CommuneTopology } from '../../geo/CommuneTopology.js';
import type { UnitsBy } from '../../geo/composeUnits.js';
import { GeoDataError } from '../../geo/GeoDataError.js';
import { joinVintage } from '../../geo/joinVintage.js';
import type { TopologyStamp } from '../../geo/loadTopology.js';
import { parseContours } from '../../geo/parseContours.js';
import type { TerritoryRef, UnitSet } from '../../geo/types.js';
import { cacheDir, findCachedContours } from '../../opendata/index.js';
import { loadMesh } from '../../territory/index.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';
import { notUtf8, readInput, readSpreadsheetInput, resolvePath } from './io.js';
import { errorText, issueText, langOf, say } from './language.js';
import { COMMON } from './messages/common.js';
import { SUPPORT } from './messages/support.js';
import { cachedTopologyPath, currentVintage, readSavedTopology, sha256Of } from './topologyFile.js';

/** The cached commune contours (finest resolution first, the region's then France's), exit 69 when there are none. */
export async function defaultContours(ctx: CliContext): Promise<string> {
  let dir: string;
  try {
    dir = cacheDir(ctx.env);
  } catch {
    throw new CliError(say(ctx, SUPPORT.noCachedContours), EXIT.UNAVAILABLE);
  }
  for (const resolution of ['5m', '50m', '100m', '1000m'] as const) {
    for (const region of ['32', undefined]) {
      const hit = await findCachedContours({
        year: 2026,
        layer: 'communes',
        resolution,
        region,
        cacheDir: dir,
        verify: false,
      });
      if (hit) return hit.path;
    }
  }
  throw new CliError(say(ctx, SUPPORT.noCachedContours), EXIT.UNAVAILABLE);
}

/** A joined topology, how it was obtained, and the stamp to save it with. */
export interface JoinedTopology {
  topology: CommuneTopology;
  stamp: TopologyStamp;
  /** The path of the saved topology that was used, when one was (else it was built now). */
  reusedFrom?: string;
}

/**
 * Reads contours, builds the topology and joins it to the current territory graph (warnings on
 * stderr). A topology saved by `cprdfop data topo` for the same contours (same SHA-256) and the same
 * territory vintage is used instead of building one: `options.topology` names it (exit 65 when it
 * does not match), else the cache is looked up by the contours' hash.
 */
export async function loadJoinedTopology(
  ctx: CliContext,
  file: string,
  warn: (message: string) => void = (message) =>
    ctx.stderr.write(`cprdfop: ${say(ctx, COMMON.warning, { message })}\n`),
  options: { topology?: string | undefined; cache?: boolean } = {},
): Promise<CommuneTopology> {
  return (await joinedTopology(ctx, file, warn, options)).topology;
}

/** {@link loadJoinedTopology}, with the stamp and whether a saved topology was used. */
export async function joinedTopology(
  ctx: CliContext,
  file: string,
  warn: (message: string) => void,
  options: { topology?: string | undefined; cache?: boolean } = {},
): Promise<JoinedTopology> {
  let bytes: Buffer;
  try {
    bytes = await readFile(resolvePath(ctx, file));
  } catch (error) {
    throw new CliError(
      say(ctx, SUPPORT.cannotReadContours, {
        file,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      }),
      EXIT.NOINPUT,
    );
  }
  const sha256 = sha256Of(bytes);
  const savedPath =
    options.topology ?? (options.cache === false ? undefined : cachedTopologyPath(ctx, sha256));
  if (savedPath) {
    const saved = await readSavedTopology(
      ctx,
      savedPath,
      { sha256, file },
      options.topology !== undefined,
      warn,
    );
    if (saved) {
      if (ctx.env.CPRDFOP_VERBOSE)
        ctx.stderr.write(`cprdfop: ${say(ctx, SUPPORT.savedTopology, { path: savedPath })}\n`);
      for (const message of saved.stamp.warnings ?? []) warn(message);
      return { topology: saved.topology, stamp: saved.stamp, reusedFrom: savedPath };
    }
  }
  const warnings: string[] = [];
  const note = (message: string): void => {
    warnings.push(message);
    warn(message);
  };
  // not UTF-8 is said as such, not as "not JSON" (the JSON error below would wrap it)
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw notUtf8(ctx, file, decoded.failure);
  let contours: ReturnType<typeof parseContours>;
  try {
    let json: unknown;
    try {
      json = JSON.parse(withoutBom(decoded.text));
    } catch (error) {
      throw new CliError(
        say(ctx, SUPPORT.contoursNotJson, {
          file,
          reason: error instanceof Error ? error.message : String(error),
        }),
        EXIT.DATAERR,
      );
    }
    contours = parseContours(json, { source: file }, (issue) => {
      if (issue.code !== 'W_WINDING') note(issueText(issue, langOf(ctx)));
    });
  } catch (error) {
    if (error instanceof GeoDataError) throw new CliError(errorText(error, langOf(ctx)), EXIT.DATAERR);
    throw error;
  }
  const join = joinVintage(buildTopology(contours));
  if (join.unmatched.length) {
    note(
      say(ctx, SUPPORT.unmatchedContours, {
        count: join.unmatched.length,
        codes: `${join.unmatched.slice(0, 10).join(', ')}${join.unmatched.length > 10 ? ', …' : ''}`,
      }),
    );
  }
  for (const p of join.partial)
    note(
      say(ctx, SUPPORT.partialCommune, {
        code: p.code,
        from: p.from.join(', '),
        absent: p.absent.join(', '),
      }),
    );
  if (join.merged.length && ctx.env.CPRDFOP_VERBOSE) {
    ctx.stderr.write(`cprdfop: ${say(ctx, SUPPORT.mergedCommunes, { count: join.merged.length })}\n`);
  }
  if (join.topology.size === 0)
    throw new CliError(say(ctx, SUPPORT.noContourMatches, { file }), EXIT.DATAERR);
  return {
    topology: join.topology,
    stamp: {
      format: 1,
      source: { sha256, bytes: bytes.length, file: basename(file) },
      vintage: currentVintage(),
      warnings,
    },
  };
}

/**
 * `--by`: a built-in mesh name, `commune`, or a mesh file (JSON or CSV, see `cprdfop territory`). The
 * diagnostics of a mesh file go to `warn` (counted by `--strict` when it is the command's collector).
 */
export async function parseBy(
  ctx: CliContext,
  by: string,
  topology: CommuneTopology,
  warn: (message: string) => void = (message) =>
    ctx.stderr.write(`cprdfop: ${say(ctx, COMMON.warning, { message })}\n`),
): Promise<UnitsBy> {
  if (by === 'departement' || by === 'arrondissement' || by === 'epci') return by;
  if (by === 'commune') {
    return {
      id: 'commune',
      units: topology.features().map((f) => ({
        code: f.properties.code,
        label: f.properties.name ?? f.properties.code,
        communes: [f.properties.code],
      })),
    };
  }
  if (!/[./\\]/.test(by)) {
    throw new CliError(say(ctx, SUPPORT.badBy, { value: by }), EXIT.USAGE, true);
  }
  const text = await readInput(ctx, by, SUPPORT.meshFile);
  let loaded: ReturnType<typeof loadMesh>;
  try {
    loaded = loadMesh(text);
  } catch (error) {
    throw new CliError(
      say(ctx, SUPPORT.invalidMesh, { file: by, message: errorText(error, langOf(ctx)) }),
      EXIT.DATAERR,
    );
  }
  // Codes left out of the mesh (unknown, malformed, outside the region) and old codes replaced are
  // said, never dropped silently: the first ones one per line, then how many more.
  const shownDiagnostics = 10;
  for (const diagnostic of loaded.diagnostics.slice(0, shownDiagnostics))
    warn(say(ctx, SUPPORT.meshDiagnostic, { file: by, message: issueText(diagnostic, langOf(ctx)) }));
  if (loaded.diagnostics.length > shownDiagnostics)
    warn(
      say(ctx, SUPPORT.moreMeshDiagnostics, {
        file: by,
        count: loaded.diagnostics.length - shownDiagnostics,
      }),
    );
  return loaded.mesh as UnitSet;
}

/** `--value <csv>`: `code,value` lines (header optional, `,` `;` or tab). */
export async function readValues(ctx: CliContext, file: string): Promise<Map<string, number>> {
  const { text } = await readSpreadsheetInput(ctx, file, 'auto', SUPPORT.valuesFile);
  const out = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const [code, raw] = line.split(/[,;\t]/).map((s) => s.trim().replace(/^"|"$/g, ''));
    const value = Number((raw ?? '').replace(',', '.'));
    if (!code || raw === undefined || raw === '' || !Number.isFinite(value)) {
      if (i === 0) return; // header
      throw new CliError(
        say(ctx, SUPPORT.badValue, { file, line: String(i + 1), got: JSON.stringify(line) }),
        EXIT.DATAERR,
      );
    }
    out.set(code, value);
  });
  return out;
}

/** `--highlight <application.json>`: its `territory` (or the object itself), or an array of commune codes. */
export async function readHighlight(ctx: CliContext, file: string): Promise<TerritoryRef> {
  const text = await readInput(ctx, file, SUPPORT.applicationFile);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      say(ctx, SUPPORT.notJson, { file, message: error instanceof Error ? error.message : String(error) }),
      EXIT.DATAERR,
    );
  }
  // a code that is not a string is shown as it is (never `String()`, which throws on some objects),
  // and is then reported as a malformed code like any other
  const codeText = (value: unknown): string => (typeof value === 'string' ? value : showValue(value));
  if (Array.isArray(json)) return { communes: json.map(codeText) };
  const o = json as Record<string, unknown> | null;
  const t = (o && typeof o.territory === 'object' && o.territory !== null ? o.territory : o) as Record<
    string,
    unknown
  > | null;
  const keys = ['communes', 'epcis', 'arrondissements', 'departements'] as const;
  if (!t || !keys.some((k) => Array.isArray(t[k]))) {
    throw new CliError(say(ctx, SUPPORT.noTerritory, { file }), EXIT.DATAERR);
  }
  const ref: Record<string, string[]> = {};
  for (const k of keys) if (Array.isArray(t[k])) ref[k] = (t[k] as unknown[]).map(codeText);
  return ref;
}
