/** The route table of the HTTP API (internal): shared by the app and the tests of its OpenAPI document. */

/**
 * The routes of the API: method, path pattern and the query parameters each takes besides `lang`. A
 * parameter a route does not take (a misspelt `asof`) or one given twice is refused, never ignored for
 * a default; a path served with another method is a 405 naming the methods (`Allow`).
 */
export const ROUTES: readonly { method: 'GET' | 'POST'; path: string; query: readonly string[] }[] = [
  { method: 'GET', path: '/healthz', query: [] },
  { method: 'GET', path: '/openapi.json', query: [] },
  { method: 'GET', path: '/docs', query: [] },
  { method: 'GET', path: '/v1/rulesets', query: [] },
  { method: 'GET', path: '/v1/rulesets/:id', query: [] },
  { method: 'GET', path: '/v1/rulesets/:id/schema', query: [] },
  { method: 'POST', path: '/v1/check', query: ['ruleset', 'asOf'] },
  { method: 'POST', path: '/v1/check/batch', query: ['ruleset', 'asOf'] },
  { method: 'POST', path: '/v1/next-questions', query: ['ruleset', 'asOf', 'limit', 'group'] },
  { method: 'GET', path: '/v1/communes', query: ['q', 'region', 'limit'] },
  { method: 'GET', path: '/v1/communes/:code', query: [] },
  { method: 'GET', path: '/v1/epcis/:siren', query: [] },
  { method: 'GET', path: '/v1/plan', query: [] },
];

/** The pattern of a route path (`:name` is one segment). */
export const routePattern = (path: string): RegExp => new RegExp(`^${path.replace(/:[a-z]+/g, '[^/]+')}$`);
