/**
 * Every value in data/plan traces to ../shared/domain/FACTS.md (or the seed article it cites):
 * quotes appear in one of them, URLs are cited there, full dates are stated there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { requireShared } from '../_helpers/shared.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = requireShared(
  'data/plan ↔ FACTS.md tracing',
  'domain/FACTS.md',
  'seed/article-cprdfop-hauts-de-france.txt',
);
const [factsPath = '', seedPath = ''] = shared.paths;
const haveShared = shared.present;

const normalise = (s: string) =>
  s.normalize('NFC').replace(/[’‘]/g, "'").replace(/[«»]/g, '').replace(/\s+/g, ' ').toLowerCase().trim();

interface Prov {
  source: { title: string; url?: string };
  mark: string;
  quote?: string;
}

function collect(value: unknown, out: { provenances: Prov[]; dates: string[] }): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out);
    return;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('source' in o && 'mark' in o) out.provenances.push(o as unknown as Prov);
    if (typeof o.date === 'string') out.dates.push(o.date);
    for (const v of Object.values(o)) collect(v, out);
  }
}

const planDir = join(root, 'data/plan');
const files = readdirSync(planDir).filter((f) => f.endsWith('.json'));

shared.describe('data/plan traces to FACTS.md', () => {
  const facts = haveShared ? normalise(readFileSync(factsPath, 'utf8')) : '';
  const seed = haveShared ? normalise(readFileSync(seedPath, 'utf8')) : '';
  for (const file of files) {
    const json = JSON.parse(readFileSync(join(planDir, file), 'utf8')) as unknown;
    const found = { provenances: [] as Prov[], dates: [] as string[] };
    collect(json, found);
    it(`${file}: every quote is in FACTS.md or the seed`, () => {
      for (const p of found.provenances) {
        if (!p.quote) continue;
        const q = normalise(p.quote);
        expect(facts.includes(q) || seed.includes(q), `quote not found: ${p.quote}`).toBe(true);
      }
    });
    it(`${file}: every URL is cited in FACTS.md`, () => {
      for (const p of found.provenances) {
        if (p.source.url)
          expect(facts, `URL not in FACTS.md: ${p.source.url}`).toContain(p.source.url.toLowerCase());
      }
    });
    it(`${file}: every full date is stated in FACTS.md`, () => {
      for (const d of found.dates) {
        if (/^\d{4}-\d{2}-\d{2}$/.test(d)) expect(facts, `date not in FACTS.md: ${d}`).toContain(d);
      }
    });
    it(`${file}: every record has a provenance with a mark`, () => {
      expect(found.provenances.length).toBeGreaterThan(0);
      for (const p of found.provenances) expect(['confirmed', 'inferred', 'assumption']).toContain(p.mark);
    });
  }
});
