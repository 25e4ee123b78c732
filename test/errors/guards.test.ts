/**
 * `isCprdfopError` and every exported error guard recognise the package's errors across module copies
 * (an error made by the ESM build checked by the CJS build's guard, and the reverse) and realms
 * (`node:vm`), and never accept a plain object that merely has `name` and `code`.
 *
 * The two copies are `dist/` when it is at least as new as every file of `src/` (after `npx tsup`),
 * otherwise a fresh esbuild bundle of `src/` in the same two formats (tsup's bundler), so the test never
 * checks stale code; the describe title says which.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { CPRDFOP_ERROR_NAMES } from '../../src/errors.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const entries = ['index', 'territory/index', 'rules/index', 'itie/index', 'geo/index', 'opendata/index'];

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(join(root, dir), { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newestSource(`${dir}/${e.name}`) : statSync(join(root, dir, e.name)).mtimeMs,
    ),
  );
}

function distIsFresh(): boolean {
  try {
    const built = Math.min(
      ...entries
        .flatMap((e) => [`dist/${e}.js`, `dist/${e}.cjs`])
        .map((f) => statSync(join(root, f)).mtimeMs),
    );
    return built >= newestSource('src');
  } catch {
    return false;
  }
}

const useDist = distIsFresh();
const source = useDist ? 'dist/' : 'a fresh esbuild bundle of src/ (dist/ is missing or older than src/)';

/** Where the ESM and CJS copies are, and their file extensions. */
async function copies(): Promise<{
  label: string;
  esm: (entry: string) => string;
  cjs: (entry: string) => string;
}> {
  if (useDist) {
    return {
      label: 'dist/',
      esm: (e) => join(root, `dist/${e}.js`),
      cjs: (e) => join(root, `dist/${e}.cjs`),
    };
  }
  const out = join(root, 'test/.tmp/guards');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const common = {
    entryPoints: Object.fromEntries(entries.map((e) => [e, join(root, `src/${e}.ts`)])),
    bundle: true,
    packages: 'external' as const,
    platform: 'neutral' as const,
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'silent' as const,
  };
  await build({
    ...common,
    format: 'esm',
    splitting: true,
    outdir: join(out, 'esm'),
    outExtension: { '.js': '.mjs' },
  });
  await build({ ...common, format: 'cjs', outdir: join(out, 'cjs'), outExtension: { '.js': '.cjs' } });
  return {
    label: 'a fresh esbuild bundle of src/ (dist/ is missing or older than src/)',
    esm: (e) => join(out, `esm/${e}.mjs`),
    cjs: (e) => join(out, `cjs/${e}.cjs`),
  };
}

type Module = Record<string, unknown>;
type Guard = (value: unknown) => boolean;
type ErrorClass = new (...args: never[]) => Error;
let label = '';
const esm: Record<string, Module> = {};
const cjs: Record<string, Module> = {};

beforeAll(async () => {
  const where = await copies();
  label = where.label;
  const require = createRequire(import.meta.url);
  for (const entry of entries) {
    esm[entry] = (await import(pathToFileURL(where.esm(entry)).href)) as Module;
    cjs[entry] = require(where.cjs(entry)) as Module;
  }
}, 60_000);

/** One error of each class that has an exported guard, made by a given copy. */
function samples(copy: Record<string, Module>): { guard: string; entry: string; error: Error }[] {
  const od = copy['opendata/index']!;
  const make = (name: string, ...args: unknown[]) => new (od[name] as ErrorClass)(...(args as never[]));
  return [
    {
      guard: 'isHttpError',
      entry: 'opendata/index',
      error: make('HttpError', { method: 'GET', url: 'https://x.test/', status: 500 }),
    },
    {
      guard: 'isNetworkError',
      entry: 'opendata/index',
      error: make('NetworkError', 'GET', 'https://x.test/', new Error('ECONNRESET')),
    },
    { guard: 'isOfflineError', entry: 'opendata/index', error: make('OfflineError', 'https://x.test/') },
    {
      guard: 'isQuotaExceededError',
      entry: 'opendata/index',
      error: make('QuotaExceededError', { url: 'https://x.test/', errorcode: 10002 }),
    },
    {
      guard: 'isResponseTooLargeError',
      entry: 'opendata/index',
      error: make('ResponseTooLargeError', 'https://x.test/', 10),
    },
    {
      guard: 'isResponseValidationError',
      entry: 'opendata/index',
      error: make('ResponseValidationError', 'https://x.test/', [{ path: [0], message: 'bad' }]),
    },
    {
      guard: 'isIncompleteResultError',
      entry: 'opendata/index',
      error: make('IncompleteResultError', { source: 's', reason: 'window', received: 0 }),
    },
    {
      guard: 'isCacheWriteError',
      entry: 'opendata/index',
      error: make('CacheWriteError', '/x', new Error('no')),
    },
    {
      guard: 'isTimeoutError',
      entry: 'opendata/index',
      error: make('TimeoutError', 'GET', 'https://x.test/', 50),
    },
  ];
}

