/**
 * One mark vocabulary for rule parameters (issue 13): `confirmed` / `inferred` / `assumption`, like the
 * plan data. The marks of older rule sets (`official`, `seed`) are still read, as `confirmed`, with a
 * one-time deprecation warning; anything else is invalid.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile, ParameterMark, parseRuleSet, safeParseRuleSet } from '../../src/rules/index.js';

const ruleSet = (mark: string) => ({
  format: 'cprdfop.ruleset/1',
  id: 'marks',
  version: '1',
  title: { fr: 'Marques', en: 'Marks' },
  validFrom: '2023-01-01',
  parameters: [{ name: 'min', value: 2, provenance: { mark, justification: 'why' } }],
  criteria: [{ id: 'c', label: { fr: 'c', en: 'c' }, when: { '>=': [{ field: 'n' }, { param: 'min' }] } }],
});

afterEach(() => vi.restoreAllMocks());

describe('rule parameter marks', () => {
  it('the vocabulary is the plan’s', () => {
    expect(ParameterMark.options).toEqual(['confirmed', 'inferred', 'assumption']);
    expect(parseRuleSet(ruleSet('inferred')).parameters[0]?.provenance.mark).toBe('inferred');
  });
  it('an inferred parameter is not listed as an assumption; an assumption is', () => {
    const asOf = { asOf: '2023-05-01' };
    expect(compile(parseRuleSet(ruleSet('inferred'))).evaluate({ n: 3 }, asOf).assumptions).toEqual([]);
    expect(
      compile(parseRuleSet(ruleSet('assumption')))
        .evaluate({ n: 3 }, asOf)
        .assumptions.map((a) => a.name),
    ).toEqual(['min']);
  });
  it('reads the old marks as confirmed, with one deprecation warning per mark', () => {
    const emitWarning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    for (const legacy of ['official', 'seed', 'seed']) {
      expect(parseRuleSet(ruleSet(legacy)).parameters[0]?.provenance.mark).toBe('confirmed');
    }
    const calls = emitWarning.mock.calls.filter(([message]) => String(message).includes('deprecated'));
    // Each old mark warns once (the module is fresh in this test file: vitest isolates files).
    expect(calls).toHaveLength(2);
    for (const [message, options] of calls) {
      expect(String(message)).toMatch(/mark "(official|seed)" is deprecated: read as "confirmed"/);
      expect(options).toMatchObject({ type: 'DeprecationWarning', code: 'CPRDFOP_DEPRECATED_MARK' });
    }
  });
  it('rejects any other mark, naming the path', () => {
    const r = safeParseRuleSet(ruleSet('probable'));
    expect(r.success).toBe(false);
    expect(r.success ? [] : r.issues.map((issue) => issue.path)).toEqual(['parameters[0].provenance.mark']);
  });
});
