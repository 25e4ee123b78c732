/**
 * Compile time of a 10 MB rule file (issue 12, item 7): a generated rule file of about 10 MB, within
 * every limit (2,000 criteria with long bilingual labels and quoted sources, ~40,000 expression nodes),
 * goes from text to evaluator: `safeParseRuleSetJson` (byte/depth/node scan of the text, `JSON.parse`,
 * zod schema) then `compile`. Each step is timed separately (median of several runs) with the heap it
 * keeps. Goal: text → evaluator in under 5 s (the time allowed to refuse a hostile file).
 */
import { compile, MAX_RULESET_BYTES, safeParseRuleSetJson } from '../src/rules/index.js';
import type { Scenario } from './_harness.js';
import { fmt, heapMB } from './_harness.js';

const GOAL_MS = 5000;

/** A rule file of about `targetBytes`, valid and compilable. */
export function generateRuleFile(targetBytes: number): string {
  const criteria: unknown[] = [];
  const parameters = [
    { name: 'threshold', value: 1000, provenance: { mark: 'assumption', justification: 'bench' } },
    {
      name: 'kinds',
      value: ['a', 'b', 'c', 'd'],
      provenance: { mark: 'assumption', justification: 'bench' },
    },
  ];
  const filler = (seed: number, length: number) =>
    `Critère ${seed} — ${'texte d’un règlement d’intervention, '.repeat(Math.ceil(length / 38))}`.slice(
      0,
      length,
    );
  let bytes = 400;
  for (let index = 0; bytes < targetBytes; index++) {
    const criterion = {
      id: `c${index}`,
      label: { fr: filler(index, 1200), en: filler(index, 1200) },
      source: {
        ref: `Règlement, article ${index}`,
        url: `https://example.org/r/${index}`,
        quote: filler(index, 2400),
      },
      when: {
        all: [
          { '>=': [{ field: `group${index % 50}.amount` }, { param: 'threshold' }] },
          { in: [{ field: `group${index % 50}.kind` }, { param: 'kinds' }] },
          { any: [{ '<': [{ field: 'total' }, index] }, { '==': [{ field: 'flag' }, true] }] },
        ],
      },
    };
    const text = JSON.stringify(criterion);
    bytes += Buffer.byteLength(text) + 1;
    criteria.push(criterion);
  }
  return JSON.stringify({
    format: 'cprdfop.ruleset/1',
    id: 'bench-10mb',
    version: '1',
    title: { fr: 'Banc d’essai : fichier de règles de 10 Mo', en: 'Benchmark: 10 MB rule file' },
    validFrom: '2025-01-01',
    parameters,
    criteria,
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const scenario: Scenario = {
  name: 'Rules: compile a 10 MB rule file',
  issue: 12,
  async run({ smoke }) {
    const text = generateRuleFile(smoke ? 1_000_000 : 10_000_000);
    const size = Buffer.byteLength(text);
    if (size > MAX_RULESET_BYTES) throw new Error(`generated file too large: ${size}`);
    const runs = smoke ? 1 : 5;
    const parseTimes: number[] = [];
    const compileTimes: number[] = [];
    let criteriaCount = 0;
    let heapKept = 0;
    for (let run = 0; run < runs; run++) {
      const heapBefore = heapMB();
      const start = performance.now();
      const parsed = safeParseRuleSetJson(text);
      const parsedAt = performance.now();
      if (!parsed.success)
        throw new Error(`invalid generated rule file: ${JSON.stringify(parsed.issues[0])}`);
      const evaluator = compile(parsed.data);
      const compiledAt = performance.now();
      parseTimes.push(parsedAt - start);
      compileTimes.push(compiledAt - parsedAt);
      criteriaCount = parsed.data.criteria.length;
      const explanation = evaluator.evaluate({ total: 1 }, { asOf: '2025-06-01' });
      if (explanation.criteria.length !== criteriaCount) throw new Error('evaluation lost criteria');
      heapKept = Math.max(heapKept, heapMB() - heapBefore);
    }
    const parseMs = median(parseTimes);
    const compileMs = median(compileTimes);
    const totalMs = parseMs + compileMs;
    return {
      tasks: [
        {
          name: 'safeParseRuleSetJson (scan + JSON.parse + schema)',
          medianMs: parseMs,
          note: `${fmt(parseMs, 1)} ms; ${fmt(size / 1e6, 1)} MB, ${fmt(criteriaCount)} criteria`,
        },
        { name: 'compile', medianMs: compileMs, note: `${fmt(compileMs, 1)} ms` },
        {
          name: 'text → evaluator',
          medianMs: totalMs,
          note: `${fmt(totalMs, 1)} ms; heap kept after a full GC ≈ ${fmt(heapKept, 1)} MB`,
        },
      ],
      ratios: [`compile / parse = ${fmt(compileMs / parseMs, 2)}×`],
      goals: [
        {
          goal: `10 MB rule file: text → evaluator < ${GOAL_MS} ms`,
          measured: `${fmt(totalMs)} ms`,
          met: totalMs < GOAL_MS,
        },
      ],
      notes: ['Median of 5 runs in one process; times in ms (the median column shows µs).'],
    };
  },
};
