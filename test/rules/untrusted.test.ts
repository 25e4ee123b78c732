import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJsonSafety, scanJsonText } from '../../src/_shared/jsonSafety.js';
import { safeParseApplicationJson } from '../../src/itie/index.js';
import {
  MAX_RULESET_BYTES,
  MAX_RULESET_DEPTH,
  MAX_RULESET_NODES,
  parseRuleSet,
  resolveRuleSet,
  safeParseRuleSet,
  safeParseRuleSetJson,
} from '../../src/rules/index.js';

const base = {
  format: 'cprdfop.ruleset/1',
  id: 'demo',
  version: '1',
  title: { fr: 'Démo', en: 'Demo' },
  validFrom: '2023-01-01',
};
const criterion = (id: string) => ({ id, label: { fr: id, en: id }, when: true });
const parameter = (name: string, value: number) => ({
  name,
  value,
  provenance: { mark: 'assumption' as const, justification: 'test' },
});

/**
 * The reference: node count, depth and whether a key could reach a prototype (`__proto__`,
 * `constructor`, `prototype`, which the walker refuses anywhere) — recursive, small inputs only.
 */
function reference(value: unknown, depth = 0): { nodes: number; depth: number; forbiddenKey: boolean } {
  if (value === null || typeof value !== 'object') return { nodes: 1, depth, forbiddenKey: false };
  const children = Array.isArray(value) ? value : Object.values(value);
  let forbiddenKey = !Array.isArray(value) && Object.keys(value).some((key) => PROTOTYPE_KEYS.has(key));
  let nodes = 1;
  let deepest = depth;
  for (const child of children) {
    const r = reference(child, depth + 1);
    nodes += r.nodes;
    deepest = Math.max(deepest, r.depth);
    forbiddenKey ||= r.forbiddenKey;
  }
  return { nodes, depth: deepest, forbiddenKey };
}
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

describe('limits enforced while reading the text', () => {
  it('the text scan agrees with the parsed value on random JSON (node count and depth limits)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.nat(40), fc.nat(8), (value, maxNodes, maxDepth) => {
        const text = JSON.stringify(value, null, maxNodes % 2 ? 2 : undefined);
        const { nodes, depth, forbiddenKey } = reference(value);
        const scanned = scanJsonText(text, { maxBytes: 1e9, maxNodes, maxDepth });
        const walked = checkJsonSafety(value, { maxNodes, maxDepth });
        const refused = nodes > maxNodes || depth > maxDepth;
        // The text scan counts and measures only; the walker also refuses prototype keys.
        expect(scanned !== undefined).toBe(refused);
        expect(walked !== undefined).toBe(refused || forbiddenKey);
      }),
      { numRuns: 400 },
    );
  });
  it('a prototype key within the limits is refused by the walker, not by the text scan (fast-check found this case)', () => {
    const value = [{ prototype: false }, 2, 1];
    const limits = { maxNodes: 40, maxDepth: 8 };
    expect(scanJsonText(JSON.stringify(value), { maxBytes: 1e9, ...limits })).toBeUndefined();
    expect(checkJsonSafety(value, limits)).toBeDefined();
  });
  it('counts UTF-8 bytes, not characters', () => {
    const text = JSON.stringify('é'.repeat(60));
    expect(text.length).toBe(62);
    expect(scanJsonText(text, { maxBytes: 100, maxDepth: 4, maxNodes: 4 })?.message).toMatch(
      /larger than 100 bytes/,
    );
    expect(scanJsonText(text, { maxBytes: 122, maxDepth: 4, maxNodes: 4 })).toBeUndefined();
  });
  it('names the path reached when a limit is passed', () => {
    const text = JSON.stringify({ criteria: [{ when: { all: [[[[1]]]] } }] });
    expect(scanJsonText(text, { maxBytes: 1e6, maxDepth: 6, maxNodes: 100 })).toEqual({
      path: 'criteria[0].when.all[0][0][0]',
      message: 'nested deeper than 6 levels',
      messages: { fr: 'imbriqué sur plus de 6 niveaux', en: 'nested deeper than 6 levels' },
    });
  });
  it('refuses a rule file beyond the byte, depth or node limit before parsing it', () => {
    const huge = ' '.repeat(MAX_RULESET_BYTES + 1);
    const r1 = safeParseRuleSetJson(huge);
    expect(r1.success ? '' : r1.issues[0]!.message).toMatch(/^larger than 16777216 bytes \(16 MiB\)/);
    const deep = safeParseRuleSetJson(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    expect(deep.success ? '' : deep.issues[0]!.message).toBe(
      `nested deeper than ${MAX_RULESET_DEPTH} levels`,
    );
    const many = safeParseRuleSetJson(`[${'[],'.repeat(MAX_RULESET_NODES)}[]]`);
    expect(many.success ? '' : many.issues[0]!.message).toBe(`more than ${MAX_RULESET_NODES} JSON values`);
    const broken = safeParseRuleSetJson('{"format": ');
    expect(broken.success ? '' : broken.issues[0]!.message).toMatch(/^invalid JSON/);
    expect(safeParseRuleSetJson(JSON.stringify(base)).success).toBe(true);
  });
  it('refuses an oversized parsed array before visiting its items', () => {
    const items = new Array(MAX_RULESET_NODES + 1).fill(0);
    const r = safeParseRuleSet({ ...base, examples: items });
    expect(r.success ? '' : r.issues[0]).toEqual({
      path: 'examples',
      message: `more than ${MAX_RULESET_NODES} nodes`,
      messages: { fr: `plus de ${MAX_RULESET_NODES} nœuds`, en: `more than ${MAX_RULESET_NODES} nodes` },
    });
  });
  it('refuses an application beyond 1 MiB, with code unsafe', () => {
    const communes = new Array(200_000).fill('59350');
    const r = safeParseApplicationJson(JSON.stringify({ territory: { communes } }));
    expect(r.success ? null : r.issues[0]).toMatchObject({ code: 'unsafe', path: '' });
    expect(r.success ? '' : r.issues[0]!.message).toMatch(/^larger than 1048576 bytes \(1 MiB\)/);
    const ok = safeParseApplicationJson('{"themes":["mobilite"]}');
    expect(ok.success).toBe(true);
  });
});

