import { afterEach, describe, expect, it } from 'vitest';
import {
  createCkanClient,
  createGeoApiClient,
  HttpError,
  isResponseValidationError,
} from '../../src/opendata/index.js';
import { sendJson, startServer, type TestServer } from './_server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const fast = { retries: 2, minDelay: 1, maxDelay: 5 };

function ckanRoutes(records: number) {
  return startServer([
    (_req, res, url) => {
      const q = url.searchParams;
      const ok = (result: unknown) =>
        sendJson(res, 200, { help: 'https://x/api/3/action/help_show', success: true, result });
      switch (url.pathname) {
        case '/api/3/action/package_search': {
          const rows = Number(q.get('rows') ?? 10);
          const start = Number(q.get('start') ?? 0);
          const all = Array.from({ length: 25 }, (_, i) => ({
            id: `id-${i}`,
            name: `ds-${i}`,
            title: `Dataset ${i}`,
          }));
          ok({ count: all.length, results: all.slice(start, start + rows) });
          return true;
        }
        case '/api/3/action/package_show':
          if (q.get('id') === 'ds-1')
            ok({ id: 'id-1', name: 'ds-1', resources: [{ id: 'r1', format: 'CSV' }] });
          else
            sendJson(res, 404, {
              help: 'h',
              success: false,
              error: { __type: 'Not Found Error', message: 'Not found' },
            });
          return true;
        case '/api/3/action/datastore_search': {
          if (q.get('resource_id') !== 'r1') {
            sendJson(res, 409, {
              help: 'h',
              success: false,
              error: { __type: 'Validation Error', resource_id: ['Not found: Resource'] },
            });
            return true;
          }
          const limit = Number(q.get('limit') ?? 100);
          const offset = Number(q.get('offset') ?? 0);
          const rows = [];
          for (let i = offset; i < Math.min(records, offset + limit); i++) rows.push({ _id: i + 1, v: i });
          ok({
            resource_id: 'r1',
            fields: [
              { id: '_id', type: 'int' },
              { id: 'v', type: 'int' },
            ],
            records: rows,
            total: records,
          });
          return true;
        }
      }
      return false;
    },
  ]);
}

