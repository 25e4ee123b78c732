/**
 * Contour problems (`ContourIssue`) and mesh diagnostics (`MeshDiagnostic`) speak French and English:
 * every kind is triggered, its French checked (another text than the English, no English words, French
 * typography) and its English kept as `message`; `parseContours` puts the French details into its
 * French error; the CLI prints them in the language asked; a scan of the builders fails on an issue
 * built with one plain English string.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { frenchTypography } from '../../src/_shared/typography.js';
import type { GeoDataError } from '../../src/geo/GeoDataError.js';
import { parseContours } from '../../src/geo/parseContours.js';
import { type ContourIssue, type ContourOptions, validateContours } from '../../src/geo/validateContours.js';
import type { MeshDiagnostic } from '../../src/territory/index.js';
import { parseMeshCsv } from '../../src/territory/parseMeshCsv.js';
import { parseMeshJson } from '../../src/territory/parseMeshJson.js';
import { cli } from '../_helpers/cli.js';
import { square } from '../geo/_grid.js';

/** English words that never belong in French prose (the list of `geo-messages.test.ts`, and more). */
const ENGLISH_WORDS =
  /(?<!\p{L})(the|and|of|must|invalid|expected|file|with|when|default|unknown|missing|cannot|found|outside|every|none|should|from|is|are|not|no|has|give|needs|matches|match|listed|more|than|line|sheet|cell|refers|which|asked|above|below|span|only|too|little|before|after|expects|scale|bytes|text|value|values|unit|ring|rings|hole|got|empty|duplicate|closed|overlap|gap|extent|edges|near|sliver|spike|rewound|clockwise|counterclockwise|wants|projected|likely|metres|degrees|area|malformed|commune code|now)(?!\p{L})/iu;

