/**
 * The rule fixes of issue 13 item 4: one EPCI is a local territory whatever the départements it spans;
 * a structure counts once; the in-region message says *all of* or *part of*; the shipped examples hold
 * on the real 2018 contours (`../shared/geo`, skipped when absent).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
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
const status = (e: Explanation, id: string) => e.criteria.find((c) => c.id === id)?.status;

describe('local territory', () => {
  it.each([
    ['245900758', 'CC Flandre Lys (Nord, Pas-de-Calais)'],
    ['200070985', 'CC de l’Est de la Somme (Somme, Aisne)'],
    ['200069672', 'CC du Ternois (Pas-de-Calais, Somme)'],
  ])('one EPCI across two départements is local: %s %s', (code) => {
    const e = explain({ ...sample, territory: { epcis: [code] } });
    expect(status(e, 'local-territory')).toBe('pass');
    expect(e.verdict).toBe('eligible');
  });
  it('a cross-département EPCI with two neighbours of the Nord is local (each EPCI counted once)', () => {
    // CC Flandre Lys spans 59 and 62; CA Cœur de Flandre and MEL are in the Nord: 3 EPCI, 2 départements.
    const e = explain({ ...sample, territory: { epcis: ['245900758', '200040947', '200093201'] } });
    expect(status(e, 'local-territory')).toBe('pass');
  });
  it('four EPCI, or a whole département, are not local', () => {
    const four = explain({
      ...sample,
      territory: { epcis: ['200041960', '200042190', '245901160', '200093201'] },
    });
    expect(status(four, 'local-territory')).toBe('fail');
    for (const departement of ['02', '59', '60', '62', '80']) {
      expect(
        status(explain({ ...sample, territory: { departements: [departement] } }), 'local-territory'),
      ).toBe('fail');
    }
  });
});

describe('a structure counts once', () => {
  const collective = (app: Record<string, unknown>) => status(explain({ ...sample, ...app }), 'collective');
  it('a partner named like the carrier (case, accents, spacing) is the carrier', () => {
    const e = explain({ ...sample, partners: [{ name: '  ASSOCIATION mobilite laonnois ' }] });
    expect(status(e, 'collective')).toBe('fail');
    expect(e.warnings.map((w) => w.code)).toContain('duplicate-structure');
    expect(e.warnings.find((w) => w.code === 'duplicate-structure')?.message).toMatch(/partners\[0\]/);
  });
  it('by SIRET when both give one, whatever the names', () => {
    const carrier = { name: 'Association Mobilité Laonnois', siret: '12345678900011' };
    expect(collective({ carrier, partners: [{ name: 'AML', siret: '12345678900011' }] })).toBe('fail');
    // Same name, different SIRET: two establishments, two structures.
    expect(
      collective({ carrier, partners: [{ name: 'Association Mobilité Laonnois', siret: '12345678900029' }] }),
    ).toBe('pass');
  });
  it('two partners repeating each other count once', () => {
    const e = explain({
      ...sample,
      partners: [{ name: 'France Travail Laon' }, { name: 'FRANCE-TRAVAIL laon' }],
    });
    expect(status(e, 'collective')).toBe('pass'); // carrier + one partner
    expect(e.warnings.filter((w) => w.code === 'duplicate-structure')).toHaveLength(1);
  });
  it('an empty partner {} is invalid input, naming its path', () => {
    const r = checkApplication({ ...sample, partners: [{ name: 'France Travail Laon' }, {}] });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['partners[1]']);
  });
  it('property: the structures counted are the distinct normalised names (reference count)', () => {
    const names = fc.constantFrom(
      'Alpha',
      'alpha',
      'ALPHA ',
      'Béta',
      'beta',
      'Gamma-Delta',
      'gamma delta',
      'Zeta',
    );
    const key = (name: string) =>
      name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    fc.assert(
      fc.property(names, fc.array(names, { maxLength: 6 }), (carrierName, partnerNames) => {
        const structures = new Set([key(carrierName), ...partnerNames.map(key)]).size;
        const rs = itieRuleSets()[0]!;
        const min = rs.parameters.find((p) => p.name === 'minStructures')!.value as number;
        const e = explain({
          ...sample,
          carrier: { name: carrierName },
          partners: partnerNames.map((name) => ({ name })),
        });
        expect(status(e, 'collective')).toBe(structures >= min ? 'pass' : 'fail');
      }),
      { numRuns: 60 },
    );
  });
});

describe('outside the region: all of it or part of it', () => {
  it('names part of the territory when some communes are in the region', () => {
    const e = explain({ ...sample, territory: { communes: ['02408', '76540'] } });
    expect(status(e, 'deployed-in-region')).toBe('fail');
    const message = e.criteria.find((c) => c.id === 'deployed-in-region')!.message;
    expect(message.fr).toMatch(/une partie du territoire/);
    expect(message.en).toMatch(/part of the project territory/);
  });
  it('names all of the territory when none of it is in the region', () => {
    const e = explain({ ...sample, territory: { communes: ['76540', '75056'] } });
    const message = e.criteria.find((c) => c.id === 'deployed-in-region')!.message;
    expect(message.fr).toMatch(/tout le territoire/);
    expect(message.en).toMatch(/all of the project territory/);
    expect(message.fr).not.toMatch(/une partie/);
  });
});

const contours = requireShared(
  'shipped examples on real contours',
  'geo/hauts-de-france-2018/communes.geojson',
);

contours.describe('the shipped examples hold on the real 2018 contours (joined to COG 2026)', () => {
  it('every example of the rule set keeps its verdict with contiguity decided from contours', async () => {
    const { topology } = joinVintage(await readContours(contours.path));
    const contiguity = createContiguityProvider(topology);
    const ruleSet = itieRuleSets()[0]!;
    for (const example of ruleSet.examples ?? []) {
      const r = checkApplication(example.application, { contiguity });
      expect(r.ok, example.name).toBe(true);
      if (!r.ok) continue;
      expect(r.explanation.verdict, example.name).toBe(example.verdict);
      const contiguous = status(r.explanation, 'contiguous-territory');
      if (example.verdict === 'eligible') expect(contiguous, example.name).toBe('pass');
    }
  });
  it('cprdfop check --contours keeps the verdict of every examples/applications file', async () => {
    const dir = join(root, 'examples/applications');
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
      const plain = await cli(['check', join(dir, name), '--json'], { cwd: root });
      const withContours = await cli(['check', join(dir, name), '--json', '--contours', contours.path], {
        cwd: root,
      });
      expect(withContours.code, name).toBe(plain.code);
      const verdict = (out: string) => (JSON.parse(out) as Explanation).verdict;
      expect(verdict(withContours.stdout), name).toBe(verdict(plain.stdout));
      expect(name.split('-')[0]).toBe(verdict(withContours.stdout));
    }
  });
  it('the old "three EPCI of the Nord" example was not contiguous; its replacement is', async () => {
    const { topology } = joinVintage(await readContours(contours.path));
    const contiguity = createContiguityProvider(topology);
    const old = explain(
      { ...sample, territory: { epcis: ['200093201', '245901160', '200041960'] } },
      contiguity,
    );
    expect(status(old, 'contiguous-territory')).toBe('fail');
    const now = explain(
      { ...sample, territory: { epcis: ['200041960', '200042190', '245901160'] } },
      contiguity,
    );
    expect(status(now, 'contiguous-territory')).toBe('pass');
    expect(now.verdict).toBe('eligible');
  });
});

describe('open lists of themes and publics (« etc. »)', () => {
  it('a theme outside the list (autre) is accepted, warned about and left for an instructor', () => {
    const e = explain({ ...sample, themes: ['autre'], themesOther: 'Économie circulaire' });
    expect(status(e, 'contributes-to-insertion')).toBe('unknown');
    expect(e.verdict).toBe('undetermined');
    expect(e.missing).toEqual([]);
    expect(e.warnings.find((w) => w.code === 'unlisted-value')?.message).toMatch(
      /themes\[0\].*Économie circulaire/,
    );
  });
  it('a listed theme beside it still decides', () => {
    const e = explain({ ...sample, themes: ['autre', 'mobilite'] });
    expect(status(e, 'contributes-to-insertion')).toBe('pass');
  });
  it('a public outside the list (autre) leaves the needs criterion for an instructor, never a fail', () => {
    const e = explain({ ...sample, publics: ['autre'], themes: ['mobilite'] });
    expect(status(e, 'addresses-needs')).toBe('unknown');
    const known = explain({ ...sample, publics: ['salaries'], themes: ['mobilite'] });
    expect(status(known, 'addresses-needs')).toBe('fail');
  });
  it('a free-text value in the list itself is still invalid input: it goes in themesOther', () => {
    const r = checkApplication({ ...sample, themes: ['cuisine'] });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['themes[0]']);
  });
});
