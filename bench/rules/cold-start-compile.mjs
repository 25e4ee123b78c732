// Cold start of `compile` (issue 4), run in a fresh `node` process by bench/rules-cold.bench.ts:
//   node cold-start-compile.mjs <engine module> <rule set JSON file>
// The rule set file is read and JSON-parsed before the clock starts (an app ships it as data); then, timed
// inside the process: import of the engine, `compile` (no `parseRuleSet`: zod is not needed to compile),
// the first evaluation. Prints one JSON line (ms), plus `start` = performance.now() before the import
// (Node's own bootstrap) and `cpu` = CPU time of the measured section.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [enginePath, rulesPath] = process.argv.slice(2);
const ruleSet = JSON.parse(readFileSync(rulesPath, 'utf8'));
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
const { compile } = await import(pathToFileURL(enginePath).href);
const t1 = performance.now();
const evaluator = compile(ruleSet);
const t2 = performance.now();
const { verdict } = evaluator.evaluate(application);
const t3 = performance.now();
const cpu = process.cpuUsage(c0);
process.stdout.write(
  `${JSON.stringify({ verdict, start: t0, import: t1 - t0, compile: t2 - t1, evaluate: t3 - t2, total: t3 - t0, cpu: (cpu.user + cpu.system) / 1000 })}\n`,
);
