/**
 * Extracts the ```ts fences of TSDoc `@example` blocks (source files) and of Markdown guides (README,
 * docs/*.md) and turns them into runnable modules: imports of `cprdfop[/subpath]` point at `src/`, and
 * every expression statement followed on its line by `// value` (JSON, or `undefined`) becomes an
 * assertion that the expression deep-equals the value (`console.log(expr); // value` asserts `expr`).
 *
 * The runner never skips silently. In an executed fence (not marked `noexec`), a trailing `//` comment
 * that is not a parseable `expr; // value` assertion is an error ({@link DoctestSyntaxError}), so is an
 * unclosed fence or an `@example` without a ```ts fence. Prose goes on its own comment line. Every
 * assertion has a site (`file:line`); the test checks that each site actually ran (an assertion in a
 * branch that was not taken is a failure, see {@link assertionSitesHit}).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface DocExample {
  /** `src/plan/ambition.ts:12` */
  where: string;
  file: string;
  line: number;
  code: string;
  noexec: boolean;
  assertions: number;
  /** `file:line` of each assertion, in order (each must run once the module is imported). */
  assertionSites: string[];
}

/** A doc example the runner cannot turn into a test: names the file and line. */
export class DoctestSyntaxError extends Error {
  override readonly name = 'DoctestSyntaxError';
}

export function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listSourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

const SUBPATHS = ['territory', 'rules', 'itie', 'geo', 'opendata'];
const TS_FENCE = /^```(ts|typescript)(\s.*)?$/;
const _ANY_FENCE = /^```/;

function parseExpected(comment: string): { ok: true; value: string } | { ok: false } {
  const text = comment.trim();
  if (text === 'undefined') return { ok: true, value: 'undefined' };
  try {
    JSON.parse(text);
    return { ok: true, value: text };
  } catch {
    return { ok: false };
  }
}

/** The ```ts fences of the TSDoc comments of a source file. */
export function extractExamples(root: string, file: string): DocExample[] {
  return extractExamplesFromText(root, file, readFileSync(file, 'utf8'));
}

/** {@link extractExamples} on a given text (`file` names it in messages). */
export function extractExamplesFromText(root: string, file: string, text: string): DocExample[] {
  const lines = text.split('\n');
  const examples: DocExample[] = [];
  const at = (index: number) => `${relative(root, file)}:${index + 1}`;
  let fence: { start: number; noexec: boolean; body: string[] } | null = null;
  let awaitingFence: number | null = null;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    const inComment = /^\s*\*(?!\/)\s?(.*)$/.exec(raw);
    if (!inComment) {
      if (fence) throw new DoctestSyntaxError(`${at(fence.start - 1)}: \`\`\`ts fence never closed`);
      if (awaitingFence !== null)
        throw new DoctestSyntaxError(`${at(awaitingFence)}: @example without a fence`);
      continue;
    }
    const content = inComment[1] ?? '';
    const trimmed = content.trim();
    if (fence) {
      if (trimmed === '```') {
        examples.push(toExample(root, file, fence.start + 1, fence.body, fence.noexec));
        fence = null;
      } else fence.body.push(content);
      continue;
    }
    if (awaitingFence !== null) {
      if (trimmed === '') continue;
      const info = TS_FENCE.exec(trimmed);
      if (!info) throw new DoctestSyntaxError(`${at(awaitingFence)}: @example must open a \`\`\`ts fence`);
      fence = { start: index + 1, noexec: /\bnoexec\b/.test(info[2] ?? ''), body: [] };
      awaitingFence = null;
      continue;
    }
    if (/^@example\b/.test(trimmed)) {
      if (trimmed !== '@example') {
        throw new DoctestSyntaxError(`${at(index)}: text after @example (put it in the fence as a comment)`);
      }
      awaitingFence = index;
      continue;
    }
    const info = TS_FENCE.exec(trimmed);
    if (info) fence = { start: index + 1, noexec: /\bnoexec\b/.test(info[2] ?? ''), body: [] };
  }
  if (fence) throw new DoctestSyntaxError(`${at(fence.start - 1)}: \`\`\`ts fence never closed`);
  return examples;
}

/** The ```ts fences of a Markdown guide (README, docs/*.md). */
export function extractMarkdownExamples(root: string, file: string): DocExample[] {
  return extractMarkdownExamplesFromText(root, file, readFileSync(file, 'utf8'));
}

/** {@link extractMarkdownExamples} on a given text (`file` names it in messages). */
export function extractMarkdownExamplesFromText(root: string, file: string, text: string): DocExample[] {
  const lines = text.split('\n');
  const examples: DocExample[] = [];
  let fence: { start: number; ts: boolean; noexec: boolean; body: string[]; marker: string } | null = null;
  for (let index = 0; index < lines.length; index++) {
    const content = lines[index] ?? '';
    const trimmed = content.trim();
    if (fence) {
      if (trimmed === fence.marker) {
        if (fence.ts) examples.push(toExample(root, file, fence.start + 1, fence.body, fence.noexec));
        fence = null;
      } else fence.body.push(content);
      continue;
    }
    const marker = /^(`{3,}|~{3,})/.exec(trimmed)?.[1];
    if (!marker) continue;
    const info = TS_FENCE.exec(trimmed.replace(/^(`{3,}|~{3,})/, '```'));
    fence = {
      start: index + 1,
      ts: info !== null,
      noexec: /\bnoexec\b/.test(info?.[2] ?? ''),
      body: [],
      marker,
    };
  }
  if (fence) {
    throw new DoctestSyntaxError(`${relative(root, file)}:${fence.start}: code fence never closed`);
  }
  return examples;
}