/** Codes, identifiers, paths, options, quoted input and JSON are no prose: left out of the word scan. */
function prose(text: string): string {
  return text
    .replace(/`[^`]*`/g, ' ')
    .replace(/«[^»]*»/g, ' ')
    .replace(/"[^"]*"/g, ' ')
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

const fcOf = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const polygonFeature = (code: string, rings: unknown[]) => ({
  type: 'Feature',
  properties: { code },
  geometry: { type: 'Polygon', coordinates: rings },
});
const closedSquare: Position[] = [
  [3, 50],
  [3.1, 50],
  [3.1, 50.1],
  [3, 50.1],
  [3, 50],
];
const swap = (ring: Position[]): Position[] => ring.map(([x, y]) => [y as number, x as number]);
const dLat = 1 / 111195;
const dLon = 14000 / (111195 * Math.cos((50 * Math.PI) / 180));
/** A hole drawn counterclockwise (RFC 7946 wants holes clockwise). */
const counterclockwiseHole: Position[] = [
  [3.02, 50.02],
  [3.08, 50.02],
  [3.08, 50.08],
  [3.02, 50.08],
  [3.02, 50.02],
];
const grid3WithHole = (): unknown[] => {
  const features = [];
  for (let row = 0; row < 3; row++)
    for (let col = 0; col < 3; col++)
      if (row !== 1 || col !== 1) features.push(square(`g${row}${col}`, 2 + col * 0.1, 50 + row * 0.1));
  return features;
};
const brokenTopology = {
  type: 'Topology',
  arcs: [],
  objects: { communes: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[7]] }] } },
};

/** One case per kind (and per variant of its text): the input, options, code, start of the French. */
const cases: [string, unknown, ContourOptions, string, RegExp][] = [
  [
    'null input',
    null,
    { source: 'c.json' },
    'E_FORMAT',
    /^GeoJSON ou TopoJSON attendu dans c\.json, reçu null$/,
  ],
  ['a string', 'communes', {}, 'E_FORMAT', /^GeoJSON ou TopoJSON attendu, reçu string$/],
  ['no features array', { type: 'FeatureCollection' }, {}, 'E_FORMAT', /^FeatureCollection sans tableau/],
  [
    'no such TopoJSON object',
    { type: 'Topology', objects: {} },
    {},
    'E_FORMAT',
    /^objet TopoJSON "communes" introuvable \(objets\u00a0: aucun\)$/,
  ],
  ['a broken TopoJSON object', brokenTopology, {}, 'E_FORMAT', /^objet TopoJSON "communes" invalide\u00a0: /],
  [
    'another type',
    { type: 'Point' },
    {},
    'E_FORMAT',
    /^FeatureCollection GeoJSON ou Topology TopoJSON attendu/,
  ],
  ['no features', fcOf([]), { source: 'c.json' }, 'E_EMPTY', /^c\.json\u00a0: aucune entité$/],
  [
    'no code',
    fcOf([{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [closedSquare] } }]),
    {},
    'E_NO_CODE',
    /^features\[0\]\u00a0: pas de code de commune \(propriété /,
  ],
  [
    'a duplicate code',
    fcOf([square('59350', 3, 50.6), square('59350', 3.1, 50.6)]),
    {},
    'E_DUPLICATE_CODE',
    /^features\[1\] \(commune 59350\)\u00a0: code "59350" en double \(aussi features\[0\]\)$/,
  ],
  [
    'a point',
    fcOf([{ type: 'Feature', properties: { code: 'A' }, geometry: { type: 'Point', coordinates: [3, 50] } }]),
    {},
    'E_GEOMETRY_TYPE',
    /la géométrie doit être un Polygon ou un MultiPolygon, reçu "Point"$/,
  ],
  [
    'a polygon with no ring',
    fcOf([
      { type: 'Feature', properties: { code: 'A' }, geometry: { type: 'MultiPolygon', coordinates: [[]] } },
    ]),
    {},
    'E_GEOMETRY_TYPE',
    /le polygone 0 n’a aucun anneau$/,
  ],
  [
    'a ring not an array',
    fcOf([polygonFeature('A', [5])]),
    {},
    'E_GEOMETRY_TYPE',
    /polygone 0 anneau 0\u00a0: /,
  ],
  [
    'an empty MultiPolygon',
    fcOf([
      { type: 'Feature', properties: { code: 'A' }, geometry: { type: 'MultiPolygon', coordinates: [] } },
    ]),
    {},
    'E_EMPTY_GEOMETRY',
    /MultiPolygon vide \(aucun polygone\)\u00a0: une commune a besoin d’un contour$/,
  ],
  [
    'a position not a pair of numbers',
    fcOf([
      polygonFeature('A', [
        [
          [3, 50],
          ['x', 50],
          [3.1, 50.1],
          [3, 50],
        ],
      ]),
    ]),
    {},
    'E_COORDINATE',
    /anneau 0 position 1\u00a0: une paire \[lon, lat\] finie est attendue \(\["x",50\]\)$/,
  ],
  [
    'Lambert-93 coordinates',
    fcOf([
      polygonFeature('L', [
        [
          [704000, 7059000],
          [705000, 7059000],
          [705000, 7060000],
          [704000, 7059000],
        ],
      ]),
    ]),
    {},
    'E_LON_RANGE',
    /longitude 704\u202f000 hors de \[-180, 180\]\u00a0: mètres projetés, sans doute Lambert-93 \(`EPSG:2154`\)\u202f\? /,
  ],
  [
    'a latitude out of range',
    fcOf([
      polygonFeature('A', [
        [
          [3, 95.5],
          [3.1, 50],
          [3.1, 50.1],
          [3, 95.5],
        ],
      ]),
    ]),
    {},
    'E_LAT_RANGE',
    /latitude 95,5 hors de \[-90, 90\]\u00a0: mètres projetés \(par exemple Web Mercator `EPSG:3857`\)/,
  ],
  [
    'a ring of three positions',
    fcOf([
      polygonFeature('A', [
        [
          [3, 50],
          [3.1, 50],
          [3, 50],
        ],
      ]),
    ]),
    {},
    'E_RING_SHORT',
    /anneau 0\u00a0: 3 positions, un anneau fermé en demande au moins 4$/,
  ],
  [
    'an open ring',
    fcOf([polygonFeature('A', [closedSquare.slice(0, 4)])]),
    {},
    'E_RING_OPEN',
    /anneau non fermé \(premier \[3,50\] ≠ dernier \[3,50\.1\]\)$/,
  ],
  [
    'collinear positions',
    fcOf([
      polygonFeature('B', [
        [
          [3, 50],
          [3.1, 50.1],
          [3.2, 50.2],
          [3, 50],
        ],
      ]),
    ]),
    {},
    'E_RING_ZERO_AREA',
    /l’anneau n’entoure aucune surface/,
  ],
  [
    'a spike',
    fcOf([
      polygonFeature('C', [
        [
          [3, 50],
          [3.1, 50],
          [3.2, 50],
          [3.1, 50],
          [3.1, 50.1],
          [3, 50.1],
          [3, 50],
        ],
      ]),
    ]),
    {},
    'E_RING_SPIKE',
    /position 2\u00a0: une pointe/,
  ],
  [
    'a sliver',
    fcOf([
      polygonFeature('S', [
        [
          [3, 50],
          [3 + dLon, 50],
          [3 + dLon, 50 + dLat],
          [3, 50 + dLat],
          [3, 50],
        ],
      ]),
    ]),
    {},
    'W_SLIVER',
    /un anneau très mince \(0,0\d+ km², largeur moyenne 1,\d\d m\)$/,
  ],
  [
    'a clockwise exterior, rewound',
    fcOf([polygonFeature('A', [[...closedSquare].reverse()])]),
    {},
    'W_WINDING',
    /anneau 0\u00a0: anneau extérieur dans le sens horaire \(.*antihoraire\)\u202f; réorienté$/,
  ],
  [
    'a counterclockwise hole, strict',
    fcOf([polygonFeature('A', [closedSquare, counterclockwiseHole])]),
    { strictWinding: true },
    'W_WINDING',
    /anneau 1\u00a0: trou dans le sens antihoraire \(.*antihoraire\)$/,
  ],
  [
    'swapped axes',
    fcOf([polygonFeature('59350', [swap(closedSquare.map(([x, y]) => [x as number, (y as number) + 0.6]))])]),
    {},
    'E_SWAPPED_AXES',
    /\(commune 59350\)\u00a0: l’emprise \[.*\] n’est pas en France, mais elle l’est une fois la longitude et la latitude permutées/,
  ],
  [
    'radians',
    fcOf([
      polygonFeature('A', [
        closedSquare.map(([x, y]) => [((x as number) * Math.PI) / 180, ((y as number) * Math.PI) / 180]),
      ]),
    ]),
    {},
    'E_RADIANS',
    /une fois lue en radians\u00a0: les positions doivent être en degrés$/,
  ],
  [
    'far from France',
    fcOf([square('Z', 0, 0)]),
    {},
    'W_OUTSIDE_FRANCE',
    /est hors de France \(métropole et outre-mer\)\u202f; une autre projection ou un autre lieu\u202f\?$/,
  ],
  [
    'a bow tie',
    fcOf([
      polygonFeature('A', [
        [
          [3, 50],
          [3.1, 50.1],
          [3.1, 50.03],
          [3.02, 50.1],
          [3, 50],
        ],
      ]),
    ]),
    {},
    'E_SELF_INTERSECTION',
    /\(commune A\)\u00a0: des arêtes se croisent près de \[.*\] \(auto-intersection\)$/,
  ],
  [
    'two overlapping squares',
    fcOf([square('59350', 3, 50), square('59009', 3.05, 50)]),
    { source: 'c.json' },
    'E_OVERLAP',
    /^c\.json\u00a0: features\[0\] \(commune 59350\) et features\[1\] \(commune 59009\) se chevauchent sur \d+(,\d+)? km² \(une commune et ses communes déléguées dans un même fichier\u202f\?\)$/,
  ],
  [
    'a gap',
    fcOf(grid3WithHole()),
    { gaps: true },
    'E_GAP',
    /^un trou de \d+(,\d+)? km² que ne couvre aucune entité, en \[/,
  ],
];

/** The issue of that code (an error or a warning) for an input. */
function issueOf(input: unknown, options: ContourOptions, code: string): ContourIssue {
  const validation = validateContours(input, options);
  const issue = [...validation.errors, ...validation.warnings].find((candidate) => candidate.code === code);
  if (!issue) throw new Error(`no ${code}: ${JSON.stringify(validation.errors.map((e) => e.message))}`);
  return issue;
}

describe('every ContourIssue speaks French and English', () => {
  it.each(cases)('%s: %s', (_name, input, options, code, french) => {
    const issue = issueOf(input, options, code);
    expect(issue.messages.en).toBe(issue.message);
    expect(frenchProblem(issue.messages)).toBeUndefined();
    expect(issue.messages.fr).toMatch(french);
  });
  it('covers every code the TSDoc of ContourIssue lists', () => {
    const listed = [
      'E_FORMAT',
      'E_EMPTY',
      'E_NO_CODE',
      'E_DUPLICATE_CODE',
      'E_GEOMETRY_TYPE',
      'E_EMPTY_GEOMETRY',
      'E_RING_OPEN',
      'E_RING_SHORT',
      'E_COORDINATE',
      'E_LON_RANGE',
      'E_LAT_RANGE',
      'E_SWAPPED_AXES',
      'E_RADIANS',
      'E_RING_ZERO_AREA',
      'E_RING_SPIKE',
      'E_SELF_INTERSECTION',
      'E_OVERLAP',
      'E_GAP',
      'W_WINDING',
      'W_OUTSIDE_FRANCE',
      'W_SLIVER',
    ];
    expect(new Set(cases.map((entry) => entry[3]))).toEqual(new Set(listed));
  });
  it('keeps the English text as it was', () => {
    expect(issueOf(fcOf([polygonFeature('A', [closedSquare.slice(0, 4)])]), {}, 'E_RING_OPEN').message).toBe(
      'features[0] (commune A) polygon 0 ring 0: not closed (first [3,50] ≠ last [3,50.1])',
    );
    expect(
      issueOf(
        fcOf([square('59350', 3, 50), square('59350', 3.1, 50)]),
        { source: 'c.json' },
        'E_DUPLICATE_CODE',
      ).message,
    ).toBe('c.json: features[1] (commune 59350): duplicate code "59350" (also features[0])');
  });
});

describe('parseContours', () => {
  it('puts the French details into its French error, the English into its English', () => {
    const input = fcOf([
      polygonFeature('A', [closedSquare.slice(0, 4)]),
      polygonFeature('B', [
        [
          [3, 50],
          [3.1, 50],
          [3, 50],
        ],
      ]),
    ]);
    let error: GeoDataError | undefined;
    try {
      parseContours(input, { source: 'c.json' });
    } catch (caught) {
      error = caught as GeoDataError;
    }
    expect(error?.code).toBe('E_INVALID_CONTOURS');
    expect(error?.messages.fr).toBe(
      'contours invalides\u00a0: c.json\u00a0: features[0] (commune A) polygone 0 anneau 0\u00a0: anneau non fermé (premier [3,50] ≠ dernier [3,50.1])\u202f; ' +
        'c.json\u00a0: features[1] (commune B) polygone 0 anneau 0\u00a0: 3 positions, un anneau fermé en demande au moins 4',
    );
    expect(error?.messages.en).toBe(
      'invalid contours: c.json: features[0] (commune A) polygon 0 ring 0: not closed (first [3,50] ≠ last [3,50.1]); ' +
        'c.json: features[1] (commune B) polygon 0 ring 0: 3 positions, a closed ring needs at least 4',
    );
    expect(error?.message).toBe(error?.messages.en);
    expect(frenchProblem(error?.messages ?? { fr: '', en: '' })).toBeUndefined();
  });
  it('counts the errors it does not show, in both languages', () => {
    const open = (code: string) => polygonFeature(code, [closedSquare.slice(0, 4)]);
    const input = fcOf(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map(open));
    let error: GeoDataError | undefined;
    try {
      parseContours(input);
    } catch (caught) {
      error = caught as GeoDataError;
    }
    expect(error?.messages.fr).toMatch(/anneau non fermé .*\(\+2 autres\)$/);
    expect(error?.messages.en).toMatch(/not closed .*\(\+2 more\)$/);
  });
});

/** Every kind of mesh diagnostic, from one CSV. */
const meshCsv = 'commune,unit\nabc,A\n59999,A\n76540,A\n02394,A\n59350,A\n';

describe('every MeshDiagnostic speaks French and English', () => {
  const diagnostics = parseMeshCsv(meshCsv).diagnostics;
  const byKind = (kind: MeshDiagnostic['kind']): MeshDiagnostic => {
    const found = diagnostics.find((diagnostic) => diagnostic.kind === kind);
    if (!found) throw new Error(`no ${kind}: ${JSON.stringify(diagnostics)}`);
    return found;
  };
  it.each([
    ['invalid', /^code de commune mal formé "abc" \(ligne 2\)$/, 'malformed commune code "abc" (line 2)'],
    ['unknown', /^code de commune inconnu 59999 .*\(ligne 3\)$/, /^unknown commune code 59999 .*\(line 3\)$/],
    [
      'outside-region',
      /^.*76540.* \(ligne 4\)$/,
      /^commune code 76540 is outside Hauts-de-France .*\(line 4\)$/,
    ],
    [
      'mapped',
      /^le code de commune 02394 .* est désormais .*\(ligne 5\)$/,
      /^commune code 02394 .* is now .*\(line 5\)$/,
    ],
  ] as const)('%s', (kind, french, english) => {
    const diagnostic = byKind(kind);
    expect(diagnostic.messages.en).toBe(diagnostic.message);
    if (typeof english === 'string') expect(diagnostic.message).toBe(english);
    else expect(diagnostic.message).toMatch(english);
    expect(diagnostic.messages.fr).toMatch(french);
    expect(frenchProblem(diagnostic.messages)).toBeUndefined();
  });
  it('names the unit, not a line, when the mesh has no lines (JSON)', () => {
    const [diagnostic] = parseMeshJson({
      id: 'demo',
      units: [{ code: 'A', communes: ['59350', '59999'] }],
    }).diagnostics;
    expect(diagnostic?.message).toMatch(/\(unit A\)$/);
    expect(diagnostic?.messages.fr).toMatch(/\(unité A\)$/);
    expect(frenchProblem(diagnostic?.messages ?? { fr: '', en: '' })).toBeUndefined();
  });
});

/** The lines of a builder that give an issue one plain message (a string or template literal). */
function oneLanguageIssues(code: string): string[] {
  return code
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
    .filter((line) => /\bmessage:\s*[`'"]/.test(line));
}

