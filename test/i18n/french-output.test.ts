/**
 * `--lang fr` speaks French: the outputs of every command (help included) on the shipped examples
 * contain no English catalogue text and none of a list of English words; the locale variables choose
 * the language when `--lang` is absent; `--lang de` is a usage error (64).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCliDocs } from '../../scripts/generate-cli-docs.js';
import { CLI_CATALOGUES } from '../../src/cli/_support/messages/index.js';
import { itieRuleSets } from '../../src/itie/index.js';
import { cli } from '../_helpers/cli.js';
import { ENGLISH_WORDS, prose } from '../_helpers/englishScan.js';
import { square } from '../geo/_grid.js';

const FRENCH = {};
const eligible = 'examples/applications/eligible-mobilite-laonnois.json';
const incomplete = 'examples/applications/undetermined-incomplete.json';
const outside = 'examples/applications/ineligible-hors-region.json';
const overlay = 'examples/normandie-deffinov/deffinov.ruleset.json';
const overlayApplication = 'examples/normandie-deffinov/application.json';
const youth = 'examples/hdf-youth-integration/youth-integration.ruleset.json';
const ruleHead = (id: string, extra: object = {}) => ({
  format: 'cprdfop.ruleset/1',
  id,
  version: '1',
  title: { fr: `Règles ${id}`, en: `Rules ${id}` },
  validFrom: '2024-01-01',
  ...extra,
});

/** The English fragments of the catalogue (the parts between placeholders, two words or more). */
const englishFragments = [
  ...new Set(
    Object.values(CLI_CATALOGUES).flatMap((messages) =>
      Object.values(messages as Record<string, { fr: string; en: string }>)
        .filter((message) => message.fr !== message.en)
        .flatMap((message) => message.en.split(/\{\w+\}/))
        .map((fragment) => fragment.trim())
        .filter((fragment) => /[a-z]{2,} [a-z]{2,}/i.test(fragment) && fragment.length >= 10),
    ),
  ),
];

