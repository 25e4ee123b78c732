import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateMessages } from '../../src/_shared/isoDate.js';
import { renderBoth } from '../../src/_shared/messages.js';
import { showValue } from '../../src/_shared/showValue.js';
import { classify } from '../../src/geo/index.js';
import { odsqlLiteral } from '../../src/opendata/odsql.js';
import { safeParseRuleSet } from '../../src/rules/index.js';
import { InvalidCodeError, resolveTerritory } from '../../src/territory/index.js';

/** Values on which `String(value)` throws or lies: the inputs that crashed error messages. */
function hostileValues({ revokedProxy = true } = {}): unknown[] {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  const throwingJson = {
    toJSON() {
      throw new Error('boom');
    },
    toString: false,
  };
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  return [
    { toString: false },
    Object.create(null),
    { toString: false, valueOf: false },
    [{ toString: false }],
    cyclic,
    throwingJson,
    { big: 1n, toString: false },
    ...(revokedProxy ? [revoked.proxy] : []),
    Symbol('s'),
    () => 1,
  ];
}

describe('showValue', () => {
  it('never throws, on hostile values', () => {
    for (const value of hostileValues()) expect(typeof showValue(value)).toBe('string');
  });

  it('shows primitives as String does and objects as JSON', () => {
    expect(showValue('a b')).toBe('a b');
    expect(showValue(12.5)).toBe('12.5');
    expect(showValue(null)).toBe('null');
    expect(showValue(undefined)).toBe('undefined');
    expect(showValue(true)).toBe('true');
    expect(showValue(3n)).toBe('3n');
    expect(showValue({ toString: false })).toBe('{"toString":false}');
    expect(showValue(Object.create(null))).toBe('{}');
    expect(showValue(new Date(Number.NaN))).toBe('Invalid Date');
  });

  it('cuts long texts to maxLength, ending with …, never inside a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 1, max: 100 }),
        (text, max) => {
          const shown = showValue(text, max);
          expect(shown.length).toBeLessThanOrEqual(max);
          if (text.length <= max) expect(shown).toBe(text);
          else {
            expect(shown.endsWith('…')).toBe(true);
            expect(text.startsWith(shown.slice(0, -1))).toBe(true);
            expect(shown).not.toMatch(
              /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
            );
          }
        },
      ),
    );
  });
});

describe('error messages on hostile values never crash', () => {
  it('isoDateMessages names the value', () => {
    for (const value of hostileValues()) {
      const messages = isoDateMessages(value);
      expect(messages.fr).toContain('invalide');
    }
    expect(isoDateMessages({ toString: false }).en).toContain('{"toString":false}');
  });

  it('safeParseRuleSet refuses the property test counterexample [{"toString":false}] cleanly', () => {
    // A revoked Proxy is left out: no JSON document or parsed value is one (showValue alone handles it).
    const documents = hostileValues({ revokedProxy: false });
    for (const doc of [[{ toString: false }], { validFrom: { toString: false } }, ...documents]) {
      const result = safeParseRuleSet(doc);
      expect(result.success).toBe(false);
    }
    const nearly = safeParseRuleSet({
      format: 'cprdfop.ruleset/1',
      id: 'x',
      version: '1',
      title: { fr: 'x', en: 'x' },
      validFrom: { toString: false },
      criteria: [],
    });
    expect(nearly.success).toBe(false);
    if (!nearly.success) expect(nearly.issues.map((issue) => issue.path)).toContain('validFrom');
  });

  it('InvalidCodeError and resolveTerritory name a hostile code', () => {
    expect(new InvalidCodeError({ toString: false }, 'commune').message).toContain('toString');
    const resolved = resolveTerritory({
      communes: [{ toString: false }],
      epcis: { toString: false },
    } as never);
    const shown = JSON.stringify(resolved.diagnostics);
    expect(shown).toContain('toString');
  });

  it('a long string code is kept whole in the diagnostic and the error (only non-strings go through showValue)', () => {
    const long = `59${'9'.repeat(198)}`;
    expect(new InvalidCodeError(long, 'commune').message).toContain(long);
    const resolved = resolveTerritory({ communes: [long] });
    expect(resolved.diagnostics.map((diagnostic) => diagnostic.code)).toContain(long);
  });

  it('odsqlLiteral, classify and renderBoth report a hostile value with a typed error or a text', () => {
    expect(() => odsqlLiteral({ toString: false } as never)).toThrow(
      /unsupported ODSQL value \{"toString":false\}/,
    );
    expect(() => classify([1, 2, 3], { method: 'manual', breaks: [{ toString: false }] as never })).toThrow(
      /manual break 1 is \{"toString":false\}/,
    );
    const rendered = renderBoth({ fr: 'valeur {v}', en: 'value {v}' }, { v: { toString: false } as never });
    expect(rendered.en).toBe('value {"toString":false}');
  });
});
