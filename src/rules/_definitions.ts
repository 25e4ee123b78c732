/**
 * Named intermediate values (`definitions`, issue #12): ordered so that each is compiled after the
 * definitions it refers to; a cycle is a `RuleSetError` naming the definitions in it and a JSON pointer.
 */
import { renderBoth } from '../_shared/messages.js';
import { RuleSetError } from './errors.js';
import type { Definition, ExpressionValue } from './RuleSet.js';

/** The names an expression refers to with `{"ref": …}`. */
function references(node: ExpressionValue, found: Set<string>): Set<string> {
  if (node === null || typeof node !== 'object') return found;
  if (Array.isArray(node)) {
    for (const item of node) references(item, found);
    return found;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ref' && typeof value === 'string') found.add(value);
    else if (key !== 'lit') references(value, found);
  }
  return found;
}

/**
 * The definitions' indexes in dependency order (each after those it refers to).
 * @throws {@link RuleSetError} for a cycle (`definitions[2].value: definitions refer to each other in a
 * cycle: a → b → a (JSON pointer /definitions/2/value)`).
 */
export function definitionOrder(definitions: readonly Definition[]): number[] {
  const indexOf = new Map(definitions.map((definition, index) => [definition.name, index]));
  const state = new Array<0 | 1 | 2>(definitions.length).fill(0);
  const order: number[] = [];
  const visit = (index: number, chain: string[]) => {
    if (state[index] === 2) return;
    const name = definitions[index]!.name;
    if (state[index] === 1) {
      const cycle = [...chain.slice(chain.indexOf(name)), name];
      throw new RuleSetError(
        `definitions[${index}].value`,
        renderBoth(
          {
            fr: 'des définitions se réfèrent les unes aux autres en cycle : {cycle} (pointeur JSON {pointer})',
            en: 'definitions refer to each other in a cycle: {cycle} (JSON pointer {pointer})',
          },
          { cycle: cycle.join(' → '), pointer: `/definitions/${index}/value` },
        ),
      );
    }
    state[index] = 1;
    for (const target of references(definitions[index]!.value, new Set())) {
      const next = indexOf.get(target);
      if (next !== undefined) visit(next, [...chain, name]);
    }
    state[index] = 2;
    order.push(index);
  };
  for (let index = 0; index < definitions.length; index++) visit(index, []);
  return order;
}
