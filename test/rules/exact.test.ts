/**
 * Exact decimal arithmetic (issue #12): every number stands for the decimal it is written as, and
 * `+ - * /`, comparisons, `min`/`max`, `round` (with modes), `floor`, `ceil` and `percent` are exact
 * on those decimals. Differential tests against an independent BigInt-rational reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, type ExpressionValue, parseRuleSet } from '../../src/rules/index.js';

const statusOf = (when: ExpressionValue, application: unknown = {}) =>
  compile(
    parseRuleSet({
      format: 'cprdfop.ruleset/1',
      id: 'exact',
      version: '1',
      title: { fr: 'Exact', en: 'Exact' },
      validFrom: '2000-01-01',
      criteria: [{ id: 'c', label: { fr: 'c', en: 'c' }, when }],
    }),
  ).evaluate(application, { asOf: '2020-01-01' }).criteria[0]!.status;
const funding = (amount: ExpressionValue, application: unknown) =>
  compile(
    parseRuleSet({
      format: 'cprdfop.ruleset/1',
      id: 'exact',
      version: '1',
      title: { fr: 'Exact', en: 'Exact' },
      validFrom: '2000-01-01',
      criteria: [],
      funding: { enabled: true, unit: 'EUR', amount },
    }),
  ).evaluate(application, { asOf: '2020-01-01' }).funding!.amount;

// ---- The reference: rationals [numerator, denominator] of BigInt, from decimal text ---------------
type Q = readonly [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d: bigint): Q => {
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return [(sign * n) / g, (sign * d) / g];
};
const fromText = (text: string): Q => {
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const n = BigInt(whole! + fraction) * (text.startsWith('-') ? -1n : 1n);
  return q(n, 10n ** BigInt(fraction.length));
};
const ref = {
  '+': (a: Q, b: Q) => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]),
  '-': (a: Q, b: Q) => q(a[0] * b[1] - b[0] * a[1], a[1] * b[1]),
  '*': (a: Q, b: Q) => q(a[0] * b[0], a[1] * b[1]),
  '/': (a: Q, b: Q) => (b[0] === 0n ? undefined : q(a[0] * b[1], a[1] * b[0])),
};
const cmp = (a: Q, b: Q) => {
  const l = a[0] * b[1];
  const r = b[0] * a[1];
  return l < r ? -1 : l > r ? 1 : 0;
};
/** floor(n / d) for d > 0. */
const floorDiv = (n: bigint, d: bigint) => (n >= 0n ? n / d : -((-n + d - 1n) / d));
/** Reference rounding to `places` with a mode, from floor and the doubled fraction. */
function refRound(x: Q, places: number, mode: string): Q {
  const scale = 10n ** BigInt(places);
  const n = x[0] * scale;
  const d = x[1];
  const low = floorDiv(n, d);
  const twiceFraction = 2n * (n - low * d); // in [0, 2d)
  let r: bigint;
  if (mode === 'floor') r = low;
  else if (mode === 'ceil') r = twiceFraction === 0n ? low : low + 1n;
  else if (twiceFraction < d) r = low;
  else if (twiceFraction > d) r = low + 1n;
  else if (mode === 'half-up') r = x[0] >= 0n ? low + 1n : low;
  else r = low % 2n === 0n ? low : low + 1n; // half-even
  return q(r, scale);
}

/** Decimal text: amounts up to 10^15 (integers), or up to 10^9 with up to 6 decimal places. */
const decimalText = fc.oneof(
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map(String),
  fc
    .tuple(
      fc.bigInt({ min: 0n, max: 10n ** 9n }),
      fc.integer({ min: 1, max: 6 }),
      fc.boolean(),
      fc.nat(999_999),
    )
    .map(([whole, places, negative, digits]) => {
      const fraction = String(digits % 10 ** places).padStart(places, '0');
      return `${negative ? '-' : ''}${whole}.${fraction}`;
    }),
  fc.constantFrom(
    '0.35',
    '0.07',
    '0.1',
    '0.2',
    '0.3',
    '1.005',
    '2.5',
    '-2.5',
    '0.000001',
    '1000000000000000',
  ),
);
type Tree = { text: string } | { op: '+' | '-' | '*' | '/'; left: Tree; right: Tree };
const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    decimalText.map((text) => ({ text })),
    fc.record({ op: fc.constantFrom('+', '-', '*', '/'), left: tie('t'), right: tie('t') }),
  ),
})).t;
const exprOf = (t: Tree): ExpressionValue =>
  'text' in t ? Number(t.text) : { [t.op]: [exprOf(t.left), exprOf(t.right)] };
const exactValue = (t: Tree): Q | undefined => {
  if ('text' in t) return fromText(t.text);
  const a = exactValue(t.left);
  const b = exactValue(t.right);
  return a && b ? ref[t.op](a, b) : undefined;
};

