/**
 * Issue 6 — `cprdfop/geo` on the real 2018 Hauts-de-France communes (../shared/geo, never copied):
 * locate vs which-polygon vs brute-force turf; compose 5 départements + 92 EPCI vs @turf/union;
 * topology build; heap.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import turfArea from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { featureCollection } from '@turf/helpers';
import union from '@turf/union';
import whichPolygon from 'which-polygon';
import { buildTopology, composeUnits, createLocator, joinVintage, readContours } from '../src/geo/index.js';
import { builtinMesh } from '../src/territory/index.js';
import { compare, fmt, heapMB, type Scenario, type ScenarioResult } from './_harness.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(root, '../shared/geo/hauts-de-france-2018');

export const scenario: Scenario = {
  name: 'Geometry: locate, compose, topology (2018 Hauts-de-France communes)',
  issue: 6,
  async run(options): Promise<ScenarioResult | { skipped: string }> {
    if (!existsSync(resolve(dir, 'communes.geojson')))
      return { skipped: `${dir} is absent (reference contours for benchmarks only)` };
    const heap0 = heapMB();
    const contours = await readContours(resolve(dir, 'communes.geojson'));
    // topology build (median of a few)
    const builds: number[] = [];
    let topo = buildTopology(contours);
    for (let i = 0; i < (options.smoke ? 1 : 5); i++) {
      const t = performance.now();
      topo = buildTopology(contours);
      builds.push(performance.now() - t);
    }
    builds.sort((a, b) => a - b);
    const buildMs = builds[builds.length >> 1] as number;
    const joined = joinVintage(topo).topology;

    // points: uniform in the region's bounding box (about 60 % inside a commune)
    const N = options.smoke ? 10_000 : 200_000;
    const pts = new Float64Array(2 * N);
    let seed = 42;
    const rnd = (): number => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    for (let i = 0; i < N; i++) {
      pts[2 * i] = 1.37 + rnd() * 3.2;
      pts[2 * i + 1] = 48.83 + rnd() * 2.25;
    }
    const tLoc = performance.now();
    const locator = createLocator(contours, { graph: null });
    const locatorBuildMs = performance.now() - tLoc;
    const wp = whichPolygon(contours as never);
    const out = new Int32Array(N);
    const BATCH = 10_000;
    let off = 0;
    const tasks = await compare(
      {
        [`cprdfop locateIndices (batch of ${fmt(BATCH)} points)`]: () => {
          off = (off + 2 * BATCH) % (2 * N);
          locator.locateIndices(pts.subarray(off, off + 2 * BATCH), out);
        },
        [`which-polygon (${fmt(BATCH)} points)`]: () => {
          off = (off + 2 * BATCH) % (2 * N);
          for (let k = off; k < off + 2 * BATCH; k += 2) wp([pts[k] as number, pts[k + 1] as number]);
        },
      },
      { ...options, time: 2000 },
    );
    const ours = (tasks[0]?.opsPerSec ?? 0) * BATCH;
    const theirs = (tasks[1]?.opsPerSec ?? 0) * BATCH;
    (tasks[0] as { note?: string }).note = `${fmt(ours)} points/s`;
    (tasks[1] as { note?: string }).note = `${fmt(theirs)} points/s`;

    // agreement with brute force turf on a sample
    const S = options.smoke ? 200 : 2000;
    let agree = 0;
    const tBrute = performance.now();
    for (let i = 0; i < S; i++) {
      const p = [pts[2 * i] as number, pts[2 * i + 1] as number];
      let brute: string | null = null;
      for (const f of contours.features) {
        if (booleanPointInPolygon(p, f as never)) {
          brute = f.properties.code;
          break;
        }
      }
      if (brute === locator.locateCode(p[0] as number, p[1] as number)) agree++;
    }
    const bruteMs = (performance.now() - tBrute) / S;
    tasks.push({
      name: 'brute-force @turf/boolean-point-in-polygon (sample)',
      opsPerSec: 1000 / bruteMs,
      note: `${S} points, agreement ${fmt((100 * agree) / S, 2)} %`,
    });

    // compose 5 départements + 92 EPCI on the joined (2026) topology
    const compose = (): number =>
      composeUnits(joined, 'departement').features.length + composeUnits(joined, 'epci').features.length;
    const units = compose();
    const runs: number[] = [];
    for (let i = 0; i < (options.smoke ? 1 : 7); i++) {
      const t = performance.now();
      compose();
      runs.push(performance.now() - t);
    }
    runs.sort((a, b) => a - b);
    const composeMs = runs[runs.length >> 1] as number;
    tasks.push({ name: `cprdfop compose ${units} units (topojson merge)`, medianMs: composeMs });

    // @turf/union on a few EPCI, extrapolated by the number of member communes
    const epcis = builtinMesh('epci').units.slice(0, options.smoke ? 1 : 4);
    const byCode = new Map(joined.features().map((f) => [f.properties.code, f]));
    let turfMs = 0;
    let turfMembers = 0;
    let areaDiff = 0;
    for (const u of epcis) {
      const feats = u.communes.map((c) => byCode.get(c)).filter((f) => f !== undefined);
      const t = performance.now();
      const merged = union(featureCollection(feats as never));
      turfMs += performance.now() - t;
      turfMembers += feats.length;
      const ourUnit = composeUnits(joined, { units: [u] }).features[0];
      if (merged && ourUnit)
        areaDiff = Math.max(
          areaDiff,
          Math.abs(turfArea(merged) - turfArea(ourUnit as never)) / turfArea(merged),
        );
    }
    const allMembers = 2 * joined.size; // every commune belongs to one département and one EPCI
    const turfAllMs = (turfMs / turfMembers) * allMembers;
    tasks.push({
      name: `@turf/union (${epcis.length} EPCI, ${turfMembers} communes)`,
      medianMs: turfMs,
      note: `extrapolated to ${units} units: ${fmt(turfAllMs)} ms`,
    });
    const heap = heapMB() - heap0;
    tasks.push({
      name: 'topology build (3,808 communes)',
      medianMs: buildMs,
      note: `locator build ${fmt(locatorBuildMs)} ms`,
    });

    return {
      tasks,
      ratios: [
        `cprdfop locate / which-polygon = ${fmt(ours / theirs, 1)}×`,
        `cprdfop locate / brute-force turf = ${fmt(ours / (1000 / bruteMs))}×`,
        `@turf/union (extrapolated) / cprdfop compose = ${fmt(turfAllMs / composeMs)}×`,
      ],
      goals: [
        { goal: 'locate ≥ 1,000,000 points/s', measured: `${fmt(ours)} points/s`, met: ours >= 1e6 },
        { goal: 'locate ≥ 2× which-polygon', measured: `${fmt(ours / theirs, 1)}×`, met: ours >= 2 * theirs },
        {
          goal: '100 % agreement with brute-force turf (sample)',
          measured: `${agree}/${S}`,
          met: agree === S,
        },
        {
          goal: 'compose 5 départements + 92 EPCI < 100 ms',
          measured: `${fmt(composeMs, 1)} ms (${units} units)`,
          met: composeMs < 100,
        },
        {
          goal: 'compose ≥ 100× faster than @turf/union',
          measured: `${fmt(turfAllMs / composeMs)}× (union extrapolated from ${epcis.length} EPCI)`,
          met: turfAllMs / composeMs >= 100,
        },
        { goal: 'topology build < 1 s', measured: `${fmt(buildMs)} ms`, met: buildMs < 1000 },
        {
          goal: 'heap < 100 MB',
          measured: `${fmt(heap, 1)} MB (contours + topology + locator + which-polygon)`,
          met: heap < 100,
        },
      ],
      notes: [
        `Points are uniform in the region's bounding box (${fmt(N)}, seeded); the brute-force sample is the first ${S}.`,
        `@turf/union is too slow to run on all units: measured on ${epcis.length} EPCI and extrapolated per member commune; max relative area difference between its result and ours: ${areaDiff.toExponential(1)}.`,
        'Compose runs on the 2018 contours joined to the 2026 graph (merged communes composed exactly).',
      ],
    };
  },
};
