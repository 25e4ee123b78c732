/**
 * Test helper: packs the package and installs the tarball into throwaway consumer projects the way a
 * user's `npm install` does — through a registry — without depending on the machine's npm cache or
 * on the network. The registry is a tiny HTTP server on 127.0.0.1 that serves, from this project's own
 * `node_modules`, the runtime dependency closure of the package (every version installed here), each
 * packed with `npm pack`. Each install uses its own empty npm cache.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The project root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  bin?: string | Record<string, string>;
  engines?: Record<string, string>;
}

const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** Runs a command without blocking the event loop (the registry answers from this process). */
export async function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, {
      cwd,
      env,
      encoding: 'utf8',
      timeout: 240_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${failure.stderr ?? ''}${failure.stdout ?? ''}`,
      {
        cause: error,
      },
    );
  }
}

/** Finds the installed copy of `name` that Node would load from `fromDir` (walking up to the root). */
function findInstalled(name: string, fromDir: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dir === dirname(dir)) return undefined;
    dir = dirname(dir);
  }
}

/**
 * The runtime dependency closure of the package (dependencies, peer dependencies, and the installed
 * optional dependencies and optional peers, transitively), as installed in this project's `node_modules`.
 *
 * @throws {Error} When a required dependency is not installed (run `npm ci`).
 */
export function runtimeClosure(): string[] {
  const seen = new Set<string>();
  const visit = (dir: string, manifest: Manifest): void => {
    const required = { ...manifest.dependencies, ...manifest.peerDependencies };
    // Optional peers are served when installed: npm resolves them when another package of the tree
    // brings the same name (@inquirer's optional @types/node peer beside fast-csv's @types/node 14).
    const optionalPeers: string[] = [];
    for (const optional of Object.keys(manifest.peerDependenciesMeta ?? {})) {
      if (manifest.peerDependenciesMeta?.[optional]?.optional) {
        delete required[optional];
        optionalPeers.push(optional);
      }
    }
    for (const name of [
      ...Object.keys(required),
      ...Object.keys(manifest.optionalDependencies ?? {}),
      ...optionalPeers,
    ]) {
      const installed = findInstalled(name, dir);
      if (!installed) {
        if (name in required)
          throw new Error(`${name} (needed by ${manifest.name}) is not installed: run npm ci`);
        continue;
      }
      if (seen.has(installed)) continue;
      seen.add(installed);
      visit(installed, readManifest(installed));
    }
  };
  visit(root, readManifest(root));
  return [...seen].sort();
}

/** A registry on 127.0.0.1 serving packed tarballs; `close()` stops it. */
export interface LocalRegistry {
  url: string;
  close(): Promise<void>;
}

/**
 * Packs `packageDirs` into `storeDir` and serves them as an npm registry (packuments and tarballs).
 *
 * @throws {Error} When `npm pack` fails.
 */
export async function startRegistry(packageDirs: string[], storeDir: string): Promise<LocalRegistry> {
  mkdirSync(storeDir, { recursive: true });
  const packed = JSON.parse(
    await run(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', storeDir, ...packageDirs],
      root,
    ),
  ) as { name: string; version: string; filename: string }[];
  if (packed.length !== packageDirs.length) {
    throw new Error(`npm pack packed ${packed.length} of ${packageDirs.length} dependencies`);
  }
  const packuments = new Map<string, { versions: Record<string, unknown>; latest: string }>();
  const tarballs = new Map<string, Buffer>();
  let url = '';
  for (const dir of packageDirs) {
    const manifest = readManifest(dir);
    const pack = packed.find((item) => item.name === manifest.name && item.version === manifest.version);
    if (!pack) throw new Error(`npm pack did not pack ${manifest.name}@${manifest.version}`);
    const bytes = readFileSync(join(storeDir, pack.filename.replace(/^@/, '').replace('/', '-')));
    const tarballName = `${manifest.name.replace('/', '-')}-${manifest.version}.tgz`;
    tarballs.set(tarballName, bytes);
    const entry = packuments.get(manifest.name) ?? { versions: {}, latest: manifest.version };
    entry.versions[manifest.version] = {
      name: manifest.name,
      version: manifest.version,
      dependencies: manifest.dependencies,
      optionalDependencies: manifest.optionalDependencies,
      peerDependencies: manifest.peerDependencies,
      peerDependenciesMeta: manifest.peerDependenciesMeta,
      bin: manifest.bin,
      engines: manifest.engines,
      dist: {
        get tarball() {
          return `${url}-/${tarballName}`;
        },
        integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
        shasum: createHash('sha1').update(bytes).digest('hex'),
      },
    };
    if (manifest.version.localeCompare(entry.latest, 'en', { numeric: true }) > 0)
      entry.latest = manifest.version;
    packuments.set(manifest.name, entry);
  }
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/').slice(1);
    const tarball = path.startsWith('-/') ? tarballs.get(path.slice(2)) : undefined;
    if (tarball) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(tarball);
      return;
    }
    const packument = packuments.get(path);
    if (!packument) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        name: path,
        'dist-tags': { latest: packument.latest },
        versions: packument.versions,
      }),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** The environment of an `npm` run that sees only the local registry and an empty cache of its own. */
export function isolatedNpmEnv(registryUrl: string, cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key)) env[key] = value;
  }
  return {
    ...env,
    npm_config_registry: registryUrl,
    npm_config_cache: cacheDir,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_userconfig: join(cacheDir, 'npmrc'),
  };
}

/**
 * Packs the package (building `dist` first when it is missing), then installs the tarball into one
 * fresh project per kind under `workDir`, through a local registry.
 *
 * @returns The tarball path and the project directories by kind.
 */
export async function installConsumers(
  workDir: string,
  kinds: readonly ('esm' | 'cjs')[],
): Promise<{ tarball: string; dirs: Record<string, string> }> {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  if (!existsSync(join(root, 'dist/index.js'))) await run('npx', ['tsup'], root);
  await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', workDir], root);
  const tgz = readdirSync(workDir).find((file) => file.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack produced no tarball');
  const tarball = join(workDir, tgz);
  const registry = await startRegistry(runtimeClosure(), join(workDir, 'registry'));
  const dirs: Record<string, string> = {};
  try {
    for (const kind of kinds) {
      const dir = join(workDir, kind);
      mkdirSync(dir);
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({
          name: `consumer-${kind}`,
          private: true,
          type: kind === 'esm' ? 'module' : 'commonjs',
        }),
      );
      const cache = join(workDir, `npm-cache-${kind}`);
      mkdirSync(cache);
      writeFileSync(join(cache, 'npmrc'), '');
      await run(
        'npm',
        ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball],
        dir,
        isolatedNpmEnv(registry.url, cache),
      );
      dirs[kind] = dir;
    }
  } finally {
    await registry.close();
  }
  return { tarball, dirs };
}
