/**
 * The layer rules of `src/` (see CONTRIBUTING.md, "Layers") and a checker that applies them to a list
 * of files. Import specifiers are read with the TypeScript parser: static imports and exports
 * (`import type` and `export … from` included), `import x = require()`, dynamic `import()`,
 * `require()` and `import('…')` types.
 */
import { posix } from 'node:path';
import ts from 'typescript';

/** Bottom to top. A file may import from its own rank or below. */
export const LAYERS: readonly (readonly string[])[] = [
  ['_shared', 'errors.ts'],
  ['model'],
  ['plan', 'territory', 'index.ts'],
  ['rules'],
  ['itie'],
  ['geo', 'opendata'],
  ['server', 'screen'],
  ['cli'],
];

/** The module of a path under `src/`: its first segment (`geo`, `_shared`, or a root file such as `errors.ts`). */
export function moduleOf(srcPath: string): string {
  return srcPath.slice('src/'.length).split('/')[0]!;
}

export function rankOf(module: string): number {
  return LAYERS.findIndex((layer) => layer.includes(module));
}

/** Every module specifier of a TypeScript source, with its line. */
export function importSpecifiers(fileName: string, text: string): { specifier: string; line: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: { specifier: string; line: number }[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) {
      out.push({
        specifier: node.text,
        line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      add(node.moduleReference.expression);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === 'require')
      )
        add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** One forbidden import. */
export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: 'layer' | 'cli' | 'private' | 'command' | 'self' | 'unknown-module';
  message: string;
}

/**
 * Checks files (paths relative to the repository, `src/…`, with their text) against the layer rules:
 * - a module imports only its own rank or below (`rankOf`), and every module has a rank;
 * - nothing outside `src/cli` imports `src/cli`;
 * - no import of another module's `_`-prefixed folder or file (`_internal/`, `_data/`, `_hash.ts`),
 *   except `src/_shared`, which is there to be shared;
 * - a CLI command (`src/cli/commands/x.ts`) imports no other command (only `commands/index.ts` does:
 *   shared helpers go to `src/cli/_support/`);
 * - no import of the package by its own name (`cprdfop`, `cprdfop/…`), which would bypass the rules.
 */
export function checkLayers(files: readonly { path: string; text: string }[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    if (!file.path.startsWith('src/') || !/\.[cm]?tsx?$/.test(file.path)) continue;
    const from = moduleOf(file.path);
    const fromRank = rankOf(from);
    const report = (line: number, specifier: string, rule: Violation['rule'], message: string) =>
      violations.push({ file: file.path, line, specifier, rule, message: `${file.path}:${line} ${message}` });
    if (fromRank < 0) {
      report(1, '', 'unknown-module', `is in module "${from}", which has no layer (add it to LAYERS)`);
      continue;
    }
    for (const { specifier, line } of importSpecifiers(file.path, file.text)) {
      if (specifier === 'cprdfop' || specifier.startsWith('cprdfop/')) {
        report(
          line,
          specifier,
          'self',
          `imports the package by name ("${specifier}"): use a relative import`,
        );
        continue;
      }
      if (!specifier.startsWith('.')) continue; // a dependency or a node: built-in
      // ESM specifiers name the emitted file: `./x.js` is `./x.ts` in src/.
      const target = posix
        .normalize(posix.join(posix.dirname(file.path), specifier))
        .replace(/\.(m|c)?js$/, '.$1ts');
      if (!target.startsWith('src/')) continue; // data/…json, package.json
      const to = moduleOf(target);
      const toRank = rankOf(to);
      if (to !== from && to === 'cli') {
        report(line, specifier, 'cli', `imports ${target}: nothing outside src/cli imports the CLI`);
      } else if (toRank < 0) {
        report(line, specifier, 'unknown-module', `imports ${target}, in module "${to}", which has no layer`);
      } else if (toRank > fromRank) {
        report(line, specifier, 'layer', `imports ${target}: "${from}" is below "${to}" in the layers`);
      }
      if (to !== from && to !== '_shared') {
        const inside = target.slice(`src/${to}/`.length).split('/');
        if (inside.some((segment) => segment.startsWith('_'))) {
          report(
            line,
            specifier,
            'private',
            `imports ${target}, private to "${to}": move what is shared to src/_shared/ or export it`,
          );
        }
      }
      const command = /^src\/cli\/commands\/(?!index\.ts$)[^/]+$/;
      if (command.test(file.path) && /^src\/cli\/commands\/[^/]+$/.test(target)) {
        report(
          line,
          specifier,
          'command',
          `imports another command (${target}): shared CLI helpers go to src/cli/_support/`,
        );
      }
    }
  }
  return violations;
}
