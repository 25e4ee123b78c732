/**
 * The layers of `src/` (CONTRIBUTING.md, "Layers"), checked on every source file; and the checker itself
 * checked on in-memory files that break each rule (a test of the test).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLayers, importSpecifiers, LAYERS, moduleOf } from './_layers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.[cm]?tsx?$/.test(entry.name) ? [{ path, text: readFileSync(join(root, path), 'utf8') }] : [];
  });
}

describe('the layers of src/', () => {
  const files = sourceFiles('src');

  it('reads every source file and finds imports in them', () => {
    expect(files.length).toBeGreaterThan(100);
    const specifiers = files.flatMap((f) => importSpecifiers(f.path, f.text));
    expect(specifiers.length).toBeGreaterThan(300);
    // Every module of src/ has a layer (otherwise checkLayers reports it).
    const modules = new Set(files.map((f) => moduleOf(f.path)));
    expect([...modules].filter((m) => !LAYERS.flat().includes(m))).toEqual([]);
  });

  it('has no forbidden import', () => {
    expect(checkLayers(files).map((v) => v.message)).toEqual([]);
  });
});

describe('the layer checker (test of the test)', () => {
  const check = (path: string, text: string) => checkLayers([{ path, text }]);

  it('reports a file in src/geo that imports src/cli', () => {
    const violations = check(
      'src/geo/leak.ts',
      "import { EXIT } from '../cli/exitCodes.js';\nexport const code = EXIT.USAGE;\n",
    );
    expect(violations.map((v) => [v.rule, v.line, v.specifier])).toContainEqual([
      'cli',
      1,
      '../cli/exitCodes.js',
    ]);
  });

  it('also finds the import in a real temp copy of src/ with the leak added', () => {
    const files = sourceFiles('src');
    const leak = { path: 'src/geo/leak.ts', text: "export type { CliContext } from '../cli/context.js';\n" };
    expect(checkLayers(files)).toEqual([]);
    expect(checkLayers([...files, leak]).map((v) => v.file)).toEqual(['src/geo/leak.ts']);
  });

  it('reads every kind of import specifier', () => {
    const text = [
      "import type { A } from './a.js';",
      "export { B } from './b.js';",
      "export * from './c.js';",
      'import d = require("./d.js");',
      "const e = await import('./e.js');",
      "const f = require('./f.js');",
      "type G = import('./g.js').G;",
      '// import { h } from "./h.js";',
      'const s = \'import("./i.js")\';',
    ].join('\n');
    expect(importSpecifiers('x.ts', text).map((s) => s.specifier)).toEqual([
      './a.js',
      './b.js',
      './c.js',
      './d.js',
      './e.js',
      './f.js',
      './g.js',
    ]);
  });

  it('reports a lower layer importing a higher one, even by a dynamic import or a type', () => {
    expect(
      check('src/territory/x.ts', "import type { RuleSet } from '../rules/RuleSet.js';").map((v) => v.rule),
    ).toEqual(['layer']);
    expect(check('src/model/x.ts', "const p = await import('../plan/plan.js');").map((v) => v.rule)).toEqual([
      'layer',
    ]);
    expect(check('src/_shared/x.ts', "type E = import('../errors.js').CprdfopError;")).toEqual([]);
    expect(check('src/_shared/x.ts', "export * from '../model/plan.js';").map((v) => v.rule)).toEqual([
      'layer',
    ]);
    expect(
      check('src/rules/x.ts', "import { itieRuleSets } from '../itie/index.js';").map((v) => v.rule),
    ).toEqual(['layer']);
    expect(
      check('src/itie/x.ts', "import { renderSvg } from '../geo/renderSvg.js';").map((v) => v.rule),
    ).toEqual(['layer']);
  });

  it('accepts imports of the same layer or below', () => {
    expect(check('src/geo/x.ts', "import { x } from '../opendata/index.js';")).toEqual([]);
    expect(check('src/plan/x.ts', "import { x } from '../territory/index.js';")).toEqual([]);
    expect(check('src/cli/x.ts', "import { x } from '../geo/index.js';")).toEqual([]);
    expect(check('src/itie/x.ts', "import { isIsoDate } from '../_shared/isoDate.js';")).toEqual([]);
    expect(check('src/geo/x.ts', "import { x } from './_internal/pip.js';")).toEqual([]);
    expect(check('src/geo/x.ts', "import data from '../../data/plan/plan.json';")).toEqual([]);
  });

  it("reports an import of another module's _internal folder or _-prefixed file", () => {
    expect(
      check('src/cli/x.ts', "import { n } from '../territory/_internal/normalize.js';").map((v) => v.rule),
    ).toEqual(['private']);
    expect(check('src/itie/x.ts', "import { s } from '../rules/_safe.js';").map((v) => v.rule)).toEqual([
      'private',
    ]);
    expect(
      check('src/geo/x.ts', "import { g } from '../territory/_data/graph.generated.js';").map((v) => v.rule),
    ).toEqual(['private']);
  });

  it('reports a CLI command importing another command, and the package imported by its own name', () => {
    expect(
      check('src/cli/commands/check.ts', "import { loadRuleSet } from './rules.js';").map((v) => v.rule),
    ).toEqual(['command']);
    expect(check('src/cli/commands/index.ts', "import { registerRules } from './rules.js';")).toEqual([]);
    expect(check('src/cli/commands/check.ts', "import { readInput } from '../_support/io.js';")).toEqual([]);
    expect(check('src/geo/x.ts', "import { communes } from 'cprdfop/territory';").map((v) => v.rule)).toEqual(
      ['self'],
    );
  });

  it('reports a module that has no layer', () => {
    expect(check('src/newthing/x.ts', '').map((v) => v.rule)).toEqual(['unknown-module']);
    expect(check('src/geo/x.ts', "import { y } from '../newthing/y.js';").map((v) => v.rule)).toEqual([
      'unknown-module',
    ]);
  });
});
