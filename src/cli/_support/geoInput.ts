/** Geometry inputs shared by the `check`, `map`, `export` and `locate` commands (Node only, not part of the public API). */
import { buildTopology } from '../../geo/buildTopology.js';
import type { CommuneTopology } from '../../geo/CommuneTopology.js';
import type { UnitsBy } from '../../geo/composeUnits.js';
import { GeoDataError } from '../../geo/GeoDataError.js';
import { joinVintage } from '../../geo/joinVintage.js';
import { readContours } from '../../geo/readContours.js';
import type { TerritoryRef, UnitSet } from '../../geo/types.js';
import { loadMesh } from '../../territory/index.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';
import { readInput, resolvePath } from './io.js';
import { say } from './language.js';
import { COMMON } from './messages/common.js';
import { SUPPORT } from './messages/support.js';

/** Reads contours, builds the topology and joins it to the current territory graph (warnings on stderr). */
export async function loadJoinedTopology(
  ctx: CliContext,
  file: string,
  warn: (message: string) => void = (message) =>
    ctx.stderr.write(`cprdfop: ${say(ctx, COMMON.warning, { message })}\n`),
): Promise<CommuneTopology> {
  let contours: Awaited<ReturnType<typeof readContours>>;
  try {
    contours = await readContours(resolvePath(ctx, file), { source: file }, (issue) => {
      if (issue.code !== 'W_WINDING') warn(issue.message);
    });
  } catch (error) {
    if (error instanceof GeoDataError)
      throw new CliError(error.message, error.code === 'E_READ' ? EXIT.NOINPUT : EXIT.DATAERR);
    throw error;
  }
  const join = joinVintage(buildTopology(contours));
  if (join.unmatched.length) {
    warn(
      say(ctx, SUPPORT.unmatchedContours, {
        count: join.unmatched.length,
        codes: `${join.unmatched.slice(0, 10).join(', ')}${join.unmatched.length > 10 ? ', …' : ''}`,
      }),
    );
  }
  for (const p of join.partial)
    warn(
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
  return join.topology;
}

/** `--by`: a built-in mesh name, `commune`, or a mesh file (JSON or CSV, see `cprdfop territory`). */
export async function parseBy(ctx: CliContext, by: string, topology: CommuneTopology): Promise<UnitsBy> {
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
  try {
    const r = loadMesh(text);
    return r.mesh as UnitSet;
  } catch (error) {
    throw new CliError(
      say(ctx, SUPPORT.invalidMesh, {
        file: by,
        message: error instanceof Error ? error.message : String(error),
      }),
      EXIT.DATAERR,
    );
  }
}

/** `--value <csv>`: `code,value` lines (header optional, `,` `;` or tab). */
export async function readValues(ctx: CliContext, file: string): Promise<Map<string, number>> {
  const text = await readInput(ctx, file, SUPPORT.valuesFile);
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
  if (Array.isArray(json)) return { communes: json.map(String) };
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
  for (const k of keys) if (Array.isArray(t[k])) ref[k] = (t[k] as unknown[]).map(String);
  return ref;
}
