/**
 * The doc example runner (test/_helpers/doctest.ts) on crafted inputs: every `expr; // value` line
 * becomes an assertion (whatever the expression starts with, over several lines, through
 * `console.log`), a line it cannot read fails loudly, and a generated assertion can fail.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  assertionSitesHit,
  DoctestSyntaxError,
  extractExamplesFromText,
  extractMarkdownExamplesFromText,
  toExample,
} from '../_helpers/doctest.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const file = join(root, 'src/crafted.ts');
const tmp = join(root, 'test/.tmp/doctest-runner');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tsdoc = (...body: string[]) =>
  [
    '/**',
    ' * Summary.',
    ' *',
    ' * @example',
    ' * ```ts',
    ...body.map((l) => ` * ${l}`),
    ' * ```',
    ' */',
    'export {};',
  ].join('\n');
const single = (...body: string[]) => {
  const examples = extractExamplesFromText(root, file, tsdoc(...body));
  expect(examples).toHaveLength(1);
  return examples[0]!;
};
let counter = 0;
async function run(code: string): Promise<void> {
  const path = join(tmp, `crafted-${counter++}.ts`);
  writeFileSync(path, code);
  await import(pathToFileURL(path).href);
}

describe('doctest runner: what becomes an assertion', () => {
  it('asserts lines whose expression starts like a keyword (class…, for…, if…, do…)', () => {
    const classify = 'const classifyIt = (x: string) => ({ kind: x });';
    const ex = single(
      classify,
      'const formatIt = () => 1;',
      'const ifs = [1];',
      'const doIt = () => true;',
      'classifyIt(\'a\').kind; // "a"',
      'formatIt(); // 1',
      'ifs.length; // 1',
      'doIt(); // true',
    );
    expect(ex.assertions).toBe(4);
    expect(ex.assertionSites).toEqual([10, 11, 12, 13].map((line) => `src/crafted.ts:${line}`));
  });

  it('asserts a multi-line expression ending in `}).value; // 2`', () => {
    const ex = single('const make = (o: { value: number }) => o;', 'make({', '  value: 2,', '}).value; // 2');
    expect(ex.assertions).toBe(1);
    expect(ex.code).toContain('__expectEqual((make({');
  });

  it('asserts the argument of console.log, also under an if or in a catch', () => {
    const ex = single(
      'const value = 3;',
      'if (value > 0) console.log(value); // 3',
      'try {',
      "  throw new Error('E');",
      '} catch (error) {',
      '  if (error instanceof Error) console.log(error.message); // "E"',
      '}',
    );
    expect(ex.assertions).toBe(2);
    expect(ex.code).not.toContain('console.log');
  });

  it('does not take `//` inside a string, a template or a regex for a comment', () => {
    const ex = single(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a crafted example
      "const url = 'https://x.test/a'; const tpl = `//${url}`; const re = /\\/\\//;",
      "url.startsWith('https://'); // true",
      're.test(tpl); // true',
    );
    expect(ex.assertions).toBe(2);
  });

  it('accepts JSON values and undefined, in several fences and both TSDoc and Markdown', () => {
    const md = [
      '# Guide',
      '```ts',
      '[1, { a: null }]; // [1, {"a": null}]',
      'void 0; // undefined',
      '```',
      '```md',
      '```ts',
      'this is not code // neither is this',
      '```',
      '```json',
      '{ "a": 1 } // not code',
      '```',
      '~~~ts',
      '\'x\'; // "x"',
      '~~~',
    ].join('\n');
    const examples = extractMarkdownExamplesFromText(root, join(root, 'docs/crafted.md'), md);
    expect(examples.map((ex) => [ex.where, ex.assertions])).toEqual([
      ['docs/crafted.md:3', 2],
      ['docs/crafted.md:14', 1],
    ]);
  });

  it('leaves comments on their own line and the lines of a noexec fence alone', () => {
    expect(single('// prose, on its own line', '1 + 1; // 2').assertions).toBe(1);
    const noexec = extractExamplesFromText(
      root,
      file,
      tsdoc('const client = createClient(); // prose is fine here').replace('```ts', '```ts noexec'),
    );
    expect(noexec.map((ex) => [ex.noexec, ex.assertions])).toEqual([[true, 0]]);
  });
});

describe('doctest runner: what fails loudly instead of being skipped', () => {
  const fails = (body: string[], message: RegExp) => {
    expect(() => toExample(root, file, 10, body, false)).toThrow(DoctestSyntaxError);
    expect(() => toExample(root, file, 10, body, false)).toThrow(message);
  };
  it('a value comment that is not JSON', () => {
    fails(['JSON.parse("1"); // ok'], /src\/crafted\.ts:10: `\/\/ ok` is not a value/);
    fails(['[1, 2]; // [1, …]'], /is not a value/);
    fails(["'a'; // 'a'"], /is not a value/);
  });
  it('a trailing comment on a declaration or a block', () => {
    fails(['const a = 1; // 1'], /src\/crafted\.ts:10: trailing `\/\/ 1` is not on an expression statement/);
    fails(['if (true) { // true', '}'], /trailing/);
  });
  it('an unclosed fence, an @example without a fence', () => {
    const unclosed = ['/**', ' * @example', ' * ```ts', ' * 1; // 1', ' */', 'export {};'].join('\n');
    expect(() => extractExamplesFromText(root, file, unclosed)).toThrow(
      /src\/crafted\.ts:3: ```ts fence never closed/,
    );
    const bare = ['/**', ' * @example', ' * 1 + 1', ' */'].join('\n');
    expect(() => extractExamplesFromText(root, file, bare)).toThrow(/src\/crafted\.ts:2: @example must open/);
    expect(() => extractMarkdownExamplesFromText(root, join(root, 'x.md'), '```ts\n1; // 1\n')).toThrow(
      /x\.md:1: code fence never closed/,
    );
  });
});

describe('doctest runner: generated assertions can fail', () => {
  it('passes on the documented value and records the site', async () => {
    const ex = single('({ a: [1, 2] }); // {"a": [1, 2]}');
    await run(ex.code);
    expect(assertionSitesHit().has(ex.assertionSites[0]!)).toBe(true);
  });
  it('throws, naming the line, on a wrong value', async () => {
    const ex = single('1 + 1; // 3');
    await expect(run(ex.code)).rejects.toThrow('src/crafted.ts:6: expected 3, got 2');
  });
  it('does not take undefined for null, nor null for undefined', async () => {
    await expect(run(single('void 0; // null').code)).rejects.toThrow('expected null, got undefined');
    await expect(run(single('null; // undefined').code)).rejects.toThrow('expected undefined, got null');
  });
  it('leaves a site not hit when its branch is not taken (the example test then fails)', async () => {
    const ex = single('const n = 0;', 'if (n > 0) console.log(n); // 1');
    await run(ex.code);
    expect(ex.assertions).toBe(1);
    expect(assertionSitesHit().has(ex.assertionSites[0]!)).toBe(false);
  });
});
