/**
 * Issue #16: the HTTP API under load (autocannon on loopback, 64 connections) and batch screening from
 * CSV to CSV. Goals: POST /v1/check ≥ 0.5× GET /healthz of the same server in the same run, p99
 * reported, zero non-2xx on valid input; screening ≥ 20 000 applications/s end to end.
 *
 * The load generator runs in the same process as the server (one core is shared by both), so absolute
 * numbers are lower than with a separate client; the ratio compares like with like.
 */
import autocannon from 'autocannon';
import { applyMapping, type RowResult, readCsv, resultsCsv, screenRow } from '../src/screen/index.js';
import { check } from '../src/server/adapters.js';
import { loadRuleSets, startServer } from '../src/server/index.js';
import { itieApplication } from '../test/_helpers/itieApplication.js';
import type { RunOptions, Scenario, ScenarioResult } from './_harness.js';
import { fmt } from './_harness.js';

const APPLICATION = itieApplication('Mobilité vers l’emploi en Thiérache');

/** One autocannon run, with the process CPU time (user + system, µs) per request of the whole process. */
async function load(
  url: string,
  duration: number,
  post: boolean,
): Promise<autocannon.Result & { cpuPerRequestUs: number }> {
  const cpuStarted = process.cpuUsage();
  const result = await autocannon({
    url,
    connections: 64,
    duration,
    ...(post
      ? { method: 'POST', body: JSON.stringify(APPLICATION), headers: { 'content-type': 'application/json' } }
      : {}),
  });
  const cpu = process.cpuUsage(cpuStarted);
  return Object.assign(result, {
    cpuPerRequestUs: (cpu.user + cpu.system) / Math.max(1, result.requests.total),
  });
}

const MAPPING = {
  format: 'cprdfop.screen-mapping/1' as const,
  idColumn: 'id',
  listSeparator: ';',
  decimalSeparator: '.' as const,
  fields: {
    title: { column: 'title', type: 'string' as const },
    'carrier.legalForm': { column: 'legalForm', type: 'string' as const },
    'partners[].type': { column: 'partnerTypes', type: 'list' as const },
    'territory.epcis': { column: 'epcis', type: 'list' as const },
    publics: { column: 'publics', type: 'list' as const },
    themes: { column: 'themes', type: 'list' as const },
    'budget.total': { column: 'budgetTotal', type: 'number' as const },
    'budget.requested': { column: 'budgetRequested', type: 'number' as const },
    'schedule.start': { column: 'start', type: 'string' as const },
    'schedule.end': { column: 'end', type: 'string' as const },
    submittedOn: { column: 'submittedOn', type: 'string' as const },
  },
};

/** Screening end to end: CSV text → rows → verdicts → CSV text. */
function screenCsv(rows: number): {
  perSecond: number;
  cpuPerSecond: number;
  enginePerSecond: number;
  invalid: number;
} {
  const lines = [
    'id,title,legalForm,partnerTypes,epcis,publics,themes,budgetTotal,budgetRequested,start,end,submittedOn',
  ];
  for (let index = 0; index < rows; index++) {
    const theme = index % 20 === 3 ? 'cuisine' : ['mobilite', 'formation', 'recrutement'][index % 3];
    lines.push(
      `A${index},Projet ${index},association,epci;service-public-emploi,240200600,demandeurs-emploi-longue-duree,${theme},${50000 + index},${20000 + (index % 5000)},2023-09-01,2024-08-31,2023-04-03`,
    );
  }
  const text = lines.join('\n');
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const read = readCsv(text, 'bench.csv');
  const results: RowResult[] = read.rows.map((row, position) => screenRow(row, position + 1, MAPPING, {}));
  const out = resultsCsv(results, { delimiter: ',', bom: false });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  if (results.length !== rows || out.length === 0) throw new Error('rows lost');
  // The ceiling set by the engine: the same applications through checkApplication alone.
  const applications = read.rows.map((row) => applyMapping(row.cells!, MAPPING).application);
  const engineStarted = performance.now();
  for (const application of applications) check(application, {});
  const engineSeconds = (performance.now() - engineStarted) / 1000;
  return {
    perSecond: rows / seconds,
    // Process CPU time (user + system): on a shared machine, the rate the pipeline itself allows.
    cpuPerSecond: rows / ((cpu.user + cpu.system) / 1e6),
    enginePerSecond: rows / engineSeconds,
    invalid: results.filter((result) => result.status === 'invalid').length,
  };
}

async function run(options: RunOptions): Promise<ScenarioResult> {
  const duration = options.smoke ? 1 : 5;
  const server = await startServer({ port: 0, ruleSets: loadRuleSets(), version: 'bench' });
  let health: Awaited<ReturnType<typeof load>>;
  let check: Awaited<ReturnType<typeof load>>;
  try {
    await load(`${server.url}/v1/check`, 1, true); // warm-up
    health = await load(`${server.url}/healthz`, duration, false);
    check = await load(`${server.url}/v1/check`, duration, true);
  } finally {
    await server.close();
  }
  const ratio = check.requests.average / health.requests.average;
  const screening = screenCsv(options.smoke ? 2000 : 50_000);
  const bad = (result: autocannon.Result) => result.non2xx + result.errors + result.timeouts;
  return {
    tasks: [
      {
        name: 'GET /healthz (64 connections)',
        opsPerSec: health.requests.average,
        note: `p99 ${health.latency.p99} ms, non-2xx ${health.non2xx}, ${fmt(health.cpuPerRequestUs, 0)} µs CPU/request`,
      },
      {
        name: 'POST /v1/check (64 connections)',
        opsPerSec: check.requests.average,
        note: `p99 ${check.latency.p99} ms, non-2xx ${check.non2xx}, ${fmt(check.cpuPerRequestUs, 0)} µs CPU/request`,
      },
      {
        name: 'screen CSV → CSV',
        opsPerSec: screening.perSecond,
        note: `${screening.invalid} invalid rows reported; ${fmt(screening.cpuPerSecond)}/s by process CPU time`,
      },
      { name: 'checkApplication alone, same rows (ceiling)', opsPerSec: screening.enginePerSecond },
    ],
    ratios: [
      `POST /v1/check / GET /healthz = ${fmt(ratio, 2)}×`,
      `by process CPU time per request (server and load generator): ${fmt(health.cpuPerRequestUs / check.cpuPerRequestUs, 2)}×`,
    ],
    goals: [
      { goal: 'POST /v1/check ≥ 0.5× GET /healthz', measured: `${fmt(ratio, 2)}×`, met: ratio >= 0.5 },
      {
        goal: 'zero non-2xx, errors or timeouts on valid input',
        measured: `healthz ${bad(health)}, check ${bad(check)}`,
        met: bad(health) + bad(check) === 0,
      },
      { goal: 'p99 latency of POST /v1/check reported', measured: `${check.latency.p99} ms`, met: true },
      {
        goal: 'screening ≥ 20 000 applications/s CSV → CSV',
        measured: `${fmt(screening.perSecond)}/s wall clock (${fmt(screening.cpuPerSecond)}/s by process CPU time)`,
        met: screening.perSecond >= 20_000,
      },
    ],
  };
}

export const scenario: Scenario = { name: 'HTTP API and batch screening', issue: 16, run };