/** Errors of every other class, as thrown by the copy's own functions or built from its classes. */
function otherErrors(copy: Record<string, Module>): Error[] {
  const thrown = (run: () => unknown): Error => {
    try {
      run();
    } catch (error) {
      return error as Error;
    }
    throw new Error('expected a throw');
  };
  const at = (entry: string, name: string) => copy[entry]![name] as (...args: unknown[]) => unknown;
  return [
    new (copy.index!.CprdfopError as ErrorClass)(...(['E_EXAMPLE', 'x'] as never[])),
    thrown(() => at('index', 'planYear')('2023-02-30')), // InvalidDateError
    thrown(() => at('territory/index', 'commune')('5935')), // InvalidCodeError
    thrown(() => at('territory/index', 'requireCommune')('59999')), // UnknownCodeError
    thrown(() => at('territory/index', 'parseMeshCsv')('')), // MeshError
    thrown(() => at('rules/index', 'parseRuleSet')({})), // RuleSetError
    thrown(() => at('itie/index', 'parseApplication')({ territory: 1 })), // ApplicationError
    thrown(() => at('geo/index', 'parseContours')('not json')), // GeoDataError
    new (copy['territory/index']!.RegionNotLoadedError as ErrorClass)(...(['28'] as never[])),
    thrown(() => {
      const evaluator = at(
        'rules/index',
        'compile',
      )({
        format: 'cprdfop.ruleset/1',
        id: 'demo',
        version: '1',
        title: { fr: 'Démo', en: 'Demo' },
        validFrom: '2023-01-01',
        validTo: '2023-12-31',
        parameters: [],
        criteria: [],
      }) as { evaluate: (application: unknown, options: unknown) => unknown };
      evaluator.evaluate({}, { asOf: '2030-01-01' });
    }), // RuleSetNotInForceError
  ];
}

describe(`error guards across module copies, ESM and CJS builds from ${source}`, () => {
  it('loaded two distinct copies of the classes', () => {
    expect(label).not.toBe('');
    expect(esm.index!.CprdfopError).not.toBe(cjs.index!.CprdfopError);
    const error = samples(esm)[0]!.error;
    expect(error instanceof (cjs['opendata/index']!.HttpError as ErrorClass)).toBe(false);
  });

  it('each guard of one copy recognises the errors of the other, and only its own class', () => {
    for (const [maker, checker] of [
      [esm, cjs],
      [cjs, esm],
    ] as const) {
      const made = samples(maker);
      for (const { guard, entry } of made) {
        const check = checker[entry]![guard] as Guard;
        for (const other of made)
          expect([guard, other.error.name, check(other.error)]).toEqual([
            guard,
            other.error.name,
            other.guard === guard,
          ]);
        expect(check(new Error('x'))).toBe(false);
      }
    }
  });

  it(`isCprdfopError of one copy recognises every error class of the other`, () => {
    for (const [maker, checker] of [
      [esm, cjs],
      [cjs, esm],
    ] as const) {
      const errors = [...samples(maker).map((s) => s.error), ...otherErrors(maker)];
      const names = new Set(errors.map((e) => e.name));
      expect(names.size).toBe(CPRDFOP_ERROR_NAMES.size - 1); // all but NoRuleSetInForceError
      for (const error of errors)
        expect([error.name, (checker.index!.isCprdfopError as Guard)(error)]).toEqual([error.name, true]);
    }
  });
});

describe('error guards across realms, and what they refuse', () => {
  const foreign = (source: string): unknown => runInNewContext(source);
  const guards = (): [string, Guard][] => [
    ['isCprdfopError', esm.index!.isCprdfopError as Guard],
    ['isHttpError', esm['opendata/index']!.isHttpError as Guard],
    ['isCprdfopError (cjs)', cjs.index!.isCprdfopError as Guard],
  ];

  it('recognises an error made in a node:vm context', () => {
    const error = foreign(
      "class HttpError extends Error { constructor() { super('GET x failed'); this.name = 'HttpError'; this.code = 'E_HTTP'; } }; new HttpError()",
    );
    expect(error instanceof Error).toBe(false);
    for (const [name, guard] of guards()) expect([name, guard(error)]).toEqual([name, true]);
  });

  it('refuses plain objects, fake errors and hostile values without throwing', () => {
    const fields = { name: 'HttpError', code: 'E_HTTP', message: 'x', status: 500 };
    const prototypeOnly = Object.assign(Object.create(Error.prototype), fields);
    const tagged = { ...fields, [Symbol.toStringTag]: 'Error' };
    const taggedError = Object.assign(new Error('x'), fields, { [Symbol.toStringTag]: 'Error' });
    const hostile = new Proxy(new Error('x'), {
      get() {
        throw new Error('trap');
      },
      getPrototypeOf() {
        throw new Error('trap');
      },
    });
    const wrongCode = Object.assign(new Error('x'), { name: 'HttpError', code: 'http' });
    const wrongName = Object.assign(new Error('x'), { name: 'Error', code: 'E_HTTP' });
    const values: unknown[] = [
      fields,
      JSON.parse(JSON.stringify(fields)),
      foreign("({ name: 'HttpError', code: 'E_HTTP', message: 'x' })"),
      prototypeOnly,
      tagged,
      taggedError,
      hostile,
      wrongCode,
      wrongName,
      null,
      undefined,
      'HttpError',
      42,
    ];
    for (const [name, guard] of guards()) {
      for (const [i, value] of values.entries()) expect([name, i, guard(value)]).toEqual([name, i, false]);
    }
  });
});

describe('CPRDFOP_ERROR_NAMES', () => {
  it('lists the literal name of every error class of src/', () => {
    const names = new Set<string>(['CprdfopError']);
    const scan = (dir: string) => {
      for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
        if (e.isDirectory()) scan(`${dir}/${e.name}`);
        else if (e.name.endsWith('.ts')) {
          const text = readFileSync(join(root, dir, e.name), 'utf8');
          for (const m of text.matchAll(
            /class (\w+) extends (\w+)[^{]*\{[\s\S]*?(?:readonly name = |this\.name = )'(\w+)'/g,
          )) {
            if (m[2] === 'Error') continue; // CliError is internal to the CLI
            expect(m[3]).toBe(m[1]);
            names.add(m[3]!);
          }
        }
      }
    };
    scan('src');
    expect([...names].sort()).toEqual([...CPRDFOP_ERROR_NAMES].sort());
  });
});