describe('CKAN Action API', () => {
  it('searches, iterates and shows packages', async () => {
    server = await ckanRoutes(0);
    const ckan = createCkanClient({ baseUrl: server.url, retry: fast });
    const page = await ckan.packageSearch({ q: 'formation', rows: 10 });
    expect(page.count).toBe(25);
    expect(page.results).toHaveLength(10);
    const names: string[] = [];
    for await (const p of ckan.iteratePackages({ pageSize: 10 })) names.push(p.name);
    expect(new Set(names).size).toBe(25);
    expect((await ckan.packageShow('ds-1'))?.resources?.[0]?.id).toBe('r1');
    expect(await ckan.packageShow('nope')).toBeNull();
  });

  it('iterates a DataStore resource and parses the error envelope', async () => {
    server = await ckanRoutes(2_345);
    const ckan = createCkanClient({ baseUrl: server.url, retry: fast });
    let n = 0;
    for await (const r of ckan.iterateDatastore('r1', { pageSize: 500 })) n += r._id === n + 1 ? 1 : 0;
    expect(n).toBe(2_345);
    const error = await ckan.datastoreSearch('missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(409);
    expect((error as HttpError).apiCode).toBe('Validation Error');
    expect((error as HttpError).apiMessage).toContain('Not found: Resource');
  });
});

describe('geo.api.gouv.fr', () => {
  const geoServer = () =>
    startServer([
      (_req, res, url) => {
        const q = url.searchParams;
        if (url.pathname === '/communes/59350') {
          sendJson(res, 200, { nom: 'Lille', code: '59350', codeEpci: '200093201' });
          return true;
        }
        if (url.pathname === '/communes/00000') {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('Not Found');
          return true;
        }
        if (url.pathname === '/communes/99999') {
          sendJson(res, 200, { name: 'drifted', code: 99999 });
          return true;
        }
        if (url.pathname === '/communes') {
          if (
            q.get('geometry') === 'contour' &&
            q.get('format') === 'geojson' &&
            ![...q.keys()].some((k) => ['nom', 'codePostal', 'lat', 'codeDepartement'].includes(k))
          ) {
            res.writeHead(400, { 'content-type': 'text/plain' });
            res.end('Le calcul de contours sans filtre est interdit');
            return true;
          }
          if (q.get('lat') === '50.63' && q.get('lon') === '3.06')
            sendJson(res, 200, [{ code: '59350', nom: 'Lille' }]);
          else sendJson(res, 200, [{ code: '59350', nom: 'Lille', codesPostaux: ['59000'] }]);
          return true;
        }
        if (url.pathname === '/epcis/200093201') {
          // Like the API: `fields` replaces the default list.
          const fields = (q.get('fields') ?? 'nom,code,codesDepartements,codesRegions,population').split(',');
          const full: Record<string, unknown> = {
            nom: 'Métropole Européenne de Lille',
            code: '200093201',
            codesDepartements: ['59'],
            codesRegions: ['32'],
            population: 1,
            contour: { type: 'Polygon', coordinates: [] },
          };
          sendJson(res, 200, Object.fromEntries(fields.filter((f) => f in full).map((f) => [f, full[f]])));
          return true;
        }
        if (url.pathname === '/regions/32/departements') {
          sendJson(res, 200, [
            { nom: 'Aisne', code: '02', codeRegion: '32' },
            { nom: 'Nord', code: '59', codeRegion: '32' },
          ]);
          return true;
        }
        return false;
      },
    ]);

  it('looks up communes by code, coordinates, name and postal code', async () => {
    server = await geoServer();
    const geo = createGeoApiClient({ baseUrl: server.url, retry: fast });
    expect(await geo.commune('59350', { fields: ['nom', 'code', 'codeEpci'] })).toEqual({
      nom: 'Lille',
      code: '59350',
      codeEpci: '200093201',
    });
    expect(server.requests[0]).toBe('/communes/59350?fields=nom%2Ccode%2CcodeEpci');
    expect(await geo.commune('00000')).toBeNull();
    expect(await geo.communesAt(50.63, 3.06, { fields: ['code', 'nom'] })).toEqual([
      { code: '59350', nom: 'Lille' },
    ]);
    expect((await geo.communesByPostalCode('59000'))[0]?.codesPostaux).toEqual(['59000']);
    expect(await geo.communesByName('Lille')).toHaveLength(1);
    expect(server.requests.at(-1)).toContain('boost=population');
    expect((await geo.departements({ codeRegion: '32' })).map((d) => d.code)).toEqual(['02', '59']);
  });

  it('departements({codeRegion, nom}) filters by nom client-side (ignored upstream)', async () => {
    server = await geoServer();
    const geo = createGeoApiClient({ baseUrl: server.url, retry: fast });
    expect(await geo.departements({ codeRegion: '32', nom: 'nord' })).toEqual([
      { nom: 'Nord', code: '59', codeRegion: '32' },
    ]);
    expect(await geo.departements({ codeRegion: '32', nom: 'Gironde' })).toEqual([]);
    expect(server.requests.every((r) => !r.includes('nom='))).toBe(true);
  });

  it('epci(siren, {geometry}) keeps codesDepartements and codesRegions', async () => {
    server = await geoServer();
    const geo = createGeoApiClient({ baseUrl: server.url, retry: fast });
    const epci = await geo.epci('200093201', { geometry: 'contour' });
    expect(epci?.codesDepartements).toEqual(['59']);
    expect(epci?.codesRegions).toEqual(['32']);
    expect(epci?.contour).toBeDefined();
  });

  it('parses plain-text errors and detects schema drift', async () => {
    server = await geoServer();
    const geo = createGeoApiClient({ baseUrl: server.url, retry: fast });
    const error = await geo.communesGeoJson({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    expect((error as HttpError).apiMessage).toBe('Le calcul de contours sans filtre est interdit');
    const drift = await geo.commune('99999').catch((e: unknown) => e);
    expect(isResponseValidationError(drift)).toBe(true);
    expect((drift as { issues: { path: unknown[] }[] }).issues.map((i) => i.path)).toEqual([
      ['nom'],
      ['code'],
    ]);
  });
});