describe('exact decimal arithmetic', () => {
  it('the issue’s cases: total × 0.35 at the boundary, round(1.005, 2), 0.1 + 0.2', () => {
    for (const total of [100, 300, 700, 1100, 2900, 123_400, 999_999_999_999_900]) {
      const boundary = Number(fromText(String(total))[0] * 35n) / 100;
      expect(statusOf({ '<=': [boundary, { '*': [total, 0.35] }] })).toBe('pass');
      expect(
        statusOf(
          { '<=': [{ field: 'r' }, { '*': [{ field: 't' }, 0.07] }] },
          { r: (total * 7) / 100, t: total },
        ),
      ).toBe('pass');
    }
    expect(statusOf({ '==': [{ round: [1.005, 2] }, 1.01] })).toBe('pass');
    expect(statusOf({ '==': [{ '+': [0.1, 0.2] }, 0.3] })).toBe('pass');
    expect(statusOf({ '==': [{ '*': [{ '/': [1, 3] }, 3] }, 1] })).toBe('pass');
    expect(statusOf({ '<': [{ '/': [1, 3] }, 0.333333333333333] })).toBe('fail');
    expect(funding({ '*': [{ field: 'total' }, 0.35] }, { total: 1234.5 })).toBe(432.08);
  });

  it('boundaries `requested <= total × rate` agree with the reference (random)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: -2, max: 2 }),
        (total, rateMicros, offset) => {
          const rate = q(BigInt(rateMicros), 1_000_000n);
          const product = ref['*'](q(total, 1n), rate);
          // requested = the product rounded down to an integer, plus an offset of -2…2.
          const requested = floorDiv(product[0], product[1]) + BigInt(offset);
          const expected = cmp(q(requested, 1n), product) <= 0;
          const rateText = (rateMicros / 1_000_000).toString();
          expect(fromText(rateText)).toEqual(rate);
          const when = { '<=': [{ field: 'requested' }, { '*': [{ field: 'total' }, { field: 'rate' }] }] };
          const app = { requested: Number(requested), total: Number(total), rate: Number(rateText) };
          expect(statusOf(when, app)).toBe(expected ? 'pass' : 'fail');
          const constant = {
            '<=': [{ field: 'requested' }, { '*': [{ field: 'total' }, Number(rateText)] }],
          };
          expect(statusOf(constant, app)).toBe(expected ? 'pass' : 'fail');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('comparisons of random + - * / expressions agree with the reference', () => {
    fc.assert(
      fc.property(treeArb, treeArb, (a, b) => {
        const x = exactValue(a);
        const y = exactValue(b);
        const status = (op: string) => statusOf({ [op]: [exprOf(a), exprOf(b)] });
        if (!x || !y) {
          expect(status('<=')).toBe('unknown');
          return;
        }
        const c = cmp(x, y);
        expect(status('<=')).toBe(c <= 0 ? 'pass' : 'fail');
        expect(status('<')).toBe(c < 0 ? 'pass' : 'fail');
        expect(status('==')).toBe(c === 0 ? 'pass' : 'fail');
        expect(statusOf({ '==': [exprOf(a), { '+': [{ '-': [exprOf(a), exprOf(b)] }, exprOf(b)] }] })).toBe(
          'pass',
        );
      }),
      { numRuns: 400 },
    );
  });

  it('round with every mode, floor and ceil agree with the reference', () => {
    fc.assert(
      fc.property(
        treeArb,
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('half-up', 'half-even', 'floor', 'ceil'),
        (t, places, mode) => {
          const x = exactValue(t);
          if (!x) return;
          const r = refRound(x, places, mode);
          // Compare with the reference through the engine's exact equality (text of the rational).
          const expected = { '/': [Number(r[0]), Number(r[1])] };
          if (Math.abs(Number(r[0])) > Number.MAX_SAFE_INTEGER) return;
          expect(statusOf({ '==': [{ round: [exprOf(t), places, mode] }, expected] })).toBe('pass');
          if (places === 0 && (mode === 'floor' || mode === 'ceil'))
            expect(statusOf({ '==': [{ [mode]: exprOf(t) }, expected] })).toBe('pass');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('round halves: half-up away from zero, half-even to the even neighbour', () => {
    const cases: [number, number, string, number][] = [
      [2.5, 0, 'half-up', 3],
      [-2.5, 0, 'half-up', -3],
      [2.5, 0, 'half-even', 2],
      [3.5, 0, 'half-even', 4],
      [-2.5, 0, 'half-even', -2],
      [1.005, 2, 'half-up', 1.01],
      [1.015, 2, 'half-even', 1.02],
      [1.025, 2, 'half-even', 1.02],
      [-1.1, 0, 'floor', -2],
      [-1.1, 0, 'ceil', -1],
      [1234.5, -2, 'half-up', 1200],
    ];
    for (const [x, places, mode, expected] of cases)
      expect(statusOf({ '==': [{ round: [x, places, mode] }, expected] }), `${x} ${places} ${mode}`).toBe(
        'pass',
      );
    expect(statusOf({ '==': [{ round: [2.5, 0, 'nearest'] }, 3] })).toBe('unknown');
    expect(statusOf({ '==': [{ round: [2.5, 0.5] }, 3] })).toBe('unknown');
  });

  it('percent: a percentage is a rate over 100, exactly', () => {
    expect(statusOf({ '==': [{ percent: 35 }, 0.35] })).toBe('pass');
    expect(
      statusOf(
        { '<=': [{ field: 'r' }, { '*': [{ field: 't' }, { percent: { field: 'p' } }] }] },
        { r: 7, t: 100, p: 7 },
      ),
    ).toBe('pass');
    expect(() => statusOf({ '==': [{ percent: 'x' }, 0] })).toThrow(/expects a number, not a string/);
    expect(statusOf({ '==': [{ percent: { field: 'x' } }, 0] }, { x: 'x' })).toBe('unknown');
  });

  it('min and max compare exactly; a division by zero is unknown', () => {
    expect(statusOf({ '==': [{ min: [{ '/': [1, 3] }, 0.3333333333333333] }, { '/': [1, 3] }] })).toBe(
      'fail',
    );
    expect(statusOf({ '==': [{ max: [{ '/': [1, 3] }, 0.3333333333333333] }, { '/': [1, 3] }] })).toBe(
      'pass',
    );
    expect(statusOf({ '==': [{ max: [{ '/': [1, 3] }, 0.3] }, { '/': [1, 3] }] })).toBe('pass');
    expect(statusOf({ '==': [{ '/': [{ field: 'a' }, 0] }, 1] }, { a: 1 })).toBe('unknown');
  });
});
