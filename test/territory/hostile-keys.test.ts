/**
 * Values named like Object.prototype's members (`constructor`, `__proto__`, `toString`…) and values
 * whose `String()` throws (`{ toString: false }`, `10n` inside JSON) reach the territory layer from
 * users: a search query, a mesh file's unit codes, an XLSX relationship, an option. Each must give a
 * result or the function's typed error naming the value, never a TypeError from a lookup or a message.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/program.js';
import { CprdfopError } from '../../src/errors.js';
import {
  builtinMesh,
  InvalidCodeError,
  MeshError,
  parseMeshCsv,
  parseMeshJson,
  parseMeshXlsx,
  searchCommunes,
} from '../../src/territory/index.js';

const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'prototype', 'valueOf', 'hasOwnProperty'];
const hostile = { toString: false } as never;

describe('searchCommunes with prototype-named words', () => {
  it('answers "constructor lille" and friends without a TypeError', () => {
    for (const name of PROTO_NAMES) {
      for (const q of [`${name} lille`, name, `${name}.`, `lille ${name}`, `${name} ${name} st`]) {
        expect(() => searchCommunes(q, { limit: 2 }), q).not.toThrow();
      }
    }
    expect(searchCommunes('constructor lille')).toEqual([]);
    // the expansions still work
    expect(searchCommunes('st quentin', { limit: 1 })[0]?.code).toBe('02691');
    expect(searchCommunes('s. quentin', { limit: 1 })[0]?.code).toBe('02691');
  });

  it('says a query that is not a text or a limit that is not a number (E_INVALID_OPTION), never a TypeError nor « no commune »', () => {
    const said = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        return error as CprdfopError;
      }
      return undefined;
    };
    for (const [query, shown] of [
      [hostile, '{"toString":false}'],
      [10n, '10n'],
      [Object.create(null), '{}'],
      [undefined, 'undefined'],
    ] as const) {
      const error = said(() => searchCommunes(query as never));
      expect(error).toBeInstanceOf(CprdfopError);
      expect(error?.code).toBe('E_INVALID_OPTION');
      expect(error?.messages.en).toBe(`searchCommunes: the query is a string, not ${shown}`);
      expect(error?.messages.fr).toBe(`searchCommunes\u00a0: la recherche est un texte, pas ${shown}`);
    }
    for (const [limit, shown] of [
      [hostile, '{"toString":false}'],
      [10n, '10n'],
      ['ten', 'ten'],
      [Number.NaN, 'NaN'],
    ] as const) {
      const error = said(() => searchCommunes('lille', { limit: limit as never }));
      expect(error?.code).toBe('E_INVALID_OPTION');
      expect(error?.messages.en).toBe(`searchCommunes: limit is a number, not ${shown}`);
      expect(error?.messages.fr).toBe(`searchCommunes\u00a0: limit est un nombre, pas ${shown}`);
    }
    expect(searchCommunes('lille', { limit: '1' as never }).map((c) => c.code)).toEqual(['59350']);
    expect(searchCommunes('lille', { limit: 0 })).toEqual([]);
  });

  it('names a hostile region or département in its InvalidCodeError', () => {
    for (const option of ['region', 'departement'] as const) {
      let caught: unknown;
      try {
        searchCommunes('lille', { [option]: hostile });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidCodeError);
      expect((caught as InvalidCodeError).value).toBe('{"toString":false}');
      expect((caught as InvalidCodeError).messages.fr).toContain('«\u202f{"toString":false}\u202f»');
    }
  });

  it('never throws on random queries mixing prototype names, st/ste/s. and unicode (property)', () => {
    const token = fc.oneof(
      fc.constantFrom(...PROTO_NAMES, 'st', 'ste', 's', 's.', 'St.', 'lille', 'saint', 'quentin', '-', "'"),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    );
    const queryArb = fc
      .tuple(
        fc.array(token, { maxLength: 6 }),
        fc.array(fc.constantFrom(' ', '-', '.', '  ', '\u00a0'), { minLength: 6, maxLength: 6 }),
      )
      .map(([tokens, seps]) => tokens.map((t, i) => `${t}${seps[i] ?? ' '}`).join(''));
    fc.assert(
      fc.property(queryArb, fc.integer({ min: 0, max: 100 }), (q, limit) => {
        const found = searchCommunes(q, { limit });
        expect(Array.isArray(found)).toBe(true);
        expect(found.length).toBeLessThanOrEqual(limit);
        const codes = found.map((c) => c.code);
        expect(new Set(codes).size).toBe(codes.length);
        for (const c of found) {
          expect(c.code).toMatch(/^(\d{5}|2[AB]\d{3})$/);
          expect(typeof c.name).toBe('string');
          expect(c.region).toBe('32');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the CLI answers `territory constructor lille` with "no match" (1), not an internal error (70)', async () => {
    let out = '';
    let err = '';
    const ctx: CliContext = {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      stdin: Readable.from([]),
      env: { LC_ALL: 'en_US.UTF-8' },
      cwd: process.cwd(),
      exitCode: 0,
    };
    const code = await runCli(['territory', 'constructor', 'lille'], ctx);
    expect(code, `${out}${err}`).toBe(1);
  });
});

describe('mesh labels and XLSX parts named like prototype members', () => {
  const json = {
    units: [
      { code: 'A', label: 'Unit A', communes: ['59350'] },
      { code: 'constructor', label: 'Unit from file', communes: ['59009'] },
      { code: 'toString', communes: ['80021'] },
    ],
  };

  it('never takes Object.prototype members as unit labels, and only string labels', () => {
    const labels = (units: readonly { code: string; label?: unknown }[]) =>
      Object.fromEntries(units.map((u) => [u.code, u.label]));
    expect(labels(parseMeshJson(json, { unitLabels: { A: 'Renamed' } }).mesh.units)).toEqual({
      A: 'Renamed',
      constructor: 'Unit from file',
      toString: 'toString',
    });
    expect(
      labels(
        parseMeshCsv('commune,unit\n59350,A\n59009,constructor\n', {
          unitColumn: 'unit',
          unitLabels: { A: 'Renamed' },
        } as never).mesh.units,
      ),
    ).toEqual({ A: 'Renamed', constructor: 'constructor' });
    // A label that is not a string is not taken; an own "constructor" entry is.
    const unitLabels = JSON.parse('{"A": 5, "constructor": "Own label", "toString": {"x": 1}}') as Record<
      string,
      string
    >;
    expect(labels(parseMeshJson(json, { unitLabels }).mesh.units)).toEqual({
      A: 'Unit A',
      constructor: 'Own label',
      toString: 'toString',
    });
  });

  const workbook = (target: string) =>
    zipSync({
      'xl/workbook.xml': strToU8(
        '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships><Relationship Id="rId1" Target="${target}"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>commune</t></is></c><c r="B1" t="inlineStr"><is><t>unit</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>59350</t></is></c><c r="B2" t="inlineStr"><is><t>U</t></is></c></row></sheetData></worksheet>',
      ),
    });

  it('reports an XLSX relationship Target="/toString" as a MeshError, not a TypeError', () => {
    expect(parseMeshXlsx(workbook('worksheets/sheet1.xml'), { unitColumn: 'unit' }).mesh.units).toHaveLength(
      1,
    );
    for (const target of ['/toString', '/constructor', '/__proto__', '/hasOwnProperty']) {
      let caught: unknown;
      try {
        parseMeshXlsx(workbook(target), { unitColumn: 'unit' });
      } catch (error) {
        caught = error;
      }
      expect(caught, target).toBeInstanceOf(MeshError);
      expect((caught as MeshError).messages.en).toBe('mesh XLSX: sheet "S" has no data part');
      expect((caught as MeshError).messages.fr).toBe(
        'maillage XLSX\u00a0: la feuille "S" n’a pas de partie de données',
      );
    }
  });

  it('names a hostile sheet option in its MeshError', () => {
    let caught: unknown;
    try {
      parseMeshXlsx(workbook('worksheets/sheet1.xml'), { unitColumn: 'unit', sheet: 10n as never });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MeshError);
    expect((caught as MeshError).messages.en).toContain('no sheet 10n');
    expect((caught as MeshError).messages.fr).toContain('pas de feuille 10n');
  });
});

describe('builtinMesh with hostile options', () => {
  it('names a hostile region in an InvalidCodeError (French and English)', () => {
    for (const region of [hostile, 10n as never, 'constructor']) {
      let caught: unknown;
      try {
        builtinMesh('epci', { region });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidCodeError);
      const shown =
        typeof region === 'string' ? region : typeof region === 'bigint' ? '10n' : '{"toString":false}';
      expect((caught as InvalidCodeError).value).toBe(shown);
      expect((caught as InvalidCodeError).messages.fr).toContain(
        `code de région mal formé «\u202f${shown}\u202f»`,
      );
    }
    expect(builtinMesh('epci', { region: '32' })).toBe(builtinMesh('epci'));
  });

  it('names a hostile kind in its TypeError', () => {
    expect(() => builtinMesh(hostile)).toThrow('unknown built-in mesh kind {"toString":false}');
    expect(() => builtinMesh(10n as never)).toThrow('unknown built-in mesh kind 10n');
    expect(() => builtinMesh('constructor' as never)).toThrow('unknown built-in mesh kind "constructor"');
  });
});
