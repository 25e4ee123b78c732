/**
 * The errors of geometry and meshes (`GeoDataError`, `MeshError`, the detail of `RegionNotLoadedError`,
 * `E_CONTOURS_SPEC`) speak French and English: a sample of each source file is triggered and its French
 * checked (another text than the English, no English words, French typography); a scan of `src` fails
 * on a new call given one plain string; `cprdfop map --lang fr` prints the French line.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frenchTypography } from '../../src/_shared/typography.js';
import { CommuneTopology } from '../../src/geo/CommuneTopology.js';
import { classify } from '../../src/geo/classify.js';
import type { GeoDataError } from '../../src/geo/GeoDataError.js';
import { requireGraph } from '../../src/geo/GeoGraph.js';
import { buildTopology } from '../../src/geo/index.js';
import { joinValues } from '../../src/geo/joinValues.js';
import { loadTopology } from '../../src/geo/loadTopology.js';
import { parseContours } from '../../src/geo/parseContours.js';
import { readContours } from '../../src/geo/readContours.js';
import { renderPng } from '../../src/geo/renderPng.js';
import { simplifyTopology } from '../../src/geo/simplifyTopology.js';
import { checkContoursSpec } from '../../src/opendata/contoursPath.js';
import { loadMesh } from '../../src/territory/loadMesh.js';
import type { MeshError } from '../../src/territory/MeshError.js';
import { parseMeshCsv } from '../../src/territory/parseMeshCsv.js';
import { parseMeshJson } from '../../src/territory/parseMeshJson.js';
import { parseMeshXlsx } from '../../src/territory/parseMeshXlsx.js';
import { cli } from '../_helpers/cli.js';
import { square } from '../geo/_grid.js';

/** English words that never belong in French prose (the list of `french-output.test.ts`, and more). */
const ENGLISH_WORDS =
  /(?<!\p{L})(the|and|of|must|invalid|expected|file|with|when|default|unknown|missing|cannot|found|outside|every|none|should|from|is|are|not|no|has|give|needs|matches|match|listed|more|than|line|sheet|cell|refers|which|asked|above|below|span|only|too|little|before|after|expects|scale|bytes|text|value|values|unit)(?!\p{L})/iu;

