/** Saved topologies (`cprdfop data topo`, `--topology`): Node only, not part of the public API. */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CommuneTopology } from '../../geo/CommuneTopology.js';
import { GeoDataError } from '../../geo/GeoDataError.js';
import { loadTopology, type TopologyStamp, topologyStamp } from '../../geo/loadTopology.js';
import { cacheDir } from '../../opendata/index.js';
import { territoryVintage } from '../../territory/index.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';
import { resolvePath } from './io.js';
import { errorText, langOf, say } from './language.js';
import { SUPPORT } from './messages/support.js';

/** The SHA-256 (lowercase hex) of a file's bytes. */
export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The territory vintage a joined topology is stamped with, e.g. `cog2026 (…)`. */
export function currentVintage(): string {
  const vintage = territoryVintage();
  return `cog${vintage.cog} ${vintage.sourceVersion}`;
}

/** Where `cprdfop data topo` saves the topology of contours of this SHA-256 (`undefined` without a cache). */
export function cachedTopologyPath(ctx: CliContext, sha256: string): string | undefined {
  try {
    return join(cacheDir(ctx.env), 'topology', `${sha256}.topojson`);
  } catch {
    return undefined;
  }
}

/**
 * Reads a saved topology built from the contours of `sha256` for the current vintage.
 * `explicit` (`--topology`): a missing file is exit 66, a foreign or outdated one exit 65 naming both
 * hashes. Implicit (the cache): a missing file is `undefined`; an unusable one is `undefined` too, with
 * a warning saying why (it is rebuilt, never used).
 */
export async function readSavedTopology(
  ctx: CliContext,
  path: string,
  source: { sha256: string; file: string },
  explicit: boolean,
  warn: (message: string) => void,
): Promise<{ topology: CommuneTopology; stamp: TopologyStamp } | undefined> {
  let text: string;
  try {
    text = await readFile(resolvePath(ctx, path), 'utf8');
  } catch (error) {
    if (!explicit) return undefined;
    throw new CliError(
      say(ctx, SUPPORT.cannotReadTopology, {
        path,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      }),
      EXIT.NOINPUT,
    );
  }
  const refuse = (reason: string): undefined => {
    const message = say(ctx, SUPPORT.topologyNotUsed, { path, reason, file: source.file });
    if (explicit) throw new CliError(message, EXIT.DATAERR);
    warn(message);
    return undefined;
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return refuse(
      say(ctx, SUPPORT.topologyNotJson, { reason: error instanceof Error ? error.message : String(error) }),
    );
  }
  try {
    const topology = loadTopology(json, { sha256: source.sha256, vintage: currentVintage() });
    return { topology, stamp: topologyStamp(json) as TopologyStamp };
  } catch (error) {
    if (error instanceof GeoDataError) return refuse(mismatchReason(ctx, error, json, source.sha256));
    throw error;
  }
}

/** Why a saved topology cannot be used, in the run's language (the library says it in English). */
function mismatchReason(ctx: CliContext, error: GeoDataError, json: unknown, sha256: string): string {
  if (error.code === 'E_INVALID_TOPOLOGY') return say(ctx, SUPPORT.notATopology);
  if (error.code !== 'E_TOPOLOGY_MISMATCH') return errorText(error, langOf(ctx));
  const stamp = topologyStamp(json);
  const vintage = currentVintage();
  if (!stamp) return say(ctx, SUPPORT.topologyUnstamped, { sha256 });
  if (stamp.source.sha256 !== sha256)
    return say(ctx, SUPPORT.topologyOtherSource, {
      file: stamp.source.file,
      other: stamp.source.sha256,
      sha256,
    });
  if (stamp.vintage !== vintage)
    return say(ctx, SUPPORT.topologyOtherVintage, {
      vintage: stamp.vintage ?? say(ctx, SUPPORT.noVintage),
      expected: vintage,
    });
  return errorText(error, langOf(ctx));
}

/** Writes a joined topology with its stamp (atomically: a temporary file, then a rename); exit 73 when it cannot. */
export async function writeSavedTopology(
  ctx: CliContext,
  path: string,
  topology: CommuneTopology,
  stamp: TopologyStamp,
): Promise<number> {
  const target = resolvePath(ctx, path);
  const text = JSON.stringify({ ...topology.toTopoJSON(), cprdfop: stamp });
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temporary, text);
    await rename(temporary, target);
  } catch (error) {
    throw new CliError(
      say(ctx, SUPPORT.cannotWriteTopology, {
        path,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      }),
      EXIT.CANTCREAT,
    );
  }
  return Buffer.byteLength(text);
}
