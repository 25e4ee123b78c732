/**
 * `GET /v1/communes?q=…` on the real server (127.0.0.1, a free port) with query words named like
 * Object.prototype's members: a search answer (200) or a documented problem (4xx), never a 500.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSets, type RunningServer, startServer } from '../../src/server/index.js';
import { CommuneListSchema, ProblemSchema } from '../../src/server/schemas.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, ruleSets: loadRuleSets(), version: '0.0.0-test' });
});
afterAll(async () => {
  await server.close();
});

const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'prototype', 'valueOf', 'hasOwnProperty'];

describe('GET /v1/communes with prototype-named words', () => {
  it('answers q=constructor lille with 200 and a commune list', async () => {
    const response = await fetch(`${server.url}/v1/communes?q=constructor%20lille`);
    expect(response.status).toBe(200);
    expect(CommuneListSchema.parse(await response.json())).toEqual({ communes: [], count: 0 });
  });

  it('never answers 500 to random queries mixing prototype names and st/ste/s. (property)', async () => {
    const word = fc.oneof(
      fc.constantFrom(...PROTO_NAMES, 'st', 'ste', 's.', 'lille', 'quentin'),
      fc.string({ unit: 'grapheme', maxLength: 5 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 4 }), async (words) => {
        const q = words.join(' ');
        const response = await fetch(`${server.url}/v1/communes?q=${encodeURIComponent(q)}&limit=3`);
        const body: unknown = await response.json();
        expect([200, 400], q).toContain(response.status);
        if (response.status === 200) expect(CommuneListSchema.safeParse(body).success, q).toBe(true);
        else expect(ProblemSchema.safeParse(body).success, q).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
