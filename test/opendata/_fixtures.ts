/** Synthetic Etalab-like contours files (never committed: generated into temp dirs). */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

const HDF = new Set(['02', '59', '60', '62', '80']);

/** Département codes 01–95 (no 20) plus 2A/2B. */
export const DEPARTEMENTS = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((d) => d !== '20'),
  '2A',
  '2B',
];

/** One synthetic commune feature; `vertices` controls its size. */
export function communeFeature(i: number, vertices: number): unknown {
  const dep = DEPARTEMENTS[i % DEPARTEMENTS.length]!;
  const code = `${dep}${String(Math.floor(i / DEPARTEMENTS.length) + 1).padStart(3, '0')}`;
  const ring: [number, number][] = [];
  const cx = 2 + (i % 100) / 10;
  const cy = 45 + Math.floor(i / 100) / 1000;
  for (let k = 0; k < vertices; k++) {
    const a = (2 * Math.PI * k) / vertices;
    ring.push([Number((cx + 0.01 * Math.cos(a)).toFixed(4)), Number((cy + 0.01 * Math.sin(a)).toFixed(4))]);
  }
  ring.push(ring[0]!);
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [ring] },
    properties: {
      code,
      nom: `Commune "${i}" d'\\essai`,
      departement: dep,
      region: HDF.has(dep) ? '32' : '11',
      epci: '200000000',
      plm: false,
      commune: null,
    },
  };
}

/** How many of the first `count` synthetic features belong to région 32. */
export function expectedRegionCount(count: number): number {
  let n = 0;
  for (let i = 0; i < count; i++) if (HDF.has(DEPARTEMENTS[i % DEPARTEMENTS.length]!)) n++;
  return n;
}

/** Writes a gzipped national FeatureCollection of `count` features to `path`, streaming. */
export async function writeNationalGz(path: string, count: number, vertices = 20): Promise<void> {
  async function* text(): AsyncGenerator<string> {
    yield '{"type":"FeatureCollection","features":[\n';
    let batch: string[] = [];
    for (let i = 0; i < count; i++) {
      batch.push(JSON.stringify(communeFeature(i, vertices)));
      if (batch.length === 500) {
        yield (i >= 500 ? ',\n' : '') + batch.join(',\n');
        batch = [];
      }
    }
    if (batch.length) yield (count > batch.length ? ',\n' : '') + batch.join(',\n');
    yield '\n]}\n';
  }
  await pipeline(Readable.from(text()), createGzip({ level: 6 }), createWriteStream(path));
}

/** The argv of `cprdfop data pull contours` for the communes of Hauts-de-France (2026, 100 m), then `extra`. */
export function pullCommunesArgv(...extra: string[]): string[] {
  return [
    'data',
    'pull',
    'contours',
    '--year',
    '2026',
    '--layer',
    'communes',
    '--resolution',
    '100m',
    '--region',
    '32',
    ...extra,
  ];
}
