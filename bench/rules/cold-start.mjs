// Cold start of our rules engine, run in a fresh `node` process by bench/rules.bench.ts:
//   node cold-start.mjs <engine module (dist/rules/index.js)> <rule set JSON file>
// Prints one JSON line: the times (ms) of import, parseRuleSet, compile and the first evaluation,
// plus `start` = performance.now() before the import (Node's own bootstrap, since process start) and
// `cpu` = CPU time of the measured section (less sensitive than wall time to a loaded machine).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [enginePath, rulesPath] = process.argv.slice(2);
const text = readFileSync(rulesPath, 'utf8');
const application = {
  legalForm: 'SAS',
  headcount: 42,
  turnover: 3_000_000,
  region: '32',
  creationDate: '2019-05-14',
  filingDate: '2025-03-03',
  projectStartDate: '2025-06-01',
  budget: 120_000,
  requested: 50_000,
  obligationsUpToDate: true,
  inDifficulty: false,
  sector: 'C',
};

const c0 = process.cpuUsage();
const t0 = performance.now();
const { compile, parseRuleSet } = await import(pathToFileURL(enginePath).href);
const t1 = performance.now();
const ruleSet = parseRuleSet(JSON.parse(text));
const t1b = performance.now();
const evaluator = compile(ruleSet);
const t2 = performance.now();
const { verdict } = evaluator.evaluate(application);
const t3 = performance.now();
const cpu = process.cpuUsage(c0);
process.stdout.write(
  `${JSON.stringify({ verdict, start: t0, import: t1 - t0, parse: t1b - t1, compile: t2 - t1b, evaluate: t3 - t2, total: t3 - t0, cpu: (cpu.user + cpu.system) / 1000 })}\n`,
);
