/**
 * Every public export of every subpath has TSDoc: a summary; functions, classes and constants also
 * an `@example`; functions a `@param` per parameter and a `@returns` unless they return void.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const entries = ['index', 'territory/index', 'rules/index', 'itie/index', 'geo/index', 'opendata/index'].map(
  (e) => join(root, 'src', `${e}.ts`),
);

const program = ts.createProgram(entries, {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  resolveJsonModule: true,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();

function problemsOf(symbol: ts.Symbol, valueNames: Set<string>): string[] {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const decl = target.declarations?.[0];
  if (!decl) return [];
  const name = symbol.getName();
  const isTypeOnly =
    ts.isTypeAliasDeclaration(decl) || ts.isInterfaceDeclaration(decl) || ts.isEnumDeclaration(decl);
  // `export type X = z.infer<typeof X>` pairs with the documented schema constant X.
  if (ts.isTypeAliasDeclaration(decl) && valueNames.has(name)) return [];
  const docs = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
  const tags = ts.getJSDocTags(decl);
  const has = (t: string) => tags.some((tag) => tag.tagName.text === t);
  const problems: string[] = [];
  if (!docs) problems.push('no summary');
  if (isTypeOnly) return problems;
  if (!has('example')) problems.push('no @example');
  if (ts.isFunctionDeclaration(decl)) {
    const params = decl.parameters.map((p) => p.name.getText());
    const documented = new Set(tags.filter(ts.isJSDocParameterTag).map((t) => t.name.getText()));
    for (const p of params) if (!p.startsWith('{') && !documented.has(p)) problems.push(`no @param ${p}`);
    const sig = checker.getSignatureFromDeclaration(decl);
    const ret = sig ? checker.typeToString(checker.getReturnTypeOfSignature(sig)) : 'void';
    if (!/^(void|Promise<void>)$/.test(ret) && !has('returns')) problems.push('no @returns');
  }
  return problems;
}

describe('every public export has TSDoc', () => {
  for (const file of entries) {
    const source = program.getSourceFile(file);
    const rel = file.slice(root.length + 1);
    it(rel, () => {
      expect(source, `${rel} not found`).toBeDefined();
      if (!source) return;
      const moduleSymbol = checker.getSymbolAtLocation(source);
      const exports = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
      const valueNames = new Set(
        exports
          .filter((s) => {
            const t = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
            return (t.flags & ts.SymbolFlags.Value) !== 0;
          })
          .map((s) => s.getName()),
      );
      const missing = exports
        .map((s) => ({ name: s.getName(), problems: problemsOf(s, valueNames) }))
        .filter((x) => x.problems.length)
        .map((x) => `${x.name}: ${x.problems.join(', ')}`);
      expect(missing, `${rel}:\n${missing.join('\n')}`).toEqual([]);
    });
  }
});