describe('hostile content', () => {
  it('source.url is http(s) only', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<b>x</b>',
      'ftp://a.fr/x',
      'vbscript:x',
    ]) {
      const r = safeParseRuleSet({ ...base, criteria: [{ ...criterion('a'), source: { ref: 'x', url } }] });
      expect(r.success ? '' : r.issues[0]).toEqual({
        path: 'criteria[0].source.url',
        message: 'an http(s) URL',
        messages: { fr: 'une URL http(s)', en: 'an http(s) URL' },
      });
    }
    for (const url of ['https://www.hautsdefrance.fr/x', 'http://example.org/a?b=1']) {
      expect(
        safeParseRuleSet({ ...base, criteria: [{ ...criterion('a'), source: { ref: 'x', url } }] }).success,
      ).toBe(true);
    }
  });
  it('duplicate criterion ids, parameter names, removed ids and example names are errors', () => {
    const r = safeParseRuleSet({
      ...base,
      parameters: [parameter('p', 1), parameter('q', 1), parameter('p', 2)],
      criteria: [criterion('a'), criterion('a')],
    });
    expect(r.success ? [] : r.issues).toMatchObject([
      { path: 'parameters[2]', message: 'duplicate parameter "p" (first at parameters[0])' },
      { path: 'criteria[1]', message: 'duplicate criterion id "a" (first at criteria[0])' },
    ]);
    const examples = safeParseRuleSet({
      ...base,
      examples: [
        { name: 'x', application: {}, verdict: 'undetermined' },
        { name: 'x', application: {}, verdict: 'undetermined' },
      ],
    });
    expect(examples.success ? [] : examples.issues.map((i) => i.path)).toEqual(['examples[1]']);
  });
  it('an overlay with a duplicate id or parameter is refused (the last no longer silently wins)', () => {
    const baseSet = parseRuleSet({ ...base, parameters: [parameter('p', 1)], criteria: [criterion('a')] });
    const overlay = {
      ...base,
      id: 'other',
      extends: 'demo@1',
      parameters: [parameter('p', 2), parameter('p', 3)],
      criteria: [criterion('a'), { ...criterion('a'), when: false }],
      remove: [],
    };
    const r = safeParseRuleSet(overlay);
    expect(r.success ? [] : r.issues.map((i) => i.message)).toEqual([
      'duplicate parameter "p" (first at parameters[0])',
      'duplicate criterion id "a" (first at criteria[0])',
    ]);
    const dupRemove = safeParseRuleSet({ ...overlay, parameters: [], criteria: [], remove: ['a', 'a'] });
    expect(dupRemove.success ? [] : dupRemove.issues).toMatchObject([
      { path: 'remove[1]', message: 'duplicate removed criterion "a" (first at remove[0])' },
    ]);
    // A RuleSet value built in code (never parsed) is checked by resolveRuleSet too.
    const built = {
      ...parseRuleSet({ ...overlay, parameters: [], criteria: [] }),
      criteria: overlay.criteria,
    };
    expect(() => resolveRuleSet(built, [baseSet])).toThrow('criteria[1]: duplicate criterion id "a"');
    const fine = parseRuleSet({ ...overlay, parameters: [parameter('p', 2)], criteria: [criterion('a')] });
    expect(resolveRuleSet(fine, [baseSet]).parameters.map((p) => p.value)).toEqual([2]);
  });
});
