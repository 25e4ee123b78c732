/** Runs every ```json example block of docs/rules.md: the expression on the input gives the result. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, type ExpressionValue, parseRuleSet } from '../../src/rules/index.js';
import { toyTerritory } from './_toy.js';

interface DocExample {
  expr: ExpressionValue;
  input: unknown;
  params?: Record<string, never>;
  asOf?: string;
  definitions?: Record<string, ExpressionValue>;
  result: unknown;
}

const md = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
const blocks = [...md.matchAll(/```json example\n([\s\S]*?)```/g)].map(
  (m) => JSON.parse(m[1]!) as DocExample,
);

function run(ex: DocExample) {
  const expected = ex.result;
  const unknown =
    expected !== null && typeof expected === 'object' && !Array.isArray(expected) && 'unknown' in expected
      ? (expected as { unknown: string[] }).unknown
      : undefined;
  const rs = parseRuleSet({
    format: 'cprdfop.ruleset/1',
    id: 'doc',
    version: '1',
    title: { fr: 'Doc', en: 'Doc' },
    validFrom: '2000-01-01',
    parameters: Object.entries(ex.params ?? {}).map(([name, value]) => ({
      name,
      value,
      provenance: { mark: 'assumption', justification: 'doc example' },
    })),
    definitions: Object.entries(ex.definitions ?? {}).map(([name, value]) => ({ name, value })),
    criteria: [
      { id: 'x', label: { fr: 'X', en: 'X' }, when: { '==': [ex.expr, { lit: unknown ? null : expected }] } },
    ],
  });
  const out = compile(rs, { territory: toyTerritory }).evaluate(ex.input, { asOf: ex.asOf ?? '2023-01-01' });
  return { status: out.criteria[0]!.status, missing: out.criteria[0]!.missing, unknown };
}

describe('docs/rules.md examples', () => {
  it('has examples', () => expect(blocks.length).toBeGreaterThan(30));
  blocks.forEach((ex, i) => {
    it(`#${i + 1} ${JSON.stringify(ex.expr).slice(0, 80)}`, () => {
      const r = run(ex);
      if (r.unknown) {
        expect(r.status).toBe('unknown');
        expect([...r.missing]).toEqual(r.unknown);
      } else expect(r.status).toBe('pass');
    });
  });
});
