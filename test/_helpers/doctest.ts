/**
 * Extracts the ```ts fences of TSDoc `@example` blocks from source files and turns them into
 * runnable modules: imports of `cprdfop[/subpath]` point at `src/`, and a line `expr; // value`
 * whose comment is JSON (or `undefined`) becomes an assertion that `expr` deep-equals `value`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DocExample {
  /** `src/plan/ambition.ts:12` */
  where: string;
  file: string;
  line: number;
  code: string;
  noexec: boolean;
  assertions: number;
}

export function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listSourceFiles(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

const SUBPATHS = ['territory', 'rules', 'itie', 'geo', 'opendata'];
const STATEMENT =
  /^(const|let|var|import|export|return|if|for|while|throw|try|catch|function|class|await\s+using|\}|\{)/;

function parseExpected(comment: string): { ok: true; value: string } | { ok: false } {
  const c = comment.trim();
  if (c === 'undefined') return { ok: true, value: 'undefined' };
  try {
    JSON.parse(c);
    return { ok: true, value: c };
  } catch {
    return { ok: false };
  }
}

export function extractExamples(root: string, file: string): DocExample[] {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const examples: DocExample[] = [];
  let inFence = false;
  let noexec = false;
  let start = 0;
  let body: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const m = /^\s*\*\s?(.*)$/.exec(raw);
    if (!m) {
      inFence = false;
      continue;
    }
    const content = m[1] ?? '';
    if (!inFence && /^```ts\b/.test(content.trim())) {
      inFence = true;
      noexec = /noexec/.test(content);
      start = i + 2;
      body = [];
      continue;
    }
    if (inFence && content.trim() === '```') {
      inFence = false;
      examples.push(toExample(root, file, start, body, noexec));
      continue;
    }
    if (inFence) body.push(content);
  }
  return examples;
}

/** The ```ts fences of a Markdown guide (README, docs/*.md). */
export function extractMarkdownExamples(root: string, file: string): DocExample[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const examples: DocExample[] = [];
  let inFence = false;
  let noexec = false;
  let start = 0;
  let body: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const content = lines[i] ?? '';
    if (!inFence && /^```ts\b/.test(content.trim())) {
      inFence = true;
      noexec = /noexec/.test(content);
      start = i + 2;
      body = [];
    } else if (inFence && content.trim() === '```') {
      inFence = false;
      examples.push(toExample(root, file, start, body, noexec));
    } else if (inFence) body.push(content);
  }
  return examples;
}

function rewriteImports(line: string, root: string): string {
  return line.replace(/from\s+'cprdfop(?:\/([a-z]+))?'/, (_all, sub: string | undefined) => {
    if (sub && !SUBPATHS.includes(sub)) throw new Error(`unknown subpath cprdfop/${sub}`);
    const target = join(root, 'src', sub ? `${sub}/index.ts` : 'index.ts');
    return `from ${JSON.stringify(target)}`;
  });
}

function toExample(root: string, file: string, line: number, body: string[], noexec: boolean): DocExample {
  let assertions = 0;
  const out = body.map((l, k) => {
    const withImports = rewriteImports(l, root);
    const m = /^(\s*)(.+?);\s*\/\/\s*(.+)$/.exec(withImports);
    if (!m) return withImports;
    const [, indent = '', expr = '', comment = ''] = m;
    if (STATEMENT.test(expr.trim())) return withImports;
    const expected = parseExpected(comment);
    if (!expected.ok) return withImports;
    assertions++;
    const where = `${relative(root, file)}:${line + k}`;
    return `${indent}__expectEqual(${expr}, ${expected.value}, ${JSON.stringify(where)});`;
  });
  const code = [
    `import { __expectEqual } from ${JSON.stringify(join(root, 'test/_helpers/doctestAssert.ts'))};`,
    ...out,
    'export {};',
  ].join('\n');
  return { where: `${relative(root, file)}:${line}`, file, line, code, noexec, assertions };
}
