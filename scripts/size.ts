/**
 * Bundle-size budgets per subpath: bundles each entry with esbuild (minified, zod external, as a
 * consumer's bundler would), gzips it and checks the budget; also checks that the root entry pulls
 * in no geometry, HTTP or territory-data code. Exit 1 when a budget is exceeded.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

interface Entry {
  subpath: string;
  file: string;
  /** gzipped budget in KB, zod excluded */
  budgetKB?: number;
  /** modules that must not be bundled into this entry */
  forbidden?: RegExp[];
}

const entries: Entry[] = [
  {
    subpath: 'cprdfop',
    file: 'src/index.ts',
    budgetKB: 15,
    forbidden: [
      /d3-geo|topojson|flatbush|polylabel|cli-progress|commander/,
      /src\/(geo|opendata|territory|rules|itie)\//,
    ],
  },
  { subpath: 'cprdfop/territory', file: 'src/territory/index.ts' },
  {
    subpath: 'cprdfop/rules',
    file: 'src/rules/index.ts',
    // 10 KB until issue #12: 10.2 KB measured before it (declared fields), 11.2 KB with plain frozen
    // explanations and serializeExplanation (+1.0 KB), 12.4 KB with exact decimal arithmetic (+1.2 KB),
    // 14.3 KB with compile-time type checking and the operator registry (+1.9 KB).
    budgetKB: 15,
    forbidden: [/d3-geo|topojson|flatbush/, /src\/(geo|opendata|territory)\//],
  },
  { subpath: 'cprdfop/itie', file: 'src/itie/index.ts' },
  { subpath: 'cprdfop/geo', file: 'src/geo/index.ts' },
  { subpath: 'cprdfop/opendata', file: 'src/opendata/index.ts' },
];

let failed = false;
const rows: string[] = ['| subpath | minified | gzipped | budget | ok |', '|---|---:|---:|---:|---|'];
for (const e of entries) {
  const result = await build({
    entryPoints: [e.file],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
    external: ['zod', 'node:*'],
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const gz = gzipSync(code, { level: 9 }).length / 1024;
  const inputs = Object.keys(result.metafile.inputs);
  const bad = (e.forbidden ?? []).flatMap((re) => inputs.filter((i) => re.test(i)));
  const over = e.budgetKB !== undefined && gz > e.budgetKB;
  if (over || bad.length) failed = true;
  rows.push(
    `| ${e.subpath} | ${(code.length / 1024).toFixed(1)} KB | ${gz.toFixed(1)} KB | ${e.budgetKB ? `${e.budgetKB} KB` : '—'} | ${over || bad.length ? 'NO' : 'yes'} |`,
  );
  if (bad.length) console.error(`${e.subpath} must not bundle: ${[...new Set(bad)].join(', ')}`);
}
console.log(rows.join('\n'));
if (failed) {
  console.error('size: a bundle-size budget or an import boundary is violated');
  process.exitCode = 1;
}
