/**
 * Import boundaries of the subpaths (run by `npm run size` after the size-limit budgets in
 * `.size-limit.js`): bundles each entry from the sources with esbuild and checks that the root entry
 * pulls in no geometry, HTTP or territory-data code and `cprdfop/rules` no geometry or territory code.
 * Exit 1 when a boundary is crossed.
 */
import { build } from 'esbuild';

interface Entry {
  subpath: string;
  file: string;
  /** modules that must not be bundled into this entry */
  forbidden?: RegExp[];
}

const entries: Entry[] = [
  {
    subpath: 'cprdfop',
    file: 'src/index.ts',
    forbidden: [
      /d3-geo|topojson|flatbush|polylabel|cli-progress|commander/,
      /src\/(geo|opendata|territory|rules|itie)\//,
    ],
  },
  {
    subpath: 'cprdfop/rules',
    file: 'src/rules/index.ts',
    forbidden: [/d3-geo|topojson|flatbush/, /src\/(geo|opendata|territory)\//],
  },
];

let failed = false;
for (const e of entries) {
  if (!e.forbidden) continue;
  const result = await build({
    entryPoints: [e.file],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
    external: ['zod', 'node:*'],
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const bad = e.forbidden.flatMap((re) => inputs.filter((i) => re.test(i)));
  if (bad.length) {
    failed = true;
    console.error(`${e.subpath} must not bundle: ${[...new Set(bad)].join(', ')}`);
  } else console.log(`${e.subpath}: import boundaries kept`);
}
if (failed) {
  console.error('size: an import boundary is violated');
  process.exitCode = 1;
}
