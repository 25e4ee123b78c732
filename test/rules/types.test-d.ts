import { describe, expectTypeOf, it } from 'vitest';
import type { Application, CheckResult } from '../../src/itie/index.js';
import {
  type CriterionStatus,
  compile,
  defineOperator,
  type Evaluator,
  type Explanation,
  type RuleSet,
  type Verdict,
} from '../../src/rules/index.js';

describe('public types', () => {
  it('compile returns an evaluator producing explanations', () => {
    expectTypeOf(compile).parameter(0).toEqualTypeOf<RuleSet>();
    expectTypeOf(compile).returns.toEqualTypeOf<Evaluator>();
    expectTypeOf<Evaluator['evaluate']>().returns.toEqualTypeOf<Explanation>();
    expectTypeOf<Explanation['verdict']>().toEqualTypeOf<Verdict>();
    expectTypeOf<Explanation['criteria'][number]['status']>().toEqualTypeOf<CriterionStatus>();
    expectTypeOf<Verdict>().toEqualTypeOf<'eligible' | 'ineligible' | 'undetermined'>();
  });
  it('custom operators are typed from their declared argument types', () => {
    defineOperator({
      args: ['number', 'string', 'list'],
      returns: 'boolean',
      evaluate: (n, s, l) => {
        expectTypeOf(n).toEqualTypeOf<number>();
        expectTypeOf(s).toEqualTypeOf<string>();
        expectTypeOf(l).toEqualTypeOf<readonly unknown[]>();
        return true;
      },
    });
    // @ts-expect-error a boolean operator cannot return a number
    defineOperator({ args: ['number'], returns: 'boolean', evaluate: (n) => n });
  });
  it('the application type follows the issue', () => {
    expectTypeOf<Application['budget']>().toEqualTypeOf<{ total?: number; requested?: number } | undefined>();
    expectTypeOf<CheckResult>().toMatchTypeOf<{ ok: boolean }>();
  });
});
