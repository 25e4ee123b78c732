/**
 * Generates the Hauts-de-France territory graph from `@etalab/decoupage-administratif` (pinned at 6.0.0,
 * COG 2026):
 *
 * - `data/territory/hdf-cog2026.json` — the canonical, committed data file (one record per line);
 * - `src/territory/_data/graph.generated.ts` — the same data as a JSON string constant, parsed lazily
 *   by `cprdfop/territory` on first use (works in the browser: no `fs` at runtime).
 *
 * Usage: `npm run data:territories` (write) · `npm run data:territories:check` (fail on drift).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@etalab/decoupage-administratif';
const PINNED_VERSION = '6.0.0';
const COG_YEAR = 2026;
const REGION = '32';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const JSON_PATH = join(root, 'data/territory/hdf-cog2026.json');
export const TS_PATH = join(root, 'src/territory/_data/graph.generated.ts');

interface SrcCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement?: string;
  arrondissement?: string;
  region?: string;
  chefLieu?: string;
  codesPostaux?: string[];
  population?: number;
  anciensCodes?: string[];
}
interface SrcEpci {
  code: string;
  nom: string;
  type: string;
  membres: Array<{ code: string; nom: string }>;
}
interface SrcNamed {
  code: string;
  nom: string;
  region?: string;
  departement?: string;
  chefLieu?: string;
}

const byCode = (a: { code: string }, b: { code: string }): number =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Builds the canonical JSON text and the TypeScript module text. */
export function generate(): { json: string; ts: string; warnings: string[] } {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve(`${PACKAGE}/package.json`);
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string };
  if (pkg.version !== PINNED_VERSION) {
    throw new Error(`${PACKAGE} must be pinned at ${PINNED_VERSION} (COG ${COG_YEAR}); found ${pkg.version}`);
  }
  const dir = join(dirname(pkgPath), 'data');
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
  const allCommunes = read<SrcCommune[]>('communes.json');
  const allEpcis = read<SrcEpci[]>('epci.json');
  const allArrondissements = read<SrcNamed[]>('arrondissements.json');
  const allDepartements = read<SrcNamed[]>('departements.json');
  const allRegions = read<SrcNamed[]>('regions.json');
  const warnings: string[] = [];

  const region = allRegions.find((r) => r.code === REGION);
  if (!region?.chefLieu) throw new Error(`region ${REGION} not found in ${PACKAGE}`);
  const departements = allDepartements.filter((d) => d.region === REGION).sort(byCode);
  const regionalDeps = new Set(departements.map((d) => d.code));
  const arrondissements = allArrondissements.filter((a) => a.region === REGION).sort(byCode);

  const current = allCommunes
    .filter((c) => c.region === REGION && c.type === 'commune-actuelle')
    .sort(byCode);
  const currentCodes = new Set(current.map((c) => c.code));

  // EPCI membership is only in epci.json.
  const epciOf = new Map<string, string>();
  const epcis = allEpcis.filter((e) => e.membres.some((m) => currentCodes.has(m.code))).sort(byCode);
  for (const e of epcis) {
    for (const m of e.membres) {
      if (!currentCodes.has(m.code)) continue;
      const prev = epciOf.get(m.code);
      if (prev) throw new Error(`commune ${m.code} is a member of two EPCI: ${prev} and ${e.code}`);
      epciOf.set(m.code, e.code);
    }
  }

  const communes = current.map((c) => {
    if (!c.departement || !c.arrondissement || typeof c.population !== 'number') {
      throw new Error(`commune ${c.code} lacks a département, arrondissement or population`);
    }
    return [
      c.code,
      c.nom,
      c.departement,
      c.arrondissement,
      epciOf.get(c.code) ?? null,
      [...(c.codesPostaux ?? [])].sort(cmp),
      c.population,
    ] as const;
  });

  // Old codes, delegated and associated communes → current commune. A delegated/associated commune
  // (COG's current state) wins over an `anciensCodes` entry that names another commune.
  const aliases = new Map<string, { current: string; via: string; name: string | null }>();
  for (const c of current) {
    for (const old of c.anciensCodes ?? []) {
      if (currentCodes.has(old)) continue;
      aliases.set(old, { current: c.code, via: 'ancien-code', name: null });
    }
  }
  const externalAliases: Array<readonly [string, string, string, string]> = [];
  for (const c of allCommunes) {
    if (c.type === 'commune-actuelle' && c.region !== REGION) {
      for (const old of c.anciensCodes ?? []) {
        const dep = old.startsWith('97') ? old.slice(0, 3) : old.slice(0, 2);
        if (regionalDeps.has(dep)) externalAliases.push([old, c.code, c.nom, c.departement ?? '']);
      }
    }
    if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.region === REGION) {
      if (!c.chefLieu || !currentCodes.has(c.chefLieu)) {
        throw new Error(`${c.type} ${c.code} has no current commune in the region`);
      }
      if (currentCodes.has(c.code)) continue; // shares the code of its current commune
      const prev = aliases.get(c.code);
      if (prev && prev.current !== c.chefLieu) {
        warnings.push(
          `${c.code} (${c.nom}) is listed in anciensCodes of ${prev.current} but is a ${c.type} of ${c.chefLieu}: mapped to ${c.chefLieu}`,
        );
      }
      aliases.set(c.code, { current: c.chefLieu, via: c.type, name: c.nom });
    }
  }
  externalAliases.sort((a, b) => cmp(a[0], b[0]));

  const population = {
    field: 'population',
    file: 'data/communes.json',
    source: `${PACKAGE} ${PINNED_VERSION}`,
    year: null,
    note: `as published in ${PACKAGE} ${PINNED_VERSION}; its README cites INSEE « Population légale » (https://www.insee.fr/fr/statistiques/8680726?sommaire=8681011) and does not state the census year`,
  };

  const sections: Array<[string, unknown]> = [
    ['format', 'cprdfop-territory/1'],
    [
      'vintage',
      {
        cog: COG_YEAR,
        source: PACKAGE,
        sourceVersion: PINNED_VERSION,
        license: 'Licence Ouverte (data), per the package README',
        generatedBy: 'scripts/generate-territories.ts',
      },
    ],
    ['population', population],
    ['region', [region.code, region.nom, region.chefLieu]],
    ['departements', departements.map((d) => [d.code, d.nom, d.chefLieu])],
    ['arrondissements', arrondissements.map((a) => [a.code, a.nom, a.departement, a.chefLieu])],
    [
      'epcis',
      epcis.map((e) => [
        e.code,
        e.nom,
        e.type,
        e.membres
          .filter((m) => !currentCodes.has(m.code))
          .map((m) => {
            const dep = allCommunes.find(
              (c) => c.code === m.code && c.type === 'commune-actuelle',
            )?.departement;
            return [
              m.code,
              m.nom,
              dep ?? (m.code.startsWith('97') ? m.code.slice(0, 3) : m.code.slice(0, 2)),
            ];
          })
          .sort((a, b) => cmp(a[0] as string, b[0] as string)),
      ]),
    ],
    ['communes', communes],
    [
      'aliases',
      [...aliases.entries()]
        .sort((a, b) => cmp(a[0], b[0]))
        .map(([code, a]) => [code, a.current, a.via, a.name]),
    ],
    ['externalAliases', externalAliases],
    ['regions', [...allRegions].sort(byCode).map((r) => [r.code, r.nom])],
    ['franceDepartements', [...allDepartements].sort(byCode).map((d) => [d.code, d.nom, d.region])],
  ];

  // Canonical text: one section per key, one record per line for arrays of records.
  const parts = sections.map(([key, value]) => {
    if (Array.isArray(value) && value.length > 0 && Array.isArray(value[0])) {
      return `  ${JSON.stringify(key)}: [\n${value.map((v) => `    ${JSON.stringify(v)}`).join(',\n')}\n  ]`;
    }
    return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  const json = `{\n${parts.join(',\n')}\n}\n`;
  const minified = JSON.stringify(JSON.parse(json));
  const literal = `'${minified.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const ts = [
    `// Generated by scripts/generate-territories.ts from ${PACKAGE} ${PINNED_VERSION} (COG ${COG_YEAR}).`,
    '// Do not edit: run `npm run data:territories`. Same content as data/territory/hdf-cog2026.json.',
    '',
    '/**',
    ' * The territory graph as a JSON string, parsed once on first use (nothing is parsed at import).',
    ' * @internal',
    ' */',
    `export const GRAPH_JSON =\n  ${literal};`,
    '',
  ].join('\n');
  return { json, ts, warnings };
}

function main(): void {
  const check = process.argv.includes('--check');
  const { json, ts, warnings } = generate();
  for (const w of warnings) process.stderr.write(`note: ${w}\n`);
  if (!check) {
    writeFileSync(JSON_PATH, json);
    writeFileSync(TS_PATH, ts);
    process.stdout.write(`wrote ${relative(root, JSON_PATH)} and ${relative(root, TS_PATH)}\n`);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'cprdfop-territories-'));
  const drift: string[] = [];
  for (const [path, fresh] of [
    [JSON_PATH, json],
    [TS_PATH, ts],
  ] as const) {
    let committed = '';
    try {
      committed = readFileSync(path, 'utf8');
    } catch {
      committed = '';
    }
    if (committed !== fresh) {
      const out = join(tmp, path.split('/').pop() ?? 'out');
      writeFileSync(out, fresh);
      drift.push(`${relative(root, path)} differs from the generator's output (fresh copy: ${out})`);
    }
  }
  if (drift.length) {
    for (const d of drift) process.stderr.write(`territory data drift: ${d}\n`);
    process.stderr.write('run `npm run data:territories` and commit the result\n');
    process.exitCode = 1;
    return;
  }
  process.stdout.write('territory data: committed files match the generator output\n');
}

main();
