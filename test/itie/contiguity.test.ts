/**
 * The optional contiguity criterion of the ITIE rule set (issue 6): decided from commune contours when
 * they are supplied, `unknown` when contiguity is required without contours, never a silent pass.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createContiguityProvider, joinVintage, readContours } from '../../src/geo/index.js';
import { type ContiguityCheck, checkApplication, itieRuleSets } from '../../src/itie/index.js';
import type { Explanation } from '../../src/rules/index.js';
import { cli } from '../_helpers/cli.js';
import { requireShared } from '../_helpers/shared.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sample = JSON.parse(
  readFileSync(join(root, 'examples/applications/eligible-mobilite-laonnois.json'), 'utf8'),
) as Record<string, unknown>;

function explain(app: unknown, contiguity?: ContiguityCheck): Explanation {
  const r = checkApplication(app, contiguity ? { contiguity } : {});
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.explanation;
}
const status = (e: Explanation) => e.criteria.find((c) => c.id === 'contiguous-territory')?.status;

describe('contiguity criterion', () => {
  it('is off by default: passes, and the verdict lists the requireContiguity assumption', () => {
    const e = explain(sample);
    expect(status(e)).toBe('pass');
    expect(e.verdict).toBe('eligible');
    expect(e.assumptions.map((a) => a.name)).toContain('requireContiguity');
  });

  it('is decided by the supplied check when contours are given', () => {
    const seen: string[][] = [];
    const yes: ContiguityCheck = (codes) => {
      seen.push([...codes]);
      return true;
    };
    expect(status(explain(sample, yes))).toBe('pass');
    expect(seen[0]?.length).toBeGreaterThan(10); // the CA du Pays de Laon's current communes
    const no = explain(sample, () => false);
    expect(status(no)).toBe('fail');
    expect(no.verdict).toBe('ineligible');
    const cannot = explain(sample, () => 'unknown');
    expect(status(cannot)).toBe('unknown');
    expect(cannot.verdict).toBe('undetermined');
  });

  it('stays unknown when a rule set requires contiguity and no contours are supplied', () => {
    const base = itieRuleSets()[0]!;
    const strict = {
      ...base,
      parameters: base.parameters.map((p) => (p.name === 'requireContiguity' ? { ...p, value: true } : p)),
    };
    const r = checkApplication(sample, { ruleSet: strict });
    expect(r.ok && status(r.explanation)).toBe('unknown');
    expect(r.ok && r.explanation.verdict).toBe('undetermined');
  });
});

const realContours = requireShared(
  'contiguity on real contours',
  'geo/hauts-de-france-2018/communes.geojson',
);
const shared = realContours.path;

realContours.describe('contiguity on the real 2018 contours (joined to COG 2026)', () => {
  it('passes an EPCI, fails two EPCI far apart', async () => {
    const { topology } = joinVintage(await readContours(shared));
    const contiguity = createContiguityProvider(topology);
    expect(status(explain(sample, contiguity))).toBe('pass');
    // CA du Pays de Laon (Aisne) + Métropole Européenne de Lille (Nord): not one piece.
    const apart = explain({ ...sample, territory: { epcis: ['200043495', '200093201'] } }, contiguity);
    expect(status(apart)).toBe('fail');
  });

  it('cprdfop check --contours decides it; without contours it is not required', async () => {
    const file = join(root, 'examples/applications/eligible-mobilite-laonnois.json');
    const withContours = await cli(['check', file, '--json', '--contours', shared], { cwd: root });
    expect(withContours.code).toBe(0);
    const e = JSON.parse(withContours.stdout) as Explanation;
    expect(status(e)).toBe('pass');
    expect(e.assumptions.find((a) => a.name === 'requireContiguity')?.value).toBe(true);
    const missing = await cli(['check', file, '--contours', 'nope.geojson'], { cwd: root });
    expect(missing.code).toBe(66);
  });
});
