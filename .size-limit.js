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
  ['cprdfop (whole entry)', 'dist/index.js', '*', '110 KB'],
  ['cprdfop: ambition', 'dist/index.js', '{ ambition }', '107 KB'],
  // The whole territory entry counts every region's chunk (each loaded only when used): an app that
  // stays in Hauts-de-France pays what `commune` shows.
  ['cprdfop/territory (whole entry)', 'dist/territory/index.js', '*', '761 KB'],
  ['cprdfop/territory: commune', 'dist/territory/index.js', '{ commune }', '82 KB'],
  // The rules grew with the vocabulary (quantifiers, tables, dated parameters, message placeholders with
  // Intl), nextQuestions and the form kit; then every rule-set error and warning in French and English
  // (issue #13): measured 129.6 kB whole, compile 19.9 kB (17.2 kB before the French texts), budget +5 %.
  ['cprdfop/rules (whole entry)', 'dist/rules/index.js', '*', '137 KB'],
  ['cprdfop/rules: compile', 'dist/rules/index.js', '{ compile }', '20.9 KB'],
  ['cprdfop/itie (whole entry)', 'dist/itie/index.js', '*', '224 KB'],
  ['cprdfop/itie: checkApplication', 'dist/itie/index.js', '{ checkApplication }', '221 KB'],
  // renderSvg carries the map furniture, label placement, overseas insets and classify (ckmeans, the
  // ColorBrewer colours), and the geometry errors in French and English: measured 41.5 KB, classify
  // 23.0 KB (mostly the errors' root entry), 145.7 KB for the whole entry (+5 %).
  ['cprdfop/geo (browser, whole entry)', 'dist/geo/index.browser.js', '*', '153 KB'],
  ['cprdfop/geo: renderSvg', 'dist/geo/index.browser.js', '{ renderSvg }', '44 KB'],
  ['cprdfop/geo: classify', 'dist/geo/index.browser.js', '{ classify }', '24.2 KB'],
  ['cprdfop/opendata (browser, whole entry)', 'dist/opendata/index.browser.js', '*', '125 KB'],
  ['cprdfop/opendata: createClient', 'dist/opendata/index.browser.js', '{ createClient }', '14.8 KB'],
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