let dir: string;
let dataTexts: string[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cprdfop-i18n-'));
  const features = [square('59350', 3.0, 50.6), square('59009', 3.1, 50.6), square('80021', 2.2, 49.9)];
  writeFileSync(join(dir, 'communes.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  mkdirSync(join(dir, 'cache'), { recursive: true });
  writeFileSync(join(dir, 'codes.csv'), 'code,nom\n59350,Lille\n5935,mal formé\n59999,inconnue\n');
  writeFileSync(join(dir, 'values.csv'), 'code,value\n59,10\n80,20\n62,5\n');
  writeFileSync(join(dir, 'points.csv'), 'lon,lat\n3.05,50.65\n0,0\nabc,50\n');
  writeFileSync(
    join(dir, 'missing-base.json'),
    JSON.stringify(ruleHead('missing', { extends: './nowhere/base.json' })),
  );
  writeFileSync(join(dir, 'loop.json'), JSON.stringify(ruleHead('loop', { extends: './loop.json' })));
  writeFileSync(join(dir, 'region-99.json'), JSON.stringify(ruleHead('region-99', { region: '99' })));
  // Texts of the rule-set data (owned by the data, not the catalogue): left out of the scan until
  // the data gives them in both languages.
  const files = [overlay, youth].map((file) => JSON.parse(readFileSync(file, 'utf8')));
  const overlayParameters = files.flatMap((file) => file.parameters ?? []);
  const shipped = [...itieRuleSets(), ...files];
  dataTexts = [
    // A justification given in both languages is scanned (its French is shown); a one-language one is not.
    ...[...shipped.flatMap((ruleSet) => ruleSet.parameters), ...overlayParameters].flatMap(
      (parameter: { provenance: { justification: unknown } }) =>
        typeof parameter.provenance.justification === 'string' ? [parameter.provenance.justification] : [],
    ),
    ...shipped.flatMap((ruleSet) =>
      (ruleSet.examples ?? []).map((example: { name: string }) => example.name),
    ),
    ...overlayParameters.flatMap((parameter: { unit?: string }) => (parameter.unit ? [parameter.unit] : [])),
  ];
});

async function french(
  args: string[],
  options: { stdin?: string | undefined; cwd?: string | undefined } = {},
) {
  return cli([...args, '--lang', 'fr'], {
    env: { ...FRENCH, CPRDFOP_CACHE_DIR: join(dir, 'cache') },
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
}

function expectFrench(text: string, what: string): void {
  let scanned = text;
  // Longest first: a short unit (« share ») must not cut a longer text that contains it.
  for (const data of [...dataTexts].sort((left, right) => right.length - left.length))
    scanned = scanned.split(data).join(' ');
  for (const fragment of englishFragments)
    expect(scanned, `${what}: « ${fragment} »`).not.toContain(fragment);
  for (const line of scanned.split('\n')) {
    expect(ENGLISH_WORDS.exec(prose(line))?.[0], `${what}: ${line}`).toBeUndefined();
  }
}

describe('the French output of every command', () => {
  it('the scan finds English: a test of the test', () => {
    expect(() => expectFrench('Verdict: ELIGIBLE\nTo decide, please provide: partners', 'x')).toThrow();
    expect(() => expectFrench('le fichier is missing', 'x')).toThrow();
    expect(() => expectFrench('Pour conclure, renseigner\u00a0: partners', 'x')).not.toThrow();
  });

  it('help of every command and sub-command (the generated French reference)', async () => {
    expectFrench(await renderCliDocs('fr'), 'help');
  });

  const runs: [string, string[], { stdin?: string; cwd?: () => string; code?: number; csv?: boolean }?][] = [
    ['check eligible', ['check', eligible]],
    ['check incomplete', ['check', incomplete]],
    ['check outside', ['check', outside]],
    ['check --rules (Normandie)', ['check', overlayApplication, '--rules', overlay]],
    [
      'check --rules (youth integration)',
      ['check', 'examples/hdf-youth-integration/application.json', '--rules', youth],
    ],
    [
      'check --rules missing base',
      ['check', eligible, '--rules', 'missing-base.json'],
      { cwd: () => dir, code: 66 },
    ],
    ['check --rules loop', ['check', eligible, '--rules', 'loop.json'], { cwd: () => dir, code: 65 }],
    [
      'check --rules unknown region',
      ['check', eligible, '--rules', 'region-99.json'],
      { cwd: () => dir, code: 65 },
    ],
    ['check no file', ['check'], { code: 64 }],
    ['check --interactive help', ['check', '--help']],
    ['check bad date', ['check', eligible, '--as-of', '2023-02-30'], { code: 64 }],
    ['check missing file', ['check', 'nope/missing.json'], { code: 66 }],
    [
      'check invalid shape',
      ['check', '-'],
      { stdin: '{"themes":["cuisine"],"budget":{"total":"x"}}', code: 65 },
    ],
    ['plan', ['plan']],
    ['rules show', ['rules', 'show']],
    ['rules test', ['rules', 'test']],
    ['rules diff', ['rules', 'diff', 'itie-hdf@2023.1', overlay]],
    ['rules test on a file', ['rules', 'test', overlay]],
    ['rules show a file', ['rules', 'show', youth]],
    ['territory code', ['territory', '59350']],
    ['territory epci', ['territory', '200093201']],
    ['territory no match', ['territory', 'zzzzqq'], { code: 1 }],
    ['territory outside', ['territory', '75056']],
    ['data where', ['data', 'where']],
    ['data ls', ['data', 'ls']],
    [
      'data pull offline',
      ['data', 'pull', 'contours', '--year', '2026', '--layer', 'nope', '--resolution', '50m'],
      { code: 64 },
    ],
    ['locate', ['locate', '3.05', '50.65', '--contours', 'communes.geojson'], { cwd: () => dir }],
    ['locate outside', ['locate', '0', '0', '--contours', 'communes.geojson'], { cwd: () => dir }],
    ['locate bad', ['locate', 'abc', '50', '--contours', 'communes.geojson'], { cwd: () => dir, code: 64 }],
    ['locate no cache', ['locate', '3', '50'], { code: 69 }],
    ['locate --csv codes', ['locate', '--csv', 'codes.csv'], { cwd: () => dir, code: 1, csv: true }],
    [
      'locate --csv points',
      ['locate', '--csv', 'points.csv', '--contours', 'communes.geojson'],
      { cwd: () => dir, code: 1, csv: true },
    ],
    ['locate --csv with a point', ['locate', '3', '50', '--csv', 'codes.csv'], { cwd: () => dir, code: 64 }],
    ['locate --csv --json', ['locate', '--csv', 'codes.csv', '--json'], { cwd: () => dir, code: 64 }],
    ['locate --out without --csv', ['locate', '3', '50', '--out', 'x.csv'], { cwd: () => dir, code: 64 }],
    ['locate no point', ['locate'], { code: 64 }],
    [
      'data topo',
      ['data', 'topo', '--contours', 'communes.geojson', '--out', 'topology.json'],
      { cwd: () => dir },
    ],
    [
      'locate --topology',
      ['locate', '3.05', '50.65', '--contours', 'communes.geojson', '--topology', 'topology.json'],
      { cwd: () => dir },
    ],
    [
      'locate --topology foreign',
      ['locate', '3.05', '50.65', '--contours', 'codes.csv', '--topology', 'topology.json'],
      { cwd: () => dir, code: 65 },
    ],
    ['data topo no contours', ['data', 'topo', '--contours', 'nope.geojson'], { cwd: () => dir, code: 66 }],
    ['data pull mesh bad url', ['data', 'pull', 'mesh', 'ftp://example.org/x.csv'], { code: 64 }],
    ['map', ['map', '--contours', 'communes.geojson'], { cwd: () => dir }],
    [
      'map choropleth with furniture and table',
      [
        'map',
        '--contours',
        'communes.geojson',
        '--value',
        'values.csv',
        '--classes',
        '3',
        '--legend-title',
        'Population',
        '--subtitle',
        '2026',
        '--table',
        'table.csv',
        '--labels',
      ],
      { cwd: () => dir },
    ],
    [
      'map bad classes',
      ['map', '--contours', 'communes.geojson', '--classes', '12'],
      { cwd: () => dir, code: 64 },
    ],
    [
      'map bad palette',
      ['map', '--contours', 'communes.geojson', '--palette', 'x'],
      { cwd: () => dir, code: 64 },
    ],
    [
      'map manual without breaks',
      ['map', '--contours', 'communes.geojson', '--method', 'manual'],
      { cwd: () => dir, code: 64 },
    ],
    [
      'map png on stdout',
      ['map', '--contours', 'communes.geojson', '--format', 'png'],
      { cwd: () => dir, code: 64 },
    ],
    [
      'map bad format',
      ['map', '--contours', 'communes.geojson', '--format', 'gif'],
      { cwd: () => dir, code: 64 },
    ],
    ['export', ['export', '--contours', 'communes.geojson'], { cwd: () => dir }],
    ['screen starter', ['screen', '--starter-mapping']],
    ['screen no file', ['screen'], { code: 64 }],
    ['unknown command', ['frobnicate'], { code: 64 }],
    ['unknown option', ['plan', '--nope'], { code: 64 }],
  ];
  it.each(runs)('%s', async (_name, args, options = {}) => {
    const r = await french(args, { stdin: options.stdin, cwd: options.cwd?.() });
    expect(r.code, r.stderr).toBe(options.code ?? 0);
    // Machine output (JSON, SVG, GeoJSON) is not prose; everything else is scanned.
    // A CSV's columns and status values are machine values; its message column is prose.
    const stdout = options.csv
      ? (parse(r.stdout, { columns: true }) as Record<string, string>[]).map((row) => row.message).join('\n')
      : /^\s*[{[<]/.test(r.stdout)
        ? ''
        : r.stdout;
    expectFrench(`${stdout}\n${r.stderr}`, args.join(' '));
  });
});

/**
 * Messages made by the library layers (itie, rules, territory, geo, opendata), shown inside a French CLI
 * line: French, and the English text of each is absent (once a known gap each).
 */
describe('library messages inside French output', () => {
  const runs: [string, string[], string, { stdin?: string; code: number }][] = [
    [
      'rule set not in force (rules)',
      ['check', eligible, '--as-of', '2022-06-01'],
      'is in force on',
      { code: 65 },
    ],
    ['invalid JSON (jsonSafety)', ['check', '-'], 'invalid JSON', { stdin: '{nope', code: 65 }],
    [
      'unknown code (territory)',
      ['check', '-'],
      'unknown commune code',
      { stdin: '{"territory":{"communes":["59999"]}}', code: 65 },
    ],
    ['malformed code (territory)', ['territory', '5935'], 'malformed commune code', { code: 65 }],
    [
      'offline mesh table (opendata)',
      ['data', 'pull', 'mesh', 'http://127.0.0.1:9/table.csv', '--offline'],
      'offline mode',
      { code: 69 },
    ],
  ];
  it.each(runs)('%s', async (_name, args, english, options) => {
    const r = await french(args, options.stdin === undefined ? {} : { stdin: options.stdin });
    expect(r.code, r.stderr).toBe(options.code);
    expect(`${r.stdout}${r.stderr}`).not.toContain(english);
    expectFrench(`${r.stdout}\n${r.stderr}`, args.join(' '));
  });
});

describe('the language of a run', () => {
  it('follows LANG, LC_MESSAGES and LC_ALL in their order when --lang is absent', async () => {
    expect((await cli(['plan'], { env: { LANG: 'fr_FR.UTF-8' } })).stdout).toContain('Dates clés');
    expect((await cli(['plan'], { env: { LC_ALL: 'en_US', LANG: 'fr_FR.UTF-8' } })).stdout).toContain(
      'Key dates',
    );
    expect((await cli(['check', eligible], { env: { LC_MESSAGES: 'en_GB.UTF-8' } })).stdout).toContain(
      'Verdict: ELIGIBLE',
    );
    expect((await cli(['check', eligible], { env: {} })).stdout).toContain('Verdict\u00a0: ÉLIGIBLE');
  });
  it('--lang wins over the locale, before or after the command', async () => {
    const env = { LC_ALL: 'en_US.UTF-8' };
    expect((await cli(['--lang', 'fr', 'plan'], { env })).stdout).toContain('Dates clés');
    expect((await cli(['plan', '--lang=fr'], { env })).stdout).toContain('Dates clés');
    expect((await cli(['rules', 'show', '--lang', 'fr'], { env })).stdout).toContain('Critères\u00a0:');
  });
  it('one default everywhere: every command speaks the locale’s language', async () => {
    const env = { LANG: 'fr_FR.UTF-8' };
    expect((await cli(['check', eligible], { env })).stdout).toContain('Verdict\u00a0: ÉLIGIBLE');
    expect((await cli(['plan'], { env })).stdout).toContain('Dates clés');
    expect((await cli(['rules', 'test'], { env })).stdout).toMatch(/exemples réussis/);
    expect((await cli(['--help'], { env })).stdout).toContain('Commandes\u00a0:');
    expect((await cli(['check', '--help'], { env })).stdout).toContain('Options globales\u00a0:');
  });
  it('--lang de is a usage error (64) with one line and the usage, in every command', async () => {
    for (const args of [['plan'], ['check', eligible], ['rules', 'show'], ['territory', '59350'], []]) {
      const r = await cli([...args, '--lang', 'de'], { env: {} });
      expect(r.code, args.join(' ')).toBe(64);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines[0]).toBe('cprdfop: --lang doit valoir fr ou en, pas «\u202fde\u202f»');
      expect(lines[1]).toMatch(/^utilisation\u00a0: cprdfop/);
      expect(lines).toHaveLength(2);
    }
    expect((await cli(['plan', '--lang'], { env: {} })).code).toBe(64);
  });
});

describe('validation messages in French (localizeIssues)', () => {
  it('keeps every issue, its path and code, in order; translates zod’s shape errors only', async () => {
    const { localizeIssues } = await import('../../src/cli/_support/applicationIssues.js');
    const { safeParseApplication } = await import('../../src/itie/index.js');
    const application = {
      themes: ['cuisine', 'formation', 'x'],
      budget: { total: 'x' },
      territory: { communes: ['59999'] },
    };
    const parsed = safeParseApplication(application);
    expect(parsed.success).toBe(false);
    const english = parsed.success ? [] : parsed.issues;
    const french = localizeIssues(english, application, 'fr');
    expect(french.map(({ path, code }) => [path, code])).toEqual(
      english.map(({ path, code }) => [path, code]),
    );
    for (const issue of french) {
      if (issue.code === 'invalid') expect(issue.message, issue.path).toMatch(/invalide/);
    }
    expect(localizeIssues(english, application, 'en')).toEqual(english);
  });
  it('the JSON of an invalid application in French lists the same issues as in English', async () => {
    const stdin = '{"themes":["cuisine"],"budget":{"total":"x"},"schedule":{"start":"2023-02-30"}}';
    const fr = JSON.parse((await french(['check', '-', '--json'], { stdin })).stdout);
    const en = JSON.parse((await cli(['check', '-', '--json'], { stdin })).stdout);
    expect(fr.issues.map((issue: { path: string }) => issue.path)).toEqual(
      en.issues.map((issue: { path: string }) => issue.path),
    );
    expect(fr.issues.length).toBeGreaterThanOrEqual(2);
  });
});
