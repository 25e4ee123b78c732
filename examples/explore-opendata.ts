/**
 * Explores an Opendatasoft portal with `cprdfop/opendata`: search the catalog, read a dataset's
 * fields, then iterate every record (transparent paging) with a typed, validated schema.
 *
 *   npm run example:opendata            # offline: a local fixture server on 127.0.0.1
 *   npm run example:opendata -- --live  # the Île-de-France portal (needs the internet)
 *
 * The fixture answers in the documented Explore v2.1 shapes (catalog, dataset, records with the
 * 10,000-record window); its records are the Hauts-de-France communes of `cprdfop/territory`.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOdsClient, odsql, odsqlIdentifier, PRESETS } from 'cprdfop/opendata';
import { communes } from 'cprdfop/territory';
import { z } from 'zod';

const here = dirname(fileURLToPath(import.meta.url));
const live = process.argv.includes('--live');

/** A local server replaying the documented response shapes. */
async function startFixtureServer(): Promise<{ server: Server; baseUrl: string }> {
  const catalog = JSON.parse(readFileSync(join(here, 'fixtures/ods-catalog.json'), 'utf8')) as {
    results: Array<{ dataset_id: string }>;
  };
  const records = communes().map((c) => ({
    code_insee: c.code,
    nom: c.name,
    departement: c.departement,
    population: c.population,
  }));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = url.pathname.replace(/^\/api\/explore\/v2\.1/, '');
    if (path === '/catalog/datasets') return send(200, catalog);
    const dataset = /^\/catalog\/datasets\/([^/]+)(\/records)?$/.exec(path);
    const meta = dataset && catalog.results.find((d) => d.dataset_id === dataset[1]);
    if (!dataset || !meta) return send(404, { error_code: 'NotFound', message: `Unknown dataset: ${path}` });
    if (!dataset[2]) return send(200, meta);
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    if (limit > 100 || offset + limit > 10_000) {
      return send(400, {
        error_code: 'InvalidRESTParameterError',
        message: `Invalid value for limit API parameter: ${limit}`,
      });
    }
    send(200, { total_count: records.length, results: records.slice(offset, offset + limit) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}/api/explore/v2.1` };
}

const fixture = live ? undefined : await startFixtureServer();
const client = createOdsClient({ baseUrl: fixture?.baseUrl ?? PRESETS.ileDeFrance.baseUrl, timeout: 10_000 });
try {
  const { totalCount, datasets } = await client.searchCatalog({ limit: 5 });
  console.log(`Catalog: ${totalCount ?? '?'} datasets`);
  for (const d of datasets) console.log(`  - ${d.id}: ${d.title ?? ''}`);

  if (!live) {
    const dataset = await client.getDataset('communes-hauts-de-france');
    console.log(`Fields: ${dataset?.fields.map((f) => `${f.name} (${f.type})`).join(', ')}`);
    const Commune = z.object({ code_insee: z.string(), nom: z.string(), population: z.number() });
    let count = 0;
    let population = 0;
    for await (const r of client.iterateRecords('communes-hauts-de-france', {
      // 3,782 records fit the 10,000 window: offset paging, every page counted against total_count.
      // (Keyset paging needs a numeric or date key: `code_insee` is text, and ODSQL documents only
      // `=` on text.)
      schema: Commune,
    })) {
      count++;
      population += r.population;
    }
    console.log(`Iterated ${count} communes (population ${population.toLocaleString('en-US')})`);
    const hostile = 'L\'Abergement " OR 1=1 -- `x`';
    console.log(`ODSQL with a hostile value, escaped: ${odsql`${odsqlIdentifier('nom')} = ${hostile}`}`);
  }
} finally {
  fixture?.server.close();
}