/** Codes, identifiers, paths, options, quoted input and JSON are no prose: left out of the word scan. */
function prose(text: string): string {
  return text
    .replace(/`[^`]*`/g, ' ')
    .replace(/«[^»]*»/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/\([^()]*@[^()]*\)/g, ' ') // a package name in brackets
    .replace(/\S*[-_.@/=0-9[\]]\S*|\S*[a-z][A-Z]\S*/g, ' ');
}

/** Why a French message is not right, or `undefined` when it is. */
function frenchProblem(messages: { fr: string; en: string }): string | undefined {
  if (messages.fr === messages.en) return 'same text as the English';
  const word = ENGLISH_WORDS.exec(prose(messages.fr))?.[0];
  if (word !== undefined) return `English word « ${word} »`;
  if (frenchTypography(messages.fr) !== messages.fr) return 'French typography not applied';
  if (/[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/.test(messages.fr)) return 'straight apostrophe';
  return undefined;
}

/** The error thrown (synchronously or not) by `run`. */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}

const unquantized = () =>
  buildTopology(
    parseContours({
      type: 'FeatureCollection',
      features: [square('59350', 3, 50.6), square('59009', 3.1, 50.6)],
    }),
  );

/** One case per source file (and per kind of message), with the code and the start of the English. */
const cases: [string, () => unknown, string, RegExp][] = [
  [
    'CommuneTopology',
    () => new CommuneTopology({ objects: {} } as never),
    'E_INVALID_TOPOLOGY',
    /^topology has no/,
  ],
  [
    'CommuneTopology (repeated commune)',
    () => {
      const json = unquantized().toTopoJSON();
      const geometries = json.objects.communes.geometries;
      return new CommuneTopology({
        ...json,
        objects: { communes: { ...json.objects.communes, geometries: [geometries[0], geometries[0]] } },
      } as never);
    },
    'E_INVALID_TOPOLOGY',
    /^topology repeats commune 59009$/,
  ],
  [
    'readContours',
    () => readContours(join(tmpdir(), 'nowhere', 'x.geojson')),
    'E_READ',
    /^cannot read contours file/,
  ],
  [
    'GeoGraph',
    () => requireGraph(null, 'locate'),
    'E_NO_TERRITORY_GRAPH',
    /^locate needs the territory graph/,
  ],
  ['loadTopology', () => loadTopology({}), 'E_INVALID_TOPOLOGY', /^not a TopoJSON Topology/],
  [
    'loadTopology (vintage)',
    () =>
      loadTopology(
        {
          ...unquantized().toTopoJSON(),
          cprdfop: { format: 1, source: { sha256: 'ab', bytes: 1, file: 'a' } },
        },
        { sha256: 'ab', vintage: '2025' },
      ),
    'E_TOPOLOGY_MISMATCH',
    /^the topology was joined to territory vintage \(none\), not 2025$/,
  ],
  ['renderPng', () => renderPng('<svg/>', { scale: 100 }), 'E_PNG', /^PNG scale 100 is out of range/],
  ['joinValues', () => joinValues(new Map(), ['59', '62']), 'E_NO_VALUE_MATCH', /^no value to join/],
  [
    'joinValues (no match)',
    () => joinValues({ 99: 1 }, ['59'], { graph: null }),
    'E_NO_VALUE_MATCH',
    /^no value matches/,
  ],
  [
    'simplifyTopology',
    () => simplifyTopology(unquantized(), {}),
    'E_INVALID_OPTION',
    /^simplifyTopology needs/,
  ],
  [
    'simplifyTopology (keep)',
    () => simplifyTopology(unquantized(), { keep: 2 }),
    'E_INVALID_OPTION',
    /^invalid keep 2/,
  ],
  [
    'classify (palette)',
    () => classify([1, 2, 3], { palette: 'Nope' as never }),
    'E_INVALID_CLASSIFICATION',
    /^unknown palette "Nope"/,
  ],
  [
    'classify (span)',
    () => classify([1, 1 + 1e-12]),
    'E_INVALID_CLASSIFICATION',
    /^the values span only .* \(from 1 to 1\.000000000001\)/,
  ],
  [
    'classify (breaks)',
    () => classify([1, 2, 3], { method: 'manual', breaks: [2, 1.5] }),
    'E_INVALID_CLASSIFICATION',
    /^manual breaks must be strictly increasing: break 2 \(1\.5\) follows 2$/,
  ],
  ['parseMeshCsv', () => parseMeshCsv('a;b\n1;2\n'), 'E_MESH', /^mesh CSV: no header line naming/],
  [
    'parseMeshCsv (unit)',
    () => parseMeshCsv('commune;unit\n59350;\n'),
    'E_MESH',
    /^mesh CSV: line 2 has no unit code/,
  ],
  ['parseMeshJson', () => parseMeshJson('{'), 'E_MESH', /^mesh JSON: not valid JSON/],
  [
    'parseMeshJson (shape)',
    () => parseMeshJson({ units: [{ code: 'A', communes: 3 }] }),
    'E_MESH',
    /^mesh JSON: invalid at mesh\.units\[0\]\.communes: /,
  ],
  ['xlsx', () => parseMeshXlsx(new Uint8Array([1, 2, 3])), 'E_MESH', /^mesh XLSX: not a readable XLSX/],
  [
    'meshBuild',
    () => parseMeshCsv('commune;unit\n59350;A\n59350;B\n'),
    'E_MESH',
    /^mesh "[^"]*": 1 commune\(s\) listed more than once: 59350 \(line 2, line 3\)$/,
  ],
  ['loadMesh', () => loadMesh('x', { format: 'xlsx' }), 'E_MESH', /^mesh XLSX: give the file’s bytes/],
  [
    'loadMesh (bytes)',
    () => loadMesh(new Uint8Array([1]), { format: 'csv' }),
    'E_MESH',
    /^mesh CSV: give text/,
  ],
  [
    'contoursPath',
    () => checkContoursSpec({ year: 26, layer: 'communes', resolution: '100m' } as never),
    'E_CONTOURS_SPEC',
    /^invalid contours year 26: expected a four-digit year such as 2026$/,
  ],
  [
    'contoursPath (layer)',
    () => checkContoursSpec({ year: 2026, layer: 'nope', resolution: '100m' } as never),
    'E_CONTOURS_SPEC',
    /^invalid contours layer "nope": expected [a-z]/,
  ],
];

describe('geometry and mesh errors in French and English', () => {
  it.each(cases)('%s', async (_name, run, code, english) => {
    const error = (await thrown(run)) as GeoDataError | MeshError;
    expect(error).toMatchObject({ code });
    expect(error.message).toMatch(english);
    expect(error.messages.en).toBe(error.message);
    expect(frenchProblem(error.messages), error.messages.fr).toBeUndefined();
  });

  it('the French reads as French (a few whole messages)', async () => {
    const fr = async (run: () => unknown) => ((await thrown(run)) as GeoDataError).messages.fr;
    expect(await fr(() => joinValues(new Map(), ['59', '62']))).toBe(
      'aucune valeur à joindre\u00a0: les valeurs sont vides (un fichier réduit à sa ligne d’en-tête\u202f?), aucune pour les 2 code(s) d’unité',
    );
    expect(await fr(() => parseMeshCsv('commune;unit\n59350;A\n59350;B\n'))).toMatch(
      /^maillage «\u202f[^»]*\u202f»\u00a0: 1 commune\(s\) listée\(s\) plus d’une fois\u00a0: 59350 \(ligne 2, ligne 3\)$/,
    );
    expect(
      await fr(() => checkContoursSpec({ year: 2026, layer: 'communes', resolution: '1m' } as never)),
    ).toMatch(/^résolution des contours "1m" invalide\u00a0: l’une des valeurs .* est attendue$/);
    // numbers in French are written the French way; the English keeps JavaScript's digits
    const span = (await thrown(() => classify([1, 1 + 1e-12]))) as GeoDataError;
    expect(span.messages.fr).toContain('de 1 à 1,000000000001');
    expect(span.message).toContain('from 1 to 1.000000000001');
  });

  it('the French check finds English and bad typography: a test of the test', () => {
    expect(frenchProblem({ fr: 'x', en: 'x' })).toBeDefined();
    expect(frenchProblem({ fr: 'aucune valeur: none for the units', en: 'y' })).toMatch(/English/);
    expect(frenchProblem({ fr: 'aucune valeur: vide', en: 'y' })).toMatch(/typography/);
    expect(frenchProblem({ fr: 'aucune valeur\u00a0: vide', en: 'y' })).toBeUndefined();
  });
});

/** The throw sites of `src` that give a one-language message: a plain string literal or template. */
function oneLanguageCalls(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /new\s+GeoDataError\(\s*(?:'[^']*'|"[^"]*"|[\w.]+)\s*,\s*['"`]/g,
    /new\s+MeshError\(\s*['"`]/g,
    /new\s+RegionNotLoadedError\(\s*[\w.]+\s*,\s*['"`]/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[0]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('no one-language GeoDataError, MeshError or RegionNotLoadedError in src', () => {
  it('every call gives { fr, en } (renderBoth)', () => {
    const found = sourceFiles('src').flatMap((file) =>
      oneLanguageCalls(readFileSync(file, 'utf8')).map((call) => `${file}: ${call}`),
    );
    expect(found).toEqual([]);
  });
  it('the scan finds a plain string or template: a test of the test', () => {
    expect(oneLanguageCalls("throw new GeoDataError('E_X', 'bad ring');")).toHaveLength(1);
    const placeholder = (name: string) => `$${'{'}${name}}`; // a template's placeholder, as source text
    expect(
      oneLanguageCalls(`throw new GeoDataError(\n  "E_X",\n  \`bad ${placeholder('ring')}\`,\n);`),
    ).toHaveLength(1);
    expect(oneLanguageCalls(`throw new MeshError(\`mesh ${placeholder('what')}: bad\`, [2]);`)).toHaveLength(
      1,
    );
    expect(oneLanguageCalls("throw new RegionNotLoadedError(key, 'gone');")).toHaveLength(1);
    expect(oneLanguageCalls("throw new GeoDataError(CODE, 'bad');")).toHaveLength(1);
    expect(oneLanguageCalls("throw new GeoDataError('E_X', renderBoth({ fr: 'a', en: 'b' }));")).toEqual([]);
    expect(oneLanguageCalls('throw new RegionNotLoadedError(key);')).toEqual([]);
    expect(oneLanguageCalls("/** new GeoDataError('E_X', 'in a comment') */")).toEqual([]);
  });
});

describe('cprdfop map --lang fr', () => {
  it('a value file with only a header: the French line, exit 65', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cprdfop-geo-fr-'));
    const features = [square('59350', 3.0, 50.6), square('59009', 3.1, 50.6)];
    writeFileSync(join(dir, 'communes.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
    writeFileSync(join(dir, 'header-only.csv'), 'code,value\n');
    const args = ['map', '--contours', 'communes.geojson', '--value', 'header-only.csv'];
    const fr = await cli([...args, '--lang', 'fr'], { cwd: dir, env: {} });
    expect(fr.code).toBe(65);
    expect(fr.stdout).toBe('');
    expect(fr.stderr).toMatch(
      /^cprdfop\u00a0?: header-only\.csv\u00a0: aucune valeur à joindre\u00a0: les valeurs sont vides/,
    );
    expect(fr.stderr).not.toMatch(/no value|the values/);
    const en = await cli([...args, '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toMatch(/^cprdfop: header-only\.csv: no value to join: the values are empty/);
  });
});
