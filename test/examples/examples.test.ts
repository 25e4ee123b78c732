/** Every runnable example runs (`npm run example:<name>`) and prints what it promises. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
const tsx = join(root, 'node_modules/.bin/tsx');
const examplesCache = join(root, 'test/.tmp/examples-cache');
// Emptied first: what an earlier run left there must not make an example pass.
rmSync(examplesCache, { recursive: true, force: true });
const example = async (file: string, args: string[] = []) =>
  (
    await run(tsx, [join(root, file), ...args], {
      cwd: root,
      timeout: 120_000,
      // An empty cache: the examples must not depend on contours pulled on this machine.
      env: {
        ...process.env,
        CPRDFOP_CACHE_DIR: examplesCache,
      },
    })
  ).stdout;

describe('examples', () => {
  it('lists an npm script for each example', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    for (const name of ['check', 'screen', 'regions', 'opendata', 'map', 'web-map']) {
      expect(scripts[`example:${name}`], `example:${name}`).toBeTruthy();
    }
  });

  it('example:check prints a verdict for each criterion', async () => {
    const out = await example('examples/check-application.ts');
    expect(out).toMatch(/^Verdict: eligible \(rule set itie-hdf@2023\.1, as of 2023-04-03\)/);
    expect(out).toMatch(/pass {4}local-territory/);
    expect(out).toContain('Assumption minStructures = 2');
  });

  it('example:screen reports every CSV row, none dropped', async () => {
    const out = await example('examples/screen-csv.ts');
    const rows =
      readFileSync(join(root, 'examples/data/applications.csv'), 'utf8').trim().split('\n').length - 1;
    expect(out).toContain(`# ITIE screening — ${rows} applications`);
    expect(out.match(/^\| A\d+ \|/gm)).toHaveLength(rows);
    expect(out).toMatch(/\| A1 \| .* \| eligible \|/);
    expect(out).toMatch(/\| A5 \| .* \| ineligible \| deployed-in-region/);
    expect(out).toMatch(/\| A6 \| .* \| undetermined \|/);
    expect(out).toMatch(/\| A7 \| .* \| \*\*invalid\*\* \| carrier\.legalForm/);
  });

  it('example:regions checks a Normandie and a Hauts-de-France rule file, every embedded example passing', async () => {
    const out = await example('examples/real-regions.ts');
    expect(out).toContain('normandie-deffinov-shape@2024.1 (region 28): eligible');
    expect(out).toContain('hdf-youth-integration@2024.1 (region 32): eligible');
    expect(out).toMatch(/pass {4}self-financing/);
    expect(out).toContain('funding: 20000 EUR');
    expect(out).toContain('assumption projectInRegionOnly');
    expect(out).toContain('6/6 embedded examples pass');
    expect(out).toContain('7/7 embedded examples pass');
  });

  it('the real-region rule files quote their sources byte-exact and mark the rest as assumptions', () => {
    const facts = join(root, '../shared/domain/FACTS.md');
    const factsText = existsSync(facts) ? readFileSync(facts, 'utf8') : undefined;
    for (const file of [
      'examples/normandie-deffinov/deffinov.ruleset.json',
      'examples/hdf-youth-integration/youth-integration.ruleset.json',
    ]) {
      const ruleSet = JSON.parse(readFileSync(join(root, file), 'utf8')) as {
        parameters: { name: string; provenance: { mark: string; quote?: string; justification: string } }[];
        criteria: { id: string; source?: { ref: string; quote?: string } }[];
      };
      for (const parameter of ruleSet.parameters) {
        const { mark, quote, justification } = parameter.provenance;
        if (mark === 'assumption') expect(justification, parameter.name).toMatch(/^Illustrative/);
        else {
          expect(quote, parameter.name).toBeTruthy();
          if (factsText) expect(factsText, parameter.name).toContain(quote);
        }
      }
      for (const criterion of ruleSet.criteria) {
        if (criterion.source?.quote && factsText)
          expect(factsText, criterion.id).toContain(criterion.source.quote);
        if (criterion.source && !criterion.source.quote)
          expect(criterion.source.ref, criterion.id).toMatch(/^Illustrative/);
      }
    }
  });

  it('example:opendata iterates the fixture portal offline', async () => {
    const out = await example('examples/explore-opendata.ts');
    expect(out).toContain('Iterated 3782 communes');
    expect(out).toContain('`nom` = "L\'Abergement \\" OR 1=1 -- `x`"');
  });

  it('example:map writes an SVG with one shape per EPCI', async () => {
    const map = join(root, 'examples/out/map.svg');
    rmSync(map, { force: true }); // a map left by an earlier run must not pass for this one
    const out = await example('examples/draw-map.ts');
    const svg = readFileSync(map, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    const shapes = (svg.match(/<path [^>]*data-code="\d{9}"/g) ?? []).length;
    const shared = existsSync(resolve(root, '../shared/geo/hauts-de-france-2018/communes.geojson'));
    expect(out).toMatch(shared ? /92 EPCI/ : /3 EPCI/);
    expect(shapes).toBe(shared ? 92 : 3);
  });
});