/** The files that build ContourIssue and MeshDiagnostic values. */
function builderFiles(): string[] {
  const inDir = (dir: string) =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => join(entry.parentPath, entry.name));
  return [...inDir('src/territory'), ...inDir('src/geo').filter((file) => !/render(Map|Svg)/.test(file))];
}

describe('no ContourIssue or MeshDiagnostic built with one English string', () => {
  it('every issue of src/geo and src/territory gets its texts from { fr, en }', () => {
    const found = builderFiles().flatMap((file) =>
      oneLanguageIssues(readFileSync(file, 'utf8')).map((line) => `${file}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
  it('the scan finds a plain string or template: a test of the test', () => {
    const placeholder = (name: string) => `$${'{'}${name}}`; // a template's placeholder, as source text
    expect(
      oneLanguageIssues(
        `push({ severity: 'error', code: 'E_X', message: \`${placeholder('at')}: bad\`, ...base });`,
      ),
    ).toHaveLength(1);
    expect(
      oneLanguageIssues("diagnostics.push({ kind: 'invalid', ...base, message: 'bad code' });"),
    ).toHaveLength(1);
    expect(oneLanguageIssues('      message: "bad",')).toHaveLength(1);
    expect(
      oneLanguageIssues(
        "push({ severity: 'error', code: 'E_X', ...texts({ fr: 'mauvais', en: 'bad' }, {}) });",
      ),
    ).toEqual([]);
    expect(oneLanguageIssues(" * const u = { message: 'unknown commune 99999' };")).toEqual([]);
  });
  it('the types require messages', () => {
    // @ts-expect-error a ContourIssue without messages does not compile
    const issue: ContourIssue = { severity: 'error', code: 'E_X', message: 'bad' };
    // @ts-expect-error a MeshDiagnostic without messages does not compile
    const diagnostic: MeshDiagnostic = { kind: 'invalid', code: 'x', unit: 'A', message: 'bad' };
    expect([issue.code, diagnostic.kind]).toEqual(['E_X', 'invalid']);
  });
});

describe('the CLI prints them in the language asked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cprdfop-contours-fr-'));
  const features = [
    square('59350', 3.0, 50.6),
    polygonFeature('59009', [[...(square('59009', 3.1, 50.6).geometry.coordinates[0] as Position[])]]),
    // a sliver warning, printed by map
    polygonFeature('59013', [
      [
        [3.2, 50.6],
        [3.2 + dLon, 50.6],
        [3.2 + dLon, 50.6 + dLat],
        [3.2, 50.6 + dLat],
        [3.2, 50.6],
      ],
    ]),
  ];
  writeFileSync(join(dir, 'communes.geojson'), JSON.stringify(fcOf(features)));
  writeFileSync(join(dir, 'mesh.csv'), 'commune,unit\n59350,A\n59009,A\n59999,A\nabc,B\n');
  writeFileSync(
    join(dir, 'bad.geojson'),
    JSON.stringify(fcOf([polygonFeature('A', [closedSquare.slice(0, 4)])])),
  );
  const out = join(dir, 'map.svg');

  it('map --lang fr: the contour warning and the mesh diagnostics in French', async () => {
    const args = ['map', '--contours', 'communes.geojson', '--by', 'mesh.csv', '--output', out];
    const fr = await cli([...args, '--lang', 'fr'], { cwd: dir, env: {} });
    expect(fr.stderr).toMatch(/un anneau très mince/);
    expect(fr.stderr).toMatch(/maillage mesh\.csv\u00a0: code de commune inconnu 59999 .*\(ligne 4\)/);
    expect(fr.stderr).toMatch(/maillage mesh\.csv\u00a0: code de commune mal formé "abc" \(ligne 5\)/);
    expect(fr.stderr).not.toMatch(/a sliver|unknown commune|malformed|line \d/);
    const en = await cli([...args, '--lang', 'en'], { cwd: dir, env: {} });
    expect(en.stderr).toMatch(/a sliver/);
    expect(en.stderr).toMatch(/mesh mesh\.csv: unknown commune code 59999 .*\(line 4\)/);
    expect(en.stderr).toMatch(/mesh mesh\.csv: malformed commune code "abc" \(line 5\)/);
  });
  it('mesh diagnostics: the first ten, then how many more; counted by --strict', async () => {
    const unknown = Array.from({ length: 12 }, (_, index) => `${59900 + index},A`).join('\n');
    writeFileSync(join(dir, 'many.csv'), `commune,unit\n59350,A\n${unknown}\n`);
    const args = ['map', '--contours', 'communes.geojson', '--by', 'many.csv', '--output', out];
    const fr = await cli([...args, '--lang', 'fr'], { cwd: dir, env: {} });
    expect(fr.stderr.match(/maillage many\.csv\u00a0: code de commune inconnu/g)).toHaveLength(10);
    expect(fr.stderr).toMatch(
      /maillage many\.csv\u00a0: 2 autre\(s\) remarque\(s\) sur des codes de commune/,
    );
    const strict = await cli([...args, '--strict', '--lang', 'en'], { cwd: dir, env: {} });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/mesh many\.csv: 2 more remark\(s\) about commune codes/);
  });
  it('map --lang fr on invalid contours: the French details, exit 65', async () => {
    const fr = await cli(['map', '--contours', 'bad.geojson', '--output', out, '--lang', 'fr'], {
      cwd: dir,
      env: {},
    });
    expect(fr.code).toBe(65);
    expect(fr.stderr).toMatch(
      /contours invalides\u00a0: bad\.geojson\u00a0: features\[0\] \(commune A\) polygone 0 anneau 0\u00a0: anneau non fermé/,
    );
    expect(fr.stderr).not.toMatch(/not closed/);
  });
});
