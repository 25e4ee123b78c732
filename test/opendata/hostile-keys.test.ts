/**
 * Values named like Object.prototype's members (`constructor`, `toString`…) and values whose
 * `String()` or `JSON.stringify` throws (`{ toString: false }`, `10n`) reaching the open-data client:
 * a field type sent by an API, a contours spec, an ODSQL field name, the part named by a size error.
 * Each gives a plain value or the function's typed error naming the value, never a TypeError.
 */
import { describe, expect, it } from 'vitest';
import { CprdfopError } from '../../src/errors.js';
import {
  checkContoursSpec,
  contoursPath,
  createOdsClient,
  odsqlIdentifier,
  ResponseTooLargeError,
} from '../../src/opendata/index.js';

const hostile = { toString: false } as never;

/** The error `fn` throws (fails the test when it throws none). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('ODS field types named like prototype members', () => {
  it('maps a field type "constructor" or "toString" to valueType "unknown"', async () => {
    const body = {
      dataset_id: 'demo',
      fields: [
        { name: 'a', type: 'int' },
        { name: 'b', type: 'weird' },
        { name: 'c', type: 'constructor' },
        { name: 'd', type: 'toString' },
        { name: 'e', type: '__proto__' },
        { name: 'f', type: 'hasOwnProperty' },
      ],
    };
    const fakeFetch = (async () =>
      new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      })) as typeof fetch;
    const ods = createOdsClient({
      baseUrl: 'https://ods.invalid/api/explore/v2.1',
      fetch: fakeFetch,
      cache: false,
    });
    const dataset = await ods.getDataset('demo');
    expect(dataset?.fields.map((f) => [f.name, f.valueType])).toEqual([
      ['a', 'number'],
      ['b', 'unknown'],
      ['c', 'unknown'],
      ['d', 'unknown'],
      ['e', 'unknown'],
      ['f', 'unknown'],
    ]);
  });
});

describe('contours specs with hostile values', () => {
  const base = { year: 2026, layer: 'communes', resolution: '100m' } as const;

  it('refuses a hostile year, layer, resolution or region with E_CONTOURS_SPEC naming it', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ year: hostile }, 'year {"toString":false}', 'année des contours {"toString":false} invalide'],
      [{ year: 10n }, 'year 10n', 'année des contours 10n invalide'],
      [{ year: 2026n }, 'year 2026n', 'année des contours 2026n invalide'],
      [{ layer: 10n }, 'layer 10n', 'couche des contours 10n invalide'],
      [{ layer: 'constructor' }, 'layer "constructor"', 'couche des contours "constructor" invalide'],
      [
        { resolution: hostile },
        'resolution {"toString":false}',
        'résolution des contours {"toString":false} invalide',
      ],
      [{ region: hostile }, 'region {"toString":false}', 'région des contours {"toString":false} invalide'],
      [{ region: 32 }, 'region 32', 'région des contours 32 invalide'],
    ];
    for (const [edit, en, fr] of cases) {
      const error = thrown(() => checkContoursSpec({ ...base, ...edit } as never));
      expect(error, en).toBeInstanceOf(CprdfopError);
      expect((error as CprdfopError).code).toBe('E_CONTOURS_SPEC');
      expect((error as CprdfopError).messages.en).toContain(`invalid contours ${en}: expected`);
      expect((error as CprdfopError).messages.fr).toContain(`${fr}\u00a0:`);
    }
    const path = thrown(() => contoursPath({ ...base, year: hostile, cacheDir: '/tmp/x' }));
    expect((path as CprdfopError).code).toBe('E_CONTOURS_SPEC');
    // still accepted: a year as a number or a text
    expect(() => checkContoursSpec({ ...base, year: '2026', region: '32' })).not.toThrow();
  });

  it('never lets an object whose toString changes reach the path', () => {
    let calls = 0;
    const shifty = { toString: () => (calls++ === 0 ? '2026' : '../../etc') } as never;
    expect((thrown(() => contoursPath({ ...base, year: shifty, cacheDir: '/c' })) as CprdfopError).code).toBe(
      'E_CONTOURS_SPEC',
    );
  });
});

describe('odsqlIdentifier with a hostile name', () => {
  it('refuses a name that is not a string with E_ODSQL_IDENTIFIER naming it', () => {
    for (const [value, shown] of [
      [hostile, '{"toString":false}'],
      [10n, '10n'],
      [Object.create(null), '{}'],
    ] as const) {
      const error = thrown(() => odsqlIdentifier(value as never));
      expect(error).toBeInstanceOf(CprdfopError);
      expect((error as CprdfopError).code).toBe('E_ODSQL_IDENTIFIER');
      expect((error as CprdfopError).messages.en).toBe(
        `invalid ODSQL field name ${shown}: a string is expected`,
      );
      expect((error as CprdfopError).messages.fr).toBe(
        `nom de champ ODSQL invalide ${shown}\u00a0: un texte est attendu`,
      );
    }
    expect(odsqlIdentifier('constructor').odsql).toBe('`constructor`');
  });
});

describe('ResponseTooLargeError naming a part like a prototype member', () => {
  it('tells what="constructor" as given, not as Object’s constructor', () => {
    const error = new ResponseTooLargeError('https://x.test/', 1, 'constructor');
    expect(error.messages.fr).toBe(
      'constructor de https://x.test/\u00a0: taille maximale de 1 octets dépassée (décodé)',
    );
    expect(error.messages.en).toBe(
      'constructor from https://x.test/ exceeds the maximum size of 1 bytes (decoded)',
    );
    expect(new ResponseTooLargeError('https://x.test/', 1, 'toString').messages.fr).toMatch(/^toString de /);
    expect(new ResponseTooLargeError('https://x.test/', 1).messages.fr).toMatch(/^la réponse de /);
  });

  it('never throws on hostile arguments from an untyped caller', () => {
    const error = new ResponseTooLargeError(hostile, 10n as never, hostile);
    expect(error.messages.en).toBe(
      '{"toString":false} from {"toString":false} exceeds the maximum size of 10n bytes (decoded)',
    );
  });
});
