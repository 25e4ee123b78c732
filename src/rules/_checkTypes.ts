/**
 * The static check `compile` runs before building any closure: the type of every definition, criterion
 * and funding amount (wrong operand kinds, arity, unknown fields are `RuleSetError`s). Internal to
 * `cprdfop/rules`.
 */
import { renderBoth } from '../_shared/messages.js';
import { definitionOrder } from './_definitions.js';
import type { OperatorDefinition } from './defineOperator.js';
import { RuleSetError } from './errors.js';
import type { ValueType } from './operators/registry.js';
import type { Parameter, RuleSet } from './RuleSet.js';
import { declaredFieldTypes, type TypeEnvironment, typeInWords, typeOf } from './typeCheck.js';

/**
 * Type-checks a flat rule set's expressions.
 * @throws {@link RuleSetError} naming the first expression whose types do not fit.
 */
export function checkTypes(
  ruleSet: RuleSet,
  paramMap: ReadonlyMap<string, Parameter>,
  // biome-ignore lint/suspicious/noExplicitAny: operator definitions of any arity
  custom: Record<string, OperatorDefinition<any, any>> | undefined,
): void {
  const types: TypeEnvironment = {
    parameters: paramMap,
    fields: declaredFieldTypes(ruleSet.fields),
    custom: new Map(
      Object.entries(custom ?? {}).map(([name, definition]) => [
        name,
        { operands: definition.args, result: definition.returns },
      ]),
    ),
    definitions: new Map(),
  };
  const definitionList = ruleSet.definitions ?? [];
  const order = definitionOrder(definitionList);
  for (const index of order) {
    const definition = definitionList[index]!;
    (types.definitions as Map<string, ValueType>).set(
      definition.name,
      typeOf(definition.value, types, `definitions[${index}].value`),
    );
  }
  ruleSet.criteria.forEach((criterion, index) => {
    typeOf(criterion.when, types, `criteria[${index}].when`);
  });
  if (ruleSet.funding?.enabled) {
    const amount = typeOf(ruleSet.funding.amount, types, 'funding.amount');
    if (amount !== 'number' && amount !== 'any')
      throw new RuleSetError(
        'funding.amount',
        renderBoth(
          { fr: 'le montant doit être un nombre, pas {type}', en: 'the amount must be a number, not {type}' },
          { type: typeInWords(amount) },
        ),
      );
  }
}