function rewriteImports(line: string, root: string): string {
  return line.replace(/from\s+(['"])cprdfop(?:\/([a-z]+))?\1/g, (_all, _quote, sub: string | undefined) => {
    if (sub && !SUBPATHS.includes(sub)) throw new Error(`unknown subpath cprdfop/${sub}`);
    const target = join(root, 'src', sub ? `${sub}/index.ts` : 'index.ts');
    return `from ${JSON.stringify(target)}`;
  });
}

/** Every comment of a parsed source, once each (by position). */
function commentsOf(source: ts.SourceFile): ts.CommentRange[] {
  const text = source.getFullText();
  const seen = new Map<number, ts.CommentRange>();
  const visit = (node: ts.Node) => {
    for (const range of [
      ...(ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []),
      ...(ts.getTrailingCommentRanges(text, node.getEnd()) ?? []),
    ]) {
      seen.set(range.pos, range);
    }
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return [...seen.values()].sort((a, b) => a.pos - b.pos);
}

/** `console.log(x)` → `x`; anything else unchanged. */
function assertedExpression(expression: ts.Expression): ts.Expression {
  if (
    ts.isCallExpression(expression) &&
    expression.arguments.length === 1 &&
    ts.isPropertyAccessExpression(expression.expression) &&
    expression.expression.name.text === 'log' &&
    ts.isIdentifier(expression.expression.expression) &&
    expression.expression.expression.text === 'console'
  ) {
    return expression.arguments[0] as ts.Expression;
  }
  return expression;
}

/**
 * Turns the body of a fence into a module. `line` is the 1-based line of the body's first line in
 * `file`. Throws {@link DoctestSyntaxError} on what it cannot run as written (executed fences only).
 */
export function toExample(
  root: string,
  file: string,
  line: number,
  body: string[],
  noexec: boolean,
): DocExample {
  const rel = relative(root, file);
  const text = body.map((l) => rewriteImports(l, root)).join('\n');
  const source = ts.createSourceFile('example.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lineOf = (pos: number) => line + source.getLineAndCharacterOfPosition(pos).line;
  const replacements: { start: number; end: number; code: string; comment: number }[] = [];
  const sites: string[] = [];
  if (!noexec) {
    const visit = (node: ts.Node) => {
      if (ts.isExpressionStatement(node)) {
        const trailing = (ts.getTrailingCommentRanges(text, node.getEnd()) ?? []).find(
          (range) => range.kind === ts.SyntaxKind.SingleLineCommentTrivia,
        );
        if (trailing) {
          const comment = text.slice(trailing.pos + 2, trailing.end);
          const where = `${rel}:${lineOf(trailing.pos)}`;
          const expected = parseExpected(comment);
          if (!expected.ok) {
            throw new DoctestSyntaxError(
              `${where}: \`// ${comment.trim()}\` is not a value (JSON or undefined); ` +
                'an `expr; // value` line needs one, prose goes on its own comment line',
            );
          }
          const expression = assertedExpression(node.expression);
          replacements.push({
            start: node.getStart(source),
            end: node.getEnd(),
            comment: trailing.pos,
            code: `__expectEqual((${expression.getText(source)}), ${expected.value}, ${JSON.stringify(where)});`,
          });
          sites.push(where);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    // A trailing comment that did not become an assertion would be a line silently not checked.
    const used = new Set(replacements.map((r) => r.comment));
    for (const range of commentsOf(source)) {
      if (range.kind !== ts.SyntaxKind.SingleLineCommentTrivia || used.has(range.pos)) continue;
      const lineStart = text.lastIndexOf('\n', range.pos - 1) + 1;
      if (text.slice(lineStart, range.pos).trim() === '') continue; // a comment on its own line: prose
      throw new DoctestSyntaxError(
        `${rel}:${lineOf(range.pos)}: trailing \`${text.slice(range.pos, range.end).trim()}\` is not on an ` +
          'expression statement, so nothing would check it (write `expr; // value`, or put prose on its own line)',
      );
    }
  }
  replacements.sort((a, b) => b.start - a.start);
  let code = text;
  let previousStart = Number.POSITIVE_INFINITY;
  for (const r of replacements) {
    if (r.end > previousStart) throw new DoctestSyntaxError(`${rel}:${lineOf(r.start)}: nested assertions`);
    code = code.slice(0, r.start) + r.code + code.slice(r.end);
    previousStart = r.start;
  }
  const module = [
    `import { __expectEqual } from ${JSON.stringify(join(root, 'test/_helpers/doctestAssert.ts'))};`,
    code,
    'export {};',
  ].join('\n');
  return {
    where: `${rel}:${line}`,
    file,
    line,
    code: module,
    noexec,
    assertions: sites.length,
    assertionSites: sites,
  };
}

/** The assertion sites that ran (and passed) since the process started. */
export function assertionSitesHit(): ReadonlySet<string> {
  const registry = globalThis as { __cprdfopDoctestHits?: Set<string> };
  registry.__cprdfopDoctestHits ??= new Set();
  return registry.__cprdfopDoctestHits;
}
