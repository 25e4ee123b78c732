/**
 * Size budgets, measured the way an app pays them: each subpath and each main function bundled for a
 * browser by esbuild (minified, tree-shaken) WITH its dependencies — zod included, although it is a
 * peer dependency (size-limit leaves peers out by default; an app that uses cprdfop ships zod anyway)
 * — then gzipped. The Node-only parts of `cprdfop/geo` and `cprdfop/opendata` are measured from their
 * browser builds (the `browser` export condition). `npm run size` fails when a budget is exceeded.
 * The README's size table is copied from `npm run size`.
 */
const includeEverything = (config) => ({ ...config, external: [], logLevel: 'error' });

/** [name, file, import, budget] */
const checks = [
  ['cprdfop (whole entry)', 'dist/index.js', '*', '109 KB'],
  ['cprdfop: ambition', 'dist/index.js', '{ ambition }', '107 KB'],
  // The whole territory entry counts every region's chunk (each loaded only when used): an app that
  // stays in Hauts-de-France pays what `commune` shows.
  ['cprdfop/territory (whole entry)', 'dist/territory/index.js', '*', '757 KB'],
  ['cprdfop/territory: commune', 'dist/territory/index.js', '{ commune }', '81 KB'],
  // The rules grew with the vocabulary (quantifiers, tables, dated parameters, message placeholders with
  // Intl), nextQuestions and the form kit: measured 124.1 kB whole; compile 17.2 kB once the operators'
  // docs examples left the bundle (issue #12; was 18.0 kB), budget +5 %.
  ['cprdfop/rules (whole entry)', 'dist/rules/index.js', '*', '130 KB'],
  ['cprdfop/rules: compile', 'dist/rules/index.js', '{ compile }', '18.1 KB'],
  ['cprdfop/itie (whole entry)', 'dist/itie/index.js', '*', '216 KB'],
  ['cprdfop/itie: checkApplication', 'dist/itie/index.js', '{ checkApplication }', '213 KB'],
  // renderSvg carries the map furniture, label placement and classify (ckmeans, the ColorBrewer
  // colours): measured 37.9 KB, classify 21.8 KB (mostly the errors' root entry), 136.7 KB for the
  // whole entry (+5 %).
  ['cprdfop/geo (browser, whole entry)', 'dist/geo/index.browser.js', '*', '144 KB'],
  ['cprdfop/geo: renderSvg', 'dist/geo/index.browser.js', '{ renderSvg }', '40 KB'],
  ['cprdfop/geo: classify', 'dist/geo/index.browser.js', '{ classify }', '23 KB'],
  ['cprdfop/opendata (browser, whole entry)', 'dist/opendata/index.browser.js', '*', '121 KB'],
  ['cprdfop/opendata: createClient', 'dist/opendata/index.browser.js', '{ createClient }', '13 KB'],
];

// biome-ignore lint/style/noDefaultExport: size-limit reads the default export of its config file
export default checks.map(([name, path, imported, limit]) => ({
  name,
  path,
  import: imported,
  limit,
  gzip: true,
  modifyEsbuildConfig: includeEverything,
}));
