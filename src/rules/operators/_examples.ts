/**
 * The docs example of every built-in operator: a criterion `when` that passes on `application`. Docs-only
 * data, out of the evaluator's bundle (the registry's entries do not carry it): a test runs each one and
 * fails for an operator without an example or an example without an operator. Territory examples use the
 * communes of the toy provider of the tests.
 */
import type { ExpressionValue } from '../RuleSet.js';

/** An operator's docs example. */
export interface OperatorExample {
  readonly when: ExpressionValue;
  readonly application: Readonly<Record<string, unknown>>;
}

/** The docs examples, by operator name. */
export const OPERATOR_EXAMPLES: Readonly<Record<string, OperatorExample>> = {
  // values
  field: { when: { '==': [{ field: 'budget.total' }, 30000] }, application: { budget: { total: 30000 } } },
  param: { when: { '>=': [{ field: 'partners' }, { param: 'minPartners' }] }, application: { partners: 2 } },
  lit: { when: { '==': [{ field: 'pair' }, { lit: [1, 2] }] }, application: { pair: [1, 2] } },
  asOf: { when: { '>=': [{ asOf: [] }, '2023-01-01'] }, application: { submittedOn: '2023-05-01' } },
  call: { when: true, application: {} },
  item: {
    when: { some: [{ field: 'participants' }, { '<=': [{ item: 'age' }, 25] }] },
    application: { participants: [{ age: 40 }, { age: 19 }] },
  },
  isDefined: { when: { not: { isDefined: { field: 'otherFunding' } } }, application: {} },
  default: {
    when: {
      '==': [{ '+': [{ field: 'budget.total' }, { default: [{ field: 'budget.inKind' }, 0] }] }, 1000],
    },
    application: { budget: { total: 1000 } },
  },
  ref: {
    when: { '>=': [{ ref: 'eligibleCost' }, 1000] },
    application: { budget: { total: 1500, inKind: 300 } },
  },
  // logic
  all: {
    when: { all: [{ '>=': [{ field: 'age' }, 16] }, { '<=': [{ field: 'age' }, 25] }] },
    application: { age: 20 },
  },
  any: {
    when: { any: [{ field: 'rural' }, { field: 'priorityArea' }] },
    application: { rural: false, priorityArea: true },
  },
  not: { when: { not: { field: 'alreadyFunded' } }, application: { alreadyFunded: false } },
  if: {
    when: { '>=': [{ field: 'rate' }, { if: [{ field: 'rural' }, 0.5, 0.3] }] },
    application: { rural: true, rate: 0.5 },
  },
  // comparison
  '==': { when: { '==': [{ field: 'status' }, 'association'] }, application: { status: 'association' } },
  '!=': { when: { '!=': [{ field: 'status' }, 'company'] }, application: { status: 'association' } },
  '<': { when: { '<': [{ field: 'x' }, 10] }, application: { x: 5 } },
  '<=': { when: { '<=': [{ field: 'x' }, 10] }, application: { x: 5 } },
  '>': { when: { '>': [{ field: 'x' }, 10] }, application: { x: 20 } },
  '>=': { when: { '>=': [{ field: 'x' }, 10] }, application: { x: 20 } },
  // lists
  in: { when: { in: [{ field: 'status' }, ['association', 'epci']] }, application: { status: 'epci' } },
  subset: {
    when: { subset: [{ field: 'themes' }, ['mobility', 'housing', 'training']] },
    application: { themes: ['housing'] },
  },
  intersects: {
    when: { intersects: [{ field: 'themes' }, ['mobility', 'training']] },
    application: { themes: ['housing', 'training'] },
  },
  intersection: {
    when: { '==': [{ intersection: [{ field: 'themes' }, ['mobility', 'training']] }, ['training']] },
    application: { themes: ['housing', 'training'] },
  },
  count: { when: { '>=': [{ count: { field: 'partners' } }, 2] }, application: { partners: ['a', 'b'] } },
  distinct: {
    when: { '==': [{ count: { distinct: { field: 'types' } } }, 2] },
    application: { types: ['a', 'b', 'a'] },
  },
  pluck: {
    when: { '==': [{ pluck: [{ field: 'partners' }, 'type'] }, ['epci', 'association']] },
    application: { partners: [{ type: 'epci' }, { type: 'association' }] },
  },
  some: {
    when: { some: [{ field: 'partners' }, { '==': [{ item: 'type' }, 'epci'] }] },
    application: { partners: [{ type: 'association' }, { type: 'epci' }] },
  },
  every: {
    when: {
      every: [
        { field: 'participants' },
        { all: [{ '>=': [{ item: 'age' }, 16] }, { '<=': [{ item: 'age' }, 25] }] },
      ],
    },
    application: { participants: [{ age: 16 }, { age: 25 }] },
  },
  filter: {
    when: { '>=': [{ count: { filter: [{ field: 'participants' }, { '<=': [{ item: 'age' }, 25] }] } }, 2] },
    application: { participants: [{ age: 19 }, { age: 40 }, { age: 22 }] },
  },
  sum: {
    when: { '==': [{ sum: [{ field: 'partners' }, { item: 'amount' }] }, 0.3] },
    application: { partners: [{ amount: 0.1 }, { amount: 0.2 }] },
  },
  // strings
  startsWith: {
    when: { startsWith: [{ field: 'carrier.ape' }, '94'] },
    application: { carrier: { ape: '9499Z' } },
  },
  endsWith: {
    when: { endsWith: [{ field: 'carrier.ape' }, 'Z'] },
    application: { carrier: { ape: '9499Z' } },
  },
  // tables
  lookup: {
    when: {
      '==': [
        {
          lookup: [
            { field: 'carrier.kind' },
            [
              ['association', 0.8],
              ['company', 0.5],
            ],
          ],
        },
        0.8,
      ],
    },
    application: { carrier: { kind: 'association' } },
  },
  bracket: {
    when: {
      '==': [
        {
          bracket: [
            { field: 'budget.total' },
            [
              [0, 0.5],
              [10000, 0.4],
              [50000, 0.3],
            ],
          ],
        },
        0.4,
      ],
    },
    application: { budget: { total: 10000 } },
  },
  // arithmetic
  '+': { when: { '==': [{ '+': [{ field: 'a' }, 0.2] }, 0.3] }, application: { a: 0.1 } },
  '*': {
    when: { '<=': [{ field: 'requested' }, { '*': [{ field: 'total' }, 0.35] }] },
    application: { requested: 35000, total: 100000 },
  },
  '-': { when: { '==': [{ '-': [{ field: 'a' }, 0.1] }, 0.2] }, application: { a: 0.3 } },
  '/': { when: { '==': [{ '/': [{ field: 'a' }, 3] }, 0.5] }, application: { a: 1.5 } },
  min: { when: { '==': [{ min: [{ field: 'a' }, 100] }, 40] }, application: { a: 40 } },
  max: { when: { '==': [{ max: [{ field: 'a' }, 100] }, 100] }, application: { a: 40 } },
  round: { when: { '==': [{ round: [{ field: 'x' }, 2] }, 1.01] }, application: { x: 1.005 } },
  floor: { when: { '==': [{ floor: { field: 'x' } }, 2] }, application: { x: 2.5 } },
  ceil: { when: { '==': [{ ceil: { field: 'x' } }, 3] }, application: { x: 2.5 } },
  percent: { when: { '==': [{ percent: { field: 'rate' } }, 0.35] }, application: { rate: 35 } },
  // dates
  days: {
    when: { '==': [{ days: [{ field: 'start' }, { field: 'end' }] }, 30] },
    application: { start: '2023-04-01', end: '2023-05-01' },
  },
  months: {
    when: { '==': [{ months: [{ field: 'start' }, { field: 'end' }] }, 11] },
    application: { start: '2023-01-01', end: '2023-12-31' },
  },
  addDays: {
    when: { '==': [{ addDays: [{ field: 'start' }, 10] }, '2023-01-11'] },
    application: { start: '2023-01-01' },
  },
  addMonths: {
    when: { '==': [{ addMonths: [{ field: 'start' }, 1] }, '2023-02-28'] },
    application: { start: '2023-01-31' },
  },
  isDate: { when: { isDate: { field: 'start' } }, application: { start: '2024-02-29' } },
  durationMonths: {
    when: { '==': [{ durationMonths: [{ field: 'start' }, { field: 'end' }] }, 12] },
    application: { start: '2023-01-01', end: '2023-12-31' },
  },
  // territory
  inRegion: { when: { inRegion: { field: 'communes' } }, application: { communes: ['59350'] } },
  outsideRegion: {
    when: { '==': [{ outsideRegion: { field: 'communes' } }, []] },
    application: { communes: ['59350'] },
  },
  communes: {
    when: { '==': [{ communes: { field: 'communes' } }, ['59350']] },
    application: { communes: ['59350'] },
  },
  units: {
    when: { '==': [{ count: { units: [{ field: 'communes' }, 'departement'] } }, 1] },
    application: { communes: ['59350'] },
  },
  withinOne: {
    when: { withinOne: [{ field: 'communes' }, 'departement'] },
    application: { communes: ['59350'] },
  },
};
